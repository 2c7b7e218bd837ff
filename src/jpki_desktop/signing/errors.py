"""Typed signing errors. They carry data, never sentences (the CLI and UI phrase them)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path


class SigningError(Exception):
    """Root of every error raised while producing a signature, XML signature or package."""


class UnsupportedAlgorithm(SigningError):
    """A digest or padding this engine refuses to produce (e.g. SHA-1)."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


class SignatureCheckFailed(SigningError):
    """The card's signature does not verify with the certificate read from the same card.

    Checked before anything is written: it means the key and certificate do not belong together.
    """


class NoSigningCertificate(SigningError):
    """The card has no signing certificate (e.g. issued to a holder under 15)."""


class InvalidInput(SigningError):
    """Input that cannot be signed or packaged. `what` is a machine-readable code."""

    def __init__(self, what: str, subject: str = "") -> None:
        super().__init__(f"{what}: {subject}" if subject else what)
        self.what = what
        self.subject = subject


class AttachmentChanged(SigningError):
    """An attachment changed size while it was being packaged; nothing was written."""

    def __init__(self, path: Path, expected: int, actual: int) -> None:
        super().__init__(f"{path}: {expected} -> {actual}")
        self.path = path
        self.expected = expected
        self.actual = actual


class RecipientCertUnsuitable(SigningError):
    """The agency certificate cannot receive an encrypted package. `reason`: a code such as
    ``not_rsa``, ``key_too_small``, ``no_key_encipherment``, ``expired``, ``not_yet_valid``."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class EnvelopeError(Exception):
    """Root of errors while opening an encrypted package (verifier side)."""


class WrongRecipient(EnvelopeError):
    """The package is not encrypted to the given certificate."""


class DecryptionFailed(EnvelopeError):
    """The key does not open the package, or the ciphertext/tag was altered. One error for
    every cause so that the answer is no padding or tag oracle."""


class MalformedEnvelope(EnvelopeError):
    """Not a CMS AuthEnvelopedData this engine reads, or truncated. `what` says where."""

    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what


class TimestampError(SigningError):
    """No usable RFC 3161 timestamp from the TSA at `url`; nothing was written."""

    def __init__(self, url: str, what: str) -> None:
        super().__init__(f"{url}: {what}")
        self.url = url
        self.what = what


class TsaUnreachable(TimestampError):
    """No answer: connection refused, name not found, timeout (`what` says which)."""


class TsaBadAnswer(TimestampError):
    """An answer that is no usable token: not a TimeStampResp, HTTP error status, wrong nonce,
    wrong imprint, a token whose signature does not verify, too large."""


class TsaRefused(TimestampError):
    """The TSA answered with a status other than granted (`what` is that status)."""


class CertificateUnusable(SigningError):
    """The signing certificate cannot make a valid signature at `now` (the computer's clock):
    `problem` is ``expired``, ``not_yet_valid`` or ``revoked`` (of the signing certificate) or
    ``ca_expired`` / ``ca_not_yet_valid`` (of the card's signing CA, checked before the
    password). Raised before COMPUTE DIGITAL SIGNATURE: nothing was signed or written."""

    def __init__(
        self,
        problem: str,
        *,
        now: dt.datetime,
        not_before: dt.datetime | None = None,
        not_after: dt.datetime | None = None,
        revoked_at: dt.datetime | None = None,
    ) -> None:
        super().__init__(problem)
        self.problem = problem
        self.now = now
        self.not_before = not_before
        self.not_after = not_after
        self.revoked_at = revoked_at


class PdfRefused(SigningError):
    """A PDF that is not signed, found before the card is touched. `reason` is a code:
    ``not_pdf``, ``damaged``, ``encrypted``, ``certified_no_changes`` (DocMDP P=1),
    ``page_out_of_range``, ``bad_box``; `detail` is data (a page number, a parser message)."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


# the PDF use case's name for the same failure
TimestampFailed = TimestampError

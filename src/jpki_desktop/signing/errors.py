"""Typed signing errors. They carry data, never sentences (the CLI and UI phrase them)."""

from __future__ import annotations

from dataclasses import KW_ONLY
from typing import TYPE_CHECKING

from ..typed_error import TypedError

if TYPE_CHECKING:
    import datetime as dt
    from pathlib import Path


class SigningError(TypedError):
    """Root of every error raised while producing a signature, XML signature or package."""


class UnsupportedAlgorithm(SigningError):
    """A digest or padding this engine refuses to produce (e.g. SHA-1)."""

    name: str


class SignatureCheckFailed(SigningError):
    """The card's signature does not verify with the certificate read from the same card.

    Checked before anything is written: it means the key and certificate do not belong together.
    """


class NoSigningCertificate(SigningError):
    """The card has no signing certificate (e.g. issued to a holder under 15)."""


class InvalidInput(SigningError):
    """Input that cannot be signed or packaged. `what` is a machine-readable code."""

    what: str
    subject: str = ""
    _text = ("{what}", "{subject}")


class AttachmentChanged(SigningError):
    """An attachment changed size while it was being packaged; nothing was written."""

    path: Path
    expected: int
    actual: int
    _text = "{path}: {expected} -> {actual}"


class RecipientCertUnsuitable(SigningError):
    """The agency certificate cannot receive an encrypted package. `reason`: a code such as
    ``not_rsa``, ``key_too_small``, ``no_key_encipherment``, ``expired``, ``not_yet_valid``."""

    reason: str


class EnvelopeError(TypedError):
    """Root of errors while opening an encrypted package (verifier side)."""


class WrongRecipient(EnvelopeError):
    """The package is not encrypted to the given certificate."""


class DecryptionFailed(EnvelopeError):
    """The key does not open the package, or the ciphertext/tag was altered. One error for
    every cause so that the answer is no padding or tag oracle."""


class MalformedEnvelope(EnvelopeError):
    """Not a CMS AuthEnvelopedData this engine reads, or truncated. `what` says where."""

    what: str


class TimestampError(SigningError):
    """No usable RFC 3161 timestamp from the TSA at `url`; nothing was written."""

    url: str
    what: str
    _text = "{url}: {what}"


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

    problem: str
    _: KW_ONLY
    now: dt.datetime
    not_before: dt.datetime | None = None
    not_after: dt.datetime | None = None
    revoked_at: dt.datetime | None = None


class PdfRefused(SigningError):
    """A PDF that is not signed, found before the card is touched. `reason` is a code:
    ``not_pdf``, ``damaged``, ``encrypted``, ``certified_no_changes`` (DocMDP P=1),
    ``page_out_of_range``, ``bad_box``; `detail` is data (a page number, a parser message)."""

    reason: str
    detail: str = ""
    _text = ("{reason}", "{detail}")


# the PDF use case's name for the same failure
TimestampFailed = TimestampError

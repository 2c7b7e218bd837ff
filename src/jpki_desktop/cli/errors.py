"""Every exception → (message, exit code), in one place."""

from __future__ import annotations

import errno

from ..card import errors as E
from ..card.pins import FormatProblem, PinKind
from ..net import errors as N
from ..signing.errors import EnvelopeError, SigningError
from ..trust.anchors import BundledAnchorTampered
from ..validity.errors import ValidityError
from . import exitcodes as X
from .signing_text import describe_signing
from .submission_text import describe as describe_submission
from .validity_text import describe_anchor, describe_validity

PIN_NAMES = {
    PinKind.SIGN: "signing password (署名用パスワード)",
    PinKind.AUTH: "user authentication PIN (利用者証明用暗証番号)",
    PinKind.CARD_INFO: "card-info PIN (券面事項入力補助用暗証番号)",
}

FORMAT_TEXT = {
    FormatProblem.EMPTY: "nothing was entered",
    FormatProblem.TOO_SHORT: "too short",
    FormatProblem.TOO_LONG: "too long",
    FormatProblem.FULL_WIDTH: "full-width characters (turn the Japanese input method off)",
    FormatProblem.SPACE: "contains a space",
    FormatProblem.NOT_DIGITS: "must be 4 digits",
    FormatProblem.BAD_CHARACTER: "only letters A-Z and digits 0-9 are allowed",
    FormatProblem.NEEDS_LETTER_AND_DIGIT: "must mix letters and digits",
}


class VerifyInputError(Exception):
    """An option of `jpki verify` that cannot be used; nothing was verified."""

    def __init__(self, what: str, subject: str = "") -> None:
        super().__init__(what)
        self.what = what
        self.subject = subject


VERIFY_INPUT_TEXT = {
    "decrypt_pair": (
        "--decrypt-key and --decrypt-cert go together: give the agency's private key "
        "and its encryption certificate"
    ),
    "certificate_file": "not a PEM or DER certificate",
    "key_file": "not an unencrypted PEM or DER RSA private key",
    "crl_file": "not a PEM or DER CRL",
}

UNBLOCK = "Reset it at your municipal office (bring the card and photo ID){kiosk}."


def unblock_advice(kind: PinKind, other_works: bool | None = None) -> str:
    kiosk = ""
    if kind in (PinKind.SIGN, PinKind.AUTH) and other_works is not False:
        other = "user authentication PIN" if kind is PinKind.SIGN else "signing password"
        kiosk = f", or at a convenience-store kiosk with the JPKI PIN reset app if your {other} still works"
    return UNBLOCK.format(kiosk=kiosk)


def describe(exc: BaseException) -> tuple[str, int]:
    if isinstance(exc, VerifyInputError):
        text = VERIFY_INPUT_TEXT.get(exc.what, exc.what)
        where = f" ({exc.subject})" if exc.subject else ""
        return f"Nothing was verified: {text}{where}.", X.USAGE
    if isinstance(exc, N.HttpError):
        return describe_http(exc), X.UNCHECKED

    if isinstance(exc, (ValidityError, BundledAnchorTampered)):  # phrased in validity_text
        return (
            describe_anchor(exc)
            if isinstance(exc, BundledAnchorTampered)
            else describe_validity(exc)
        )
    if isinstance(exc, (SigningError, EnvelopeError)):  # phrased in signing_text
        return describe_signing(exc)
    submission = describe_submission(exc)  # procedures, outbox, agency answers
    if submission is not None:
        return submission
    if isinstance(exc, E.PcscUnavailable):
        return (
            "The smart card service is not running. On Linux: sudo systemctl enable --now pcscd.socket "
            "(or run 'jpki diagnose').",
            X.NO_SERVICE,
        )
    if isinstance(exc, E.NoReader):
        who = f" '{exc.reader_name}'" if exc.reader_name else ""
        return (
            f"No card reader{who} found. Connect the reader and check its driver ('jpki readers').",
            X.NO_SERVICE,
        )
    if isinstance(exc, E.NoCard):
        return "No card in the reader. Insert your My Number card.", X.NO_CARD
    if isinstance(exc, E.CardRemoved):
        return (
            "The card was removed during the operation. Insert it again and retry; nothing was saved.",
            X.NO_CARD,
        )
    if isinstance(exc, E.ReaderBusy):
        held = " and did not let go within the wait" if exc.transaction else ""
        return (
            f"The reader is in use by another program{held}. Close that program (or let it "
            "finish) and retry.",
            X.NO_CARD,
        )
    if isinstance(exc, E.NotJpkiCard):
        return "This card has no JPKI application: it is not a My Number card.", X.NOT_JPKI
    if isinstance(exc, E.PinFormatError):
        problem = FORMAT_TEXT.get(FormatProblem(exc.reason), exc.reason)
        return f"The {PIN_NAMES[exc.kind]} was not sent to the card: {problem}.", X.PIN_REFUSED
    if isinstance(exc, E.FinalTryNotConfirmed):
        return (
            f"Only one try is left for the {PIN_NAMES[exc.kind]}. Nothing was sent. "
            "Run again and confirm (or pass --final-try) if you are sure.",
            X.PIN_REFUSED,
        )
    if isinstance(exc, E.PinNotSet):
        return (
            f"No {PIN_NAMES[exc.kind]} is set on this card (a face-authentication card has none); "
            "nothing was sent. The municipal office can set one.",
            X.PIN_REFUSED,
        )
    if isinstance(exc, E.PinBlocked):
        return f"The {PIN_NAMES[exc.kind]} is blocked. {unblock_advice(exc.kind)}", X.PIN_BLOCKED
    if isinstance(exc, E.PinIncorrect):
        n = exc.remaining
        return (
            f"Wrong {PIN_NAMES[exc.kind]}. {n} {'try' if n == 1 else 'tries'} left (read from the card).",
            X.PIN_INCORRECT,
        )
    if isinstance(exc, E.SecurityStatusNotSatisfied):
        return "The card requires a password for this operation.", X.ERROR
    if isinstance(exc, E.CardDataError):
        return f"The card returned malformed data ({exc.what}).", X.ERROR
    if isinstance(exc, E.ApduError):
        return f"The card refused the command (status {exc.sw:04X}).", X.ERROR
    if isinstance(exc, E.TransportError):
        return f"Card reader communication failed ({exc.detail}).", X.NO_CARD
    if isinstance(exc, OSError):
        filename = exc.filename
        text = f"{exc.strerror or exc}" + (f" ({filename})" if filename else "")
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            text += ". Free some space and retry; no output file was written or changed"
        return f"{text}.", X.ERROR
    return f"Unexpected error: {type(exc).__name__}: {exc}", X.ERROR


def describe_http(exc: BaseException) -> str:
    """One sentence for each error of the HTTP client (net/errors.py)."""
    if isinstance(exc, N.TimedOut):
        return (
            f"{exc.url} did not answer completely within {exc.timeout:g} s (slow or silent server)."
        )
    if isinstance(exc, N.ResponseTooLarge):
        return f"{exc.url} sent more than {exc.limit} bytes; the answer was refused."
    if isinstance(exc, N.BadScheme):
        return f"{exc.url}: only http and https are used (not {exc.scheme})."
    if isinstance(exc, N.TooManyRedirects):
        return f"{exc.url} redirected more than {exc.limit} times; giving up."
    if isinstance(exc, N.DnsFailed):
        return (
            f"The server name {exc.host} could not be resolved. Check the address and the network."
        )
    if isinstance(exc, N.ProxyAuthRequired):
        return (
            f"The proxy {exc.proxy} refused the credentials (HTTP 407). "
            "Give them in the proxy URL: http://user:password@host:port."
        )
    if isinstance(exc, N.ProxyRefused):
        return f"The proxy {exc.proxy} refused the connection (HTTP {exc.status})."
    if isinstance(exc, N.ProxyError):
        return f"The proxy {exc.proxy} could not be reached. Check the proxy setting."
    if isinstance(exc, N.TlsVerifyFailed):
        return (
            f"The server {exc.host} presented a certificate that is not trusted "
            f"({exc.detail}); nothing was sent."
        )
    if isinstance(exc, N.TlsFailed):
        return f"The secure connection to {exc.url} failed ({exc.detail})."
    if isinstance(exc, N.ConnectFailed):
        return f"{exc.host}:{exc.port} could not be reached ({exc.detail}). Check the address and the network."
    if isinstance(exc, N.HttpStatusError):
        return f"{exc.url} answered HTTP {exc.status}."
    if isinstance(exc, N.ProtocolFailed):
        return f"{exc.url} sent an answer that is not HTTP this program can read ({exc.detail})."
    return f"The request to {getattr(exc, 'url', '?')} failed."

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
from .sentences import Sentence, aside, nearest, say
from .signing_text import describe_signing
from .submission_text import describe as describe_submission
from .validity_text import describe_anchor, describe_validity

# Each PIN's name in English and in Japanese; a message names it in both.
PIN_WORDS = {
    PinKind.SIGN: ("signing password", "署名用パスワード"),
    PinKind.AUTH: ("user authentication PIN", "利用者証明用暗証番号"),
    PinKind.CARD_INFO: ("card-info PIN", "券面事項入力補助用暗証番号"),
}
PIN_NAMES = {kind: f"{en} ({ja})" for kind, (en, ja) in PIN_WORDS.items()}

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
        other, _ja = PIN_WORDS[PinKind.AUTH if kind is PinKind.SIGN else PinKind.SIGN]
        kiosk = f", or at a convenience-store kiosk with the JPKI PIN reset app if your {other} still works"
    return UNBLOCK.format(kiosk=kiosk)


# Card errors phrased from their own attributes (see sentences.py).
CARD_SENTENCES: dict[type[BaseException], Sentence] = {
    E.PcscUnavailable: Sentence(
        "The smart card service is not running. On Linux: sudo systemctl enable --now "
        "pcscd.socket (or run 'jpki diagnose').",
        X.NO_SERVICE,
    ),
    E.NoCard: Sentence("No card in the reader. Insert your My Number card.", X.NO_CARD),
    E.CardRemoved: Sentence(
        "The card was removed during the operation. Insert it again and retry; nothing was saved.",
        X.NO_CARD,
    ),
    E.NotJpkiCard: Sentence(
        "This card has no JPKI application: it is not a My Number card.", X.NOT_JPKI
    ),
    E.SecurityStatusNotSatisfied: Sentence("The card requires a password for this operation."),
    E.CardDataError: Sentence("The card returned malformed data ({e.what})."),
    E.ApduError: Sentence("The card refused the command (status {e.sw:04X})."),
    E.TransportError: Sentence("Card reader communication failed ({e.detail}).", X.NO_CARD),
}

# PIN errors phrased with the PIN's name ({pin}) and, when blocked, where to reset it ({advice}).
PIN_SENTENCES: dict[type[BaseException], Sentence] = {
    E.FinalTryNotConfirmed: Sentence(
        "Only one try is left for the {pin}. Nothing was sent. "
        "Run again and confirm (or pass --final-try) if you are sure.",
        X.PIN_REFUSED,
    ),
    E.PinNotSet: Sentence(
        "No {pin} is set on this card (a face-authentication card has none); "
        "nothing was sent. The municipal office can set one.",
        X.PIN_REFUSED,
    ),
    E.PinBlocked: Sentence("The {pin} is blocked. {advice}", X.PIN_BLOCKED),
}

# One sentence for each error of the HTTP client (net/errors.py), filled from the error.
HTTP_SENTENCES: dict[type[BaseException], str] = {
    N.TimedOut: "{e.url} did not answer completely within {e.timeout:g} s (slow or silent server).",
    N.ResponseTooLarge: "{e.url} sent more than {e.limit} bytes; the answer was refused.",
    N.BadScheme: "{e.url}: only http and https are used (not {e.scheme}).",
    N.TooManyRedirects: "{e.url} redirected more than {e.limit} times; giving up.",
    N.DnsFailed: (
        "The server name {e.host} could not be resolved. Check the address and the network."
    ),
    N.ProxyAuthRequired: (
        "The proxy {e.proxy} refused the credentials (HTTP 407). "
        "Give them in the proxy URL: http://user:password@host:port."
    ),
    N.ProxyRefused: "The proxy {e.proxy} refused the connection (HTTP {e.status}).",
    N.ProxyError: "The proxy {e.proxy} could not be reached. Check the proxy setting.",
    N.TlsVerifyFailed: (
        "The server {e.host} presented a certificate that is not trusted "
        "({e.detail}); nothing was sent."
    ),
    N.TlsFailed: "The secure connection to {e.url} failed ({e.detail}).",
    N.ConnectFailed: (
        "{e.host}:{e.port} could not be reached ({e.detail}). Check the address and the network."
    ),
    N.HttpStatusError: "{e.url} answered HTTP {e.status}.",
    N.ProtocolFailed: (
        "{e.url} sent an answer that is not HTTP this program can read ({e.detail})."
    ),
}


def describe(exc: BaseException) -> tuple[str, int]:
    if isinstance(exc, VerifyInputError):
        text = VERIFY_INPUT_TEXT.get(exc.what, exc.what)
        return f"Nothing was verified: {text}{aside(exc.subject)}.", X.USAGE
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
    fixed = say(exc, CARD_SENTENCES)
    if fixed is not None:
        return fixed
    if isinstance(exc, E.NoReader):
        who = f" '{exc.reader_name}'" if exc.reader_name else ""
        return (
            f"No card reader{who} found. Connect the reader and check its driver ('jpki readers').",
            X.NO_SERVICE,
        )
    if isinstance(exc, E.ReaderBusy):
        held = " and did not let go within the wait" if exc.transaction else ""
        return (
            f"The reader is in use by another program{held}. Close that program (or let it "
            "finish) and retry.",
            X.NO_CARD,
        )
    if isinstance(exc, E.PinFormatError):
        problem = FORMAT_TEXT.get(FormatProblem(exc.reason), exc.reason)
        return f"The {PIN_NAMES[exc.kind]} was not sent to the card: {problem}.", X.PIN_REFUSED
    if isinstance(exc, (E.PinError, E.PinNotSet)):
        named = say(exc, PIN_SENTENCES, pin=PIN_NAMES[exc.kind], advice=unblock_advice(exc.kind))
        if named is not None:
            return named
    if isinstance(exc, E.PinIncorrect):
        n = exc.remaining
        return (
            f"Wrong {PIN_NAMES[exc.kind]}. {n} {'try' if n == 1 else 'tries'} left (read from the card).",
            X.PIN_INCORRECT,
        )
    if isinstance(exc, OSError):
        text = f"{exc.strerror or exc}{aside(exc.filename)}"
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            text += ". Free some space and retry; no output file was written or changed"
        return f"{text}.", X.ERROR
    return f"Unexpected error: {type(exc).__name__}: {exc}", X.ERROR


def describe_http(exc: BaseException) -> str:
    """One sentence for each error of the HTTP client (net/errors.py)."""
    template = nearest(exc, HTTP_SENTENCES)
    if template is None:
        return f"The request to {getattr(exc, 'url', '?')} failed."
    return template.format(e=exc)

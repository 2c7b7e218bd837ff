"""Every sentence the GUI shows about the card, PINs and errors, translated, in one place.

The core raises typed errors carrying data; this module turns them into a title, a text and a
next step. Strings go through `translate("Messages", ...)` so `pyside6-lupdate` finds them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from ..app.card_state import CardState, Presence
from ..app.errors import SendingUnavailable
from ..card import errors as E
from ..card.jpki import CardKind
from ..card.pins import FormatProblem, PinKind, PinState, PinStatus
from ..card.snapshot import CardVariant, ReadProgress, ReadStep, Unread
from ..procedures import errors as P
from ..signing import errors as S
from ..submission import errors as SU
from .words import QT_TRANSLATE_NOOP, Words

if TYPE_CHECKING:
    from ..submission.receipt import Rejection

translate = QCoreApplication.translate


@dataclass(frozen=True)
class ErrorText:
    title: str
    text: str
    hint: str = ""

    def full(self) -> str:
        return f"{self.text}\n{self.hint}" if self.hint else self.text


# Each PIN in words: in a sentence, as a title, and as a form label with a keyboard mnemonic.
_PIN_WORDS = {
    PinKind.SIGN: (
        QT_TRANSLATE_NOOP("Messages", "signing password"),
        QT_TRANSLATE_NOOP("Messages", "Signing password"),
        QT_TRANSLATE_NOOP("Messages", "Signing &password:"),
    ),
    PinKind.AUTH: (
        QT_TRANSLATE_NOOP("Messages", "user authentication PIN"),
        QT_TRANSLATE_NOOP("Messages", "User authentication PIN"),
        QT_TRANSLATE_NOOP("Messages", "&User authentication PIN:"),
    ),
    PinKind.CARD_INFO: (
        QT_TRANSLATE_NOOP("Messages", "card-info PIN"),
        QT_TRANSLATE_NOOP("Messages", "Card-info PIN"),
        QT_TRANSLATE_NOOP("Messages", "&Card-info PIN:"),
    ),
}
pin_name = Words[PinKind]("Messages", {k: name for k, (name, _, _) in _PIN_WORDS.items()})
pin_title = Words[PinKind]("Messages", {k: title for k, (_, title, _) in _PIN_WORDS.items()})
pin_field_label = Words[PinKind]("Messages", {k: label for k, (_, _, label) in _PIN_WORDS.items()})


def pin_rule(kind: PinKind) -> str:
    if kind is PinKind.SIGN:
        return translate("Messages", "6 to 16 letters A-Z and digits 0-9")
    return translate("Messages", "4 digits")


format_problem = Words[FormatProblem](
    "Messages",
    {
        FormatProblem.EMPTY: QT_TRANSLATE_NOOP("Messages", "Nothing entered yet."),
        FormatProblem.TOO_SHORT: QT_TRANSLATE_NOOP("Messages", "Too short."),
        FormatProblem.TOO_LONG: QT_TRANSLATE_NOOP("Messages", "Too long."),
        FormatProblem.FULL_WIDTH: QT_TRANSLATE_NOOP(
            "Messages", "Full-width characters: turn the Japanese input method off."
        ),
        FormatProblem.SPACE: QT_TRANSLATE_NOOP("Messages", "Contains a space."),
        FormatProblem.NOT_DIGITS: QT_TRANSLATE_NOOP("Messages", "Digits 0-9 only."),
        FormatProblem.BAD_CHARACTER: QT_TRANSLATE_NOOP(
            "Messages", "Letters A-Z and digits 0-9 only."
        ),
        FormatProblem.NEEDS_LETTER_AND_DIGIT: QT_TRANSLATE_NOOP(
            "Messages", "Must mix letters and digits."
        ),
    },
)


def tries_text(status: PinStatus | None) -> str:
    if status is None or status.remaining is None:
        return translate("Messages", "Tries left: unknown")
    return (
        translate("Messages", "%1 of %2 tries left")
        .replace("%1", str(status.remaining))
        .replace("%2", str(status.maximum))
    )


def pin_state_text(status: PinStatus | None) -> str:
    state = status.state if status is not None else PinState.UNKNOWN
    return {
        PinState.NORMAL: translate("Messages", "OK"),
        PinState.LOW: translate(
            "Messages", "A wrong entry was made. A correct entry resets the count."
        ),
        PinState.FINAL_TRY: translate("Messages", "Last try: one more wrong entry blocks it."),
        PinState.BLOCKED: translate("Messages", "Blocked"),
        PinState.UNKNOWN: translate("Messages", "The card did not report the count."),
    }[state]


def _other(kind: PinKind) -> PinKind:
    return PinKind.AUTH if kind is PinKind.SIGN else PinKind.SIGN


def unblock_advice(kind: PinKind, other: PinStatus | None = None) -> str:
    """Where to go with a blocked PIN. The kiosk route needs the *other* JPKI PIN to work."""
    office = translate(
        "Messages",
        "Reset it at your municipal office (市区町村窓口): bring the card and an official photo ID.",
    )
    if kind is PinKind.CARD_INFO:
        return office
    other_name = pin_name(_other(kind))
    if other is not None and other.remaining is not None:
        if other.remaining > 0:
            kiosk = translate(
                "Messages",
                "Or, because your %1 still works: reset it at a convenience-store kiosk with the "
                "JPKI PIN reset smartphone app (JPKI暗証番号リセット).",
            ).replace("%1", other_name)
            return f"{office}\n{kiosk}"
        return translate(
            "Messages",
            "Both passwords are blocked, so only the municipal office can reset them. %1",
        ).replace("%1", office)
    kiosk = translate(
        "Messages",
        "If your %1 still works, a convenience-store kiosk with the JPKI PIN reset smartphone app "
        "is another route.",
    ).replace("%1", other_name)
    return f"{office}\n{kiosk}"


def blocked_head(kind: PinKind) -> str:
    return translate("Messages", "The %1 is blocked. It cannot be entered here.").replace(
        "%1", pin_name(kind)
    )


def blocked_text(kind: PinKind, other: PinStatus | None = None) -> str:
    return f"{blocked_head(kind)}\n{unblock_advice(kind, other)}"


card_kind = Words[CardKind](
    "Messages",
    {
        CardKind.MY_NUMBER_CARD: QT_TRANSLATE_NOOP("Messages", "My Number card"),
        CardKind.JUKI_CARD: QT_TRANSLATE_NOOP(
            "Messages", "Basic resident register card (住基カード)"
        ),
        CardKind.SMARTPHONE_ANDROID: QT_TRANSLATE_NOOP("Messages", "Smartphone JPKI (Android)"),
        CardKind.SMARTPHONE_IOS: QT_TRANSLATE_NOOP("Messages", "Smartphone JPKI (iPhone)"),
        CardKind.UNKNOWN_TOKEN: QT_TRANSLATE_NOOP("Messages", "Unknown JPKI token"),
    },
)


read_step_name = Words[ReadStep](
    "Messages",
    {
        ReadStep.APPLICATION: QT_TRANSLATE_NOOP("Messages", "JPKI application"),
        ReadStep.TOKEN: QT_TRANSLATE_NOOP("Messages", "card type"),
        ReadStep.CERTIFICATES_PRESENT: QT_TRANSLATE_NOOP(
            "Messages", "which certificates the card holds"
        ),
        ReadStep.PINS: QT_TRANSLATE_NOOP("Messages", "password tries left"),
        ReadStep.AUTH_CERT: QT_TRANSLATE_NOOP("Messages", "user authentication certificate"),
        ReadStep.AUTH_CA: QT_TRANSLATE_NOOP("Messages", "CA certificate (user authentication)"),
        ReadStep.SIGN_CA: QT_TRANSLATE_NOOP("Messages", "CA certificate (signing)"),
        ReadStep.CARD_INFO: QT_TRANSLATE_NOOP("Messages", "card-info PIN tries left"),
    },
)


def read_progress_text(p: ReadProgress) -> str:
    """`Reading: user authentication certificate (512 of 1052 bytes)`."""
    if p.total:
        return (
            translate("Messages", "Reading: %1 (%2 of %3 bytes)")
            .replace("%1", read_step_name(p.step))
            .replace("%2", str(p.done))
            .replace("%3", str(p.total))
        )
    return translate("Messages", "Reading: %1").replace("%1", read_step_name(p.step))


def variant_text(variant: CardVariant) -> str:
    """What a card of this kind can and cannot do ("" for an ordinary card)."""
    if variant is CardVariant.FACE_AUTH:
        return translate(
            "Messages",
            "Face-authentication card (顔認証マイナンバーカード): no password is set and there is "
            "no signing certificate. It works as a health insurance card and as photo ID; online "
            "services that need a password (signing, My Number Portal, e-Tax, convenience-store "
            "certificates) do not. Your municipal office can change it to a card with passwords.",
        )
    if variant is CardVariant.NO_CERTIFICATES:
        return translate(
            "Messages",
            "This card holds no electronic certificate (not issued, or revoked). To sign or log "
            "in online, apply for the certificates at your municipal office (bring the card).",
        )
    if variant is CardVariant.SMARTPHONE:
        return translate(
            "Messages",
            "Smartphone certificate: its user authentication certificate is read only with the "
            "user authentication PIN, when you ask for it (Certificates page).",
        )
    return ""


# What a snapshot could not read, by `Unread.item`.
_UNREAD_ITEM = Words[str](
    "Messages",
    {
        "certificates_present": QT_TRANSLATE_NOOP("Messages", "which certificates the card holds"),
        "auth_cert": QT_TRANSLATE_NOOP("Messages", "user authentication certificate"),
        "auth_ca": QT_TRANSLATE_NOOP("Messages", "CA certificate (user authentication)"),
        "sign_ca": QT_TRANSLATE_NOOP("Messages", "CA certificate (signing)"),
        "card_info_pin": QT_TRANSLATE_NOOP("Messages", "card-info PIN tries left"),
        "sign_pin": QT_TRANSLATE_NOOP("Messages", "signing password"),
        "auth_pin": QT_TRANSLATE_NOOP("Messages", "user authentication PIN"),
    },
)


def unread_text(unread: tuple[Unread, ...]) -> str:
    return "\n".join(
        translate("Messages", "Could not be read: %1 (%2).")
        .replace("%1", _UNREAD_ITEM.get(u.item, u.item))
        .replace("%2", u.reason)
        for u in unread
    )


def _translated(sources: ErrorText) -> ErrorText:
    """The same words in the UI language (the sources are English, marked for lupdate)."""
    title, text, hint = (
        translate("Messages", t) if t else "" for t in (sources.title, sources.text, sources.hint)
    )
    return ErrorText(title, text, hint)


# Errors whose words do not depend on their data, by type. An error takes the entry of the
# nearest class in its MRO, so a subclass's entry wins over its base's.
_FIXED: dict[type[BaseException], ErrorText] = {
    E.PcscUnavailable: ErrorText(
        QT_TRANSLATE_NOOP("Messages", "Smart card service"),
        QT_TRANSLATE_NOOP("Messages", "The smart card service is not running."),
        QT_TRANSLATE_NOOP(
            "Messages",
            "Start it (Linux: sudo systemctl enable --now pcscd.socket), or open Diagnostics.",
        ),
    ),
    E.NoReader: ErrorText(
        QT_TRANSLATE_NOOP("Messages", "Card reader"),
        QT_TRANSLATE_NOOP("Messages", "No card reader found."),
        QT_TRANSLATE_NOOP(
            "Messages", "Connect an IC card reader and check its driver, or open Diagnostics."
        ),
    ),
    E.NoCard: ErrorText(
        QT_TRANSLATE_NOOP("Messages", "Card"),
        QT_TRANSLATE_NOOP("Messages", "No card in the reader."),
        QT_TRANSLATE_NOOP("Messages", "Insert your My Number card (chip first, face up)."),
    ),
    E.CardRemoved: ErrorText(
        QT_TRANSLATE_NOOP("Messages", "Card removed"),
        QT_TRANSLATE_NOOP(
            "Messages", "The card was removed during the operation. Nothing was sent or saved."
        ),
        QT_TRANSLATE_NOOP("Messages", "Insert the card again and retry."),
    ),
    E.ReaderBusy: ErrorText(
        QT_TRANSLATE_NOOP("Messages", "Card reader"),
        QT_TRANSLATE_NOOP("Messages", "Another program is using the card reader."),
        QT_TRANSLATE_NOOP("Messages", "Close it and retry."),
    ),
    E.NotJpkiCard: ErrorText(
        QT_TRANSLATE_NOOP("Messages", "Card"),
        QT_TRANSLATE_NOOP(
            "Messages", "This card has no JPKI application: it is not a My Number card."
        ),
        QT_TRANSLATE_NOOP("Messages", "Insert your My Number card."),
    ),
    E.SecurityStatusNotSatisfied: ErrorText(
        QT_TRANSLATE_NOOP("Messages", "Card"),
        QT_TRANSLATE_NOOP("Messages", "The card requires a password for this operation."),
    ),
    E.CardDataError: ErrorText(
        QT_TRANSLATE_NOOP("Messages", "Card"),
        QT_TRANSLATE_NOOP("Messages", "The card returned malformed data."),
        QT_TRANSLATE_NOOP("Messages", "Remove the card and insert it again."),
    ),
    E.ReaderError: ErrorText(
        QT_TRANSLATE_NOOP("Messages", "Card reader"),
        QT_TRANSLATE_NOOP("Messages", "Communication with the card reader failed."),
        QT_TRANSLATE_NOOP("Messages", "Remove the card and insert it again, or open Diagnostics."),
    ),
    SU.AccountRequired: ErrorText(
        QT_TRANSLATE_NOOP("Messages", "Sending"),
        QT_TRANSLATE_NOOP(
            "Messages", "This agency needs your service account (user ID and password)."
        ),
    ),
    S.NoSigningCertificate: ErrorText(
        QT_TRANSLATE_NOOP("Messages", "Signing"),
        QT_TRANSLATE_NOOP("Messages", "This card has no signing certificate."),
        QT_TRANSLATE_NOOP("Messages", "Ask your municipal office about issuing one."),
    ),
    S.SignatureCheckFailed: ErrorText(
        QT_TRANSLATE_NOOP("Messages", "Signing"),
        QT_TRANSLATE_NOOP(
            "Messages", "The card's signature does not match its certificate. Nothing was saved."
        ),
    ),
    S.AttachmentChanged: ErrorText(
        QT_TRANSLATE_NOOP("Messages", "Signing"),
        QT_TRANSLATE_NOOP(
            "Messages", "An attached file changed while it was being packaged. Nothing was saved."
        ),
        QT_TRANSLATE_NOOP("Messages", "Close the program that is writing it and sign again."),
    ),
    P.FormInvalid: ErrorText(
        QT_TRANSLATE_NOOP("Messages", "Form"),
        QT_TRANSLATE_NOOP("Messages", "The form has errors. Go back to the form and correct them."),
    ),
    SendingUnavailable: ErrorText(
        QT_TRANSLATE_NOOP("Messages", "Sending"),
        QT_TRANSLATE_NOOP("Messages", "This version cannot send to this agency."),
        QT_TRANSLATE_NOOP("Messages", "Save the signed package instead and submit it another way."),
    ),
}


def _fixed_text(exc: BaseException, card_only: bool) -> ErrorText | None:
    """The fixed words for `exc`; with `card_only`, for card-layer errors only (`describe`)."""
    for cls in type(exc).__mro__:
        entry = _FIXED.get(cls)
        if entry is not None and (not card_only or issubclass(cls, E.JpkiError)):
            return _translated(entry)
    return None


def presence_text(state: CardState) -> tuple[str, str]:
    """(headline, next step) for the reader/card state."""
    p = state.presence
    if p is Presence.STARTING:
        return translate("Messages", "Looking for card readers…"), ""
    missing = {
        Presence.NO_SERVICE: E.PcscUnavailable,
        Presence.NO_READER: E.NoReader,
        Presence.NO_CARD: E.NoCard,
    }.get(p)
    if missing is not None:
        words = _translated(_FIXED[missing])
        return words.text, words.hint
    if p is Presence.READING:
        return translate("Messages", "Reading the card… do not remove it."), ""
    if p is Presence.UNREADABLE:
        err = describe(state.error) if state.error is not None else None
        return (
            translate("Messages", "The card could not be read."),
            err.full() if err else translate("Messages", "Remove the card and insert it again."),
        )
    return translate("Messages", "Card ready."), ""


def describe(exc: BaseException) -> ErrorText:
    """Typed exception → translated title, text and next step."""
    fixed = _fixed_text(exc, card_only=True)
    if fixed is not None:
        return fixed
    if isinstance(exc, E.PinFormatError):
        try:
            problem = format_problem(FormatProblem(exc.reason))
        except ValueError:
            problem = exc.reason
        return ErrorText(
            pin_title(exc.kind),
            translate("Messages", "Not sent to the card: %1").replace("%1", problem),
        )
    if isinstance(exc, E.PinNotSet):
        return ErrorText(
            pin_title(exc.kind),
            translate("Messages", "No %1 is set on this card. Nothing was sent to it.").replace(
                "%1", pin_name(exc.kind)
            ),
            translate("Messages", "Your municipal office can set one."),
        )
    if isinstance(exc, E.FinalTryNotConfirmed):
        return ErrorText(
            pin_title(exc.kind),
            translate("Messages", "Only one try is left. Nothing was sent to the card."),
        )
    if isinstance(exc, E.PinBlocked):
        return ErrorText(
            pin_title(exc.kind),
            translate("Messages", "The %1 is blocked.").replace("%1", pin_name(exc.kind)),
            unblock_advice(exc.kind),
        )
    if isinstance(exc, E.PinIncorrect):
        text = translate("Messages", "Wrong %1. Tries left: %2 (read from the card).")
        hint = (
            translate("Messages", "One more wrong entry blocks it.") if exc.remaining == 1 else ""
        )
        return ErrorText(
            pin_title(exc.kind),
            text.replace("%1", pin_name(exc.kind)).replace("%2", str(exc.remaining)),
            hint,
        )
    if isinstance(exc, E.ApduError):
        return ErrorText(
            translate("Messages", "Card"),
            translate("Messages", "The card refused the command (status %1).").replace(
                "%1", f"{exc.sw:04X}"
            ),
        )
    if isinstance(exc, OSError):
        where = getattr(exc, "filename", None) or ""
        return ErrorText(
            translate("Messages", "File"),
            translate("Messages", "The file could not be written or read: %1").replace(
                "%1", f"{exc.strerror or type(exc).__name__} {where}".strip()
            ),
        )
    return ErrorText(
        translate("Messages", "Error"),
        translate("Messages", "Unexpected error: %1").replace("%1", type(exc).__name__),
    )


def rejection_text(answer: Rejection, lang: str = "ja") -> ErrorText:
    """The agency's signed rejection (an answer, not an error): its own message and details."""
    return ErrorText(
        translate("Messages", "Rejected"),
        translate("Messages", "The agency rejected the application: %1").replace(
            "%1", answer.message(lang)
        ),
        # an applicant mismatch names the fields by their labels already; its details are ids
        "" if answer.code == "applicant-mismatch" else "\n".join(answer.details),
    )


def _unusable_text(exc: S.CertificateUnusable) -> ErrorText:
    """A dead signing certificate, refused before the card signed: what happened, what to do."""
    title = translate("Messages", "Signing certificate")
    clock = translate("Messages", "If this computer's date is wrong, correct it and retry.")
    if exc.problem == "revoked":
        return ErrorText(
            title,
            translate(
                "Messages",
                "Your signing certificate has been revoked (for example after a move or a name "
                "change). Nothing was signed.",
            ),
            translate("Messages", "Apply for a new one at your municipal office."),
        )
    if exc.problem in ("expired", "ca_expired"):
        return ErrorText(
            title,
            translate("Messages", "Your signing certificate has expired. Nothing was signed."),
            translate("Messages", "Renew it at your municipal office (bring the card).")
            + "\n"
            + clock,
        )
    return ErrorText(
        title,
        translate("Messages", "Your signing certificate is not valid yet. Nothing was signed."),
        clock,
    )


# Why a package was not delivered, by `Undelivered.reason`.
_UNDELIVERED = Words[str](
    "Messages",
    {
        "unreachable": QT_TRANSLATE_NOOP("Messages", "The agency could not be reached."),
        "timeout": QT_TRANSLATE_NOOP("Messages", "The agency did not answer in time."),
        "server-error": QT_TRANSLATE_NOOP("Messages", "The agency's server reported an error."),
        "tls": QT_TRANSLATE_NOOP("Messages", "The agency's server certificate was refused."),
        "account": QT_TRANSLATE_NOOP(
            "Messages",
            "The user ID or the password of the service account is wrong: the agency refused it.",
        ),
    },
)


def _undelivered_hint(exc: SU.Undelivered) -> str:
    """What to do: wait for the automatic resend only where waiting can help."""
    if exc.resend_helps:
        return translate(
            "Messages",
            "The package is kept in the outbox and is sent again on the next start; "
            "you can also press Send again now.",
        )
    if exc.reason == "account":
        return translate(
            "Messages",
            "Check the user ID, enter the password again and press Send. The package is kept "
            "in the outbox until the agency accepts it.",
        )
    if exc.reason == "tls":
        return translate(
            "Messages",
            "The package is kept in the outbox. Check this computer's date and the proxy "
            "setting, then send again; or save the package to a file instead.",
        )
    return translate(
        "Messages",
        "The package is kept in the outbox. Save it to a file instead and ask the agency "
        "how to hand it in.",
    )


def describe_any(exc: BaseException, lang: str = "ja") -> ErrorText:
    """Like `describe`, plus the signing, procedure, submission and flow errors."""
    fixed = _fixed_text(exc, card_only=False)
    if fixed is not None:
        return fixed
    if isinstance(exc, SU.Undelivered):
        reason = _UNDELIVERED.get(
            exc.reason, translate("Messages", "The agency's answer could not be read.")
        )
        return ErrorText(translate("Messages", "Sending"), reason, _undelivered_hint(exc))
    if isinstance(exc, SU.AnswerInvalid):
        return ErrorText(
            translate("Messages", "Sending"),
            translate("Messages", "The agency's answer failed its signature check (%1).").replace(
                "%1", exc.problem
            ),
            translate("Messages", "The package is kept in the outbox."),
        )
    if isinstance(exc, S.CertificateUnusable):
        return _unusable_text(exc)
    if isinstance(exc, S.TimestampError):
        return ErrorText(
            translate("Messages", "Timestamp"),
            translate(
                "Messages",
                "The time-stamping service %1 gave no usable timestamp. Nothing was signed or saved.",
            ).replace("%1", exc.url),
            translate(
                "Messages",
                "Check its address in Settings and the network (proxy), or sign without a timestamp.",
            ),
        )
    if isinstance(exc, S.RecipientCertUnsuitable):
        return ErrorText(
            translate("Messages", "Signing"),
            translate(
                "Messages", "The agency's encryption certificate cannot be used (%1)."
            ).replace("%1", exc.reason),
        )
    if isinstance(exc, S.InvalidInput):
        return ErrorText(
            translate("Messages", "Signing"),
            translate("Messages", "The application could not be packaged (%1).").replace(
                "%1", exc.what
            ),
        )
    if isinstance(exc, P.AgencyMaterialMissing):
        return ErrorText(
            translate("Messages", "Agency"),
            translate("Messages", "The agency's certificate (%1) could not be read.").replace(
                "%1", exc.what
            ),
        )
    return describe(exc)

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


def pin_name(kind: PinKind) -> str:
    return {
        PinKind.SIGN: translate("Messages", "signing password"),
        PinKind.AUTH: translate("Messages", "user authentication PIN"),
        PinKind.CARD_INFO: translate("Messages", "card-info PIN"),
    }[kind]


def pin_title(kind: PinKind) -> str:
    return {
        PinKind.SIGN: translate("Messages", "Signing password"),
        PinKind.AUTH: translate("Messages", "User authentication PIN"),
        PinKind.CARD_INFO: translate("Messages", "Card-info PIN"),
    }[kind]


def pin_field_label(kind: PinKind) -> str:
    """Form label with a keyboard mnemonic."""
    return {
        PinKind.SIGN: translate("Messages", "Signing &password:"),
        PinKind.AUTH: translate("Messages", "&User authentication PIN:"),
        PinKind.CARD_INFO: translate("Messages", "&Card-info PIN:"),
    }[kind]


def pin_rule(kind: PinKind) -> str:
    if kind is PinKind.SIGN:
        return translate("Messages", "6 to 16 letters A-Z and digits 0-9")
    return translate("Messages", "4 digits")


def format_problem(problem: FormatProblem) -> str:
    return {
        FormatProblem.EMPTY: translate("Messages", "Nothing entered yet."),
        FormatProblem.TOO_SHORT: translate("Messages", "Too short."),
        FormatProblem.TOO_LONG: translate("Messages", "Too long."),
        FormatProblem.FULL_WIDTH: translate(
            "Messages", "Full-width characters: turn the Japanese input method off."
        ),
        FormatProblem.SPACE: translate("Messages", "Contains a space."),
        FormatProblem.NOT_DIGITS: translate("Messages", "Digits 0-9 only."),
        FormatProblem.BAD_CHARACTER: translate("Messages", "Letters A-Z and digits 0-9 only."),
        FormatProblem.NEEDS_LETTER_AND_DIGIT: translate("Messages", "Must mix letters and digits."),
    }[problem]


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


def card_kind(kind: CardKind) -> str:
    return {
        CardKind.MY_NUMBER_CARD: translate("Messages", "My Number card"),
        CardKind.JUKI_CARD: translate("Messages", "Basic resident register card (住基カード)"),
        CardKind.SMARTPHONE_ANDROID: translate("Messages", "Smartphone JPKI (Android)"),
        CardKind.SMARTPHONE_IOS: translate("Messages", "Smartphone JPKI (iPhone)"),
        CardKind.UNKNOWN_TOKEN: translate("Messages", "Unknown JPKI token"),
    }[kind]


def read_step_name(step: ReadStep) -> str:
    return {
        ReadStep.APPLICATION: translate("Messages", "JPKI application"),
        ReadStep.TOKEN: translate("Messages", "card type"),
        ReadStep.CERTIFICATES_PRESENT: translate("Messages", "which certificates the card holds"),
        ReadStep.PINS: translate("Messages", "password tries left"),
        ReadStep.AUTH_CERT: translate("Messages", "user authentication certificate"),
        ReadStep.AUTH_CA: translate("Messages", "CA certificate (user authentication)"),
        ReadStep.SIGN_CA: translate("Messages", "CA certificate (signing)"),
        ReadStep.CARD_INFO: translate("Messages", "card-info PIN tries left"),
    }[step]


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


def unread_text(unread: tuple[Unread, ...]) -> str:
    names = {
        "certificates_present": translate("Messages", "which certificates the card holds"),
        "auth_cert": translate("Messages", "user authentication certificate"),
        "auth_ca": translate("Messages", "CA certificate (user authentication)"),
        "sign_ca": translate("Messages", "CA certificate (signing)"),
        "card_info_pin": translate("Messages", "card-info PIN tries left"),
        "sign_pin": translate("Messages", "signing password"),
        "auth_pin": translate("Messages", "user authentication PIN"),
    }
    return "\n".join(
        translate("Messages", "Could not be read: %1 (%2).")
        .replace("%1", names.get(u.item, u.item))
        .replace("%2", u.reason)
        for u in unread
    )


def presence_text(state: CardState) -> tuple[str, str]:
    """(headline, next step) for the reader/card state."""
    p = state.presence
    if p is Presence.STARTING:
        return translate("Messages", "Looking for card readers…"), ""
    if p is Presence.NO_SERVICE:
        return (
            translate("Messages", "The smart card service is not running."),
            translate(
                "Messages",
                "Start it (Linux: sudo systemctl enable --now pcscd.socket), or open Diagnostics.",
            ),
        )
    if p is Presence.NO_READER:
        return (
            translate("Messages", "No card reader found."),
            translate(
                "Messages", "Connect an IC card reader and check its driver, or open Diagnostics."
            ),
        )
    if p is Presence.NO_CARD:
        return (
            translate("Messages", "No card in the reader."),
            translate("Messages", "Insert your My Number card (chip first, face up)."),
        )
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
    if isinstance(exc, E.PcscUnavailable):
        return ErrorText(
            translate("Messages", "Smart card service"),
            translate("Messages", "The smart card service is not running."),
            translate(
                "Messages",
                "Start it (Linux: sudo systemctl enable --now pcscd.socket), or open Diagnostics.",
            ),
        )
    if isinstance(exc, E.NoReader):
        return ErrorText(
            translate("Messages", "Card reader"),
            translate("Messages", "No card reader found."),
            translate(
                "Messages", "Connect an IC card reader and check its driver, or open Diagnostics."
            ),
        )
    if isinstance(exc, E.NoCard):
        return ErrorText(
            translate("Messages", "Card"),
            translate("Messages", "No card in the reader."),
            translate("Messages", "Insert your My Number card (chip first, face up)."),
        )
    if isinstance(exc, E.CardRemoved):
        return ErrorText(
            translate("Messages", "Card removed"),
            translate(
                "Messages", "The card was removed during the operation. Nothing was sent or saved."
            ),
            translate("Messages", "Insert the card again and retry."),
        )
    if isinstance(exc, E.ReaderBusy):
        return ErrorText(
            translate("Messages", "Card reader"),
            translate("Messages", "Another program is using the card reader."),
            translate("Messages", "Close it and retry."),
        )
    if isinstance(exc, E.NotJpkiCard):
        return ErrorText(
            translate("Messages", "Card"),
            translate("Messages", "This card has no JPKI application: it is not a My Number card."),
            translate("Messages", "Insert your My Number card."),
        )
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
    if isinstance(exc, E.SecurityStatusNotSatisfied):
        return ErrorText(
            translate("Messages", "Card"),
            translate("Messages", "The card requires a password for this operation."),
        )
    if isinstance(exc, E.CardDataError):
        return ErrorText(
            translate("Messages", "Card"),
            translate("Messages", "The card returned malformed data."),
            translate("Messages", "Remove the card and insert it again."),
        )
    if isinstance(exc, E.ApduError):
        return ErrorText(
            translate("Messages", "Card"),
            translate("Messages", "The card refused the command (status %1).").replace(
                "%1", f"{exc.sw:04X}"
            ),
        )
    if isinstance(exc, E.ReaderError):
        return ErrorText(
            translate("Messages", "Card reader"),
            translate("Messages", "Communication with the card reader failed."),
            translate("Messages", "Remove the card and insert it again, or open Diagnostics."),
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
    if isinstance(exc, SU.Undelivered):
        reason = {
            "unreachable": translate("Messages", "The agency could not be reached."),
            "timeout": translate("Messages", "The agency did not answer in time."),
            "server-error": translate("Messages", "The agency's server reported an error."),
            "tls": translate("Messages", "The agency's server certificate was refused."),
            "account": translate(
                "Messages",
                "The user ID or the password of the service account is wrong: the agency "
                "refused it.",
            ),
        }.get(exc.reason, translate("Messages", "The agency's answer could not be read."))
        return ErrorText(translate("Messages", "Sending"), reason, _undelivered_hint(exc))
    if isinstance(exc, SU.AccountRequired):
        return ErrorText(
            translate("Messages", "Sending"),
            translate("Messages", "This agency needs your service account (user ID and password)."),
        )
    if isinstance(exc, SU.AnswerInvalid):
        return ErrorText(
            translate("Messages", "Sending"),
            translate("Messages", "The agency's answer failed its signature check (%1).").replace(
                "%1", exc.problem
            ),
            translate("Messages", "The package is kept in the outbox."),
        )
    if isinstance(exc, S.NoSigningCertificate):
        return ErrorText(
            translate("Messages", "Signing"),
            translate("Messages", "This card has no signing certificate."),
            translate("Messages", "Ask your municipal office about issuing one."),
        )
    if isinstance(exc, S.SignatureCheckFailed):
        return ErrorText(
            translate("Messages", "Signing"),
            translate(
                "Messages",
                "The card's signature does not match its certificate. Nothing was saved.",
            ),
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
    if isinstance(exc, S.AttachmentChanged):
        return ErrorText(
            translate("Messages", "Signing"),
            translate(
                "Messages",
                "An attached file changed while it was being packaged. Nothing was saved.",
            ),
            translate("Messages", "Close the program that is writing it and sign again."),
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
    if isinstance(exc, P.FormInvalid):
        return ErrorText(
            translate("Messages", "Form"),
            translate("Messages", "The form has errors. Go back to the form and correct them."),
        )
    if isinstance(exc, P.AgencyMaterialMissing):
        return ErrorText(
            translate("Messages", "Agency"),
            translate("Messages", "The agency's certificate (%1) could not be read.").replace(
                "%1", exc.what
            ),
        )
    if isinstance(exc, SendingUnavailable):
        return ErrorText(
            translate("Messages", "Sending"),
            translate("Messages", "This version cannot send to this agency."),
            translate("Messages", "Save the signed package instead and submit it another way."),
        )
    return describe(exc)

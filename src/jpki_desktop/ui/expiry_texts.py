"""Expiry and validity-check outcomes in words (the validity core returns enums)."""

from __future__ import annotations

from ..validity.attributes import Action, Field, LifeEvent, Verdict
from ..validity.check import Basis, Outcome
from ..validity.check import Reason as CheckReason
from ..validity.date_input import DateProblem
from ..validity.expiry import Limit, Reason, State, Subject
from .words import QT_TRANSLATE_NOOP, Words

subject_text = Words[Subject](
    "Expiry",
    {
        Subject.SIGN: QT_TRANSLATE_NOOP("Expiry", "Signing certificate"),
        Subject.AUTH: QT_TRANSLATE_NOOP("Expiry", "User authentication certificate"),
        Subject.CARD: QT_TRANSLATE_NOOP("Expiry", "My Number card"),
    },
)


state_text = Words[State](
    "Expiry",
    {
        State.VALID: QT_TRANSLATE_NOOP("Expiry", "Valid"),
        State.RENEWAL_OPEN: QT_TRANSLATE_NOOP("Expiry", "Valid; renewal is open"),
        State.EXPIRED: QT_TRANSLATE_NOOP("Expiry", "Expired"),
        State.NOT_ISSUED: QT_TRANSLATE_NOOP("Expiry", "Not issued"),
        State.UNKNOWN: QT_TRANSLATE_NOOP("Expiry", "Unknown"),
    },
)


limit_text = Words[Limit](
    "Expiry",
    {
        Limit.FIFTH_BIRTHDAY: QT_TRANSLATE_NOOP("Expiry", "the 5th birthday after issue"),
        Limit.TENTH_BIRTHDAY: QT_TRANSLATE_NOOP("Expiry", "the 10th birthday after issue"),
        Limit.CARD_VALIDITY: QT_TRANSLATE_NOOP("Expiry", "shortened to the card's own expiry"),
        Limit.RESIDENCE_PERIOD: QT_TRANSLATE_NOOP(
            "Expiry", "shortened to the end of the period of stay"
        ),
        Limit.CARD_FACE: QT_TRANSLATE_NOOP("Expiry", "the expiry printed on the card"),
        Limit.UNEXPLAINED: QT_TRANSLATE_NOOP(
            "Expiry", "as stated in the certificate (matches no known rule)"
        ),
    },
)


reason_text = Words[Reason](
    "Expiry",
    {
        Reason.UNDER_15: QT_TRANSLATE_NOOP(
            "Expiry", "No signing certificate is issued to holders under 15."
        ),
        Reason.NOT_ON_CARD: QT_TRANSLATE_NOOP("Expiry", "The card holds no such certificate."),
        Reason.NOT_YET_ISSUED: QT_TRANSLATE_NOOP("Expiry", "Not issued yet."),
        Reason.NEEDS_BIRTH_DATE: QT_TRANSLATE_NOOP(
            "Expiry", "Enter your date of birth to compute this."
        ),
        Reason.NEEDS_ISSUE_DATE: QT_TRANSLATE_NOOP(
            "Expiry", "The issue date is needed to compute this."
        ),
    },
)


event_text = Words[LifeEvent](
    "Expiry",
    {
        LifeEvent.MOVED: QT_TRANSLATE_NOOP("Expiry", "I moved (new address)"),
        LifeEvent.MARRIED: QT_TRANSLATE_NOOP("Expiry", "I married and my name changed"),
        LifeEvent.DIVORCED: QT_TRANSLATE_NOOP("Expiry", "I divorced and my name changed"),
        LifeEvent.NAME_CHANGED: QT_TRANSLATE_NOOP("Expiry", "My name changed for another reason"),
        LifeEvent.BIRTH_DATE_CORRECTED: QT_TRANSLATE_NOOP(
            "Expiry", "My registered date of birth was corrected"
        ),
        LifeEvent.SEX_CHANGED: QT_TRANSLATE_NOOP("Expiry", "My registered sex changed"),
    },
)


field_text = Words[Field](
    "Expiry",
    {
        Field.NAME: QT_TRANSLATE_NOOP("Expiry", "name"),
        Field.ADDRESS: QT_TRANSLATE_NOOP("Expiry", "address"),
        Field.BIRTH_DATE: QT_TRANSLATE_NOOP("Expiry", "date of birth"),
        Field.SEX: QT_TRANSLATE_NOOP("Expiry", "sex"),
    },
)


verdict_text = Words[Verdict](
    "Expiry",
    {
        Verdict.UNCHANGED: QT_TRANSLATE_NOOP(
            "Expiry", "The card's records match your signing certificate."
        ),
        Verdict.CHANGED: QT_TRANSLATE_NOOP(
            "Expiry",
            "The card's records differ from your signing certificate: it has been revoked.",
        ),
        Verdict.CHANGE_DECLARED: QT_TRANSLATE_NOOP(
            "Expiry", "Your signing certificate will be revoked when the change is registered."
        ),
        Verdict.NOT_COMPARED: QT_TRANSLATE_NOOP("Expiry", "Nothing to check: no change declared."),
    },
)


action_text = Words[Action](
    "Expiry",
    {
        Action.REGISTER_CHANGE_WITH_CARD: QT_TRANSLATE_NOOP(
            "Expiry", "Bring the card when you notify the change at the municipal office."
        ),
        Action.NEW_SIGNING_CERTIFICATE: QT_TRANSLATE_NOOP(
            "Expiry", "Apply for a new signing certificate at the municipal office."
        ),
        Action.NONE: QT_TRANSLATE_NOOP("Expiry", "Nothing to do."),
    },
)


outcome_text = Words[Outcome](
    "Expiry",
    {
        Outcome.VALID: QT_TRANSLATE_NOOP("Expiry", "Valid (not revoked)"),
        Outcome.REVOKED: QT_TRANSLATE_NOOP("Expiry", "Revoked"),
        Outcome.INVALID: QT_TRANSLATE_NOOP("Expiry", "Not valid"),
        Outcome.UNCHECKED: QT_TRANSLATE_NOOP("Expiry", "Could not be checked"),
    },
)


basis_text = Words[Basis](
    "Expiry",
    {
        Basis.OCSP_ONLINE: QT_TRANSLATE_NOOP("Expiry", "checked online (OCSP)"),
        Basis.CRL_ONLINE: QT_TRANSLATE_NOOP("Expiry", "checked online (CRL)"),
        Basis.CRL_CACHED: QT_TRANSLATE_NOOP("Expiry", "checked offline against a saved CRL"),
        Basis.NONE: QT_TRANSLATE_NOOP("Expiry", "no revocation data"),
    },
)


_CHECK_REASON = Words[CheckReason](
    "Expiry",
    {
        CheckReason.UNTRUSTED: QT_TRANSLATE_NOOP(
            "Expiry", "not issued by a JPKI certificate authority"
        ),
        CheckReason.CERT_EXPIRED: QT_TRANSLATE_NOOP("Expiry", "expired"),
        CheckReason.CERT_NOT_YET_VALID: QT_TRANSLATE_NOOP("Expiry", "not valid yet"),
        CheckReason.BAD_PATH: QT_TRANSLATE_NOOP(
            "Expiry", "the chain to the certificate authority is broken"
        ),
        CheckReason.NOT_JPKI: QT_TRANSLATE_NOOP("Expiry", "not a JPKI certificate"),
        CheckReason.ANCHOR_MISSING: QT_TRANSLATE_NOOP(
            "Expiry",
            "its J-LIS certificate authority is not bundled (2019 generation), so it cannot be verified here",
        ),
        CheckReason.NO_ENDPOINT: QT_TRANSLATE_NOOP("Expiry", "no revocation responder is known"),
        CheckReason.RESPONDER_FAILED: QT_TRANSLATE_NOOP(
            "Expiry", "the revocation responders did not answer usably"
        ),
        CheckReason.STATUS_UNKNOWN: QT_TRANSLATE_NOOP(
            "Expiry", "the responder does not know this certificate"
        ),
        CheckReason.STALE_CACHE: QT_TRANSLATE_NOOP("Expiry", "the saved CRL is too old"),
    },
)


def check_reason_text(r: CheckReason) -> str:
    return _CHECK_REASON.get(r, r.value.replace("_", " "))


date_problem = Words[DateProblem](
    "Expiry",
    {
        DateProblem.EMPTY: QT_TRANSLATE_NOOP("Expiry", "Enter a date."),
        DateProblem.FORMAT: QT_TRANSLATE_NOOP(
            "Expiry",
            "Not a date this page reads. Write it like 1985-06-30, 1985/6/30 or S60.6.30 (Japanese era).",
        ),
        DateProblem.IMPOSSIBLE: QT_TRANSLATE_NOOP(
            "Expiry", "This day does not exist in the calendar."
        ),
        DateProblem.OUTSIDE_ERA: QT_TRANSLATE_NOOP(
            "Expiry", "That year is outside the era (for example Heisei ended on 30 April 2019)."
        ),
    },
)

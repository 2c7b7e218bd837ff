"""Expiry and validity-check outcomes in words (the validity core returns enums)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..validity.attributes import Action, Field, LifeEvent, Verdict
from ..validity.check import Basis, Outcome
from ..validity.check import Reason as CheckReason
from ..validity.date_input import DateProblem
from ..validity.expiry import Limit, Reason, State, Subject

translate = QCoreApplication.translate


def subject_text(s: Subject) -> str:
    return {
        Subject.SIGN: translate("Expiry", "Signing certificate"),
        Subject.AUTH: translate("Expiry", "User authentication certificate"),
        Subject.CARD: translate("Expiry", "My Number card"),
    }[s]


def state_text(s: State) -> str:
    return {
        State.VALID: translate("Expiry", "Valid"),
        State.RENEWAL_OPEN: translate("Expiry", "Valid; renewal is open"),
        State.EXPIRED: translate("Expiry", "Expired"),
        State.NOT_ISSUED: translate("Expiry", "Not issued"),
        State.UNKNOWN: translate("Expiry", "Unknown"),
    }[s]


def limit_text(limit: Limit) -> str:
    return {
        Limit.FIFTH_BIRTHDAY: translate("Expiry", "the 5th birthday after issue"),
        Limit.TENTH_BIRTHDAY: translate("Expiry", "the 10th birthday after issue"),
        Limit.CARD_VALIDITY: translate("Expiry", "shortened to the card's own expiry"),
        Limit.RESIDENCE_PERIOD: translate("Expiry", "shortened to the end of the period of stay"),
        Limit.CARD_FACE: translate("Expiry", "the expiry printed on the card"),
        Limit.UNEXPLAINED: translate(
            "Expiry", "as stated in the certificate (matches no known rule)"
        ),
    }[limit]


def reason_text(reason: Reason) -> str:
    return {
        Reason.UNDER_15: translate(
            "Expiry", "No signing certificate is issued to holders under 15."
        ),
        Reason.NOT_ON_CARD: translate("Expiry", "The card holds no such certificate."),
        Reason.NOT_YET_ISSUED: translate("Expiry", "Not issued yet."),
        Reason.NEEDS_BIRTH_DATE: translate("Expiry", "Enter your date of birth to compute this."),
        Reason.NEEDS_ISSUE_DATE: translate("Expiry", "The issue date is needed to compute this."),
    }[reason]


def event_text(e: LifeEvent) -> str:
    return {
        LifeEvent.MOVED: translate("Expiry", "I moved (new address)"),
        LifeEvent.MARRIED: translate("Expiry", "I married and my name changed"),
        LifeEvent.DIVORCED: translate("Expiry", "I divorced and my name changed"),
        LifeEvent.NAME_CHANGED: translate("Expiry", "My name changed for another reason"),
        LifeEvent.BIRTH_DATE_CORRECTED: translate(
            "Expiry", "My registered date of birth was corrected"
        ),
        LifeEvent.SEX_CHANGED: translate("Expiry", "My registered sex changed"),
    }[e]


def field_text(f: Field) -> str:
    return {
        Field.NAME: translate("Expiry", "name"),
        Field.ADDRESS: translate("Expiry", "address"),
        Field.BIRTH_DATE: translate("Expiry", "date of birth"),
        Field.SEX: translate("Expiry", "sex"),
    }[f]


def verdict_text(v: Verdict) -> str:
    return {
        Verdict.UNCHANGED: translate(
            "Expiry", "The card's records match your signing certificate."
        ),
        Verdict.CHANGED: translate(
            "Expiry",
            "The card's records differ from your signing certificate: it has been revoked.",
        ),
        Verdict.CHANGE_DECLARED: translate(
            "Expiry", "Your signing certificate will be revoked when the change is registered."
        ),
        Verdict.NOT_COMPARED: translate("Expiry", "Nothing to check: no change declared."),
    }[v]


def action_text(a: Action) -> str:
    return {
        Action.REGISTER_CHANGE_WITH_CARD: translate(
            "Expiry", "Bring the card when you notify the change at the municipal office."
        ),
        Action.NEW_SIGNING_CERTIFICATE: translate(
            "Expiry", "Apply for a new signing certificate at the municipal office."
        ),
        Action.NONE: translate("Expiry", "Nothing to do."),
    }[a]


def outcome_text(o: Outcome) -> str:
    return {
        Outcome.VALID: translate("Expiry", "Valid (not revoked)"),
        Outcome.REVOKED: translate("Expiry", "Revoked"),
        Outcome.INVALID: translate("Expiry", "Not valid"),
        Outcome.UNCHECKED: translate("Expiry", "Could not be checked"),
    }[o]


def basis_text(b: Basis) -> str:
    return {
        Basis.OCSP_ONLINE: translate("Expiry", "checked online (OCSP)"),
        Basis.CRL_ONLINE: translate("Expiry", "checked online (CRL)"),
        Basis.CRL_CACHED: translate("Expiry", "checked offline against a saved CRL"),
        Basis.NONE: translate("Expiry", "no revocation data"),
    }[b]


def check_reason_text(r: CheckReason) -> str:
    return {
        CheckReason.UNTRUSTED: translate("Expiry", "not issued by a JPKI certificate authority"),
        CheckReason.EXPIRED: translate("Expiry", "expired"),
        CheckReason.NOT_YET_VALID: translate("Expiry", "not valid yet"),
        CheckReason.BAD_PATH: translate(
            "Expiry", "the chain to the certificate authority is broken"
        ),
        CheckReason.NOT_JPKI: translate("Expiry", "not a JPKI certificate"),
        CheckReason.ANCHOR_MISSING: translate(
            "Expiry",
            "its J-LIS certificate authority is not bundled (2019 generation), so it cannot be verified here",
        ),
        CheckReason.NO_ENDPOINT: translate("Expiry", "no revocation responder is known"),
        CheckReason.RESPONDER_FAILED: translate(
            "Expiry", "the revocation responders did not answer usably"
        ),
        CheckReason.STATUS_UNKNOWN: translate(
            "Expiry", "the responder does not know this certificate"
        ),
        CheckReason.STALE_CACHE: translate("Expiry", "the saved CRL is too old"),
    }[r]


def date_problem(p: DateProblem) -> str:
    return {
        DateProblem.EMPTY: translate("Expiry", "Enter a date."),
        DateProblem.FORMAT: translate(
            "Expiry",
            "Not a date this page reads. Write it like 1985-06-30, 1985/6/30 or S60.6.30 (Japanese era).",
        ),
        DateProblem.IMPOSSIBLE: translate("Expiry", "This day does not exist in the calendar."),
        DateProblem.OUTSIDE_ERA: translate(
            "Expiry", "That year is outside the era (for example Heisei ended on 30 April 2019)."
        ),
    }[p]

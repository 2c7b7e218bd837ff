"""Sentences for the validity core's data (timelines, limits, errors). English, one place."""

from __future__ import annotations

import argparse
import datetime as dt

from ..trust.anchors import BundledAnchorTampered
from ..validity.dates import parse_iso_date
from ..validity.errors import CertificateError, CertProblem, InvalidFacts, ValidityError
from ..validity.expiry import ExpiryReport, Limit, Reason, State, Subject, Timeline
from . import exitcodes as X
from .sentences import aside

NAMES = {
    Subject.SIGN: "Signing certificate (署名用電子証明書)",
    Subject.AUTH: "User authentication certificate (利用者証明用電子証明書)",
    Subject.CARD: "My Number card",
}

LIMITS = {
    Limit.FIFTH_BIRTHDAY: "the 5th birthday after issue",
    Limit.TENTH_BIRTHDAY: "the 10th birthday after issue (18 or older at issue)",
    Limit.CARD_VALIDITY: "the card's own expiry (a certificate never outlives the card)",
    Limit.RESIDENCE_PERIOD: "the end of the period of stay",
    Limit.CARD_FACE: "the date printed on the card",
    Limit.UNEXPLAINED: "the certificate itself (shorter than the 5-birthday rule for a reason we cannot see)",
}

REASONS: dict[Reason | None, str] = {
    Reason.UNDER_15: "not issued: no signing certificate for holders under 15 at issue",
    Reason.NOT_ON_CARD: "not on this card",
    Reason.NOT_YET_ISSUED: "not issued yet on that date",
    Reason.NEEDS_BIRTH_DATE: "unknown: give --birth-date (or read the signing certificate)",
    Reason.NEEDS_ISSUE_DATE: "unknown: give --issued (or use a card)",
}

STATES = {
    State.VALID: "valid",
    State.RENEWAL_OPEN: "valid, renewal open",
    State.EXPIRED: "EXPIRED",
    State.NOT_ISSUED: "not issued",
    State.UNKNOWN: "unknown",
}

CERT_PROBLEMS = {
    CertProblem.EMPTY: "file is empty",
    CertProblem.NOT_DER: "is not a readable certificate",
    CertProblem.FOREIGN: "is not a JPKI certificate",
    CertProblem.KIND_CONFLICT: "says both signing and authentication",
    CertProblem.SAN_MISSING: "lacks a personal attribute",
    CertProblem.SAN_VALUE: "holds an unreadable personal attribute",
    CertProblem.BIRTH_DATE: "holds an unreadable birth date",
    CertProblem.SEX: "holds an unknown sex code",
    CertProblem.SUBSTITUTE_FLAGS: "holds unreadable substitute-character flags",
}


def describe_validity(exc: ValidityError) -> tuple[str, int]:
    if isinstance(exc, InvalidFacts) and exc.reason == "required_without_a_card":
        return f"--{exc.field.replace('_', '-')} is required without a card.", X.USAGE
    if isinstance(exc, InvalidFacts):
        return (
            f"These dates cannot be right: {exc.field.replace('_', '-')} ({exc.reason.replace('_', ' ')}).",
            X.USAGE,
        )
    if isinstance(exc, CertificateError):
        return (
            f"The certificate {CERT_PROBLEMS.get(exc.problem, exc.problem.value)}{aside(exc.field)}.",
            X.ERROR,
        )
    return f"Validity check failed: {type(exc).__name__}", X.ERROR


def describe_anchor(exc: BundledAnchorTampered) -> tuple[str, int]:
    return (
        f"The bundled CA certificate {exc.resource} is damaged; reinstall jpki-desktop.",
        X.ERROR,
    )


def iso_date(text: str) -> dt.date:
    try:
        return parse_iso_date(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text!r}") from None


def timeline_lines(t: Timeline) -> list[str]:
    head = f"{NAMES[t.subject]}:"
    if t.expires is None:
        return [f"{head} {REASONS.get(t.reason, STATES[t.state])}"]
    left = t.days_left
    assert left is not None  # set whenever expires is
    when = f"{left} days left" if left >= 0 else f"expired {-left} days ago"
    lines = [
        f"{head} {STATES[t.state]} - valid until {t.expires} 23:59 Japan time ({when})",
        f"    renewal possible from {t.renewal_from}; expiry notice expected {t.notice_from} .. {t.notice_until}",
    ]
    if (
        t.limit is not None
        and t.limit is not Limit.FIFTH_BIRTHDAY
        and t.subject is not Subject.CARD
    ):
        lines.append(f"    limited by {LIMITS[t.limit]}")
    elif t.subject is Subject.CARD and t.limit is not None:
        lines.append(f"    set by {LIMITS[t.limit]}")
    if t.estimated and t.subject is Subject.SIGN:
        lines.append(
            "    (estimated from the auth certificate; --with-signing-cert reads the exact date)"
        )
    elif t.estimated:
        lines.append(
            "    (estimated: assumes the card was issued with its certificates; "
            "--card-expires or --card-issued make it exact)"
        )
    if t.state is State.NOT_ISSUED and t.reason:
        lines.append(f"    {REASONS[t.reason]}")
    if t.state is State.EXPIRED and t.subject is not Subject.CARD:
        lines.append("    Renew it at your municipal office (free); until then it cannot be used.")
    elif t.state is State.RENEWAL_OPEN:
        lines.append("    You can renew now at your municipal office (bring the card).")
    if t.ends_with_card and t.state in (State.RENEWAL_OPEN, State.EXPIRED):
        lines.append("    It ends with the card: renewal means applying for a new card.")
    return lines


def report_text(report: ExpiryReport) -> str:
    lines = [f"Today (Japan): {report.today}"]
    for t in report.timelines():
        lines += timeline_lines(t)
    return "\n".join(lines)

"""The expiry engine: when do the two certificates and the card end, and what does that mean today.

Stable API for the CLI and the GUI's Expiry page::

    report = evaluate(Facts(birth_date=..., issued=...), today=dt.date(2025, 4, 1))
    report = evaluate(Facts.from_certificates(auth_cert, sign_cert, sign_present=...), today)
    report.sign / report.auth / report.card   -> Timeline (frozen)
    timeline.state, .expires, .renewal_from, .notice_from, .notice_until, .reminder,
    timeline.days_left, .limit, .source, .reason, .ends_with_card

Rules (domain-rules.md). A certificate's notAfter is authoritative (last usable day = its date in
Japan time); the rules explain it and stand in when there is no certificate:

* certificates: the 5th birthday after the issue date (a birthday on the issue date does not
  count); never beyond the card, nor beyond the end of a residence period;
* card: the 10th birthday after issue if 18 or older at issue, else the 5th ("20" instead of
  "18" for cards applied for before 2022-04-01); bounded by the residence period;
* 29 February birthdays fall on 28 February in non-leap years; no signing certificate for
  under-15s;
* renewal opens the day after the date three months before expiry (month ends clamp: expiry
  31 May → from 1 March); the expiry notice arrives 1–3 months before expiry.

`today` is always passed in (a Japan calendar day; see :func:`.dates.jst_date`).
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import asdict, dataclass, field

from .certificate import JpkiCertificate
from .dates import add_months, age_on, nth_birthday_after
from .errors import InvalidFacts
from .generations import CardRules, current_rules

SIGNING_MIN_AGE = current_rules().signing_min_age  # kept for callers; rules come from the table
REMINDER_DAYS = 30


class Subject(str, enum.Enum):
    SIGN = "sign"
    AUTH = "auth"
    CARD = "card"


class State(str, enum.Enum):
    VALID = "valid"
    RENEWAL_OPEN = "renewal_open"  # still valid, renewal already possible
    EXPIRED = "expired"
    NOT_ISSUED = "not_issued"  # see Timeline.reason
    UNKNOWN = "unknown"  # not enough facts (e.g. no birth date and no certificate)


class Limit(str, enum.Enum):
    """What fixed the expiry date."""

    FIFTH_BIRTHDAY = "fifth_birthday"  # certificates; cards issued to minors
    TENTH_BIRTHDAY = "tenth_birthday"  # cards issued to adults
    CARD_VALIDITY = "card_validity"  # a certificate never outlives the card
    RESIDENCE_PERIOD = "residence_period"
    CARD_FACE = "card_face"  # the expiry printed on the card, as entered by the user
    UNEXPLAINED = "unexplained"  # the certificate's notAfter matches no rule we know


class Source(str, enum.Enum):
    CERTIFICATE = "certificate"  # notAfter of the certificate itself (authoritative)
    CARD_FACE = "card_face"
    RULE = "rule"  # computed from birth and issue dates


class Reason(str, enum.Enum):
    UNDER_15 = "under_15"  # no signing certificate below 15 at issue
    NOT_ON_CARD = "not_on_card"  # the card says the certificate is absent
    NOT_YET_ISSUED = "not_yet_issued"  # `today` is before the issue date
    NEEDS_BIRTH_DATE = "needs_birth_date"
    NEEDS_ISSUE_DATE = "needs_issue_date"


@dataclass(frozen=True)
class CertDates:
    """The Japan calendar days a certificate covers (from :class:`~.certificate.JpkiCertificate`:
    `CertDates(cert.valid_from, cert.valid_until)`)."""

    issued: dt.date
    last_day: dt.date


@dataclass(frozen=True)
class Facts:
    birth_date: dt.date | None = None
    issued: dt.date | None = None  # certificates' issue date (rule mode)
    card_issued: dt.date | None = None  # defaults to `issued`, else to a certificate's start
    age_at_issue: int | None = None  # age on `issued`; overrides the age from `birth_date`
    applied_before_2022_04: bool = False  # card applied for before 2022-04-01: adult = 20
    residence_until: dt.date | None = None  # end of the period of stay (foreign residents)
    card_expires: dt.date | None = None  # printed on the card (authoritative for the card)
    sign: CertDates | None = None  # read from the card
    auth: CertDates | None = None
    # card EF 0008. False: no such certificate. sign_present=True without `sign`: the signing
    # certificate was not read (it needs the password) and is assumed to match `auth` (estimated)
    sign_present: bool | None = None
    auth_present: bool | None = None
    # the card generation's rules (validity.generations.rules_for(token label).rules)
    rules: CardRules = field(default_factory=current_rules)

    @classmethod
    def from_certificates(
        cls,
        auth: JpkiCertificate | None,
        sign: JpkiCertificate | None = None,
        *,
        sign_present: bool | None = None,
        auth_present: bool | None = None,
        birth_date: dt.date | None = None,
        **more: object,
    ) -> Facts:
        """Facts from certificates read off a card. The birth date comes from the signing
        certificate when it was read, else from `birth_date`; `more` takes the other fields."""
        if sign is not None and sign.attributes is not None:
            birth_date = sign.attributes.birth_date
        return cls(
            birth_date=birth_date,
            sign=CertDates(sign.valid_from, sign.valid_until) if sign else None,
            auth=CertDates(auth.valid_from, auth.valid_until) if auth else None,
            sign_present=sign_present if sign_present is not None else (True if sign else None),
            auth_present=auth_present if auth_present is not None else (True if auth else None),
            **more,  # type: ignore[arg-type]
        )


@dataclass(frozen=True)
class Timeline:
    subject: Subject
    state: State
    expires: dt.date | None = None  # last day of validity (ends 23:59:59 Japan time)
    issued: dt.date | None = None
    renewal_from: dt.date | None = None
    notice_from: dt.date | None = None  # the J-LIS expiry notice arrives in this window
    notice_until: dt.date | None = None
    reminder: dt.date | None = None  # 30 days before expiry
    days_left: int | None = None  # 0 on the expiry day, negative once expired
    limit: Limit | None = None
    source: Source | None = None
    rule_expires: dt.date | None = None  # what the rules alone give, when computable
    reason: Reason | None = None
    ends_with_card: bool = False  # renewal then means a new card application
    estimated: bool = False  # rests on an assumed card issue date (give card_issued/card_expires)

    def to_json(self) -> dict[str, object]:
        out = {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in asdict(self).items()}
        return {k: (v.value if isinstance(v, enum.Enum) else v) for k, v in out.items()}


@dataclass(frozen=True)
class ExpiryReport:
    today: dt.date
    sign: Timeline
    auth: Timeline
    card: Timeline

    def timelines(self) -> tuple[Timeline, Timeline, Timeline]:
        return (self.sign, self.auth, self.card)

    def to_json(self) -> dict[str, object]:
        return {
            "today": self.today.isoformat(),
            **{t.subject.value: t.to_json() for t in self.timelines()},
        }


def renewal_opens(expires: dt.date, rules: CardRules | None = None) -> dt.date:
    """The day after the date three months before expiry (31 May → 1 March; 15 July → 16 April);
    the number of months comes from the card generation's rules."""
    months = (rules or current_rules()).renewal_months
    return add_months(expires, -months) + dt.timedelta(days=1)


def timeline_for(
    subject: Subject,
    expires: dt.date,
    today: dt.date,
    *,
    issued: dt.date | None = None,
    limit: Limit | None = None,
    source: Source | None = None,
    rule_expires: dt.date | None = None,
    ends_with_card: bool = False,
    estimated: bool = False,
    rules: CardRules | None = None,
) -> Timeline:
    rules = rules or current_rules()
    renewal = renewal_opens(expires, rules)
    if issued is not None and today < issued:
        state = State.NOT_ISSUED
    elif today > expires:
        state = State.EXPIRED
    elif today >= renewal:
        state = State.RENEWAL_OPEN
    else:
        state = State.VALID
    return Timeline(
        subject,
        state,
        expires=expires,
        issued=issued,
        renewal_from=renewal,
        notice_from=add_months(expires, -rules.notice_months[0]),
        notice_until=add_months(expires, -rules.notice_months[1]),
        reminder=expires - dt.timedelta(days=REMINDER_DAYS),
        days_left=(expires - today).days,
        limit=limit,
        source=source,
        rule_expires=rule_expires,
        reason=Reason.NOT_YET_ISSUED if state is State.NOT_ISSUED else None,
        ends_with_card=ends_with_card,
        estimated=estimated,
    )


def _check(f: Facts) -> None:
    if f.birth_date and f.issued and f.issued < f.birth_date:
        raise InvalidFacts("issued", "before_birth")
    if f.birth_date and f.card_issued and f.card_issued < f.birth_date:
        raise InvalidFacts("card_issued", "before_birth")
    if f.card_issued and f.issued and f.card_issued > f.issued:
        raise InvalidFacts("card_issued", "after_certificates")
    if f.age_at_issue is not None and not 0 <= f.age_at_issue <= 150:
        raise InvalidFacts("age_at_issue", "out_of_range")
    start = f.card_issued or f.issued
    if f.residence_until and start and f.residence_until < start:
        raise InvalidFacts("residence_until", "before_issue")


def _first(candidates: list[tuple[dt.date | None, Limit]]) -> tuple[dt.date, Limit] | None:
    """The earliest date; on a tie the limit listed first wins."""
    present = [(d, lim) for d, lim in candidates if d is not None]
    return min(present, key=lambda c: c[0]) if present else None


def _age(f: Facts, on: dt.date) -> int | None:
    if f.age_at_issue is not None and on == f.issued:
        return f.age_at_issue
    return age_on(f.birth_date, on) if f.birth_date else None


def _card(f: Facts, today: dt.date) -> Timeline:
    issued = f.card_issued or f.issued
    estimated = False
    if issued is None and (f.auth or f.sign):  # assume the card was issued with its certificates
        issued = min(c.issued for c in (f.auth, f.sign) if c)
        estimated = True
    rule: tuple[dt.date, Limit] | None = None
    age = _age(f, issued) if issued else None
    if f.birth_date and issued and age is not None:
        adult = 20 if f.applied_before_2022_04 else 18
        n, lim = (
            (f.rules.card_birthdays_adult, Limit.TENTH_BIRTHDAY)
            if age >= adult
            else (f.rules.card_birthdays_minor, Limit.FIFTH_BIRTHDAY)
        )
        rule = _first(
            [
                (nth_birthday_after(f.birth_date, issued, n), lim),
                (f.residence_until, Limit.RESIDENCE_PERIOD),
            ]
        )
    if f.card_expires:
        lim = rule[1] if rule and rule[0] == f.card_expires else Limit.CARD_FACE
        return timeline_for(
            Subject.CARD,
            f.card_expires,
            today,
            issued=issued,
            limit=lim,
            source=Source.CARD_FACE,
            rule_expires=rule[0] if rule else None,
            rules=f.rules,
        )
    if rule is None:
        if f.residence_until:
            return timeline_for(
                Subject.CARD,
                f.residence_until,
                today,
                issued=issued,
                limit=Limit.RESIDENCE_PERIOD,
                source=Source.RULE,
                rules=f.rules,
            )
        why = Reason.NEEDS_BIRTH_DATE if issued else Reason.NEEDS_ISSUE_DATE
        return Timeline(Subject.CARD, State.UNKNOWN, issued=issued, reason=why)
    return timeline_for(
        Subject.CARD,
        rule[0],
        today,
        issued=issued,
        limit=rule[1],
        source=Source.RULE,
        rule_expires=rule[0],
        estimated=estimated,
        rules=f.rules,
    )


def _certificate(subject: Subject, f: Facts, card: Timeline, today: dt.date) -> Timeline:
    dates = f.sign if subject is Subject.SIGN else f.auth
    present = f.sign_present if subject is Subject.SIGN else f.auth_present
    if dates is None and present is False:
        return Timeline(subject, State.NOT_ISSUED, reason=Reason.NOT_ON_CARD)
    assumed = dates is None and subject is Subject.SIGN and present is True and f.auth is not None
    if assumed:  # not read (needs the password): assume it was issued with the auth certificate
        dates = f.auth
    issued = dates.issued if dates else f.issued
    if issued is None:
        return Timeline(subject, State.UNKNOWN, reason=Reason.NEEDS_ISSUE_DATE)
    if dates is None and subject is Subject.SIGN:
        age = _age(f, issued)
        if age is not None and age < f.rules.signing_min_age:
            return Timeline(subject, State.NOT_ISSUED, issued=issued, reason=Reason.UNDER_15)
    five = (
        nth_birthday_after(f.birth_date, issued, f.rules.cert_birthdays) if f.birth_date else None
    )
    # order matters on ties: the root cause (residence) before the card it also limits
    limits = [
        (five, Limit.FIFTH_BIRTHDAY),
        (f.residence_until, Limit.RESIDENCE_PERIOD),
        (card.expires, Limit.CARD_VALIDITY),
    ]
    rule = _first(limits) if five else None
    limit: Limit | None
    if dates is None:
        if rule is None:
            return Timeline(subject, State.UNKNOWN, issued=issued, reason=Reason.NEEDS_BIRTH_DATE)
        expires, limit, source = rule[0], rule[1], Source.RULE
    else:
        expires, source = dates.last_day, Source.CERTIFICATE
        explained = [lim for d, lim in limits if d == expires]
        limit = explained[0] if explained else (Limit.UNEXPLAINED if five else None)
    return timeline_for(
        subject,
        expires,
        today,
        issued=issued,
        limit=limit,
        source=source,
        rule_expires=rule[0] if rule else None,
        ends_with_card=card.expires is not None and expires >= card.expires,
        estimated=assumed
        or (source is Source.RULE and card.estimated and limit is Limit.CARD_VALIDITY),
        rules=f.rules,
    )


def evaluate(facts: Facts, today: dt.date) -> ExpiryReport:
    """Timelines for the signing certificate, the auth certificate and the card."""
    _check(facts)
    card = _card(facts, today)
    return ExpiryReport(
        today,
        sign=_certificate(Subject.SIGN, facts, card, today),
        auth=_certificate(Subject.AUTH, facts, card, today),
        card=card,
    )

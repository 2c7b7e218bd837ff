"""The expiry engine against a table of dated cases (each date worked out by hand from the rules
in domain-rules.md, not from the code)."""

from __future__ import annotations

import datetime as dt

import pytest

from jpki_desktop.validity.errors import InvalidFacts
from jpki_desktop.validity.expiry import (
    CertDates,
    Facts,
    Limit,
    Reason,
    Source,
    State,
    evaluate,
    renewal_opens,
)

D = dt.date
FAR_PAST = D(2000, 1, 1)

# id, facts, today, sign expires, sign renewal_from, sign state, card expires, card limit
CASES = [
    (
        "birthday-after-issue",
        Facts(D(1985, 6, 30), D(2024, 3, 15)),
        D(2025, 1, 1),
        D(2028, 6, 30),
        D(2028, 3, 31),
        "valid",
        D(2033, 6, 30),
        Limit.TENTH_BIRTHDAY,
    ),
    (
        "birthday-before-issue",
        Facts(D(1985, 2, 10), D(2024, 3, 15)),
        D(2025, 1, 1),
        D(2029, 2, 10),
        D(2028, 11, 11),
        "valid",
        D(2034, 2, 10),
        Limit.TENTH_BIRTHDAY,
    ),
    (
        "birthday-on-issue-not-counted",
        Facts(D(1985, 3, 15), D(2024, 3, 15)),
        D(2025, 1, 1),
        D(2029, 3, 15),
        D(2028, 12, 16),
        "valid",
        D(2034, 3, 15),
        Limit.TENTH_BIRTHDAY,
    ),
    (
        "birthday-day-after-issue",
        Facts(D(1985, 3, 16), D(2024, 3, 15)),
        D(2025, 1, 1),
        D(2028, 3, 16),
        D(2027, 12, 17),
        "valid",
        D(2033, 3, 16),
        Limit.TENTH_BIRTHDAY,
    ),
    (
        "29feb-issued-after-leap-day",
        Facts(D(2000, 2, 29), D(2024, 3, 1)),
        D(2025, 1, 1),
        D(2029, 2, 28),
        D(2028, 11, 29),
        "valid",
        D(2034, 2, 28),
        Limit.TENTH_BIRTHDAY,
    ),
    (
        "29feb-5th-in-leap-year",
        Facts(D(2000, 2, 29), D(2023, 3, 1)),
        D(2025, 1, 1),
        D(2028, 2, 29),
        D(2027, 11, 30),
        "valid",
        D(2033, 2, 28),
        Limit.TENTH_BIRTHDAY,
    ),
    (
        "29feb-issued-on-leap-birthday",
        Facts(D(2000, 2, 29), D(2024, 2, 29)),
        D(2025, 1, 1),
        D(2029, 2, 28),
        D(2028, 11, 29),
        "valid",
        D(2034, 2, 28),
        Limit.TENTH_BIRTHDAY,
    ),
    (
        "29feb-issued-on-28feb-substitute",
        Facts(D(2000, 2, 29), D(2025, 2, 28)),
        D(2025, 3, 1),
        D(2030, 2, 28),
        D(2029, 11, 29),
        "valid",
        D(2035, 2, 28),
        Limit.TENTH_BIRTHDAY,
    ),
    (
        "minor-16-card-5-years",
        Facts(D(2008, 5, 1), D(2024, 6, 1)),
        D(2025, 1, 1),
        D(2029, 5, 1),
        D(2029, 2, 2),
        "valid",
        D(2029, 5, 1),
        Limit.FIFTH_BIRTHDAY,
    ),
    (
        "exactly-15-gets-signing",
        Facts(D(2009, 6, 1), D(2024, 6, 1)),
        D(2025, 1, 1),
        D(2029, 6, 1),
        D(2029, 3, 2),
        "valid",
        D(2029, 6, 1),
        Limit.FIFTH_BIRTHDAY,
    ),
    (
        "exactly-18-adult-card",
        Facts(D(2006, 4, 1), D(2024, 4, 1)),
        D(2025, 1, 1),
        D(2029, 4, 1),
        D(2029, 1, 2),
        "valid",
        D(2034, 4, 1),
        Limit.TENTH_BIRTHDAY,
    ),
    (
        "day-before-18-minor-card",
        Facts(D(2006, 4, 2), D(2024, 4, 1)),
        D(2025, 1, 1),
        D(2028, 4, 2),
        D(2028, 1, 3),
        "valid",
        D(2028, 4, 2),
        Limit.FIFTH_BIRTHDAY,
    ),
    (
        "pre2022-age19-minor-card",
        Facts(D(2001, 8, 20), D(2021, 1, 15), applied_before_2022_04=True),
        D(2024, 1, 1),
        D(2025, 8, 20),
        D(2025, 5, 21),
        "valid",
        D(2025, 8, 20),
        Limit.FIFTH_BIRTHDAY,
    ),
    (
        "post2022-age19-adult-card",
        Facts(D(2001, 8, 20), D(2021, 1, 15)),
        D(2024, 1, 1),
        D(2025, 8, 20),
        D(2025, 5, 21),
        "valid",
        D(2030, 8, 20),
        Limit.TENTH_BIRTHDAY,
    ),
    (
        "pre2022-age20-adult-card",
        Facts(D(2000, 8, 20), D(2021, 1, 15), applied_before_2022_04=True),
        D(2024, 1, 1),
        D(2025, 8, 20),
        D(2025, 5, 21),
        "valid",
        D(2030, 8, 20),
        Limit.TENTH_BIRTHDAY,
    ),
    (
        "residence-shortens-all",
        Facts(D(1990, 7, 1), D(2024, 1, 22), residence_until=D(2024, 12, 25)),
        D(2024, 6, 1),
        D(2024, 12, 25),
        D(2024, 9, 26),
        "valid",
        D(2024, 12, 25),
        Limit.RESIDENCE_PERIOD,
    ),
    (
        "residence-longer-than-rule",
        Facts(D(1990, 7, 1), D(2024, 1, 22), residence_until=D(2030, 1, 1)),
        D(2024, 6, 1),
        D(2028, 7, 1),
        D(2028, 4, 2),
        "valid",
        D(2030, 1, 1),
        Limit.RESIDENCE_PERIOD,
    ),
    (
        "residence-bounds-card-only",
        Facts(D(1990, 7, 1), D(2024, 1, 22), residence_until=D(2031, 3, 31)),
        D(2024, 6, 1),
        D(2028, 7, 1),
        D(2028, 4, 2),
        "valid",
        D(2031, 3, 31),
        Limit.RESIDENCE_PERIOD,
    ),
    (
        "expiry-31-may-renewal-1-march",
        Facts(D(1990, 5, 31), D(2024, 6, 15)),
        D(2025, 1, 1),
        D(2029, 5, 31),
        D(2029, 3, 1),
        "valid",
        D(2034, 5, 31),
        Limit.TENTH_BIRTHDAY,
    ),
    (
        "expiry-31-may-leap-year",
        Facts(D(1991, 5, 31), D(2023, 6, 15)),
        D(2025, 1, 1),
        D(2028, 5, 31),
        D(2028, 3, 1),
        "valid",
        D(2033, 5, 31),
        Limit.TENTH_BIRTHDAY,
    ),
    (
        "expiry-15-july-renewal-16-april",
        Facts(D(1988, 7, 15), D(2024, 8, 1)),
        D(2025, 1, 1),
        D(2029, 7, 15),
        D(2029, 4, 16),
        "valid",
        D(2034, 7, 15),
        Limit.TENTH_BIRTHDAY,
    ),
    (
        "expiry-31-july-renewal-1-may",
        Facts(D(1988, 7, 31), D(2024, 8, 1)),
        D(2025, 1, 1),
        D(2029, 7, 31),
        D(2029, 5, 1),
        "valid",
        D(2034, 7, 31),
        Limit.TENTH_BIRTHDAY,
    ),
    (
        "expiry-30-may-renewal-1-march",
        Facts(D(1988, 5, 30), D(2024, 6, 1)),
        D(2025, 1, 1),
        D(2029, 5, 30),
        D(2029, 3, 1),
        "valid",
        D(2034, 5, 30),
        Limit.TENTH_BIRTHDAY,
    ),
    (
        "expiry-31-december",
        Facts(D(1988, 12, 31), D(2024, 1, 5)),
        D(2025, 1, 1),
        D(2028, 12, 31),
        D(2028, 10, 1),
        "valid",
        D(2033, 12, 31),
        Limit.TENTH_BIRTHDAY,
    ),
    (
        "expiry-31-march-renewal-1-january",
        Facts(D(1990, 3, 31), D(2024, 4, 1)),
        D(2025, 1, 1),
        D(2029, 3, 31),
        D(2029, 1, 1),
        "valid",
        D(2034, 3, 31),
        Limit.TENTH_BIRTHDAY,
    ),
    (
        "day-before-renewal-opens",
        Facts(D(1988, 7, 15), D(2024, 8, 1)),
        D(2029, 4, 15),
        D(2029, 7, 15),
        D(2029, 4, 16),
        "valid",
        D(2034, 7, 15),
        Limit.TENTH_BIRTHDAY,
    ),
    (
        "renewal-opens-today",
        Facts(D(1988, 7, 15), D(2024, 8, 1)),
        D(2029, 4, 16),
        D(2029, 7, 15),
        D(2029, 4, 16),
        "renewal_open",
        D(2034, 7, 15),
        Limit.TENTH_BIRTHDAY,
    ),
    (
        "expiry-day-still-usable",
        Facts(D(1988, 7, 15), D(2024, 8, 1)),
        D(2029, 7, 15),
        D(2029, 7, 15),
        D(2029, 4, 16),
        "renewal_open",
        D(2034, 7, 15),
        Limit.TENTH_BIRTHDAY,
    ),
    (
        "day-after-expiry",
        Facts(D(1988, 7, 15), D(2024, 8, 1)),
        D(2029, 7, 16),
        D(2029, 7, 15),
        D(2029, 4, 16),
        "expired",
        D(2034, 7, 15),
        Limit.TENTH_BIRTHDAY,
    ),
    (
        "card-renewal-open-certs-expired",
        Facts(D(1988, 7, 15), D(2024, 8, 1)),
        D(2034, 4, 16),
        D(2029, 7, 15),
        D(2029, 4, 16),
        "expired",
        D(2034, 7, 15),
        Limit.TENTH_BIRTHDAY,
    ),
    (
        "before-issue-not-issued",
        Facts(D(1988, 7, 15), D(2024, 8, 1)),
        D(2024, 7, 31),
        D(2029, 7, 15),
        D(2029, 4, 16),
        "not_issued",
        D(2034, 7, 15),
        Limit.TENTH_BIRTHDAY,
    ),
    (
        "age-override-makes-minor-card",
        Facts(D(2000, 1, 1), D(2024, 6, 1), age_at_issue=17),
        D(2025, 1, 1),
        D(2029, 1, 1),
        D(2028, 10, 2),
        "valid",
        D(2029, 1, 1),
        Limit.FIFTH_BIRTHDAY,
    ),
    (
        "card-face-overrides-rule",
        Facts(D(1985, 6, 30), D(2024, 3, 15), card_expires=D(2034, 6, 30)),
        D(2025, 1, 1),
        D(2028, 6, 30),
        D(2028, 3, 31),
        "valid",
        D(2034, 6, 30),
        Limit.CARD_FACE,
    ),
    (
        "card-face-matching-rule",
        Facts(D(1985, 6, 30), D(2024, 3, 15), card_expires=D(2033, 6, 30)),
        D(2025, 1, 1),
        D(2028, 6, 30),
        D(2028, 3, 31),
        "valid",
        D(2033, 6, 30),
        Limit.TENTH_BIRTHDAY,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_dated_case(case):
    _, facts, today, expires, renewal, state, card_expires, card_limit = case
    r = evaluate(facts, today)
    for t in (r.sign, r.auth):
        assert (t.expires, t.renewal_from, t.state.value) == (expires, renewal, state)
        assert t.days_left == (expires - today).days
    assert (r.card.expires, r.card.limit) == (card_expires, card_limit)


def test_there_are_at_least_30_dated_cases():
    assert len(CASES) >= 30


@pytest.mark.parametrize(
    "expires,opens",
    [
        (D(2025, 5, 31), D(2025, 3, 1)),
        (D(2025, 7, 15), D(2025, 4, 16)),
        (D(2024, 5, 31), D(2024, 3, 1)),
        (D(2025, 1, 31), D(2024, 11, 1)),
        (D(2025, 2, 28), D(2024, 11, 29)),
    ],
)
def test_renewal_examples_from_the_rules(expires, opens):
    assert renewal_opens(expires) == opens


def test_limits_of_certificates():
    # the card (issued 2016 to an adult) ends before the renewed certificates' 5th birthday
    f = Facts(D(1980, 1, 10), D(2022, 2, 1), card_issued=D(2016, 2, 1))
    r = evaluate(f, D(2025, 1, 1))
    assert r.card.expires == D(2026, 1, 10) and r.card.renewal_from == D(2025, 10, 11)
    assert r.sign.expires == D(2026, 1, 10) and r.sign.limit is Limit.CARD_VALIDITY
    assert r.sign.rule_expires == D(2026, 1, 10) and r.sign.ends_with_card
    f2 = Facts(D(1990, 7, 1), D(2024, 1, 22), residence_until=D(2024, 12, 25))
    assert evaluate(f2, D(2024, 6, 1)).auth.limit is Limit.RESIDENCE_PERIOD
    assert (
        evaluate(Facts(D(1990, 7, 1), D(2024, 1, 22)), D(2024, 6, 1)).auth.limit
        is Limit.FIFTH_BIRTHDAY
    )


def test_under_15_no_signing_certificate():
    r = evaluate(Facts(D(2012, 4, 10), D(2024, 6, 1)), D(2025, 1, 1))
    assert (
        r.sign.state is State.NOT_ISSUED
        and r.sign.reason is Reason.UNDER_15
        and r.sign.expires is None
    )
    assert r.auth.expires == D(2029, 4, 10) and r.card.expires == D(2029, 4, 10)
    assert r.auth.ends_with_card
    one_day_short = evaluate(Facts(D(2009, 6, 2), D(2024, 6, 1)), D(2025, 1, 1))
    assert one_day_short.sign.reason is Reason.UNDER_15


def test_notice_window_and_reminder():
    t = evaluate(Facts(D(1988, 7, 15), D(2024, 8, 1)), D(2025, 1, 1)).sign
    assert (t.notice_from, t.notice_until, t.reminder) == (
        D(2029, 4, 15),
        D(2029, 6, 15),
        D(2029, 6, 15),
    )
    t = evaluate(Facts(D(1990, 3, 31), D(2024, 4, 1)), D(2025, 1, 1)).sign
    assert (t.notice_from, t.notice_until, t.reminder) == (
        D(2028, 12, 31),
        D(2029, 2, 28),
        D(2029, 3, 1),
    )


def test_days_left_at_boundaries():
    f = Facts(D(1988, 7, 15), D(2024, 8, 1))
    assert evaluate(f, D(2029, 4, 15)).sign.days_left == 91
    assert evaluate(f, D(2029, 7, 15)).sign.days_left == 0
    assert evaluate(f, D(2029, 7, 16)).sign.days_left == -1


# -- from certificates ----------------------------------------------------------------------


def test_certificate_dates_are_authoritative_and_explained():
    f = Facts(
        birth_date=D(1985, 6, 30),
        sign=CertDates(D(2024, 3, 15), D(2028, 6, 30)),
        auth=CertDates(D(2024, 3, 15), D(2028, 6, 30)),
    )
    r = evaluate(f, D(2025, 1, 1))
    assert r.sign.source is Source.CERTIFICATE and r.sign.limit is Limit.FIFTH_BIRTHDAY
    assert (
        r.card.expires == D(2033, 6, 30) and r.card.estimated
    )  # card issue assumed = certificates'


def test_shorter_certificate_names_residence_or_says_unexplained():
    short = CertDates(D(2024, 1, 22), D(2024, 12, 25))
    with_res = evaluate(
        Facts(birth_date=D(1990, 7, 1), auth=short, residence_until=D(2024, 12, 25)), D(2024, 6, 1)
    )
    assert with_res.auth.limit is Limit.RESIDENCE_PERIOD and with_res.auth.expires == D(
        2024, 12, 25
    )
    assert with_res.auth.rule_expires == D(2024, 12, 25)
    without = evaluate(Facts(birth_date=D(1990, 7, 1), auth=short), D(2024, 6, 1))
    assert without.auth.limit is Limit.UNEXPLAINED and without.auth.rule_expires == D(2028, 7, 1)
    no_birth = evaluate(Facts(auth=short), D(2024, 6, 1))
    assert no_birth.auth.limit is None and no_birth.auth.expires == D(2024, 12, 25)
    assert no_birth.card.state is State.UNKNOWN and no_birth.card.reason is Reason.NEEDS_BIRTH_DATE


def test_card_without_signing_certificate():
    f = Facts(
        auth=CertDates(D(2024, 6, 1), D(2029, 4, 10)), sign_present=False, birth_date=D(2012, 4, 10)
    )
    r = evaluate(f, D(2025, 1, 1))
    assert r.sign.state is State.NOT_ISSUED and r.sign.reason is Reason.NOT_ON_CARD
    assert r.auth.limit is Limit.FIFTH_BIRTHDAY and r.card.expires == D(2029, 4, 10)


def test_missing_facts_give_unknown_not_a_guess():
    r = evaluate(Facts(issued=D(2024, 1, 1)), D(2025, 1, 1))
    assert r.sign.state is State.UNKNOWN and r.sign.reason is Reason.NEEDS_BIRTH_DATE
    r = evaluate(Facts(birth_date=D(1990, 1, 1)), D(2025, 1, 1))
    assert r.auth.reason is Reason.NEEDS_ISSUE_DATE and r.card.reason is Reason.NEEDS_ISSUE_DATE


@pytest.mark.parametrize(
    "facts,field",
    [
        (Facts(D(2000, 1, 1), D(1999, 1, 1)), "issued"),
        (Facts(D(2000, 1, 1), D(2020, 1, 1), card_issued=D(2021, 1, 1)), "card_issued"),
        (Facts(D(2000, 1, 1), D(2020, 1, 1), residence_until=D(2019, 1, 1)), "residence_until"),
        (Facts(D(2000, 1, 1), D(2020, 1, 1), age_at_issue=-1), "age_at_issue"),
    ],
)
def test_impossible_facts_are_typed_errors(facts, field):
    with pytest.raises(InvalidFacts) as exc:
        evaluate(facts, D(2025, 1, 1))
    assert exc.value.field == field


def test_json_shape():
    j = evaluate(Facts(D(1988, 7, 15), D(2024, 8, 1)), D(2029, 4, 16)).to_json()
    assert j["sign"]["expires"] == "2029-07-15" and j["sign"]["renewal_from"] == "2029-04-16"
    assert j["sign"]["state"] == "renewal_open" and j["sign"]["days_left"] == 90
    assert j["card"]["limit"] == "tenth_birthday" and j["today"] == "2029-04-16"


def test_unread_signing_certificate_assumed_like_auth_and_marked_estimated():
    auth = CertDates(D(2024, 3, 15), D(2028, 6, 30))
    r = evaluate(Facts(auth=auth, sign_present=True), D(2025, 1, 1))
    assert r.sign.expires == D(2028, 6, 30) and r.sign.estimated and not r.auth.estimated
    r = evaluate(
        Facts(auth=auth, sign=CertDates(D(2025, 2, 1), D(2030, 6, 30)), sign_present=True),
        D(2025, 3, 1),
    )
    assert r.sign.expires == D(2030, 6, 30) and not r.sign.estimated


def test_facts_from_parsed_certificates(pki):
    from jpki_desktop.validity.certificate import parse_certificate

    auth, sign = parse_certificate(pki.auth.der), parse_certificate(pki.sign.der)
    f = Facts.from_certificates(auth, sign, residence_until=D(2030, 1, 1))
    assert f.birth_date == D(1985, 6, 30) and f.sign == CertDates(D(2024, 3, 15), D(2028, 6, 30))
    assert f.sign_present and f.auth_present and f.residence_until == D(2030, 1, 1)
    r = evaluate(f, D(2025, 1, 1))
    assert r.sign.limit is Limit.FIFTH_BIRTHDAY and r.card.expires == D(2030, 1, 1)
    only_auth = Facts.from_certificates(auth, None, sign_present=True, birth_date=D(1985, 6, 30))
    assert evaluate(only_auth, D(2025, 1, 1)).sign.estimated


# -- properties over many dates ---------------------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from jpki_desktop.validity.dates import add_months, birthday_in  # noqa: E402


@settings(max_examples=300, deadline=None)
@given(birth=st.dates(D(1920, 1, 1), D(2009, 12, 31)), offset=st.integers(15 * 366, 90 * 365))
def test_certificate_expiry_properties(birth, offset):
    issued = birth + dt.timedelta(days=offset)
    t = evaluate(Facts(birth, issued), issued).auth
    assert t.expires == birthday_in(birth, t.expires.year)  # always a (possibly 28 Feb) birthday
    assert add_months(issued, 48) < t.expires <= add_months(issued, 60)
    # exactly five birthdays in (issued, expires]
    n = sum(
        1
        for y in range(issued.year, t.expires.year + 1)
        if issued < birthday_in(birth, y) <= t.expires
    )
    assert n == 5
    assert t.renewal_from - dt.timedelta(days=1) == add_months(t.expires, -3)
    assert 88 <= (t.expires - t.renewal_from).days <= 91  # 1 May -> 2 Feb is the shortest
    assert t.state is State.VALID and t.days_left == (t.expires - issued).days

"""Rules by card generation: one table, chosen from what the card reports; a future
generation is a data change."""

from __future__ import annotations

import dataclasses
import datetime as dt

from jpki_desktop.card.pins import PinKind
from jpki_desktop.validity.expiry import Facts, Limit, evaluate
from jpki_desktop.validity.generations import (
    BY_TOKEN_LABEL,
    CURRENT,
    RULES,
    current_rules,
    rules_for,
)


def test_todays_rules():
    r = current_rules()
    assert (r.cert_birthdays, r.renewal_months, r.sign_tries, r.auth_tries) == (5, 3, 5, 3)
    assert (r.card_birthdays_adult, r.card_birthdays_minor, r.signing_min_age) == (10, 5, 15)
    assert all(r.tries(k.value) == k.max_tries for k in PinKind)


def test_no_speculative_generation_is_shipped_as_active():
    assert set(RULES) == {CURRENT}
    assert set(BY_TOKEN_LABEL.values()) == {CURRENT}


def test_the_card_report_chooses_the_rules():
    assert rules_for("JPKIAPICCTOKEN2") == rules_for("JPKIAPGPSETOKEN")
    assert rules_for("JPKIAPICCTOKEN2").known
    unknown = rules_for("JPKIAPICCTOKEN9")
    assert not unknown.known and unknown.rules == current_rules()
    assert not rules_for(None).known


def test_a_future_generation_is_a_data_change():
    """Ten-year certificates, renewal from a year before: a new row and a new label."""
    table = {
        **RULES,
        "next": dataclasses.replace(current_rules(), cert_birthdays=10, renewal_months=12),
    }
    labels = {**BY_TOKEN_LABEL, "JPKIAPICCTOKEN3": "next"}
    chosen = rules_for("JPKIAPICCTOKEN3", table=table, labels=labels)
    assert chosen.known and chosen.generation == "next"
    birth, issued, today = dt.date(1985, 6, 30), dt.date(2030, 1, 10), dt.date(2031, 1, 1)
    now = evaluate(Facts(birth_date=birth, issued=issued), today)
    nxt = evaluate(Facts(birth_date=birth, issued=issued, rules=chosen.rules), today)
    assert now.auth.expires == dt.date(2034, 6, 30) and now.auth.limit is Limit.FIFTH_BIRTHDAY
    assert now.auth.renewal_from == dt.date(2034, 3, 31)
    assert nxt.auth.expires == dt.date(2039, 6, 30)  # its 10th birthday; the card ends too
    assert nxt.auth.renewal_from == dt.date(2038, 7, 1)

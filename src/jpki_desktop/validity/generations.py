"""The rules that can change with the card generation, in one table.

Today's cards (the My Number card issued since 2016, and the smartphone certificate) share one
set of rules. The next generation has been announced (ten-year certificates, renewal from one
year before expiry, two applications with two PINs instead of four) but nothing is final, so no
such row is shipped: adding one is a data change here (a generation id with its `CardRules` in
RULES, and what the card reports in BY_TOKEN_LABEL) plus a test, not a rewrite of the engine.

The generation is chosen from what the card reports (the JPKI token label in EF 0006); a label
we do not know gets today's rules and `known=False`, so the caller can say the rules are assumed.
"""

from __future__ import annotations

from dataclasses import dataclass

CURRENT = "current"  # My Number card since 2016 (and the smartphone certificate)


@dataclass(frozen=True)
class CardRules:
    cert_birthdays: int  # certificates end on the n-th birthday after issue
    card_birthdays_adult: int  # the card ends on the n-th birthday after issue (adults)
    card_birthdays_minor: int  # ... when issued below the age of majority
    renewal_months: int  # renewal opens the day after the date this many months before expiry
    notice_months: tuple[int, int]  # the J-LIS expiry notice arrives this many months before
    sign_tries: int  # signing password tries
    auth_tries: int  # user authentication PIN tries
    card_info_tries: int
    signing_min_age: int  # no signing certificate below this age at issue

    def tries(self, pin: str) -> int:
        """Maximum tries of a PIN by its kind's value ("sign", "auth", "card_info")."""
        return {"sign": self.sign_tries, "auth": self.auth_tries}.get(pin, self.card_info_tries)


RULES: dict[str, CardRules] = {
    CURRENT: CardRules(
        cert_birthdays=5,
        card_birthdays_adult=10,
        card_birthdays_minor=5,
        renewal_months=3,
        notice_months=(3, 1),
        sign_tries=5,
        auth_tries=3,
        card_info_tries=3,
        signing_min_age=15,
    ),
}

# What the card reports -> its generation. Labels of EF 0006 (jpki-card-protocol.md §2.3).
BY_TOKEN_LABEL: dict[str, str] = {
    "JPKIAPICCTOKEN2": CURRENT,  # My Number card
    "JPKIAPGPSETOKEN": CURRENT,  # smartphone certificate, Android
    "JPKIAPIOSTOKEN": CURRENT,  # smartphone certificate, iPhone
}

DEFAULT = CURRENT


@dataclass(frozen=True)
class ChosenRules:
    generation: str  # a key of RULES
    rules: CardRules
    known: bool  # False: the card reported nothing we know; today's rules are assumed


def rules_for(
    token_label: str | None,
    *,
    table: dict[str, CardRules] | None = None,
    labels: dict[str, str] | None = None,
) -> ChosenRules:
    """The rules for the card that reported `token_label` (None: no card, rules alone)."""
    table = RULES if table is None else table
    labels = BY_TOKEN_LABEL if labels is None else labels
    generation = labels.get(token_label or "")
    if generation is None or generation not in table:
        return ChosenRules(DEFAULT, table[DEFAULT], False)
    return ChosenRules(generation, table[generation], True)


def current_rules() -> CardRules:
    return RULES[DEFAULT]

"""`jpki expiry`: until when do the certificates and the card work, and when can they be renewed.

With a card (default): reads the auth certificate and which certificates exist (no PIN); the
signing certificate only with --with-signing-cert (asks the signing password).
Without a card: `jpki expiry --birth-date YYYY-MM-DD --issued YYYY-MM-DD [...]` computes from the
rules and never touches PC/SC.
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from ...app.validity import expiry
from ...validity.dates import jst_date
from ...validity.errors import InvalidFacts
from ...validity.expiry import ExpiryReport, Facts
from ..common import add_password_options, emit
from ..validity_card import read_card
from ..validity_text import iso_date, report_text


def _date_option(group: argparse._ArgumentGroup, flag: str, text: str | None = None) -> None:
    group.add_argument(flag, type=iso_date, metavar="YYYY-MM-DD", help=text)


def add_fact_options(p: argparse.ArgumentParser) -> None:
    """Options shared by `expiry` and `remind`."""
    g = p.add_argument_group("without a card (rules only; no reader is touched)")
    _date_option(g, "--issued", "issue date of the certificates")
    _date_option(g, "--birth-date", "date of birth (the signing certificate's five-birthday limit)")
    g.add_argument(
        "--age-at-issue",
        type=int,
        metavar="N",
        help="age on the issue date (default: from the birth date)",
    )
    f = p.add_argument_group("facts that refine the result (with or without a card)")
    _date_option(f, "--card-issued", "issue date of the card, if not the certificates'")
    f.add_argument(
        "--applied-before-2022-04",
        action="store_true",
        help="the card was applied for before 2022-04-01",
    )
    _date_option(f, "--residence-until", "end of the period of stay")
    _date_option(f, "--card-expires", "the expiry date printed on the card")
    _date_option(f, "--today", "evaluate as of this day (default: today in Japan)")
    c = p.add_argument_group("with a card")
    c.add_argument(
        "--with-signing-cert",
        action="store_true",
        help="also read the signing certificate (asks the signing password; gives the exact date and the birth date)",
    )
    add_password_options(p)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("expiry", help="expiry and renewal dates of the certificates and the card")
    add_fact_options(p)
    p.set_defaults(func=run)


def today_of(args: argparse.Namespace) -> dt.date:
    return args.today or jst_date(dt.datetime.now(dt.UTC))


def rules_mode(args: argparse.Namespace) -> bool:
    return args.issued is not None


# The facts whose options count with or without a card; each option's dest is its Facts field.
SHARED_FACTS = (
    "birth_date",
    "card_issued",
    "applied_before_2022_04",
    "residence_until",
    "card_expires",
)


def shared_facts(args: argparse.Namespace) -> dict[str, Any]:
    return {name: getattr(args, name) for name in SHARED_FACTS}


def facts_from_args(args: argparse.Namespace) -> Facts:
    """Facts for rule mode (no card)."""
    if args.birth_date is None:
        raise InvalidFacts("birth_date", "required_without_a_card")
    return Facts(issued=args.issued, age_at_issue=args.age_at_issue, **shared_facts(args))


def facts_from_card(args: argparse.Namespace) -> Facts:
    reading = read_card(args, with_sign=args.with_signing_cert)
    return Facts.from_certificates(
        reading.auth,
        reading.sign,
        sign_present=reading.availability.sign,
        auth_present=reading.availability.auth,
        **shared_facts(args),
    )


def build_report(args: argparse.Namespace) -> tuple[ExpiryReport, str]:
    if rules_mode(args):
        return expiry(facts_from_args(args), today_of(args)), "rules"
    return expiry(facts_from_card(args), today_of(args)), "card"


def run(args: argparse.Namespace) -> int:
    report, mode = build_report(args)
    emit(args, {"mode": mode, **report.to_json()}, report_text(report))
    return 0

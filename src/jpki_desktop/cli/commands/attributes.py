"""`jpki attributes`: has a change of name, address, birth date or sex revoked the signing
certificate?

    jpki attributes --event moved [--event married ...]      # no card needed, no PC/SC
    jpki attributes --compare-card                            # signing password + card-info PIN

--compare-card reads the signing certificate (signing password) and the card-info application's
records (4-digit card-info PIN) and compares them after normalisation.
"""

from __future__ import annotations

import argparse

from ...app.validity import life_event_check
from ...validity.attributes import Action, AttributeCheck, LifeEvent, Verdict
from .. import exitcodes as X
from ..common import add_list_option, add_password_options, emit
from ..validity_card import read_card

FIELD_NAMES = {"name": "name", "address": "address", "birth_date": "birth date", "sex": "sex"}
EVENT_NAMES = {
    LifeEvent.MOVED: "a move (転入届/転居届)",
    LifeEvent.MARRIED: "a marriage (婚姻届)",
    LifeEvent.DIVORCED: "a divorce (離婚届)",
    LifeEvent.NAME_CHANGED: "a name change",
    LifeEvent.BIRTH_DATE_CORRECTED: "a corrected date of birth",
    LifeEvent.SEX_CHANGED: "a change of the registered sex",
}
ACTIONS = {
    Action.REGISTER_CHANGE_WITH_CARD: "Bring your My Number card when you notify the change at the municipal office.",
    Action.NEW_SIGNING_CERTIFICATE: (
        "Apply for a new signing certificate at the municipal office (you will set a new "
        "signing password); it is needed again for e-Tax and other electronic applications."
    ),
    Action.NONE: "Nothing to do.",
}
AUTH_OK = (
    "Your user authentication certificate keeps working (Myna Portal login, convenience-store "
    "certificates, health insurance): it holds no personal data."
)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "attributes",
        help="has a change of name/address/birth date/sex revoked the signing certificate?",
    )
    add_list_option(
        p,
        "--event",
        "EVENT",
        "a life event you had or are about to have: moved, married, divorced, name-changed, "
        "birth-date-corrected, sex-changed",
        choices=[e.value.replace("_", "-") for e in LifeEvent],
    )
    p.add_argument(
        "--compare-card",
        action="store_true",
        help="compare the signing certificate with the card's records (asks the signing password, then the card-info PIN)",
    )
    add_password_options(p)
    p.set_defaults(func=run)


def text(result: AttributeCheck) -> str:
    lines: list[str] = []
    if result.verdict is Verdict.CHANGED:
        fields = ", ".join(FIELD_NAMES[f.value] for f in result.differences)
        lines.append(f"The card's records differ from your signing certificate in: {fields}.")
        lines.append(
            "Your signing certificate has been revoked: it is revoked automatically when name, "
            "address, birth date or sex change, even before its expiry date."
        )
    elif result.verdict is Verdict.CHANGE_DECLARED:
        events = " and ".join(EVENT_NAMES[e] for e in result.events)
        verb = "is" if len(result.events) == 1 else "are"
        lines.append(
            f"Once {events} {verb} registered, your signing certificate will be revoked automatically"
            " (its name, address, birth date and sex no longer match)."
        )
        if result.compared:
            lines.append(
                "The card still shows the old records, so the change is not registered yet."
            )
    elif result.verdict is Verdict.UNCHANGED:
        lines.append(
            "Name, address, birth date and sex on the card match your signing certificate: no change found."
        )
        lines.append("(Revocation for other reasons is checked by 'jpki check'.)")
        return "\n".join(lines)
    else:
        return "Nothing to compare: give --event or --compare-card."
    lines.append(AUTH_OK)
    lines += [f"- {ACTIONS[a]}" for a in result.actions]
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    events = [LifeEvent(e.replace("-", "_")) for e in args.event]
    if not events and not args.compare_card:
        print("jpki attributes: give --event EVENT and/or --compare-card (see --help)")
        return X.USAGE
    cert_attrs = recorded = None
    if args.compare_card:
        reading = read_card(args, with_sign=True, with_attributes=True)
        if reading.sign is None:
            print("This card holds no signing certificate: nothing can be revoked.")
            return X.OK
        cert_attrs, recorded = reading.sign.attributes, reading.attributes
    result = life_event_check(cert_attrs, recorded, events)
    emit(args, result.to_json(), text(result))
    return X.INVALID if result.verdict is Verdict.CHANGED else X.OK

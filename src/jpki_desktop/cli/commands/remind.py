"""`jpki remind -o FILE.ics`: calendar reminders for renewal opening, 30 days before expiry and
the expiry day, for both certificates and the card. Same inputs as `jpki expiry` (with a card,
or --birth-date/--issued without one). The file is written atomically."""

from __future__ import annotations

import argparse
import datetime as dt

from ...app.validity import write_reminders
from ..common import add_output_option, emit
from .expiry import add_fact_options, build_report


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("remind", help="export expiry reminders as an iCalendar (.ics) file")
    add_output_option(p, "the calendar", metavar="FILE.ics", required=True)
    p.add_argument("--include-past", action="store_true", help="also days already past")
    add_fact_options(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    report, mode = build_report(args)
    items = write_reminders(
        args.output, report, now=dt.datetime.now(dt.UTC), include_past=args.include_past
    )
    summary = {
        "mode": mode,
        "file": args.output,
        "events": [
            {
                "date": r.day.isoformat(),
                "kind": r.kind.value,
                "subjects": [s.value for s in r.subjects],
            }
            for r in items
        ],
    }
    text = f"Wrote {len(items)} reminders to {args.output}"
    if not items:
        text += " (nothing ahead: no expiry date is known or everything is past; see 'jpki expiry')"
    emit(args, summary, text)
    return 0

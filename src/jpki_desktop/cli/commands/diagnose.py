"""`jpki diagnose`: what is wrong with the PC/SC service, the reader or the card, and the fix.

Spends no PIN try and never reads the signing certificate. The text report (and `--export`)
masks personal data unless `--unmasked` is given explicitly.
"""

from __future__ import annotations

import argparse
import json
import sys

from ...app.diagnosis import diagnose, diagnosis_dicts, export_report, report_text
from ..common import add_json_option


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "diagnose", help="check PC/SC service, readers and card; suggest fixes (spends no try)"
    )
    add_json_option(p, "print the checks as JSON (id, status, title, detail, fix, data)")
    p.add_argument("--export", metavar="FILE", help="write a text report for a help desk to FILE")
    p.add_argument(
        "--unmasked",
        action="store_true",
        help="include personal data (exact expiry dates) in the output; masked by default",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    masked = not args.unmasked
    diagnosis = diagnose(reader=args.reader, demo=args.demo)
    text = None
    if args.export:
        text = export_report(args.export, diagnosis, masked=masked)
        print(
            f"Report written to {args.export}" + ("" if masked else " (NOT masked)"),
            file=sys.stderr,
        )
    if getattr(args, "json", False):
        print(json.dumps(diagnosis_dicts(diagnosis, masked=masked), ensure_ascii=False, indent=2))
    elif not args.export:
        print(text or report_text(diagnosis, masked=masked), end="")
    return 0

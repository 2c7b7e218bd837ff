"""`jpki readers`: list readers and whether they hold a card."""

from __future__ import annotations

import argparse

from ...app.card import list_readers, reader_dict
from ..common import emit


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("readers", help="list card readers")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    rows = [reader_dict(i) for i in list_readers(demo=args.demo)]
    text = (
        "\n".join(f"{r['name']}\t{'card' if r['card_present'] else 'no card'}" for r in rows)
        or "No readers found."
    )
    emit(args, rows, text)
    return 0

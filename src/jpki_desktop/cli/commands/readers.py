"""`jpki readers`: list readers and whether they hold a card."""

from __future__ import annotations

import argparse

from ..common import emit


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("readers", help="list card readers")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.demo:
        from ...card.connect import open_demo

        with open_demo() as oc:
            rows = [
                {
                    "name": oc.reader,
                    "card_present": True,
                    "atr": oc.atr.hex(" ").upper(),
                    "exclusive": False,
                }
            ]
    else:
        from ...card.pcsc import reader_infos

        rows = [
            {
                "name": i.name,
                "card_present": i.card_present,
                "atr": i.atr.hex(" ").upper(),
                "exclusive": i.exclusive,
            }
            for i in reader_infos()
        ]
    text = (
        "\n".join(f"{r['name']}\t{'card' if r['card_present'] else 'no card'}" for r in rows)
        or "No readers found."
    )
    emit(args, rows, text)
    return 0

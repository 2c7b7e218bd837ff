"""`jpki status`: card kind, remaining tries of every PIN, auth certificate summary.

Reads counters with the empty VERIFY only: never spends a try.
"""

from __future__ import annotations

import argparse
import datetime as dt

from ...app.card import read_status, snapshot_dict
from ...card.pins import PinKind
from ..common import emit, opener_from_args

LABELS = {
    PinKind.SIGN: "Signing password",
    PinKind.AUTH: "Auth PIN",
    PinKind.CARD_INFO: "Card-info PIN",
}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "status", help="card kind, PIN tries left, certificate summary (spends no try)"
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    snap = read_status(opener_from_args(args))
    data = snapshot_dict(snap)
    lines = [
        f"Reader:    {snap.reader}",
        f"Card:      {snap.token.kind.value} ({snap.token.label})",
    ]
    for kind, st in snap.pins.items():
        left = "?" if st.remaining is None else st.remaining
        lines.append(f"{LABELS[kind]:<17} {left}/{st.maximum} tries left  [{st.state.value}]")
    if data["auth_certificate"]:
        c = data["auth_certificate"]
        end = dt.datetime.fromisoformat(c["not_after"])
        lines.append(
            f"Auth certificate: {c['subject']}  serial {c['serial']}  valid until {end:%Y-%m-%d %H:%M} UTC"
        )
    if not snap.availability.sign:
        lines.append("This card holds no signing certificate.")
    emit(args, data, "\n".join(lines))
    return 0

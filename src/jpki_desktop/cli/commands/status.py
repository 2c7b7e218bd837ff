"""`jpki status`: card kind, remaining tries of every PIN, auth certificate summary.

Reads counters with the empty VERIFY only: never spends a try.
"""

from __future__ import annotations

import argparse
import datetime as dt

from ...app.card import read_status, snapshot_dict
from ...card.pins import PinKind
from ...card.snapshot import CardVariant
from ..common import emit, opener_from_args

LABELS = {
    PinKind.SIGN: "Signing password",
    PinKind.AUTH: "Auth PIN",
    PinKind.CARD_INFO: "Card-info PIN",
}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "status", help="card kind, PIN tries left, certificate summary (spends no try)"
    )
    p.add_argument(
        "--no-card-cache",
        action="store_true",
        help="read every certificate from the card (also: JPKI_CARD_CACHE=off)",
    )
    p.set_defaults(func=run)


VARIANT_LINES = {
    CardVariant.FACE_AUTH: "Face-authentication card (顔認証マイナンバーカード): no PIN is set and "
    "there is no signing certificate. Health insurance and photo ID work; online services that "
    "need a PIN do not. The municipal office can switch it back to a card with PINs.",
    CardVariant.SMARTPHONE: "Smartphone certificate: its auth certificate is read only with the "
    "auth PIN (jpki cert auth).",
    CardVariant.NO_CERTIFICATES: "This card holds no electronic certificate (declined, or "
    "revoked). Apply for certificates at your municipal office to use online services.",
}
UNREAD_NAMES = {
    "certificates_present": "Certificates present",
    "auth_cert": "Auth certificate",
    "auth_ca": "Auth CA certificate",
    "sign_ca": "Signing CA certificate",
    "card_info_pin": "Card-info PIN",
    "sign_pin": "Signing password",
    "auth_pin": "Auth PIN",
}


def run(args: argparse.Namespace) -> int:
    snap = read_status(opener_from_args(args), use_cache=not args.no_card_cache)
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
    if snap.variant in VARIANT_LINES:
        lines.append(VARIANT_LINES[snap.variant])
    elif not snap.availability.sign:
        lines.append("This card holds no signing certificate.")
    for u in snap.unread:
        lines.append(f"{UNREAD_NAMES.get(u.item, u.item)}: could not be read ({u.reason})")
    emit(args, data, "\n".join(lines))
    return 0

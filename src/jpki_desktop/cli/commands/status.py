"""`jpki status`: card kind, remaining tries of every PIN, auth certificate summary.

Reads counters with the empty VERIFY only: never spends a try.
"""

from __future__ import annotations

import argparse
import datetime as dt

from cryptography import x509

from ...card.cache import default_cache
from ...card.jpki import CertSlot
from ...card.pins import PinKind
from ...card.snapshot import CardSnapshot, CardVariant, read_snapshot
from ..common import emit, open_from_args

LABELS = {
    PinKind.SIGN: "Signing password",
    PinKind.AUTH: "Auth PIN",
    PinKind.CARD_INFO: "Card-info PIN",
}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "status", help="card kind, PIN tries left, certificate summary (spends no try)"
    )
    p.add_argument(
        "--no-card-cache",
        action="store_true",
        help="read every certificate from the card (also: JPKI_CARD_CACHE=off)",
    )
    p.set_defaults(func=run)


def cert_summary(der: bytes) -> dict[str, str]:
    cert = x509.load_der_x509_certificate(der)
    return {
        "subject": cert.subject.rfc4514_string(),
        "issuer": cert.issuer.rfc4514_string(),
        "serial": format(cert.serial_number, "X"),
        "not_before": cert.not_valid_before_utc.isoformat(),
        "not_after": cert.not_valid_after_utc.isoformat(),
    }


def snapshot_json(snap: CardSnapshot) -> dict:
    return {
        "reader": snap.reader,
        "atr": snap.atr.hex(" ").upper(),
        "card_kind": snap.token.kind.value,
        "token_label": snap.token.label,
        "certificates_present": {"sign": snap.availability.sign, "auth": snap.availability.auth},
        "pins": {
            k.value: {"remaining": s.remaining, "maximum": s.maximum, "state": s.state.value}
            for k, s in snap.pins.items()
        },
        "auth_certificate": cert_summary(snap.certificates[CertSlot.AUTH])
        if CertSlot.AUTH in snap.certificates
        else None,
        "variant": snap.variant.value,
        "pins_not_set": sorted(k.value for k in snap.pins_not_set),
        "sources": {slot.value: src.value for slot, src in snap.sources.items()},
        "unread": [{"item": u.item, "reason": u.reason} for u in snap.unread],
    }


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
    with open_from_args(args) as oc:
        snap = read_snapshot(
            oc.channel,
            reader=oc.reader,
            atr=oc.atr,
            cache=default_cache(not getattr(args, "no_card_cache", False)),
        )
    data = snapshot_json(snap)
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

"""Readers, card status and certificates read from the card.

`read_status` is the one status read shared by `jpki status` and the GUI's card thread (which
calls `status_of` on the card it already opened). The `*_dict` functions are the one JSON form
of each card value, used by every `--json` output.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from cryptography import x509

from ..card.cache import CardCache, default_cache
from ..card.connect import OpenCard, open_card, open_demo
from ..card.jpki import CertSlot, JpkiSession
from ..card.pcsc_loader import load_pcsc
from ..card.pins import PinKind, PinStatus
from ..card.snapshot import CardSnapshot, ProgressCallback, read_snapshot
from .pins import FinalTry, PinInput, verify_jpki

if TYPE_CHECKING:
    from ..card.pcsc import ReaderInfo

CardOpener = Callable[[], OpenCard]


def card_opener(reader: str | None = None, *, demo: bool = False) -> CardOpener:
    """Opens the chosen reader's card (or the first one holding a card), or the demo card."""
    return lambda: open_card(reader, demo=demo)


def list_readers(*, demo: bool = False) -> list[ReaderInfo]:
    pcsc = load_pcsc()  # pyscard needs libpcsclite, which may be missing (diagnose says so)
    if demo:
        with open_demo() as oc:
            return [pcsc.ReaderInfo(oc.reader, True, False, oc.atr)]
    infos: list[ReaderInfo] = pcsc.reader_infos()
    return infos


def status_cache(enabled: bool = True) -> CardCache | None:
    """The per-card cache of public certificates (None when the user turned it off)."""
    return default_cache(enabled)


def status_of(
    card: OpenCard, *, cache: CardCache | None = None, progress: ProgressCallback | None = None
) -> CardSnapshot:
    """Token info, every PIN counter (no try spent), the public certificates."""
    return read_snapshot(
        card.channel, reader=card.reader, atr=card.atr, cache=cache, progress=progress
    )


def read_status(open_card: CardOpener, *, use_cache: bool = True) -> CardSnapshot:
    """`use_cache`: public certificates may come from the per-card cache (a warm read fetches
    only the first chunk); off, every certificate is read from the card."""
    with open_card() as card:
        return status_of(card, cache=default_cache(use_cache))


def read_certificate(
    open_card: CardOpener, slot: CertSlot, pin: PinInput, confirm: FinalTry
) -> bytes:
    """One certificate (DER). The signing certificate needs the signing password first."""
    with open_card() as card:
        return read_certificate_on(card, slot, pin, confirm)


def read_certificate_on(card: OpenCard, slot: CertSlot, pin: PinInput, confirm: FinalTry) -> bytes:
    with card.channel.transaction():
        session = JpkiSession(card.channel)
        if slot.needs_pin:
            verify_jpki(session, PinKind.SIGN, pin, confirm)
        return session.read_certificate(slot)


def read_signing_certificate(card: OpenCard, pin: PinInput, confirm: FinalTry) -> bytes:
    """VERIFY the signing password, then read the signing certificate (personal data)."""
    return read_certificate_on(card, CertSlot.SIGN, pin, confirm)


def read_auth_certificate(card: OpenCard, pin: PinInput, confirm: FinalTry) -> bytes:
    """VERIFY the auth PIN, then read the auth certificate: a smartphone certificate releases
    it only then (snapshot.auth_needs_pin). Only on the user's request."""
    with card.channel.transaction():
        session = JpkiSession(card.channel)
        verify_jpki(session, PinKind.AUTH, pin, confirm)
        return session.read_certificate(CertSlot.AUTH)


# -- the JSON form of the card's values ----------------------------------------------------------


def pin_dict(status: PinStatus) -> dict[str, Any]:
    return {"remaining": status.remaining, "maximum": status.maximum, "state": status.state.value}


def certificate_dict(der: bytes) -> dict[str, str]:
    cert = x509.load_der_x509_certificate(der)
    return {
        "subject": cert.subject.rfc4514_string(),
        "issuer": cert.issuer.rfc4514_string(),
        "serial": format(cert.serial_number, "X"),
        "not_before": cert.not_valid_before_utc.isoformat(),
        "not_after": cert.not_valid_after_utc.isoformat(),
    }


def snapshot_dict(snap: CardSnapshot) -> dict[str, Any]:
    auth = snap.certificates.get(CertSlot.AUTH)
    return {
        "reader": snap.reader,
        "atr": snap.atr.hex(" ").upper(),
        "card_kind": snap.token.kind.value,
        "token_label": snap.token.label,
        "certificates_present": {"sign": snap.availability.sign, "auth": snap.availability.auth},
        "pins": {k.value: pin_dict(s) for k, s in snap.pins.items()},
        "auth_certificate": certificate_dict(auth) if auth is not None else None,
        "variant": snap.variant.value,
        "pins_not_set": sorted(k.value for k in snap.pins_not_set),
        "sources": {slot.value: src.value for slot, src in snap.sources.items()},
        "unread": [{"item": u.item, "reason": u.reason} for u in snap.unread],
    }


def reader_dict(info: ReaderInfo) -> dict[str, Any]:
    return {
        "name": info.name,
        "card_present": info.card_present,
        "atr": info.atr.hex(" ").upper(),
        "exclusive": info.exclusive,
    }

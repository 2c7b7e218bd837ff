"""One read of everything the dashboard shows, as an immutable snapshot.

The same function serves `jpki status`, the GUI's card thread and the benchmark, so the APDU
sequence is defined once: select AP, token info, both PIN counters, auth + both CA certs, which
certificates exist, and the card-info PIN counter. No step spends a try.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .cardinfo import CardInfoSession
from .errors import ApplicationNotFound, JpkiError
from .jpki import CertAvailability, CertSlot, JpkiSession, TokenInfo
from .pins import PinKind, PinStatus
from .transport import ApduChannel


@dataclass(frozen=True)
class CardSnapshot:
    reader: str
    atr: bytes
    token: TokenInfo
    availability: CertAvailability
    pins: dict[PinKind, PinStatus]
    certificates: dict[CertSlot, bytes] = field(default_factory=dict)  # DER, public ones only
    card_info_available: bool = True

    def pin(self, kind: PinKind) -> PinStatus | None:
        return self.pins.get(kind)


def read_snapshot(
    channel: ApduChannel,
    *,
    reader: str = "",
    atr: bytes = b"",
    with_ca: bool = True,
    with_card_info_pin: bool = True,
) -> CardSnapshot:
    with channel.transaction():
        session = JpkiSession(channel)
        token = session.token_info()
        availability = session.cert_availability()
        pins = {k: session.pin_status(k) for k in (PinKind.SIGN, PinKind.AUTH)}
        slots = [CertSlot.AUTH] + ([CertSlot.AUTH_CA, CertSlot.SIGN_CA] if with_ca else [])
        certs = {
            slot: session.read_certificate(slot)
            for slot in slots
            if availability.auth or slot is not CertSlot.AUTH
        }
        card_info = False
        if with_card_info_pin:
            try:
                pins[PinKind.CARD_INFO] = CardInfoSession(channel).pin_status()
                card_info = True
            except ApplicationNotFound:
                pass
            except JpkiError:
                pass
    return CardSnapshot(reader, atr, token, availability, pins, certs, card_info)

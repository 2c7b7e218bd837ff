"""Job functions the GUI queues on the card thread: `fn(open_card, *args) -> result`.

Qt-free and synchronous. PIN buffers passed in are wiped by the card service afterwards.
"""

from __future__ import annotations

from ..card.cardinfo import BasicAttributes, CardInfoSession
from ..card.connect import OpenCard
from ..card.jpki import CertSlot, JpkiSession
from ..card.pins import PinBuffer, PinKind


def read_signing_certificate(card: OpenCard, pin: PinBuffer, final_try_confirmed: bool) -> bytes:
    """VERIFY the signing password, then read the signing certificate (personal data)."""
    with card.channel.transaction():
        session = JpkiSession(card.channel)
        session.verify(PinKind.SIGN, pin, final_try_confirmed=final_try_confirmed)
        return session.read_certificate(CertSlot.SIGN)


def read_auth_certificate(card: OpenCard, pin: PinBuffer, final_try_confirmed: bool) -> bytes:
    """VERIFY the auth PIN, then read the auth certificate: a smartphone certificate releases
    it only then (snapshot.auth_needs_pin). Only on the user's request."""
    with card.channel.transaction():
        session = JpkiSession(card.channel)
        session.verify(PinKind.AUTH, pin, final_try_confirmed=final_try_confirmed)
        return session.read_certificate(CertSlot.AUTH)


def change_pin(
    card: OpenCard, kind: PinKind, current: PinBuffer, new: PinBuffer, final_try_confirmed: bool
) -> None:
    with card.channel.transaction():
        JpkiSession(card.channel).change_pin(
            kind, current, new, final_try_confirmed=final_try_confirmed
        )


def read_card_attributes(
    card: OpenCard, pin: PinBuffer, final_try_confirmed: bool
) -> BasicAttributes:
    """The basic four attributes from the card-info application (needs its 4-digit PIN)."""
    with card.channel.transaction():
        session = CardInfoSession(card.channel)
        session.verify(pin, final_try_confirmed=final_try_confirmed)
        return session.read_attributes()

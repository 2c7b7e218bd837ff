"""Open a channel to the card: a PC/SC reader, or the built-in virtual card (`--demo`)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .errors import NoCard, NoReader
from .pcsc_loader import load_pcsc
from .transport import ApduChannel
from .virtual.store import CardStore, demo_dir, profile_named
from .virtual.transport import VirtualTransport

__all__ = ["OpenCard", "demo_dir", "demo_profile", "open_card", "open_demo", "open_reader"]


@dataclass
class OpenCard:
    channel: ApduChannel
    reader: str
    atr: bytes

    def close(self) -> None:
        self.channel.close()

    def __enter__(self) -> OpenCard:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


DEMO_PROFILE_ENV = "JPKI_DEMO_PROFILE"


def demo_profile() -> str:
    """The demo card's profile: `standard` unless JPKI_DEMO_PROFILE names another one
    (face-auth, android, iphone, no-certificates; see card.virtual.store.profile_named)."""
    return os.environ.get(DEMO_PROFILE_ENV, "").strip() or "standard"


def open_demo(
    state: Path | None = None, *, apdu_delay: float = 0.0, profile: str | None = None
) -> OpenCard:
    """The persistent demo card, in-process. Counters and PINs survive between runs.

    A profile other than `standard` lives in its own directory next to the demo card's, so
    trying one never changes the usual demo card. An unknown name raises ValueError.
    """
    name = profile or demo_profile()
    chosen = profile_named(name)
    path = state or demo_dir()
    if name != "standard":
        path = path.with_name(f"{path.name}-{name}")
    card, _ = CardStore(path).load_or_create(profile=chosen)
    transport = VirtualTransport(card)
    return OpenCard(ApduChannel(transport, apdu_delay=apdu_delay), transport.reader_name, card.atr)


def open_reader(reader: str | None = None, *, apdu_delay: float = 0.0) -> OpenCard:
    """Connect to `reader`, or to the first reader holding a card."""
    pcsc = load_pcsc()
    infos = pcsc.reader_infos()
    if not infos:
        raise NoReader(reader)
    if reader is not None:
        match = [i for i in infos if i.name == reader] or [
            i for i in infos if reader.lower() in i.name.lower()
        ]
        if not match:
            raise NoReader(reader)
        chosen = match[0]
    else:
        with_card = [i for i in infos if i.card_present]
        if not with_card:
            raise NoCard(infos[0].name if len(infos) == 1 else None)
        chosen = with_card[0]
    transport = pcsc.PcscTransport(chosen.name)
    return OpenCard(
        ApduChannel(transport, apdu_delay=apdu_delay), chosen.name, transport.atr or chosen.atr
    )


def open_card(
    reader: str | None = None, *, demo: bool = False, apdu_delay: float = 0.0
) -> OpenCard:
    return open_demo(apdu_delay=apdu_delay) if demo else open_reader(reader, apdu_delay=apdu_delay)

"""In-process transport to the virtual card (unit tests and `--demo`)."""

from __future__ import annotations

import threading

from ..errors import CardRemoved, NoCard
from .card import VirtualJpkiCard


class VirtualTransport:
    """Implements the `Transport` seam; `remove()` simulates pulling the card."""

    reader_name = "jpki-desktop Virtual Card Reader"

    def __init__(self, card: VirtualJpkiCard | None) -> None:
        self.card = card
        self._lock = threading.Lock()
        if card is not None:
            card.reset()

    @property
    def atr(self) -> bytes:
        if self.card is None:
            raise NoCard(self.reader_name)
        return self.card.atr

    def send_and_receive(self, apdu: bytes | bytearray) -> tuple[bytes, int]:
        with self._lock:
            if self.card is None:
                raise CardRemoved(self.reader_name)
            resp = self.card.process(bytes(apdu))
        return resp[:-2], int.from_bytes(resp[-2:], "big")

    def remove(self) -> None:
        with self._lock:
            self.card = None

    def insert(self, card: VirtualJpkiCard) -> None:
        with self._lock:
            card.reset()
            self.card = card

    def power_down(self) -> None:
        with self._lock:
            if self.card is not None:
                self.card.reset()

    def close(self) -> None:
        pass

"""A slow reader, modelled: a fixed cost per APDU plus a cost per byte in each direction.

On contact cards without TA1 (`3B E0 00 …`, `3B C5 …`) the interface runs at about 10.8 kbit/s,
roughly 1 ms per byte with T=1 framing, and a USB reader adds 12–17 ms per APDU (public OpenSC
logs). The benchmark uses 12 ms per APDU and 1 ms per byte.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass


@dataclass
class ReaderTiming:
    apdu_delay: float = 0.0  # seconds per APDU
    byte_delay_in: float = 0.0  # seconds per command byte (terminal → card)
    byte_delay_out: float = 0.0  # seconds per response byte (card → terminal)

    @classmethod
    def slow(cls, apdu_delay: float, byte_delay: float) -> ReaderTiming:
        return cls(apdu_delay, byte_delay, byte_delay)

    def before(self, command_len: int) -> float:
        """Time until the card has the whole command."""
        return self.apdu_delay + self.byte_delay_in * command_len

    def after(self, response_len: int) -> float:
        """Time until the terminal has the whole response."""
        return self.byte_delay_out * response_len

    def wait(self, seconds: float, stop: threading.Event | None = None) -> bool:
        """Sleep; True if `stop` was set meanwhile (the card was pulled)."""
        if seconds <= 0:
            return bool(stop and stop.is_set())
        if stop is None:
            threading.Event().wait(seconds)
            return False
        return stop.wait(seconds)

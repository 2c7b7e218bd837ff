"""Where the card thread gets its card from: a PC/SC reader, or the in-process virtual card.

Sources are used only on the card thread. `scan()` is cheap (no APDU, never `connect()`);
`open()` connects for the duration of one job.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from ..card.connect import OpenCard, open_demo, open_reader
from ..card.errors import NoCard, PcscUnavailable, ReaderError
from ..card.pcsc_loader import load_pcsc
from ..card.transport import ApduChannel
from ..card.virtual.card import VirtualJpkiCard
from ..card.virtual.transport import VirtualTransport
from .card_state import Presence, ReaderScan

if TYPE_CHECKING:
    from ..card.pcsc import Context

logger = logging.getLogger(__name__)


class CardSource(Protocol):
    apdu_delay: float
    reader: str | None  # the reader chosen in the settings; None = the first one with a card

    def scan(self) -> ReaderScan: ...

    def open(self) -> OpenCard: ...

    def close(self) -> None: ...


class VirtualSource:
    """The virtual card in a virtual reader. `remove()`/`insert()` simulate pulling the card,
    from any thread: a job running at that moment fails with CardRemoved, as with a real card."""

    reader_name = VirtualTransport.reader_name

    def __init__(self, card: VirtualJpkiCard, *, apdu_delay: float = 0.0) -> None:
        self.card = card
        self.apdu_delay = apdu_delay
        self.reader: str | None = None
        self._present = True
        self._insertions = 0
        self._live: VirtualTransport | None = None
        self._lock = threading.Lock()

    @classmethod
    def demo(cls, state: Path | None = None) -> VirtualSource:
        """The persistent demo card (counters survive restarts). Slow-ish: call on the card thread."""
        opened = open_demo(state)
        card = opened.channel.transport.card  # type: ignore[attr-defined]
        return cls(card)

    @property
    def present(self) -> bool:
        return self._present

    def remove(self) -> None:
        with self._lock:
            self._present = False
            if self._live is not None:
                self._live.remove()
                self._live = None

    def insert(self) -> None:
        with self._lock:
            if not self._present:
                self._present = True
                self._insertions += 1

    def scan(self) -> ReaderScan:
        with self._lock:
            presence = Presence.READING if self._present else Presence.NO_CARD
            atr = self.card.atr if self._present else b""
            return ReaderScan(
                presence, (self.reader_name,), self.reader_name, atr, self._insertions
            )

    def open(self) -> OpenCard:
        with self._lock:
            if not self._present:
                raise NoCard(self.reader_name)
            transport = VirtualTransport(self.card)  # a new connection resets the card
            self._live = transport
        return OpenCard(
            ApduChannel(transport, apdu_delay=self.apdu_delay), self.reader_name, self.card.atr
        )

    def close(self) -> None:
        pass


class PcscSource:
    """A PC/SC reader. Presence comes from SCardGetStatusChange with a zero timeout."""

    def __init__(self, reader: str | None = None, *, apdu_delay: float = 0.0) -> None:
        self.reader = reader
        self.apdu_delay = apdu_delay
        self._ctx: Context | None = None
        self._chosen: str | None = None  # the reader the last scan picked

    def _context(self) -> Context:
        if self._ctx is None:
            self._ctx = load_pcsc().Context()
        return self._ctx

    def scan(self) -> ReaderScan:
        pcsc = load_pcsc()
        try:
            ctx = self._context()
            readers = [r for r in ctx.list_readers() if r != pcsc.PNP_READER]
            states = ctx.reader_states(readers) if readers else {}
        except PcscUnavailable:
            self.close()
            return ReaderScan(Presence.NO_SERVICE)
        except ReaderError:
            # e.g. the service restarted under us: a new context next time
            self.close()
            return ReaderScan(Presence.NO_SERVICE)
        names = tuple(readers)
        if not names:
            return ReaderScan(Presence.NO_READER)

        def has_card(flags: int) -> bool:
            return bool(flags & pcsc.STATE_PRESENT) and not flags & pcsc.STATE_MUTE

        if self.reader is not None:
            if self.reader not in states:
                return ReaderScan(Presence.NO_READER, names, self.reader)
            chosen = self.reader
        else:
            with_card = [r for r in names if has_card(states[r][0])]
            chosen = with_card[0] if with_card else names[0]
        self._chosen = chosen
        flags, atr = states[chosen]
        if not has_card(flags):
            return ReaderScan(Presence.NO_CARD, names, chosen, b"", flags >> 16)
        return ReaderScan(Presence.READING, names, chosen, atr, flags >> 16)

    def open(self) -> OpenCard:
        try:
            return open_reader(self.reader or self._chosen, apdu_delay=self.apdu_delay)
        except PcscUnavailable:
            self.close()
            raise

    def close(self) -> None:
        if self._ctx is not None:
            try:
                self._ctx.close()
            except Exception:  # noqa: BLE001 - a dead context cannot be released twice
                logger.debug("releasing a dead PC/SC context failed", exc_info=True)
            self._ctx = None

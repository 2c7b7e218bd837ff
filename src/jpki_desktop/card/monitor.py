"""Live reader and card monitoring, built on SCardGetStatusChange.

Usage::

    monitor = CardMonitor(on_event)    # on_event(event) is called on the watcher thread
    monitor.start()
    ...
    monitor.stop()                     # prompt: SCardCancel wakes the blocked wait

Events are frozen dataclasses:

* ``ReaderAdded(reader)`` / ``ReaderRemoved(reader)``
* ``CardInserted(reader, atr)``: ``atr`` is empty when the card does not answer (mute: inserted
  the wrong way round, or not a smart card)
* ``CardRemoved(reader)`` (an event; not the exception of the same name in ``card.errors``)
* ``ServiceLost(detail)`` / ``ServiceRestored()``

The four reader and card events derive from ``ReaderEvent`` (their common ``reader`` field).

On start the current readers and cards arrive as ReaderAdded/CardInserted, so a consumer needs
no separate initial query. When the PC/SC service goes away the watcher reports ServiceLost,
then CardRemoved/ReaderRemoved for everything it knew; it re-establishes its context with
backoff on its own, reports ServiceRestored and the readers it finds again.

The watcher only reports: it never connects to a card and never sends an APDU (polling with
connect() breaks vpcd and wakes real cards; see pcsc-test-stack.md pitfall 2). New readers are
heard through the ``\\\\?PnP?\\Notification`` pseudo-reader, plus a cheap re-listing every
``relist_interval`` seconds (pcsc-lite 1.9 only reports reader-list changes that happen during
a wait, and some platforms have no PnP notification at all).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .errors import NoReader
from .pcsc_loader import load_pcsc

if TYPE_CHECKING:
    from .pcsc import Context

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReaderEvent:
    """What the reader and card events share: the reader they happened at."""

    reader: str


class ReaderAdded(ReaderEvent):
    """A reader appeared (on start: each reader already there)."""


class ReaderRemoved(ReaderEvent):
    """A reader went away (or the service did)."""


@dataclass(frozen=True)
class CardInserted(ReaderEvent):
    """A card is in the reader; `atr` is empty when the card does not answer (mute)."""

    atr: bytes


class CardRemoved(ReaderEvent):
    """The card left the reader (an event; not the exception of that name)."""


@dataclass(frozen=True)
class ServiceLost:
    detail: str = ""


@dataclass(frozen=True)
class ServiceRestored:
    pass


MonitorEvent = (
    ReaderAdded | ReaderRemoved | CardInserted | CardRemoved | ServiceLost | ServiceRestored
)


@dataclass(frozen=True)
class ReaderState:
    """What the watcher knows about one reader: the card's ATR (None: no card) and pcsc-lite's
    per-reader event counter (upper 16 bits of the state), which reveals a quick swap."""

    atr: bytes | None
    counter: int = 0

    @classmethod
    def from_flags(cls, flags: int, atr: bytes) -> ReaderState:
        pcsc = load_pcsc()
        present = bool(flags & pcsc.STATE_PRESENT)
        if present and flags & pcsc.STATE_MUTE:
            atr = b""
        return cls(bytes(atr) if present else None, (flags >> 16) & 0xFFFF)


def diff_states(old: dict[str, ReaderState], new: dict[str, ReaderState]) -> list[MonitorEvent]:
    """The events that turn `old` into `new` (pure; the order is stable for consumers)."""
    events: list[MonitorEvent] = []
    before: ReaderState | None  # one name for both loops; the second may find no entry
    for reader, before in old.items():
        if reader not in new:
            if before.atr is not None:
                events.append(CardRemoved(reader))
            events.append(ReaderRemoved(reader))
    for reader, after in new.items():
        before = old.get(reader)
        if before is None:
            events.append(ReaderAdded(reader))
            if after.atr is not None:
                events.append(CardInserted(reader, after.atr))
            continue
        swapped = (
            before.atr is not None
            and after.atr is not None
            and (before.atr != after.atr or (after.counter - before.counter) % 0x10000 >= 2)
        )
        if before.atr is not None and (after.atr is None or swapped):
            events.append(CardRemoved(reader))
        if after.atr is not None and (before.atr is None or swapped):
            events.append(CardInserted(reader, after.atr))
    return events


class CardMonitor:
    """Watches every reader on its own daemon thread and reports changes to `callback`.

    `callback` runs on the watcher thread; it must be quick and must not block (put the event
    on a queue, or emit a Qt signal, which is thread-safe). Exceptions from it are logged and
    ignored. Use :meth:`readers` for a consistent copy of the current state.
    """

    def __init__(
        self,
        callback: Callable[[MonitorEvent], None],
        *,
        relist_interval: float = 2.0,
        backoff_start: float = 0.25,
        backoff_max: float = 2.0,
    ) -> None:
        self._callback = callback
        self.relist_interval = relist_interval
        self.backoff_start = backoff_start
        self.backoff_max = backoff_max
        self._stop = threading.Event()
        self._lock = threading.Lock()  # guards _ctx (cancel vs close) and _known (readers())
        self._ctx: Context | None = None
        self._known: dict[str, ReaderState] = {}
        self._thread: threading.Thread | None = None
        self._service_up: bool | None = None

    # -- public API -------------------------------------------------------------------------

    def start(self) -> CardMonitor:
        if self._thread is not None and self._thread.is_alive():
            return self
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="jpki-card-monitor", daemon=True)
        self._thread.start()
        return self

    def stop(self, timeout: float = 3.0) -> bool:
        """Stop the watcher; True once its thread has ended (normally within milliseconds)."""
        self._stop.set()
        thread = self._thread
        if thread is None:
            return True
        waited = 0.0
        while thread.is_alive() and waited < timeout:
            # A cancel that lands just before the wait starts is lost, so repeat it.
            with self._lock:
                if self._ctx is not None:
                    self._ctx.cancel()
            thread.join(0.05)
            waited += 0.05
        if not thread.is_alive():
            self._thread = None
            return True
        return False

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    @property
    def service_available(self) -> bool | None:
        """True/False once the watcher knows; None before its first attempt."""
        return self._service_up

    def readers(self) -> dict[str, bytes | None]:
        """Current readers and the ATR of the card in each (None: no card)."""
        with self._lock:
            return {name: st.atr for name, st in self._known.items()}

    def __enter__(self) -> CardMonitor:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- the thread ---------------------------------------------------------------------------

    def _emit(self, event: MonitorEvent) -> None:
        try:
            self._callback(event)
        except Exception:  # a broken consumer must not kill the watcher
            logger.exception("card monitor callback failed on %r", event)

    def _publish(self, new: dict[str, ReaderState]) -> None:
        with self._lock:
            events = diff_states(self._known, new)
            self._known = dict(new)
        for event in events:
            self._emit(event)

    def _service_lost(self, detail: str) -> None:
        if self._service_up is False:
            return
        self._service_up = False
        self._emit(ServiceLost(detail))
        self._publish({})

    def _run(self) -> None:
        backoff = self.backoff_start
        failures = 0  # watch rounds that failed quickly in a row (avoid a tight loop)
        while not self._stop.is_set():
            try:
                ctx = load_pcsc().Context()
            except Exception as exc:  # PcscUnavailable, or no pyscard / libpcsclite at all
                self._service_lost(str(exc))
                self._stop.wait(backoff)
                backoff = min(backoff * 2, self.backoff_max)
                continue
            with self._lock:
                self._ctx = ctx
            started = time.monotonic()
            try:
                if self._service_up is False:
                    self._emit(ServiceRestored())
                self._service_up = True
                backoff = self.backoff_start
                self._watch(ctx)
            except Exception as exc:  # the service died (SCARD_F_COMM_ERROR / NO_SERVICE) or worse
                logger.debug("card monitor: context failed (%s); re-establishing", exc)
                failures = 0 if time.monotonic() - started > 1.0 else failures + 1
                self._stop.wait(min(0.05 * 2**failures, self.backoff_max))
            finally:
                with self._lock:
                    self._ctx = None
                    ctx.close()

    @staticmethod
    def _read_states(ctx: Context) -> dict[str, tuple[int, bytes]]:
        """One consistent read of every reader's flags and ATR (no waiting)."""
        for _ in range(5):  # a reader may vanish between listing and asking for its state
            readers = ctx.list_readers()
            if not readers:
                return {}
            try:
                return ctx.reader_states(readers)
            except NoReader:
                continue
        return {}

    def _watch(self, ctx: Context) -> None:
        """Returns when stopped; raises when the context is no longer usable.

        Each round publishes a fresh read and then waits from exactly that read, so a change
        that happens in between makes the wait return at once instead of being lost.
        """
        pcsc = load_pcsc()
        pnp_state = pcsc.STATE_UNAWARE
        pnp_supported = True
        timeout_ms = int(self.relist_interval * 1000)
        while not self._stop.is_set():
            raw = self._read_states(ctx)
            self._publish({name: ReaderState.from_flags(f, atr) for name, (f, atr) in raw.items()})
            request = [(name, f & ~pcsc.STATE_CHANGED) for name, (f, _) in raw.items()]
            if pnp_supported:
                request.append((pcsc.PNP_READER, pnp_state))
            if not request:  # no readers and no PnP notification: re-list on a timer
                self._stop.wait(self.relist_interval)
                continue
            try:
                result = ctx.wait_for_change(request, timeout_ms)
            except NoReader:
                continue  # a reader went away just before the wait
            for name, f, _atr in result or []:
                if name == pcsc.PNP_READER:
                    if f & pcsc.STATE_UNKNOWN:
                        pnp_supported = False
                    else:
                        pnp_state = f & ~pcsc.STATE_CHANGED

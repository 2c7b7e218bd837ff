"""The one card thread. Every APDU the GUI causes goes through here.

`CardService` lives on the GUI thread; its `_Worker` is moved to a dedicated QThread and owns
the card source. Requests cross as queued signals, results and typed exceptions come back as
signals. Nothing here opens a dialog or waits in a nested event loop: PIN prompts happen on the
GUI thread before a job is queued, and the job wipes the PIN buffers it was given in `finally`.
"""

from __future__ import annotations

import datetime as dt
import itertools
import logging
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from ..app.card import status_cache, status_of
from ..app.card_source import CardSource, VirtualSource
from ..app.card_state import CardState, Presence, ReaderScan
from ..card.errors import (
    CardRemoved,
    JpkiError,
    NoCard,
    NoReader,
    PcscUnavailable,
    PinError,
    ReaderBusy,
)
from ..card.pins import PinBuffer

logger = logging.getLogger(__name__)

JobFunction = Callable[..., Any]  # fn(open_card, *args) -> result, runs on the card thread
SourceFactory = Callable[[], CardSource]


def _clean(exc: BaseException) -> BaseException:
    """Drop the traceback before the exception crosses threads: its frames may still reference
    a PIN buffer (already wiped) or card objects that belong to the card thread."""
    exc.__traceback__ = None
    exc.__context__ = None
    return exc


class _Worker(QObject):
    """Runs on the card thread. Owns the source; composes `CardState` values."""

    sourceReady = Signal(object)
    stateReady = Signal(object)
    checked = Signal()
    jobEnded = Signal(int, bool, object)  # job id, succeeded, its result or its typed error
    busy = Signal(bool)
    readProgress = Signal(object)  # card.snapshot.ReadProgress, during a status read

    def __init__(self, source: CardSource | SourceFactory, *, card_cache: bool = True) -> None:
        super().__init__()
        self._source_or_factory = source
        self._cache = status_cache(card_cache)
        self.source: CardSource | None = None
        self._state = CardState()
        self._last_key: tuple[object, ...] | None = None

    # -- lifecycle --------------------------------------------------------------------------

    @Slot()
    def start(self) -> None:
        s = self._source_or_factory
        try:
            self.source = s if hasattr(s, "scan") else s()  # type: ignore[operator,assignment]  # hasattr does not narrow
        except Exception as exc:  # noqa: BLE001 - e.g. the demo card store is unreadable
            logger.exception("could not open the card source")
            self._publish(CardState(Presence.UNREADABLE, error=_clean(exc)))
            return
        self.sourceReady.emit(self.source)
        self.check(True)

    @Slot(object)
    def set_reader(self, reader: str | None) -> None:
        if self.source is not None and self.source.reader != reader:
            self.source.reader = reader
            self._last_key = None
            self.check(True)

    @Slot()
    def shutdown(self) -> None:
        if self.source is not None:
            self.source.close()

    # -- presence and snapshots -------------------------------------------------------------

    def _publish(self, state: CardState) -> None:
        if state != self._state or state.error is not self._state.error:
            self._state = state
            self.stateReady.emit(state)

    @Slot(bool)
    def check(self, force: bool = False) -> None:
        try:
            if self.source is None:
                return
            scan = self.source.scan()
            if scan.key == self._last_key and not force:
                return
            new_card = self._last_key is None or scan.key != self._last_key
            self._last_key = scan.key
            self._apply(scan, new_card=new_card)
        finally:
            self.checked.emit()

    def _apply(self, scan: ReaderScan, *, new_card: bool) -> None:
        old = self._state
        if scan.presence is not Presence.READING:
            self._publish(
                CardState(scan.presence, scan.readers, scan.reader, generation=old.generation)
            )
            return
        generation = old.generation + 1 if new_card else old.generation
        if new_card or not old.ready:
            self._publish(
                CardState(Presence.READING, scan.readers, scan.reader, generation=generation)
            )
        try:
            assert self.source is not None
            with self.source.open() as card:
                snap = status_of(card, cache=self._cache, progress=self.readProgress.emit)
        except (NoCard, CardRemoved):
            self._last_key = None  # look again on the next tick
            self._publish(
                CardState(Presence.NO_CARD, scan.readers, scan.reader, generation=generation)
            )
        except NoReader:
            self._last_key = None
            self._publish(
                CardState(Presence.NO_READER, scan.readers, scan.reader, generation=generation)
            )
        except PcscUnavailable:
            self._last_key = None
            self._publish(CardState(Presence.NO_SERVICE, generation=generation))
        except JpkiError as exc:  # not a JPKI card, reader busy, malformed data
            if isinstance(exc, ReaderBusy):  # another program may let go: look again
                self._last_key = None
            self._publish(
                CardState(
                    Presence.UNREADABLE,
                    scan.readers,
                    scan.reader,
                    error=_clean(exc),
                    generation=generation,
                )
            )
        else:
            now = dt.datetime.now(dt.UTC)
            self._publish(
                CardState(
                    Presence.READY,
                    scan.readers,
                    snap.reader,
                    snap,
                    read_at=now,
                    generation=generation,
                )
            )

    # -- jobs -------------------------------------------------------------------------------

    @Slot(int, object, object, object, bool, bool)
    def run_job(
        self,
        job_id: int,
        fn: JobFunction,
        args: tuple[Any, ...],
        secrets: Sequence[PinBuffer],
        refresh: bool,
        open_card: bool = True,
    ) -> None:
        self.busy.emit(True)
        failed: BaseException | None = None
        try:
            if not open_card:
                result = fn(*args)  # e.g. diagnostics, which open their own connection
            elif self.source is None:
                raise NoReader(None)
            else:
                with self.source.open() as card:
                    result = fn(card, *args)
        except Exception as exc:  # noqa: BLE001 - every failure goes back to the GUI, typed
            if not isinstance(exc, JpkiError):
                logger.exception("card job %s failed unexpectedly", getattr(fn, "__name__", fn))
            failed = _clean(exc)
        finally:
            for secret in secrets:
                secret.wipe()
            self.busy.emit(False)
        if failed is not None:
            self.jobEnded.emit(job_id, False, failed)
            if isinstance(failed, (NoCard, CardRemoved, PcscUnavailable, NoReader)):
                self._last_key = None
            refresh = refresh or isinstance(failed, (PinError, CardRemoved, NoCard))
        else:
            self.jobEnded.emit(job_id, True, result)
        if refresh:
            self.check(True)


class CardJob(QObject):
    """Handle for one queued card job; its signals arrive on the GUI thread."""

    finished = Signal(object)  # the job function's result
    failed = Signal(object)  # a typed exception (JpkiError subclass, OSError, ...)

    def __init__(
        self, job_id: int, secrets: Sequence[PinBuffer], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.job_id = job_id
        self.secrets = tuple(secrets)
        self.done = False


class CardService(QObject):
    """GUI-thread facade of the card thread: current `CardState`, presence polling, jobs."""

    stateChanged = Signal(object)  # CardState
    busyChanged = Signal(bool)
    readProgress = Signal(object)  # card.snapshot.ReadProgress: which file, how far
    sourceReady = Signal()  # the card source exists (the demo card store is loaded or created)

    _startWorker = Signal()
    _stopWorker = Signal()
    _checkRequested = Signal(bool)
    _readerRequested = Signal(object)
    _monitorEvent = Signal(object)  # emitted on the watcher's thread, delivered queued
    _jobRequested = Signal(int, object, object, object, bool, bool)

    def __init__(
        self,
        source: CardSource | SourceFactory,
        *,
        poll_ms: int = 250,
        monitor_factory: Callable[[Callable[[object], None]], Any] | None = None,
        parent: QObject | None = None,
        card_cache: bool = True,
    ) -> None:
        """`monitor_factory(callback)` builds a watcher (card.monitor.CardMonitor) that reports
        reader/card events from its own thread; each event queues a cheap re-scan on the card
        thread. With a watcher, polling slows to a safety net."""
        super().__init__(parent)
        self.state = CardState()
        self.source: CardSource | None = None
        self.busy = False
        self._ids = itertools.count(1)
        self._jobs: dict[int, CardJob] = {}
        self._check_pending = False
        self._thread = QThread()
        self._thread.setObjectName("card-thread")
        self._worker = _Worker(source, card_cache=card_cache)
        self._worker.moveToThread(self._thread)
        self._startWorker.connect(self._worker.start)
        self._stopWorker.connect(self._worker.shutdown)
        self._checkRequested.connect(self._worker.check)
        self._readerRequested.connect(self._worker.set_reader)
        self._jobRequested.connect(self._worker.run_job)
        self._worker.sourceReady.connect(self._on_source)
        self._worker.stateReady.connect(self._on_state)
        self._worker.checked.connect(self._on_checked)
        self._worker.jobEnded.connect(self._on_job_ended)
        self._worker.busy.connect(self._on_busy)
        self._worker.readProgress.connect(self.readProgress)
        self._monitor = monitor_factory(self._monitorEvent.emit) if monitor_factory else None
        self._monitorEvent.connect(self._on_monitor_event)
        self._poll = QTimer(self)
        self._poll.setInterval(poll_ms if self._monitor is None else max(poll_ms, 2000))
        self._poll.timeout.connect(self._tick)
        self._running = False

    # -- lifecycle --------------------------------------------------------------------------

    def start(self) -> None:
        if self._running:
            return
        self._running = True
        self._thread.start()
        self._check_pending = True
        self._startWorker.emit()
        self._poll.start()
        if self._monitor is not None:
            self._monitor.start()

    def stop(self) -> None:
        if not self._running:
            return
        self._running = False
        self._poll.stop()
        if self._monitor is not None:
            self._monitor.stop()
        self._stopWorker.emit()
        self._thread.quit()
        if not self._thread.wait(10_000):
            logger.error("the card thread did not stop within 10 s")
        for job in self._jobs.values():  # never run: still wipe what they carried
            for secret in job.secrets:
                secret.wipe()
        self._jobs.clear()

    # -- requests ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read a new snapshot (re-reads PIN counters; spends no try)."""
        if self._running:
            self._checkRequested.emit(True)

    def set_reader(self, reader: str | None) -> None:
        """Use `reader` (None: the first reader holding a card)."""
        if self._running:
            self._readerRequested.emit(reader)

    def submit(
        self,
        fn: JobFunction,
        *args: Any,
        secrets: Sequence[PinBuffer] = (),
        refresh_after: bool = False,
    ) -> CardJob:
        """Queue `fn(open_card, *args)` on the card thread. `secrets` are wiped when it ends."""
        job = CardJob(next(self._ids), secrets)  # no parent: Python owns it
        if not self._running:
            for secret in secrets:
                secret.wipe()
            raise RuntimeError("the card service is not running")
        self._jobs[job.job_id] = job
        self._jobRequested.emit(job.job_id, fn, tuple(args), tuple(secrets), refresh_after, True)
        return job

    def submit_raw(
        self, fn: Callable[..., Any], *args: Any, refresh_after: bool = False
    ) -> CardJob:
        """Queue `fn(*args)` on the card thread without opening the card for it (it talks to
        PC/SC itself, e.g. the diagnostics); it still never runs beside another card job."""
        if not self._running:
            raise RuntimeError("the card service is not running")
        job = CardJob(next(self._ids), ())
        self._jobs[job.job_id] = job
        self._jobRequested.emit(job.job_id, fn, tuple(args), (), refresh_after, False)
        return job

    # -- demo: simulate pulling and putting back the card -----------------------------------

    @property
    def can_simulate(self) -> bool:
        return isinstance(self.source, VirtualSource)

    def simulate_removal(self) -> None:
        if isinstance(self.source, VirtualSource):
            self.source.remove()
            self._checkRequested.emit(False)

    def simulate_insertion(self) -> None:
        if isinstance(self.source, VirtualSource):
            self.source.insert()
            self._checkRequested.emit(False)

    # -- worker → GUI -----------------------------------------------------------------------

    @Slot(object)
    def _on_monitor_event(self, event: object) -> None:
        logger.debug("reader event %s", type(event).__name__)
        if self._running:
            self._checkRequested.emit(False)

    def _tick(self) -> None:
        if not self._check_pending:
            self._check_pending = True
            self._checkRequested.emit(False)

    @Slot(object)
    def _on_source(self, source: CardSource) -> None:
        self.source = source
        self.sourceReady.emit()

    @Slot()
    def _on_checked(self) -> None:
        self._check_pending = False

    @Slot(object)
    def _on_state(self, state: CardState) -> None:
        self.state = state
        self.stateChanged.emit(state)

    @Slot(bool)
    def _on_busy(self, busy: bool) -> None:
        self.busy = busy
        self.busyChanged.emit(busy)

    @Slot(int, bool, object)
    def _on_job_ended(self, job_id: int, succeeded: bool, value: object) -> None:
        job = self._jobs.pop(job_id, None)
        if job is not None:
            job.done = True
            (job.finished if succeeded else job.failed).emit(value)

"""Background work that is not card I/O (network, verifying files, copying packages).

`run_task(fn, *args)` runs on Qt's global thread pool and reports on the GUI thread through
the returned handle's signals. Card jobs never go here: they belong to the card thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

logger = logging.getLogger(__name__)
_alive: set[Task] = set()  # keep handles alive until they report


class Task(QObject):
    finished = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int)  # done, total

    def report_progress(self, done: int, total: int) -> None:
        """Callable from the worker thread (the signal is queued to the GUI thread)."""
        self.progress.emit(done, total)


class _Runnable(QRunnable):
    def __init__(self, task: Task, fn: Callable[..., Any], args: tuple[Any, ...]) -> None:
        super().__init__()
        self.task, self.fn, self.args = task, fn, args
        # Python owns the runnable (the task keeps it until it reports): an auto-deleted one
        # whose Python wrapper was collected first could be lost before it ran.
        self.setAutoDelete(False)

    def run(self) -> None:
        try:
            result = self.fn(*self.args)
        except Exception as exc:  # noqa: BLE001 - every failure goes back to the GUI, typed
            logger.debug("background task failed", exc_info=True)
            exc.__traceback__ = None
            self.task.failed.emit(exc)
        else:
            self.task.finished.emit(result)


def run_task(fn: Callable[..., Any], *args: Any, with_progress: bool = False) -> Task:
    """Run `fn(*args)` (plus `task.report_progress` last if `with_progress`) off the GUI thread."""
    task = Task()
    _alive.add(task)
    task.finished.connect(lambda _r: _alive.discard(task))
    task.failed.connect(lambda _e: _alive.discard(task))
    call_args = (*args, task.report_progress) if with_progress else args
    task.runnable = _Runnable(task, fn, call_args)  # type: ignore[attr-defined]
    # Start on the next turn of the event loop: the caller connects its slots first, so a task
    # that finishes at once cannot report before anyone listens.
    QTimer.singleShot(0, lambda: QThreadPool.globalInstance().start(task.runnable))  # type: ignore[attr-defined]
    return task

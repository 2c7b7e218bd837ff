"""A 5 ms QTimer probe on the GUI thread (shared by the stall tests and their start-up child
process, which imports this file by path: it needs nothing but PySide6)."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer


class Probe:
    """Ticks every 5 ms on the GUI thread and records the longest gap between ticks."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.last = 0.0
        self.worst = 0.0
        self.ticks = 0
        self.on_tick = lambda: None  # e.g. to note what was happening at each tick

    def _tick(self) -> None:
        now = time.perf_counter()
        if self.last:
            self.worst = max(self.worst, now - self.last)
        self.last = now
        self.ticks += 1
        self.on_tick()

    def __enter__(self) -> Probe:
        self.last, self.worst, self.ticks = 0.0, 0.0, 0
        self.timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self.timer.stop()

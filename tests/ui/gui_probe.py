"""A 5 ms QTimer probe on the GUI thread (shared by the stall tests and their start-up child
process, which imports this file by path: it needs nothing but PySide6)."""

from __future__ import annotations

import os
import time
from pathlib import Path

from PySide6.QtCore import QTimer

SRC = Path(__file__).resolve().parents[2] / "src"


def child_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """The environment for a real `jpki-desktop` child process: offscreen, this source tree,
    the demo card and every user directory under `tmp_path`."""
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=os.pathsep.join(filter(None, [str(SRC), env.get("PYTHONPATH")])),
        JPKI_DEMO_STATE=str(tmp_path / "demo"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CACHE_HOME=str(tmp_path / "cache"),
        **extra,
    )
    return env


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

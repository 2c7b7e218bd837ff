#!/usr/bin/env python3
"""Benchmark: launch to first window shown, the whole process, next to a bare PySide6 window.

    .venv/bin/python benchmarks/startup.py [--runs 7]

Runs, alternating, a bare PySide6 process (QApplication + QMainWindow, shown) and the real app
in demo mode (`python -m jpki_desktop --demo`), both under QT_QPA_PLATFORM=offscreen, with the
same criterion: at the first Expose event of the window (an event filter on its QWindow; in
the app, `JPKI_EXIT_WHEN_SHOWN=1`) the process prints a monotonic timestamp and ends there
(`os._exit`, no teardown). One warm-up run of each first (bytecode written, files in the page
cache, the demo card created), then `--runs` timed pairs. Prints, for each, the median of spawn → exit (the whole process) and spawn → shown, and
the ratio app / bare. The app's settings, data and cache directories are temporary.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

BARE = r"""
import os, sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow


def shown():
    sys.stdout.write(f"shown {time.monotonic()!r}\n")
    sys.stdout.flush()
    os._exit(0)


class FirstExpose(QObject):  # the same criterion as the app's JPKI_EXIT_WHEN_SHOWN
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Expose and obj.isExposed():
            shown()
        return False


app = QApplication(["bare"])
window = QMainWindow()
window.show()
handle = window.windowHandle()
if handle.isExposed():
    shown()
first = FirstExpose()
handle.installEventFilter(first)
app.exec()
sys.exit("the window was never shown")
"""


def run(kind: str, env: dict[str, str]) -> tuple[float, float]:
    """(spawn → exit, spawn → shown) in seconds."""
    command = ["-c", BARE] if kind == "bare" else ["-m", "jpki_desktop", "--demo"]
    t0 = time.monotonic()
    out = subprocess.run(
        [sys.executable, *command], env=env, capture_output=True, text=True, timeout=60
    )
    t1 = time.monotonic()
    shown = [line for line in out.stdout.splitlines() if line.startswith("shown ")]
    if out.returncode != 0 or not shown:
        raise SystemExit(f"{kind} run failed ({out.returncode}):\n{out.stdout}{out.stderr}")
    return t1 - t0, float(shown[0].split()[1]) - t0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="jpki-bench-startup-"))
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # warm cache: what an installed app has
    env.update(
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT / "src"), env.get("PYTHONPATH")])),
        JPKI_DEMO_STATE=str(work / "demo"),
        XDG_CONFIG_HOME=str(work / "config"),
        XDG_DATA_HOME=str(work / "data"),
        XDG_CACHE_HOME=str(work / "cache"),
        JPKI_EXIT_WHEN_SHOWN="1",
    )
    for kind in ("bare", "app"):  # warm-up: bytecode, page cache, the demo card's first set-up
        run(kind, env)
    times: dict[str, list[tuple[float, float]]] = {"bare": [], "app": []}
    for _ in range(args.runs):
        for kind in ("bare", "app"):
            times[kind].append(run(kind, env))
    med = {
        kind: (statistics.median(t[0] for t in ts), statistics.median(t[1] for t in ts))
        for kind, ts in times.items()
    }
    for kind, label in (("bare", "bare PySide6 window"), ("app", "jpki-desktop --demo")):
        whole, shown = med[kind]
        spread = ", ".join(f"{t[0] * 1000:.0f}" for t in times[kind])
        print(
            f"{label:22} whole process median {whole * 1000:6.0f} ms "
            f"(spawn → shown {shown * 1000:6.0f} ms); runs: {spread} ms"
        )
    print(
        f"ratio app / bare: whole process {med['app'][0] / med['bare'][0]:.2f}, "
        f"spawn → shown {med['app'][1] / med['bare'][1]:.2f} "
        f"(median of {args.runs} alternating runs each)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Benchmark: launch to first window shown, the whole process, next to a bare PySide6 window.

    .venv/bin/python benchmarks/startup.py [--runs 7]

Runs, alternating, a bare PySide6 process (QApplication + QMainWindow, shown) and the real app
in demo mode (`jpki_desktop.ui.app.main(["--demo"])`), both under QT_QPA_PLATFORM=offscreen and
in the same child wrapper: an application event filter prints a monotonic timestamp at the
first Expose event of a window and ends the process there (`os._exit`, no teardown). One
warm-up run of each first (bytecode written, files in the page cache), then `--runs` timed
pairs. Prints, for each, the median of spawn → exit (the whole process) and spawn → shown, and
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

CHILD = r"""
import os, sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow


class FirstExpose(QObject):
    def eventFilter(self, obj, event):  # the first window on screen ends the run
        if event.type() == QEvent.Type.Expose and obj.isWindowType() and obj.isExposed():
            sys.stdout.write(f"shown {time.monotonic()!r}\n")
            sys.stdout.flush()
            os._exit(0)
        return False


app = QApplication(["jpki-desktop"])
first = FirstExpose()
app.installEventFilter(first)
if sys.argv[1] == "bare":
    window = QMainWindow()
    window.show()
    app.exec()
else:
    from jpki_desktop.ui.app import main

    main(["--demo"])
sys.exit("the window was never shown")
"""


def run(kind: str, env: dict[str, str]) -> tuple[float, float]:
    """(spawn → exit, spawn → shown) in seconds."""
    t0 = time.monotonic()
    out = subprocess.run(
        [sys.executable, "-c", CHILD, kind], env=env, capture_output=True, text=True, timeout=60
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

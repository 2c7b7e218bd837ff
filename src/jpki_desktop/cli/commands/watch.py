"""`jpki watch`: print readers and cards as they come and go (Ctrl-C to stop).

Only watches: it never connects to a card. Survives pcscd restarts (prints service_lost, then
service_restored and the readers found again).
"""

from __future__ import annotations

import argparse
import json
import queue
import time
from typing import TYPE_CHECKING

from ...app.monitor import event_dict, watch
from ..common import add_json_option

if TYPE_CHECKING:  # the monitor loads pyscard: only when the command runs
    from ...card.monitor import MonitorEvent


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("watch", help="print reader and card events as they happen")
    add_json_option(p, "one JSON object per line")
    p.add_argument("--count", type=int, metavar="N", help="exit after N events")
    p.add_argument("--timeout", type=float, metavar="SECONDS", help="exit after this many seconds")
    p.set_defaults(func=run)


def event_text(event: MonitorEvent) -> str:
    data = event_dict(event)
    parts = [data.pop("event").replace("_", " ")]
    parts += [f"{k}={v}" for k, v in data.items() if v]
    return "  ".join(parts)


def run(args: argparse.Namespace) -> int:
    events: queue.Queue[MonitorEvent] = queue.Queue()
    deadline = time.monotonic() + args.timeout if args.timeout else None
    seen = 0
    with watch(events.put):
        try:
            while args.count is None or seen < args.count:
                wait = None if deadline is None else deadline - time.monotonic()
                if wait is not None and wait <= 0:
                    break
                try:
                    event = events.get(timeout=wait if wait is not None else 0.5)
                except queue.Empty:
                    continue
                seen += 1
                line = (
                    json.dumps(event_dict(event), ensure_ascii=False)
                    if getattr(args, "json", False)
                    else event_text(event)
                )
                print(line, flush=True)
        except KeyboardInterrupt:
            pass
    return 0

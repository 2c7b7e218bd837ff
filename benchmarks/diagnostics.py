"""Benchmark: `run_diagnosis` and the card monitor through a private pcscd + vpcd.

    .venv/bin/python benchmarks/diagnostics.py [--runs 20] [--cycles 10]   (needs root: unshare)

Prints:
* diagnosis wall time (median/max) and APDUs per run, next to `read_snapshot` (what
  `jpki status` does) over its own connection, as the reference ratio;
* monitor latency: card inserted/removed → event, next to a bare SCardGetStatusChange wait
  on the same change (pcscd polls vpcd every 0.4 s, so both are dominated by that poll; the
  ratio shows what the watcher adds);
* stop() latency while the watcher is blocked in SCardGetStatusChange (SCardCancel).
"""

from __future__ import annotations

import argparse
import os
import queue
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--cycles", type=int, default=10)
    args = ap.parse_args()

    from support.pcscd import PrivatePcscd, available

    why = available()
    if why:
        print(f"cannot run: {why}")
        return 1
    work = Path(tempfile.mkdtemp(prefix="jpki-bench-diag-"))
    os.environ["PCSCLITE_CSOCK_NAME"] = str(work / "run" / "pcscd.comm")  # before any PC/SC call
    os.environ["JPKI_DEMO_STATE"] = str(work / "demo")

    from jpki_desktop.card import pcsc
    from jpki_desktop.card.connect import open_reader
    from jpki_desktop.card.monitor import CardInserted, CardMonitor, CardRemoved
    from jpki_desktop.card.snapshot import read_snapshot
    from jpki_desktop.card.virtual.pki import generate_card_pki
    from jpki_desktop.card.virtual.store import build_card
    from jpki_desktop.card.virtual.vpcd import VpcdCard
    from jpki_desktop.diagnostics import run_diagnosis

    daemon = PrivatePcscd(work)
    daemon.start()
    reader = daemon.readers[0]
    vc = VpcdCard(build_card(generate_card_pki()), daemon.slot_port(0))
    try:
        vc.insert()
        with pcsc.Context() as ctx:
            assert ctx.wait_reader_state(reader, True, 5000)

        diag, apdus = [], set()
        for _ in range(args.runs):
            t = time.perf_counter()
            d = run_diagnosis()
            diag.append(time.perf_counter() - t)
            apdus.add(d.apdu_count)
        snap = []
        for _ in range(args.runs):
            t = time.perf_counter()
            with open_reader(reader) as oc:
                read_snapshot(oc.channel, reader=oc.reader, atr=oc.atr)
            snap.append(time.perf_counter() - t)
        md, ms = statistics.median(diag), statistics.median(snap)
        print(
            f"diagnosis: median {md * 1000:.1f} ms, max {max(diag) * 1000:.1f} ms, APDUs {sorted(apdus)}"
        )
        print(
            f"read_snapshot (reference): median {ms * 1000:.1f} ms; ratio diagnosis/snapshot {md / ms:.2f}"
        )

        # bare SCardGetStatusChange latency for the same insert/remove
        bare = []
        with pcsc.Context() as ctx:
            for i in range(args.cycles):
                present = i % 2 == 1  # the card is in: remove first
                t = time.perf_counter()
                (vc.insert if present else vc.remove)()
                assert ctx.wait_reader_state(reader, present, 5000)
                bare.append(time.perf_counter() - t)
        vc.remove()
        with pcsc.Context() as ctx:
            ctx.wait_reader_state(reader, False, 5000)

        events: queue.Queue = queue.Queue()
        mon = []
        with CardMonitor(lambda e: events.put((time.perf_counter(), e))):
            time.sleep(0.5)
            while not events.empty():
                events.get()
            for i in range(args.cycles):
                insert = i % 2 == 0
                t = time.perf_counter()
                (vc.insert if insert else vc.remove)()
                want = CardInserted if insert else CardRemoved
                while True:
                    at, e = events.get(timeout=5)
                    if isinstance(e, want):
                        break
                mon.append(at - t)
        stop_times = []
        for _ in range(5):
            m = CardMonitor(lambda e: None, relist_interval=60).start()
            time.sleep(0.3)
            t = time.perf_counter()
            m.stop()
            stop_times.append(time.perf_counter() - t)
        mb, mm = statistics.median(bare), statistics.median(mon)
        print(f"bare SCardGetStatusChange: median {mb * 1000:.0f} ms over {len(bare)} changes")
        print(
            f"monitor event: median {mm * 1000:.0f} ms, max {max(mon) * 1000:.0f} ms; ratio monitor/bare {mm / mb:.2f}"
        )
        print(
            f"monitor stop() while blocked: median {statistics.median(stop_times) * 1000:.1f} ms, "
            f"max {max(stop_times) * 1000:.1f} ms"
        )
    finally:
        vc.remove()
        daemon.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

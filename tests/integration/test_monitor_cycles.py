"""100 insert/remove cycles through vpcd: 100 pairs of events, no hang, no leak.

pcscd polls vpcd every 0.4 s, so one cycle costs ~0.8 s; the two readers run 50 cycles each
in parallel (~40 s in all). Each step waits for the monitor's event (SCardGetStatusChange
underneath), never for a connect().
"""

from __future__ import annotations

import os
import queue
import threading

import pytest

from jpki_desktop.card.monitor import CardInserted, CardMonitor, CardRemoved
from jpki_desktop.card.virtual.store import build_card
from jpki_desktop.card.virtual.vpcd import VpcdCard

pytestmark = [pytest.mark.pcsc, pytest.mark.slow]

CYCLES = 100


def _fds() -> int:
    return len(os.listdir("/proc/self/fd"))


def test_100_insert_remove_cycles_give_100_event_pairs_without_leaks(pcscd, pki, _vpcd_slot0):
    _vpcd_slot0.remove()  # free slot 0; the pcsc_card fixture plugs it in again when needed
    readers = pcscd.readers
    cards = [VpcdCard(build_card(pki), pcscd.slot_port(slot)) for slot in (0, 1)]
    inbox = {r: queue.Queue() for r in readers}
    log: list = []

    def on_event(event):
        log.append(event)
        if isinstance(event, (CardInserted, CardRemoved)):
            inbox[event.reader].put(event)

    def wait_for(reader, kind):
        event = inbox[reader].get(timeout=5)  # raises queue.Empty: a hang or a lost event
        assert isinstance(event, kind), (reader, event)

    def cycle(index, n):
        reader, card = readers[index], cards[index]
        for _ in range(n):
            card.insert()
            wait_for(reader, CardInserted)
            card.remove()
            wait_for(reader, CardRemoved)

    failures: list[BaseException] = []

    def run(index, n):
        try:
            cycle(index, n)
        except BaseException as exc:  # surfaced by the main thread below
            failures.append(exc)

    threads_before, fds_before = threading.active_count(), _fds()
    monitor = CardMonitor(on_event).start()
    try:
        cycle(0, 2)  # warm up (libpcsclite allocations, first context) before measuring
        cycle(1, 2)
        threads_warm, fds_warm = threading.active_count(), _fds()
        per_reader = (CYCLES - 4) // 2
        workers = [threading.Thread(target=run, args=(i, per_reader)) for i in (0, 1)]
        for w in workers:
            w.start()
        for w in workers:
            w.join(timeout=per_reader * 5)
        assert not any(w.is_alive() for w in workers), "a cycle hung"
        assert not failures, failures
        assert threading.active_count() == threads_warm
        assert _fds() == fds_warm
    finally:
        assert monitor.stop()
        for card in cards:
            card.remove()

    inserted = [e for e in log if isinstance(e, CardInserted)]
    removed = [e for e in log if isinstance(e, CardRemoved)]
    assert len(inserted) == len(removed) == CYCLES
    for reader in readers:
        mine = [
            type(e)
            for e in log
            if isinstance(e, (CardInserted, CardRemoved)) and e.reader == reader
        ]
        assert mine == [CardInserted, CardRemoved] * (CYCLES // 2)
    assert threading.active_count() == threads_before
    assert _fds() == fds_before

"""CardMonitor against the real (private) pcscd with vpcd: readers, cards, pcscd restarts."""

from __future__ import annotations

import queue
import time

import pytest

from jpki_desktop.card import pcsc
from jpki_desktop.card.monitor import (
    CardInserted,
    CardMonitor,
    CardRemoved,
    ReaderAdded,
    ReaderRemoved,
    ServiceLost,
    ServiceRestored,
)
from jpki_desktop.card.virtual.store import build_card
from jpki_desktop.card.virtual.vpcd import VpcdCard

pytestmark = pytest.mark.pcsc


class Events:
    """Collects monitor events; `expect` waits for one matching event (in order)."""

    def __init__(self) -> None:
        self.q: queue.Queue = queue.Queue()
        self.seen: list = []

    def __call__(self, event) -> None:
        self.q.put((time.monotonic(), event))

    def expect(self, wanted, timeout: float = 5.0) -> float:
        """Wait for `wanted` (an event, or an event class); return when it arrived."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            try:
                at, event = self.q.get(timeout=max(left, 0.001))
            except queue.Empty:
                raise AssertionError(f"no {wanted!r} within {timeout} s; saw {self.seen}") from None
            self.seen.append(event)
            if event == wanted or (isinstance(wanted, type) and isinstance(event, wanted)):
                return at

    def quiet(self, seconds: float) -> list:
        """Events arriving within `seconds` (to check that nothing spurious happens)."""
        got = []
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            try:
                got.append(self.q.get(timeout=left)[1])
            except queue.Empty:
                break
        return got


@pytest.fixture
def slot1_card(pcscd, pki):
    vc = VpcdCard(build_card(pki), pcscd.slot_port(1))
    yield vc
    vc.remove()
    with pcsc.Context() as ctx:  # leave slot 1 empty as pcscd sees it, for the next test
        ctx.wait_reader_state(pcscd.readers[1], False, 5000)


def test_initial_state_then_cards_in_two_readers(pcscd, pcsc_card, slot1_card):
    r0, r1 = pcscd.readers
    events = Events()
    with CardMonitor(events) as monitor:
        assert events.quiet(0.5) == [
            ReaderAdded(r0),
            CardInserted(r0, pcsc_card.card.atr),
            ReaderAdded(r1),
        ]
        assert monitor.readers() == {r0: pcsc_card.card.atr, r1: None}

        slot1_card.insert()
        events.expect(CardInserted(r1, slot1_card.card.atr))
        pcsc_card.remove()
        events.expect(CardRemoved(r0))
        slot1_card.remove()
        events.expect(CardRemoved(r1))
        assert monitor.readers() == {r0: None, r1: None}
        assert events.quiet(1.0) == []  # pcscd polls every 0.4 s: nothing spurious follows


def test_mute_card_is_reported_with_empty_atr(pcscd, pcsc_card, slot1_card, pki):
    from jpki_desktop.card.virtual.store import CardProfile

    r1 = pcscd.readers[1]
    events = Events()
    with CardMonitor(events):
        events.expect(ReaderAdded(r1))
        slot1_card.card = build_card(pki, profile=CardProfile(atr=bytes.fromhex("3B 00 11")))
        slot1_card.insert()
        events.expect(CardInserted(r1, bytes.fromhex("3B 00 11")))


def test_stop_cancels_a_blocked_wait(pcscd):
    events = Events()
    monitor = CardMonitor(events, relist_interval=60).start()
    events.expect(ReaderAdded(pcscd.readers[1]))
    time.sleep(0.2)  # the watcher is now blocked in SCardGetStatusChange for up to 60 s
    thread = monitor._thread
    assert thread is not None and thread.is_alive()
    assert monitor.stop(timeout=5), "SCardCancel did not wake the watcher"
    assert not monitor.running and not thread.is_alive()


def test_callback_errors_do_not_kill_the_watcher(pcscd, pcsc_card):
    r0 = pcscd.readers[0]
    events = Events()

    def flaky(event):
        events(event)
        raise RuntimeError("consumer bug")

    with CardMonitor(flaky) as monitor:
        events.expect(CardInserted(r0, pcsc_card.card.atr))
        pcsc_card.remove()
        events.expect(CardRemoved(r0))
        assert monitor.running


def test_pcscd_restart_is_reported_and_recovered_within_5_s(pcscd, pcsc_card):
    r0, r1 = pcscd.readers
    events = Events()
    monitor = CardMonitor(events).start()
    try:
        events.expect(CardInserted(r0, pcsc_card.card.atr))
        try:
            pcscd.stop()
            events.expect(ServiceLost)
            events.expect(CardRemoved(r0))
            events.expect(ReaderRemoved(r0))
            events.expect(ReaderRemoved(r1))
        finally:
            pcscd.start()
        back = time.monotonic()
        restored_at = events.expect(ServiceRestored)
        assert restored_at - back < 5.0
        events.expect(ReaderAdded(r0))
        events.expect(ReaderAdded(r1))
        pcsc_card.remove()  # its vpcd connection died with pcscd; plug the card in again
        pcsc_card.insert()
        events.expect(CardInserted(r0, pcsc_card.card.atr))
    finally:
        assert monitor.stop()


def test_watcher_started_while_pcscd_is_down_reports_it_then_recovers(pcscd):
    events = Events()
    pcscd.stop()
    try:
        monitor = CardMonitor(events).start()
        events.expect(ServiceLost)
        assert monitor.service_available is False
        assert monitor.readers() == {}
    finally:
        pcscd.start()
    try:
        events.expect(ServiceRestored)
        events.expect(ReaderAdded(pcscd.readers[0]))
        assert monitor.service_available is True
    finally:
        assert monitor.stop()

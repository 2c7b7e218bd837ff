"""The card thread: presence, snapshots, jobs off the GUI thread, PIN buffers wiped."""

from __future__ import annotations

import threading

import pytest

from jpki_desktop.app.card import read_signing_certificate
from jpki_desktop.app.card_state import Presence
from jpki_desktop.card import errors as E
from jpki_desktop.card.pins import PinKind, prepare_pin
from jpki_desktop.ui.card_service import CardService

from .conftest import wait_presence


@pytest.fixture
def service(qtbot, vsource):
    svc = CardService(vsource, poll_ms=100)
    svc.start()
    yield svc
    svc.stop()


class _Ctx:
    def __init__(self, service):
        self.service = service


def test_snapshot_then_removal_and_insertion_show_within_a_second(qtbot, service, vsource):
    ctx = _Ctx(service)
    wait_presence(qtbot, ctx, Presence.READY)
    snap = service.state.snapshot
    assert snap.pin(PinKind.SIGN).remaining == 5 and snap.pin(PinKind.AUTH).remaining == 3
    generation = service.state.generation
    vsource.remove()  # as if pulled by hand: only the timer notices
    wait_presence(qtbot, ctx, Presence.NO_CARD, timeout=1000)
    assert service.state.snapshot is None
    vsource.insert()
    wait_presence(qtbot, ctx, Presence.READY, timeout=1000)
    assert service.state.generation > generation  # a card put back counts as a new card


def test_jobs_run_on_the_card_thread_and_wipe_their_pins(qtbot, service):
    wait_presence(qtbot, _Ctx(service), Presence.READY)
    gui = threading.get_ident()
    seen = []
    pin = prepare_pin(PinKind.SIGN, "abc123")
    raw = pin.bytes

    def job(card, p):
        seen.append(threading.get_ident())
        return read_signing_certificate(card, p, False)

    j = service.submit(job, pin, secrets=(pin,))
    with qtbot.waitSignal(j.finished, timeout=5000) as blocker:
        pass
    assert blocker.args[0].startswith(b"\x30\x82")
    assert seen and seen[0] != gui
    assert len(raw) == 0  # wiped (and emptied) after the job


def test_wrong_pin_comes_back_typed_with_remaining_from_card(qtbot, service, vcard):
    wait_presence(qtbot, _Ctx(service), Presence.READY)
    pin = prepare_pin(PinKind.SIGN, "WRONG1")
    j = service.submit(read_signing_certificate, pin, False, secrets=(pin,))
    with qtbot.waitSignal(j.failed, timeout=5000) as blocker:
        pass
    exc = blocker.args[0]
    assert isinstance(exc, E.PinIncorrect) and exc.remaining == 4
    assert exc.__traceback__ is None
    # the failed job triggers a re-read: the dashboard shows the card's own count
    qtbot.waitUntil(lambda: service.state.pin(PinKind.SIGN).remaining == 4, timeout=5000)
    assert vcard.pin_ref(PinKind.SIGN).remaining == 4


def test_job_on_a_pulled_card_fails_with_no_card(qtbot, service, vsource):
    wait_presence(qtbot, _Ctx(service), Presence.READY)
    vsource.remove()
    j = service.submit(lambda card: card.reader)
    with qtbot.waitSignal(j.failed, timeout=5000) as blocker:
        pass
    assert isinstance(blocker.args[0], E.NoCard)


def test_stop_wipes_pins_of_jobs_that_never_ran(qtbot, vsource):
    svc = CardService(vsource, poll_ms=100)
    svc.start()
    gate = threading.Event()
    svc.submit(lambda card: gate.wait(5))
    pin = prepare_pin(PinKind.AUTH, "1234")
    raw = pin.bytes
    svc.submit(lambda card, p: None, pin, secrets=(pin,))
    gate.set()
    svc.stop()
    assert len(raw) == 0

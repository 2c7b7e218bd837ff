"""Typed errors through a real pcscd + vpcd: no card, card pulled (between APDUs and in the
middle of a VERIFY), reader busy, no such reader, pcscd down. Counters are checked on the card."""

from __future__ import annotations

import threading

import pytest

from jpki_desktop.card import errors as E
from jpki_desktop.card import pcsc
from jpki_desktop.card.connect import open_reader
from jpki_desktop.card.jpki import JpkiSession
from jpki_desktop.card.pins import PinKind, prepare_pin

pytestmark = pytest.mark.pcsc


def counters(card):
    return {k: card.pin_ref(k).remaining for k in PinKind}


def wait_state(reader: str, present: bool) -> None:
    # never poll with connect(): see pcsc-test-stack.md pitfall 2
    with pcsc.Context() as ctx:
        assert ctx.wait_reader_state(reader, present, 5000), (
            f"reader never became {'present' if present else 'empty'}"
        )


def is_verify_with_pin(apdu: bytes) -> bool:
    return apdu[1] == 0x20 and len(apdu) > 5


def test_no_card_in_the_second_reader(pcscd, pcsc_card):
    with pytest.raises(E.NoCard) as exc:
        open_reader(pcscd.readers[1])
    assert exc.value.reader_name == pcscd.readers[1]


def test_unknown_reader_name_is_no_reader(pcscd, pcsc_card):
    with pytest.raises(E.NoReader) as exc:
        open_reader("No Such Reader 99")
    assert exc.value.reader_name == "No Such Reader 99"


def test_card_removed_between_apdus(pcscd, pcsc_card):
    card = pcsc_card.card
    before = counters(card)
    with open_reader(pcscd.readers[0]) as oc:
        s = JpkiSession(oc.channel)
        pcsc_card.remove()
        wait_state(pcscd.readers[0], False)
        with pytest.raises(E.CardRemoved):
            s.pin_status(PinKind.AUTH)
    assert counters(card) == before
    with pytest.raises(E.NoCard):  # the reader now reports "no card" to a new connection
        open_reader(pcscd.readers[0])


@pytest.mark.parametrize("kind,wrong", [(PinKind.AUTH, "0000"), (PinKind.SIGN, "ZZZ999")])
def test_card_pulled_during_the_verify_apdu_spends_no_try(pcscd, pcsc_card, kind, wrong):
    """The card leaves while the VERIFY carrying the PIN is on its way: it never executes it."""
    card = pcsc_card.card
    before = counters(card)
    pcsc_card.pull_when = is_verify_with_pin
    try:
        with open_reader(pcscd.readers[0]) as oc:
            s = JpkiSession(oc.channel)
            with pytest.raises(E.CardRemoved), prepare_pin(kind, wrong) as pin:
                s.verify(kind, pin)
    finally:
        pcsc_card.pull_when = None
    wait_state(pcscd.readers[0], False)
    assert counters(card) == before
    assert not [r for r in card.log if r.ins == 0x20 and r.lc > 0]


def test_card_removed_by_another_thread_while_the_reader_waits_for_the_answer(pcscd, pcsc_card):
    """A slow reader (apdu_delay) and a user who pulls the card mid-VERIFY from another thread."""
    card = pcsc_card.card
    before = counters(card)
    verify_on_the_wire = threading.Event()

    def notice(apdu: bytes) -> bool:
        if is_verify_with_pin(apdu):
            pcsc_card.apdu_delay = 0.5  # a slow reader, for this APDU only
            verify_on_the_wire.set()
        return False  # do not pull here; the test thread pulls during the delay

    pcsc_card.pull_when = notice
    puller = threading.Thread(target=lambda: verify_on_the_wire.wait(10) and pcsc_card.remove())
    puller.start()
    try:
        with open_reader(pcscd.readers[0]) as oc:
            s = JpkiSession(oc.channel)
            with pytest.raises(E.CardRemoved), prepare_pin(PinKind.AUTH, "0000") as pin:
                s.verify(PinKind.AUTH, pin)
    finally:
        verify_on_the_wire.set()
        puller.join(10)
        pcsc_card.pull_when = None
        pcsc_card.apdu_delay = 0.0
    wait_state(pcscd.readers[0], False)
    assert counters(card) == before


def test_reader_busy_while_another_program_holds_it_exclusively(pcscd, pcsc_card):
    holder = pcsc.PcscTransport(pcscd.readers[0], exclusive=True)
    try:
        info = {i.name: i for i in pcsc.reader_infos()}[pcscd.readers[0]]
        assert info.exclusive
        with pytest.raises(E.ReaderBusy) as exc:
            open_reader(pcscd.readers[0])
        assert exc.value.reader_name == pcscd.readers[0]
    finally:
        holder.close()
    with open_reader(pcscd.readers[0]) as oc:  # released: usable again, nothing was killed
        assert JpkiSession(oc.channel).pin_status(PinKind.AUTH).remaining == 3


def test_pcscd_down_is_pcsc_unavailable(pcscd, pcsc_card):
    pcscd.stop()
    try:
        with pytest.raises(E.PcscUnavailable):
            pcsc.reader_infos()
        with pytest.raises(E.PcscUnavailable):
            open_reader(pcscd.readers[0])
        with pytest.raises(E.PcscUnavailable):
            pcsc.PcscTransport(pcscd.readers[0])
    finally:
        pcscd.start()
    pcsc_card.remove()  # its socket went down with pcscd; insert it into the new one
    pcsc_card.insert()
    wait_state(pcscd.readers[0], True)
    with open_reader(pcscd.readers[0]) as oc:
        assert JpkiSession(oc.channel).pin_status(PinKind.SIGN).remaining == 5

"""The GUI while another program holds the reader in a PC/SC transaction (issue 15 item 1):
the window keeps painting and answering, My card says the reader is in use by another
program within the bounded wait, and the card is read once the other program lets go."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel

from jpki_desktop.app.card_source import PcscSource
from jpki_desktop.app.card_state import Presence
from jpki_desktop.card import errors as E
from jpki_desktop.card.pins import PinKind
from support.peer import Peer

from .conftest import wait_presence

pytestmark = pytest.mark.pcsc


def test_reader_held_by_another_program_never_freezes_the_window(
    make_window, pcscd, pcsc_card, qtbot, monkeypatch
):
    monkeypatch.setenv("JPKI_READER_BUSY_TIMEOUT", "1.0")
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(50)
    with Peer(pcscd.readers[0], "transaction") as peer:
        w, ctx = make_window(PcscSource(pcscd.readers[0]))
        w.show()
        # The wait is bounded (pcsc-lite alone would wait forever), so the busy state arrives;
        # how soon depends on the machine's load, so only a generous ceiling is set here.
        wait_presence(qtbot, ctx, Presence.UNREADABLE, timeout=20000)
        assert isinstance(ctx.service.state.error, E.ReaderBusy)
        # the event loop kept running while the card thread waited
        gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
        assert ticks and max(gaps) < 1.0, max(gaps)
        shown = " ".join(label.text() for label in w.page("card").findChildren(QLabel))
        assert "another program" in shown.lower(), shown
        peer.release()
    wait_presence(qtbot, ctx, Presence.READY, timeout=10000)  # retried once the peer let go
    assert ctx.service.state.pin(PinKind.SIGN).remaining == 5
    timer.stop()

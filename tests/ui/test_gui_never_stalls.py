"""With a slow reader (20 ms per APDU) the GUI thread keeps running: a 5 ms QTimer probe on the
GUI thread never sees a gap over 50 ms while the card is read and while it signs."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer

from jpki_desktop.app.card_state import Presence
from support.agency_fixtures import (  # noqa: F401 (fixtures)
    agency_dir,
    agency_keys_template,
    change_of_address_values,
    demo_catalogue,
)

from .conftest import wait_presence
from .test_flow import backend, click_next, enter_password  # noqa: F401 (fixture)

APDU_DELAY = 0.020
MAX_GAP = 0.050


class Probe:
    """Ticks every 5 ms on the GUI thread and records the longest gap between ticks."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.last = 0.0
        self.worst = 0.0
        self.ticks = 0

    def _tick(self) -> None:
        now = time.perf_counter()
        if self.last:
            self.worst = max(self.worst, now - self.last)
        self.last = now
        self.ticks += 1

    def __enter__(self) -> Probe:
        self.last, self.worst, self.ticks = 0.0, 0.0, 0
        self.timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self.timer.stop()


def test_gui_thread_never_stalls_during_card_reads_and_signing(
    make_window, vsource, backend, qtbot
):  # noqa: F811
    vsource.apdu_delay = APDU_DELAY
    w, ctx = make_window(vsource, flow_backend=backend)
    w.show()
    wait_presence(qtbot, ctx, Presence.READY, timeout=10000)
    probe = Probe()

    # 1. a full card read: about ten APDUs (the auth certificate now comes from the card cache),
    # a quarter of a second at this speed
    with probe:
        t0 = time.perf_counter()
        read_before = ctx.service.state.read_at
        ctx.service.refresh()
        qtbot.waitUntil(lambda: ctx.service.state.read_at != read_before, timeout=10000)
        read_time = time.perf_counter() - t0
    read_gap, read_ticks = probe.worst, probe.ticks

    # 2. signing in the flow: VERIFY, certificates, the signature, the package
    w.show_page("flow")
    flow = w.page("flow")
    click_next(qtbot, flow)
    flow.steps[1].select("demo.city.change-of-address")
    click_next(qtbot, flow)
    flow.steps[2].set_values(change_of_address_values())
    click_next(qtbot, flow)
    with probe:
        t0 = time.perf_counter()
        enter_password(qtbot, flow)
        qtbot.waitUntil(lambda: flow.data.package is not None, timeout=30000)
        sign_time = time.perf_counter() - t0
    sign_gap, sign_ticks = probe.worst, probe.ticks
    print(
        f"card read {read_time * 1000:.0f} ms, worst GUI gap {read_gap * 1000:.1f} ms ({read_ticks} ticks); "
        f"signing {sign_time * 1000:.0f} ms, worst GUI gap {sign_gap * 1000:.1f} ms ({sign_ticks} ticks)"
    )
    assert (
        read_time > 8 * APDU_DELAY and sign_time > 0.3
    )  # the delay really applied: these were slow operations
    assert read_gap < MAX_GAP
    assert sign_gap < MAX_GAP

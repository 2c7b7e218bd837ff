"""The GUI through a real pcscd + vpcd: the card monitor drives presence, and the whole flow
runs with the card on the other side of PC/SC."""

from __future__ import annotations

import time

import pytest

from jpki_desktop.agency.server import start_agency
from jpki_desktop.app.card_source import PcscSource
from jpki_desktop.app.card_state import Presence
from jpki_desktop.app.flow import ApplicationFlow
from jpki_desktop.card.pins import PinKind
from support.agency_fixtures import agency_dir, agency_keys_template, demo_catalogue  # noqa: F401

from .conftest import wait_presence
from .test_flow import click_next, enter_password, fill_to_password

pytestmark = pytest.mark.pcsc


@pytest.fixture
def pcsc_window(make_window, pcscd, pcsc_card, demo_catalogue, tmp_path, qtbot):
    backend = ApplicationFlow(
        demo_catalogue, tmp_path / "work", store_dir=tmp_path / "store", keyring=False
    )
    source = PcscSource(pcscd.readers[0])
    w, ctx = make_window(source, flow_backend=backend)
    w.show()
    wait_presence(qtbot, ctx, Presence.READY, timeout=10000)
    assert ctx.service._monitor is not None  # events come from the card monitor
    return w, ctx


def test_presence_follows_the_reader(pcsc_window, pcsc_card, pcscd, qtbot):
    w, ctx = pcsc_window
    assert ctx.service.state.reader == pcscd.readers[0]
    assert ctx.service.state.pin(PinKind.SIGN).remaining == 5
    t0 = time.monotonic()
    pcsc_card.remove()
    wait_presence(qtbot, ctx, Presence.NO_CARD, timeout=3000)
    removed_after = time.monotonic() - t0
    assert "No card" in w.page("card").headline.text()
    pcsc_card.insert()
    wait_presence(qtbot, ctx, Presence.READY, timeout=5000)
    print(f"removal shown after {removed_after * 1000:.0f} ms")


def test_whole_flow_through_pcscd(pcsc_window, pcsc_card, agency_dir, demo_catalogue, pki, qtbot):  # noqa: F811
    w, ctx = pcsc_window
    with start_agency(
        agency_dir, catalogue=demo_catalogue, trust_roots=[pki.sign_ca.cert]
    ) as agency:
        w.show_page("flow")
        flow = w.page("flow")
        fill_to_password(qtbot, flow)
        enter_password(qtbot, flow, "WRONG1")
        qtbot.waitUntil(
            lambda: flow.index == 3 and flow.steps[3].message.isVisible(), timeout=10000
        )
        assert "Tries left: 4" in flow.steps[3].message.text()
        enter_password(qtbot, flow)
        qtbot.waitUntil(lambda: flow.data.package is not None, timeout=15000)
        click_next(qtbot, flow)
        click_next(qtbot, flow)
        qtbot.waitUntil(lambda: flow.index == 6, timeout=15000)
        assert flow.data.receipt.receipt_number in flow.steps[6].details.text()
        assert len(agency.service.records.list_accepted()) == 1
    assert pcsc_card.card.pin_ref(PinKind.SIGN).remaining == 5


def test_diagnostics_through_pcscd(pcsc_window, qtbot):
    from jpki_desktop.diagnostics import Status

    w, ctx = pcsc_window
    w.show_page("diagnostics")
    page = w.page("diagnostics")
    page.run()
    qtbot.waitUntil(lambda: page.diagnosis is not None, timeout=20000)
    status = {r.id: r.status for r in page.diagnosis.results}
    assert status["pcsc_service"] is Status.OK and status["jpki_application"] is Status.OK
    assert status["sign_pin"] is Status.OK
    assert "5 of 5 tries left" in page.list.text()
    wait_presence(qtbot, ctx, Presence.READY, timeout=5000)  # the card is read again afterwards

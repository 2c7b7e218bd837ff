"""`jpki-desktop --demo`: the persistent demo card and the local reference agency endpoint, so
the whole flow works on a machine with no reader. Also the demo's remove/insert actions."""

from __future__ import annotations

import pytest

from jpki_desktop.app.card_state import Presence
from jpki_desktop.ui.app import Options, build, shutdown
from support.agency_fixtures import change_of_address_values

from .conftest import wait_presence
from .test_flow import click_next, enter_password


@pytest.fixture
def demo(monkeypatch, tmp_path, qtbot, settings):
    monkeypatch.setenv("JPKI_DEMO_STATE", str(tmp_path / "demo-card"))
    monkeypatch.setenv("JPKI_DEMO_AGENCY", str(tmp_path / "demo-agency"))
    w, ctx = build(Options(demo=True, language="en"), settings=settings)
    qtbot.addWidget(w)
    w.show()
    yield w, ctx
    shutdown(ctx)


def test_demo_flow_end_to_end(demo, qtbot):
    w, ctx = demo
    wait_presence(qtbot, ctx, Presence.READY, timeout=10000)
    assert "[demo card]" in w.windowTitle()
    assert w.remove_action.isVisible() and w.insert_action.isVisible()
    qtbot.waitUntil(lambda: ctx.demo_agency is not None, timeout=30000)
    w.remove_action.trigger()
    wait_presence(qtbot, ctx, Presence.NO_CARD, timeout=1000)
    w.insert_action.trigger()
    wait_presence(qtbot, ctx, Presence.READY, timeout=1000)
    w.show_page("flow")
    flow = w.page("flow")
    click_next(qtbot, flow)
    flow.steps[1].select("demo.city.change-of-address")
    click_next(qtbot, flow)
    flow.steps[2].set_values(change_of_address_values())
    click_next(qtbot, flow)
    enter_password(qtbot, flow, "ABC123")  # the demo card's documented password
    qtbot.waitUntil(lambda: flow.data.package is not None, timeout=15000)
    click_next(qtbot, flow)
    click_next(qtbot, flow)
    qtbot.waitUntil(lambda: flow.index == 6 or bool(flow.steps[5].error), timeout=20000)
    assert flow.index == 6, flow.steps[5].error
    assert flow.data.receipt.receipt_number.startswith("DEMO-")

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


def test_demo_validity_check_succeeds_against_the_demo_responder(demo, qtbot):
    """Issue 13, item 13: in demo mode the validity check is shown working (a real OCSP
    exchange with the test PKI's responder on 127.0.0.1), stamped as a demo."""
    w, ctx = demo
    qtbot.waitUntil(lambda: ctx.service.state.ready, timeout=30000)
    qtbot.waitUntil(lambda: ctx.demo_revocation is not None, timeout=30000)
    assert ctx.demo_revocation.base_url.startswith("http://127.0.0.1:")
    w.show_page("expiry")
    page = w.page("expiry")
    qtbot.waitUntil(lambda: bool(page.views), timeout=10000)
    page.run_validity_check()
    qtbot.waitUntil(lambda: not page.checking and bool(page.checks), timeout=30000)
    text = page.check_text.text()
    assert "Valid (not revoked)" in text, text
    assert "Demo" in text and "not by J-LIS" in text
    assert "POST /ocsp" in ctx.demo_revocation.requests


def test_cli_demo_check_succeeds(monkeypatch, tmp_path, capsys):
    from jpki_desktop.cli.main import main

    monkeypatch.setenv("JPKI_DEMO_STATE", str(tmp_path / "demo-card"))
    assert main(["--demo", "check"]) == 0
    out = capsys.readouterr().out
    assert "VALID, not revoked" in out and "checked online (OCSP http://127.0.0.1:" in out
    assert "not by J-LIS" in out

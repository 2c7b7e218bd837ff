"""The home-use flow, steps 1 to 7, on the virtual card against the reference agency endpoint:
sign on the card, package, HTTPS, the agency verifies and answers with a signed receipt."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from jpki_desktop.agency.server import start_agency
from jpki_desktop.app.card_state import Presence
from jpki_desktop.app.flow import ApplicationFlow
from jpki_desktop.card.pins import PinKind
from jpki_desktop.signing.verification.verify import verify_file
from support.agency_fixtures import (  # noqa: F401 (fixtures)
    agency_dir,
    agency_keys_template,
    change_of_address_values,
    demo_catalogue,
)

from .conftest import wait_presence
from .helpers import wait_top

PROCEDURE = "demo.city.change-of-address"


@pytest.fixture
def agency(agency_dir, demo_catalogue, pki):
    running = start_agency(agency_dir, catalogue=demo_catalogue, trust_roots=[pki.sign_ca.cert])
    yield running
    running.stop()


@pytest.fixture
def backend(demo_catalogue, tmp_path):
    return ApplicationFlow(
        demo_catalogue, tmp_path / "work", store_dir=tmp_path / "store", keyring=False
    )


@pytest.fixture
def flow_window(make_window, vsource, backend, qtbot):
    w, ctx = make_window(vsource, flow_backend=backend)
    w.show()
    wait_presence(qtbot, ctx, Presence.READY)
    w.show_page("flow")
    return w, ctx, w.page("flow")


def click_next(qtbot, flow):
    assert flow.next.isEnabled(), f"Next disabled on step {flow.index + 1}"
    qtbot.mouseClick(flow.next, Qt.MouseButton.LeftButton)


def fill_to_password(qtbot, flow, values=None):
    """Steps 1-3; returns with step 4 showing."""
    assert flow.index == 0 and flow.indicator.accessibleName().startswith("Step 1 of 7")
    click_next(qtbot, flow)
    assert flow.index == 1
    flow.steps[1].list.setCurrentRow(-1)
    assert not flow.next.isEnabled()  # nothing chosen
    flow.steps[1].select(PROCEDURE)
    click_next(qtbot, flow)
    assert flow.index == 2
    form = flow.steps[2]
    form.set_values(values or change_of_address_values())
    click_next(qtbot, flow)
    assert flow.index == 3, form.summary.text()


def enter_password(qtbot, flow, password="ABC123"):
    step = flow.steps[3]
    step.entry.edit.clear()
    qtbot.keyClicks(step.entry.edit, password)
    click_next(qtbot, flow)


def test_whole_flow_to_receipt(flow_window, qtbot, agency, vcard, pki, tmp_path):
    w, ctx, flow = flow_window
    fill_to_password(qtbot, flow)
    step4 = flow.steps[3]
    assert "5 of 5" in step4.entry.tries.text()
    assert "sex" in step4.notice.text()
    enter_password(qtbot, flow, "abc123")
    assert flow.index == 4
    qtbot.waitUntil(lambda: flow.data.package is not None, timeout=10000)
    assert flow.next.isEnabled() and flow.back.isEnabled()
    pkg = flow.data.package
    assert pkg.signer  # the name from the signing certificate
    # the package is a real encrypted submission the verifier accepts with the agency key
    verdict = verify_file(
        pkg.path,
        decrypt_key=agency.keys.encryption_key,
        decrypt_cert=agency.keys.encryption_cert,
        trust_roots=[pki.sign_ca.cert],
    )
    assert verdict.ok, verdict.findings
    click_next(qtbot, flow)
    assert flow.index == 5
    assert pkg.submission_id in flow.steps[5].details.text()
    assert flow.steps[5].save_to(str(tmp_path / "saved.p7m"))  # saving instead also works
    assert (tmp_path / "saved.p7m").read_bytes() == pkg.path.read_bytes()
    click_next(qtbot, flow)  # send
    qtbot.waitUntil(lambda: flow.index == 6, timeout=15000)
    receipt = flow.data.receipt
    assert receipt.receipt_number.startswith("DEMO-") and receipt.submission_id == pkg.submission_id
    assert receipt.receipt_number in flow.steps[6].details.text()
    # Japan time with the zone, as the receipt number's date (issue 13, item 11)
    assert " JST" in flow.steps[6].details.text() and "UTC" not in flow.steps[6].details.text()
    assert not flow.back.isEnabled()
    [record] = agency.service.records.list_accepted()
    assert record["receipt_number"] == receipt.receipt_number
    assert vcard.pin_ref(PinKind.SIGN).remaining == 5
    # start again: back to step 1 with nothing kept
    flow.steps[6].again.click()
    assert flow.index == 0 and flow.data.procedure is None


def test_each_step_validates_and_back_keeps_the_form(flow_window, qtbot, agency):
    w, ctx, flow = flow_window
    click_next(qtbot, flow)
    flow.steps[1].select(PROCEDURE)
    click_next(qtbot, flow)
    form = flow.steps[2]
    form.set_values(change_of_address_values(new_postal_code="12", name=""))
    qtbot.mouseClick(flow.next, Qt.MouseButton.LeftButton)
    assert flow.index == 2  # refused
    rows = {r.field.id: r for r in form.rows}
    assert rows["name"].error.isVisibleTo(form) and rows["new_postal_code"].error.isVisibleTo(form)
    assert not rows["phone"].error.isVisibleTo(form)
    assert "required" in rows["name"].error.text()
    assert form.summary.text()
    form.set_values(change_of_address_values())
    click_next(qtbot, flow)
    assert flow.index == 3
    step4 = flow.steps[3]
    step4.entry.edit.setText("ab")  # too short: never sent
    assert not flow.next.isEnabled()
    qtbot.mouseClick(flow.back, Qt.MouseButton.LeftButton)
    assert flow.index == 2 and rows["name"].value() == "見本　花子"
    assert step4.entry.edit.text() == "" or flow.index == 2
    click_next(qtbot, flow)
    assert flow.index == 3 and step4.entry.edit.text() == ""  # the password is never kept


def test_wrong_password_goes_back_with_tries_from_card(flow_window, qtbot, agency, vcard):
    w, ctx, flow = flow_window
    fill_to_password(qtbot, flow)
    enter_password(qtbot, flow, "WRONG1")
    qtbot.waitUntil(lambda: flow.index == 3 and flow.steps[3].message.isVisible(), timeout=10000)
    assert "Tries left: 4" in flow.steps[3].message.text()
    qtbot.waitUntil(lambda: "4 of 5" in flow.steps[3].entry.tries.text(), timeout=5000)
    assert vcard.pin_ref(PinKind.SIGN).remaining == 4
    assert flow.data.package is None
    enter_password(qtbot, flow)
    qtbot.waitUntil(lambda: flow.data.package is not None, timeout=10000)
    assert vcard.pin_ref(PinKind.SIGN).remaining == 5


def test_final_try_confirmation_in_the_flow(flow_window, qtbot, agency, vcard):
    from PySide6.QtWidgets import QMessageBox

    from .helpers import answer

    w, ctx, flow = flow_window
    vcard.pin_ref(PinKind.SIGN).remaining = 1
    ctx.service.refresh()
    qtbot.waitUntil(lambda: ctx.service.state.pin(PinKind.SIGN).remaining == 1)
    fill_to_password(qtbot, flow)
    enter_password(qtbot, flow)
    box = wait_top(qtbot, "finalTryConfirm")
    answer(box, QMessageBox.ButtonRole.NoRole)
    assert flow.index == 3 and flow.data.package is None and not flow.steps[4].running
    assert not any(r.ins == 0x20 and r.lc for r in vcard.log)
    enter_password(qtbot, flow)
    answer(wait_top(qtbot, "finalTryConfirm"), QMessageBox.ButtonRole.YesRole)
    qtbot.waitUntil(lambda: flow.data.package is not None, timeout=10000)
    assert vcard.pin_ref(PinKind.SIGN).remaining == 5


def test_blocked_password_never_opens_the_field(flow_window, qtbot, vcard):
    w, ctx, flow = flow_window
    vcard.pin_ref(PinKind.SIGN).remaining = 0
    ctx.service.refresh()
    qtbot.waitUntil(lambda: ctx.service.state.pin(PinKind.SIGN).remaining == 0)
    assert flow.index == 0
    assert not flow.next.isEnabled()
    from PySide6.QtWidgets import QLabel

    step = flow.steps[0]
    assert "blocked" in step.status.text()
    # where to reset it is said once, under the counter (issue 13, item 6: not twice)
    shown = [lab.text() for lab in step.findChildren(QLabel) if lab.isVisibleTo(step)]
    advice = [t for t in shown if "municipal office" in t]
    assert len(advice) == 1 and "kiosk" in advice[0]
    flow.goto(3)  # even if reached another way
    assert not flow.steps[3].entry.edit.isEnabled()
    assert flow.steps[3].entry.blocked.isVisible()
    assert not flow.next.isEnabled()


def test_card_pulled_while_signing_then_put_back(flow_window, qtbot, agency, vsource, vcard):
    w, ctx, flow = flow_window
    fill_to_password(qtbot, flow)
    vsource.apdu_delay = 0.02  # a slow reader: the removal lands mid-operation
    enter_password(qtbot, flow)
    assert flow.index == 4 and flow.steps[4].running
    qtbot.wait(60)
    vsource.remove()
    qtbot.waitUntil(lambda: flow.index == 3 and flow.steps[3].message.isVisible(), timeout=10000)
    msg = flow.steps[3].message.text()
    assert "removed" in msg or "No card" in msg
    assert flow.data.package is None and not list(
        flow.backend.workdir.glob("*.p7m*")
    )  # nothing half-written
    wait_presence(qtbot, ctx, Presence.NO_CARD, timeout=2000)
    assert not flow.next.isEnabled()
    assert "Insert" in flow.steps[3].card_status.text()
    vsource.apdu_delay = 0.0
    vsource.insert()
    wait_presence(qtbot, ctx, Presence.READY, timeout=2000)
    assert flow.steps[2].rows[0].value() == "見本　花子"  # the form was kept
    enter_password(qtbot, flow)
    qtbot.waitUntil(lambda: flow.data.package is not None, timeout=10000)
    click_next(qtbot, flow)
    click_next(qtbot, flow)
    qtbot.waitUntil(lambda: flow.index == 6, timeout=15000)


def test_the_password_goes_straight_into_the_signing_job(flow_window, qtbot, agency):
    from jpki_desktop.card.pins import PinBuffer

    w, ctx, flow = flow_window
    handed = []
    sign = flow.backend.sign

    def spy(card, procedure, values, attachments, pin, *rest):
        handed.append((pin, bytes(pin.bytes)))
        return sign(card, procedure, values, attachments, pin, *rest)

    flow.backend.sign = spy
    fill_to_password(qtbot, flow)
    enter_password(qtbot, flow)
    qtbot.waitUntil(lambda: flow.data.package is not None, timeout=10000)
    [(pin, typed)] = handed
    assert typed == b"ABC123"  # the entry's buffer itself, unchanged, reached the card thread
    assert len(pin.bytes) == 0  # and was wiped there
    assert flow.steps[3].entry.edit.text() == ""
    assert not any(isinstance(v, PinBuffer) for v in vars(flow.data).values())


def test_a_password_never_outlives_the_step_change(flow_window, qtbot):
    from jpki_desktop.card.pins import PinKind, prepare_pin

    w, ctx, flow = flow_window
    pin = prepare_pin(PinKind.SIGN, "ABC123")
    raw = pin.bytes
    flow.goto(2)  # the user left step 4 before the final-try question was answered
    flow.start_signing(pin, True)
    assert flow.index == 2 and len(raw) == 0 and not flow.steps[4].running


def test_the_flow_removes_its_temporary_folder(demo_catalogue, tmp_path, monkeypatch):
    import gc
    import tempfile

    from jpki_desktop.app.flow import WORKDIR_PREFIX

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    closed = ApplicationFlow(demo_catalogue, keyring=False)
    assert closed.workdir.is_dir() and closed.workdir.name.startswith(WORKDIR_PREFIX)
    (closed.workdir / "left.p7m").write_bytes(b"x")
    closed.close()
    dropped = ApplicationFlow(demo_catalogue, keyring=False)
    assert dropped.workdir.is_dir()
    del dropped
    gc.collect()
    assert not list(tmp_path.glob(WORKDIR_PREFIX + "*"))


def test_closing_the_window_removes_the_flow_folder(
    make_window, vsource, qtbot, tmp_path, monkeypatch
):
    import tempfile

    from jpki_desktop.app.flow import WORKDIR_PREFIX

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    w, ctx = make_window(vsource)
    w.show()
    wait_presence(qtbot, ctx, Presence.READY)
    assert ctx.flow_backend.workdir.is_dir()
    w.close()
    assert not list(tmp_path.glob(WORKDIR_PREFIX + "*"))

"""Issue 13, item 2 and item 7 (first half), in the GUI on the virtual card: the applicant is
filled in from the card when asked, checked against the signing certificate before the card
signs, and a mismatch is shown next to its field with the field's label; a field's message
goes as soon as the field is valid."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from jpki_desktop.app.card_state import Presence
from jpki_desktop.app.flow import ApplicationFlow
from jpki_desktop.card.pins import PinKind
from jpki_desktop.card.virtual.store import DEMO_PINS
from jpki_desktop.submission.receipt import Rejection
from jpki_desktop.ui.messages import rejection_text
from support.agency_fixtures import (  # noqa: F401 (fixtures)
    agency_dir,
    agency_keys_template,
    change_of_address_values,
    demo_catalogue,
)

from .conftest import wait_presence
from .helpers import wait_top
from .test_flow import agency, click_next  # noqa: F401 (a fixture and a helper)

PROCEDURE = "demo.city.change-of-address"
TYPO = "東京都千代田区見本町1-2-4"  # the certificate says 一丁目２番３号


@pytest.fixture
def card_log(vcard, monkeypatch):
    """What reached the virtual card: VERIFYs with a PIN (by key reference) and signatures."""
    log: dict[str, list] = {"verify": [], "sign": []}
    verify, sign = vcard._verify, vcard._sign

    def counted_verify(p1, p2, data, le):
        if data:  # the empty VERIFY only reads a counter
            log["verify"].append(p2)
        return verify(p1, p2, data, le)

    def counted_sign(p1, p2, data, le):
        log["sign"].append(len(data))
        return sign(p1, p2, data, le)

    monkeypatch.setattr(vcard, "_verify", counted_verify)
    monkeypatch.setattr(vcard, "_sign", counted_sign)
    return log


def open_flow(make_window, vsource, demo_catalogue, tmp_path, qtbot, language="en"):
    backend = ApplicationFlow(
        demo_catalogue, tmp_path / "work", store_dir=tmp_path / "store", keyring=False
    )
    w, ctx = make_window(vsource, language=language, flow_backend=backend)
    w.show()
    wait_presence(qtbot, ctx, Presence.READY)
    w.show_page("flow")
    return w, ctx, w.page("flow")


@pytest.fixture
def flow_window(make_window, vsource, demo_catalogue, tmp_path, qtbot):
    return open_flow(make_window, vsource, demo_catalogue, tmp_path, qtbot)


def to_form(qtbot, flow):
    click_next(qtbot, flow)
    flow.steps[1].select(PROCEDURE)
    click_next(qtbot, flow)
    assert flow.index == 2
    return flow.steps[2]


def rows(form):
    return {r.field.id: r for r in form.rows}


def sign_with_password(qtbot, flow, password="ABC123"):
    step = flow.steps[3]
    step.entry.edit.clear()
    qtbot.keyClicks(step.entry.edit, password)
    click_next(qtbot, flow)


def test_a_mismatch_is_found_before_the_card_signs(flow_window, qtbot, agency, vcard, card_log):
    w, ctx, flow = flow_window
    form = to_form(qtbot, flow)
    assert ctx.session.sign_cert is None  # nothing read yet: the check waits for the password
    form.set_values(change_of_address_values(current_address=TYPO))
    click_next(qtbot, flow)
    assert flow.index == 3
    sign_with_password(qtbot, flow)
    # the password read the certificate; the applicant differs: back at the field, unsigned
    qtbot.waitUntil(lambda: flow.index == 2, timeout=10000)
    address = rows(form)["current_address"]
    assert address.error.isVisibleTo(form)
    assert "Current address does not match your signing certificate" in address.error.text()
    assert "current_address" not in address.error.text()  # the label, never the raw id
    assert not rows(form)["name"].error.isVisibleTo(form)
    assert form.focusWidget() is address.widget or address.widget.hasFocus()
    assert card_log["sign"] == [] and flow.data.package is None
    assert len(card_log["verify"]) == 1  # the one the user asked for by signing
    assert vcard.pin_ref(PinKind.SIGN).remaining == 5
    assert agency.service.records.list_accepted() == []
    # the certificate is now known for this card: correcting the address clears the message
    assert ctx.session.sign_cert is not None
    address.set_value("東京都千代田区見本町１丁目２番地３")  # another form of the same address
    assert not address.error.isVisibleTo(form)
    assert form.summary.text() == ""
    click_next(qtbot, flow)
    assert flow.index == 3
    sign_with_password(qtbot, flow)
    qtbot.waitUntil(lambda: flow.data.package is not None, timeout=10000)
    assert len(card_log["sign"]) == 1


def test_with_the_certificate_known_the_form_checks_before_next(flow_window, qtbot, pki, card_log):
    w, ctx, flow = flow_window
    ctx.session.set_sign_cert(pki.sign.der, ctx.service.state.generation)
    form = to_form(qtbot, flow)
    r = rows(form)
    # filled in automatically from the certificate read earlier (no VERIFY for it)
    assert r["name"].value() == pki.holder.name
    assert r["current_address"].value() == pki.holder.address
    assert r["birth_date"].value() == pki.holder.birth_date.isoformat()
    assert form.prefill.isVisibleTo(form)
    applicant = ("name", "birth_date", "current_address")
    form.set_values({k: v for k, v in change_of_address_values().items() if k not in applicant})
    r["current_address"].set_value(TYPO)
    click_next(qtbot, flow)
    assert flow.index == 2  # refused before the password is asked
    assert "does not match your signing certificate" in r["current_address"].error.text()
    form.fill_from_certificate()  # the button puts the certificate's value back
    assert not r["current_address"].error.isVisibleTo(form)
    click_next(qtbot, flow)
    assert flow.index == 3
    assert card_log["verify"] == [] and card_log["sign"] == []


def test_fill_in_from_the_card_info_application(flow_window, qtbot, pki, vcard, card_log):
    w, ctx, flow = flow_window
    form = to_form(qtbot, flow)
    r = rows(form)
    assert r["name"].value() == "" and card_log["verify"] == []  # nothing read unasked
    assert form.from_card.isVisibleTo(form) and form.from_card.isEnabled()
    assert not form.prefill.isVisibleTo(form)  # no certificate read yet
    qtbot.mouseClick(form.from_card, Qt.MouseButton.LeftButton)
    dlg = wait_top(qtbot, "pinDialog")
    assert dlg.entry.kind is PinKind.CARD_INFO
    qtbot.keyClicks(dlg.entry.edit, DEMO_PINS[PinKind.CARD_INFO])
    dlg.ok.click()
    qtbot.waitUntil(lambda: r["name"].value() != "", timeout=5000)
    assert r["name"].value() == pki.holder.name
    assert r["current_address"].value() == pki.holder.address
    assert r["birth_date"].value() == pki.holder.birth_date.isoformat()
    assert len(card_log["verify"]) == 1 and card_log["sign"] == []
    assert vcard.pin_ref(PinKind.CARD_INFO).remaining == 3


def test_what_the_card_filled_in_leaves_with_the_card(flow_window, qtbot, pki):
    """Issue 13 item 5 for step 3: the applicant filled in from the card is personal data read
    from a card, so it is cleared when the card is removed; what the user typed stays."""
    w, ctx, flow = flow_window
    ctx.session.set_sign_cert(pki.sign.der, ctx.service.state.generation)
    form = to_form(qtbot, flow)
    r = rows(form)
    assert r["name"].value() == pki.holder.name  # filled in from the certificate
    r["current_address"].set_value(TYPO)  # the user typed over this one
    ctx.service.simulate_removal()
    wait_presence(qtbot, ctx, Presence.NO_CARD)
    qtbot.waitUntil(lambda: r["name"].value() == "", timeout=3000)
    assert r["birth_date"].value() == ""
    assert r["current_address"].value() == TYPO
    assert pki.holder.name not in form.collect().values()


def test_a_message_goes_as_soon_as_its_field_is_valid(flow_window, qtbot):
    w, ctx, flow = flow_window
    form = to_form(qtbot, flow)
    form.set_values(change_of_address_values(name="", new_postal_code="12"))
    click_next(qtbot, flow)
    assert flow.index == 2
    r = rows(form)
    assert r["name"].error.isVisibleTo(form) and r["new_postal_code"].error.isVisibleTo(form)
    assert form.summary.text().startswith("2 ")
    # typing into the field clears its message at once, before any other click
    r["name"].widget.setFocus()
    qtbot.keyClicks(r["name"].widget, "M")  # one keystroke
    assert not r["name"].error.isVisibleTo(form)
    assert r["new_postal_code"].error.isVisibleTo(form)  # still wrong: still said
    assert form.summary.text().startswith("1 ")
    # a message that changes with the value: from a format problem to valid
    r["new_postal_code"].widget.clear()
    assert "required" in r["new_postal_code"].error.text()
    qtbot.keyClicks(r["new_postal_code"].widget, "100-0002")
    assert not r["new_postal_code"].error.isVisibleTo(form)
    assert form.summary.text() == ""
    # a field that was fine gets no message while it is being typed in; Next shows it
    r["phone"].widget.setFocus()
    qtbot.keyClicks(r["phone"].widget, "03-")
    r["members"].set_value("")
    assert not r["members"].error.isVisibleTo(form)
    click_next(qtbot, flow)
    assert flow.index == 2 and r["members"].error.isVisibleTo(form)


def test_japanese_mismatch_message_names_the_label(
    make_window, vsource, demo_catalogue, tmp_path, qtbot, pki
):
    w, ctx, flow = open_flow(make_window, vsource, demo_catalogue, tmp_path, qtbot, language="ja")
    ctx.session.set_sign_cert(pki.sign.der, ctx.service.state.generation)
    form = to_form(qtbot, flow)
    form.set_values(change_of_address_values(current_address=TYPO))
    click_next(qtbot, flow)
    text = rows(form)["current_address"].error.text()
    assert "「現住所」" in text and "署名用電子証明書" in text, text
    assert "current_address" not in text


def test_an_agency_rejection_shows_labels_not_field_ids(qapp):
    """Had the agency rejected it anyway (another client), the text ends with no raw id."""
    answer = Rejection(
        "applicant-mismatch",
        "申請者の情報（現住所）が署名用電子証明書の記録と一致しません。",
        "The applicant's details in the form (Current address) do not match the signing "
        "certificate.",
        dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
        "0" * 64,
        details=("address",),
    )
    text = rejection_text(answer, "ja").full()
    assert text.endswith("一致しません。") and "address" not in text
    assert "Current address" in rejection_text(answer, "en").full()

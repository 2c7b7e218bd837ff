"""Issue 13, items 4 and 5: the Expiry page reads every date form, says why it cannot read
one, and forgets the birth date it took from a card when the card goes."""

from __future__ import annotations

from jpki_desktop.app.card_state import Presence
from jpki_desktop.card.pins import PinKind

from .conftest import wait_presence


def _type(qtbot, edit, text):
    edit.setText(text)
    edit.editingFinished.emit()


def test_expiry_page_reads_wareki_and_flags_impossible_dates(make_window, vsource, qtbot):
    w, ctx = make_window(vsource, language="ja")
    w.show()
    wait_presence(qtbot, ctx, Presence.READY)
    w.show_page("expiry")
    page = w.page("expiry")
    field = page.date_fields["card_face"]
    _type(qtbot, page.card_face, "令和7年6月30日")
    assert page.facts().card_expires.isoformat() == "2025-06-30"
    assert not field.error.isVisible()
    _type(qtbot, page.card_face, "1985-02-30")
    assert page.facts().card_expires is None
    assert field.error.isVisible() and "暦にありません" in field.error.text()
    _type(qtbot, page.card_face, "平成32年1月1日")
    page.facts()
    assert "元号" in field.error.text()
    _type(qtbot, page.card_face, "")
    page.facts()
    assert not field.error.isVisible()  # empty is allowed: the facts are optional


def test_birth_date_from_the_card_is_cleared_when_the_card_is_removed(
    make_window, vsource, qtbot, pki
):
    w, ctx = make_window(vsource, language="en")
    w.show()
    wait_presence(qtbot, ctx, Presence.READY)
    page = w.page("expiry")
    ctx.session.set_sign_cert(pki.sign.der, ctx.service.state.generation)
    qtbot.waitUntil(lambda: page.birth.text() != "", timeout=3000)
    assert page.facts().birth_date == pki.holder.birth_date
    ctx.service.simulate_removal()
    wait_presence(qtbot, ctx, Presence.NO_CARD)
    qtbot.waitUntil(lambda: page.birth.text() == "", timeout=3000)
    assert ctx.session.sign_cert is None


def test_a_typed_birth_date_stays_when_the_card_is_removed(make_window, vsource, qtbot):
    w, ctx = make_window(vsource, language="en")
    w.show()
    wait_presence(qtbot, ctx, Presence.READY)
    page = w.page("expiry")
    _type(qtbot, page.birth, "1990/1/2")
    ctx.service.simulate_removal()
    wait_presence(qtbot, ctx, Presence.NO_CARD)
    qtbot.wait(100)
    assert page.birth.text() == "1990/1/2"  # the user's own input is not card data
    assert ctx.service.state.pin(PinKind.SIGN) is None


def test_reminders_file_is_in_the_ui_language(make_window, vsource, qtbot, tmp_path):
    from icalendar import Calendar

    w, ctx = make_window(vsource, language="ja")
    w.show()
    wait_presence(qtbot, ctx, Presence.READY)
    page = w.page("expiry")
    page.birth.setText("1985-06-30")
    page.recompute()
    assert page.export_ics(str(tmp_path / "r.ics"))
    summaries = [
        str(e["summary"])
        for e in Calendar.from_ical((tmp_path / "r.ics").read_bytes()).walk("VEVENT")
    ]
    assert summaries and all("JPKI: " in s for s in summaries)
    assert not any("renewal" in s or "expires" in s for s in summaries), summaries
    assert any("有効期限" in s for s in summaries)


def test_declared_move_still_shows_the_card_comparison(make_window, vsource, qtbot, pki):
    """Issue 13, item 12: with 'I moved' ticked the card-info comparison still shows its result."""
    from dataclasses import dataclass

    from jpki_desktop.validity.attributes import LifeEvent

    @dataclass(frozen=True)
    class Recorded:
        name: str
        address: str
        birth_date: object
        sex: str

    w, ctx = make_window(vsource, language="en")
    w.show()
    wait_presence(qtbot, ctx, Presence.READY)
    page = w.page("expiry")
    ctx.session.set_sign_cert(pki.sign.der, ctx.service.state.generation)
    qtbot.waitUntil(lambda: page.birth.text() != "", timeout=3000)
    h = pki.holder
    page.recorded = Recorded(h.name, h.address, h.birth_date, h.sex)
    page.event_checks[LifeEvent.MOVED].setChecked(True)
    text = page.attr_text.text()
    assert "will be revoked when the change is registered" in text
    assert "records match your signing certificate" in text
    assert set(page.event_checks) >= {LifeEvent.BIRTH_DATE_CORRECTED, LifeEvent.SEX_CHANGED}

"""Issue 13, item 6: layouts residents met — blocked PIN in Change password, aligned fields,
no mid-word breaks, 今日 beside (not on) its marker, one lock warning."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QLabel

from jpki_desktop.app.card_state import Presence
from jpki_desktop.card.pins import PinKind

from .conftest import wait_presence


@pytest.fixture
def blocked_window(make_window, vcard, vsource, qtbot):
    vcard.pin_ref(PinKind.SIGN).remaining = 0
    w, ctx = make_window(vsource, language="ja")
    w.resize(1000, 720)
    w.show()
    wait_presence(qtbot, ctx, Presence.READY)
    qtbot.waitUntil(lambda: ctx.service.state.pin(PinKind.SIGN).remaining == 0)
    return w, ctx


def _visible_texts(root) -> list[str]:
    return [lab.text() for lab in root.findChildren(QLabel) if lab.isVisibleTo(root) and lab.text()]


def test_change_password_with_a_blocked_pin(blocked_window, qtbot):
    w, ctx = blocked_window
    dlg = w.change_pin(PinKind.AUTH)
    dlg.sign_radio.setChecked(True)
    qtbot.wait(50)
    current, new, again = dlg.entries[PinKind.SIGN]
    assert not new.isVisibleTo(dlg) and not again.isVisibleTo(dlg)
    assert not any(lab.isVisibleTo(dlg) for lab in dlg.rule_labels[PinKind.SIGN].values())
    office = [t for t in _visible_texts(dlg) if "窓口" in t]
    assert len(office) == 1, office  # the advice, once
    # the choice of password does not eat the dialog's height
    assert dlg.kind_box.height() <= dlg.kind_box.sizeHint().height() + 4
    dlg.reject()


def test_change_password_fields_line_up(make_window, vsource, qtbot):
    w, ctx = make_window(vsource, language="ja")
    w.show()
    wait_presence(qtbot, ctx, Presence.READY)
    dlg = w.change_pin(PinKind.SIGN)
    qtbot.wait(50)
    xs = {e.edit.mapTo(dlg, e.edit.rect().topLeft()).x() for e in dlg.entries[PinKind.SIGN]}
    assert len(xs) == 1, xs
    dlg.reject()


def test_lock_warning_once_on_my_card(blocked_window):
    w, ctx = blocked_window
    page = w.page("card")
    advice = [t for t in _visible_texts(page) if "窓口" in t]
    assert len(advice) == 1, advice
    assert "ロック" in page.banner.text.text()


def test_step_titles_and_table_headings_do_not_break_mid_word(blocked_window, qtbot):
    w, ctx = blocked_window
    flow = w.page("flow")
    assert all(not lab.wordWrap() for lab in flow.indicator.labels)
    w.show_page("certificates")
    assert "white-space: nowrap" in w.page("certificates").details.text()


def test_today_caption_is_above_its_marker(qtbot):
    from jpki_desktop.ui.widgets.timeline import TimelineView
    from jpki_desktop.validity.expiry import State, Subject, Timeline

    view = TimelineView()
    qtbot.addWidget(view)
    timeline = Timeline(
        Subject.SIGN,
        next(iter(State)),
        expires=dt.date(2028, 6, 30),
        issued=dt.date(2024, 3, 15),
        renewal_from=dt.date(2028, 3, 31),
    )
    view.set_timeline(timeline, dt.date(2026, 12, 1), {"today": "今日"})
    view.resize(800, view.sizeHint().height())
    caption, line_top, _bottom = view.today_geometry()
    assert caption.bottom() < line_top

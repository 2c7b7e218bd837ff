"""Issue 13, item 15: offline help for each page, official links, demo credentials in demo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from jpki_desktop.app.card_state import Presence
from jpki_desktop.card.virtual.store import DEMO_PINS
from jpki_desktop.ui.help import JPKI_PORTAL, page_help

from .conftest import wait_presence
from .helpers import wait_top


@pytest.mark.parametrize("language", ["ja", "en"])
def test_every_page_has_its_own_help_and_f1_opens_it(make_window, vsource, qtbot, language):
    w, ctx = make_window(vsource, language=language)
    w.show()
    wait_presence(qtbot, ctx, Presence.READY)
    general = page_help("")[0]
    seen = set()
    for page in w.pages:
        w.show_page(page.page_id)
        title, paragraphs = page_help(page.page_id)
        assert title != general and paragraphs, page.page_id
        seen.add(title)
        qtbot.keyClick(w, Qt.Key.Key_F1)
        dlg = wait_top(qtbot, "helpDialog")
        assert dlg.page_id == page.page_id
        text = dlg.browser.toPlainText()
        assert title in text
        if language == "ja":
            assert "ヘルプ" in dlg.windowTitle()
        assert JPKI_PORTAL in dlg.browser.toHtml()
        assert "ABC123" not in text  # not a demo: no demo passwords
        dlg.reject()
    assert len(seen) == len(w.pages)


def test_demo_help_shows_the_demo_passwords_and_account(make_window, vsource, qtbot):
    w, ctx = make_window(vsource, language="ja", demo=True)
    w.show()
    dlg = w.show_help()
    text = dlg.browser.toPlainText()
    assert all(pin in text for pin in DEMO_PINS.values())
    assert "デモ申請先" in text and "架空" in text
    dlg.reject()

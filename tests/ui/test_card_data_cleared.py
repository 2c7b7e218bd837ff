"""Issue 13, item 5: everything read from a card is cleared from every page when it is removed."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QPlainTextEdit, QTextEdit

from jpki_desktop.app.card_state import Presence

from .conftest import wait_presence


def page_texts(page) -> str:
    out = []
    for w in page.findChildren(QLabel):
        out.append(w.text())
    for w in page.findChildren(QLineEdit):
        out.append(w.text())
    for kind in (QPlainTextEdit, QTextEdit):
        out += [w.toPlainText() for w in page.findChildren(kind)]
    for w in page.findChildren(QAbstractButton):
        out.append(w.text())
    return "\n".join(out)


def test_personal_data_leaves_every_page_with_the_card(make_window, vsource, qtbot, pki):
    w, ctx = make_window(vsource, language="ja")
    w.show()
    wait_presence(qtbot, ctx, Presence.READY)
    ctx.session.set_sign_cert(pki.sign.der, ctx.service.state.generation)
    h = pki.holder
    personal = (h.name, h.address, h.birth_date.isoformat())
    for page in w.pages:  # render every page with the card's data
        w.show_page(page.page_id)
        qtbot.wait(20)
    w.show_page("certificates")
    from jpki_desktop.card.jpki import CertSlot

    w.page("certificates").select(CertSlot.SIGN)
    assert any(p in page_texts(w.page("certificates")) for p in personal)  # it was shown
    ctx.service.simulate_removal()
    wait_presence(qtbot, ctx, Presence.NO_CARD)
    qtbot.wait(100)
    left = {}
    for page in w.pages:
        w.show_page(page.page_id)
        qtbot.wait(20)
        text = page_texts(page)
        found = [p for p in personal if p in text]
        if found:
            left[page.page_id] = found
    assert not left, left

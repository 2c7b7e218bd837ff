"""Issue 13, item 1: only one last-try confirmation may ever be open, Enter in the field does
not open a second one, and a change of the card's counter closes a pending one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from jpki_desktop.card.jpki import CertSlot
from jpki_desktop.card.pins import PinKind

from .helpers import answer, visible_top, wait_top


def _open_boxes(name: str = "finalTryConfirm") -> list[QMessageBox]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == name and w.isVisible()
    ]


def _verifies(card) -> int:
    return sum(1 for r in card.log if r.ins == 0x20 and r.lc > 0)


def _final_try(ctx, qtbot, vcard, kind: PinKind) -> None:
    vcard.pin_ref(kind).remaining = 1
    ctx.service.refresh()
    qtbot.waitUntil(lambda: ctx.service.state.pin(kind).remaining == 1)


def test_enter_opens_one_confirmation_in_the_signing_password_prompt(window, qtbot, vcard):
    w, ctx = window
    _final_try(ctx, qtbot, vcard, PinKind.SIGN)
    w.show_page("certificates")
    page = w.page("certificates")
    page.select(CertSlot.SIGN)
    qtbot.mouseClick(page.read_sign, Qt.MouseButton.LeftButton)
    dlg = wait_top(qtbot, "pinDialog")
    qtbot.keyClicks(dlg.entry.edit, "ABC123")
    qtbot.keyClick(dlg.entry.edit, Qt.Key.Key_Return)  # field submit + default button
    wait_top(qtbot, "finalTryConfirm")
    qtbot.wait(100)
    dlg._on_ok()  # a third submit while the box is open
    assert len(_open_boxes()) == 1
    answer(_open_boxes()[0], QMessageBox.ButtonRole.NoRole)
    qtbot.waitUntil(lambda: not _open_boxes())
    dlg.reject()


def test_enter_opens_one_confirmation_in_change_password(window, qtbot, vcard):
    w, ctx = window
    _final_try(ctx, qtbot, vcard, PinKind.SIGN)
    dlg = w.change_pin(PinKind.SIGN)
    current, new, again = dlg.entries[PinKind.SIGN]
    qtbot.keyClicks(current.edit, "abc123")
    qtbot.keyClicks(new.edit, "newpass7")
    qtbot.keyClicks(again.edit, "newpass7")
    qtbot.keyClick(again.edit, Qt.Key.Key_Return)
    wait_top(qtbot, "finalTryConfirm")
    qtbot.wait(100)
    dlg._on_ok()
    assert len(_open_boxes()) == 1
    before = _verifies(vcard)
    answer(_open_boxes()[0], QMessageBox.ButtonRole.YesRole)
    box = wait_top(qtbot, "pinChangedBox")
    box.done(0)
    assert _verifies(vcard) == before + 1  # exactly one VERIFY for one confirmed try
    assert vcard.pin_ref(PinKind.SIGN).matches(b"NEWPASS7")


def test_a_changed_counter_closes_the_pending_confirmation(window, qtbot, vcard):
    w, ctx = window
    _final_try(ctx, qtbot, vcard, PinKind.SIGN)
    dlg = w.change_pin(PinKind.SIGN)
    current, new, again = dlg.entries[PinKind.SIGN]
    qtbot.keyClicks(current.edit, "abc123")
    qtbot.keyClicks(new.edit, "newpass7")
    qtbot.keyClicks(again.edit, "newpass7")
    dlg.ok.click()
    wait_top(qtbot, "finalTryConfirm")
    before = _verifies(vcard)
    # Another program (or the other window) used the right password: the counter is back to 5.
    vcard.pin_ref(PinKind.SIGN).remaining = 5
    ctx.service.refresh()
    qtbot.waitUntil(lambda: not _open_boxes(), timeout=5000)
    assert not _open_boxes()
    assert _verifies(vcard) == before  # closing it sent nothing
    dlg.reject()


def test_blocking_closes_the_prompt_and_its_confirmation(window, qtbot, vcard):
    w, ctx = window
    _final_try(ctx, qtbot, vcard, PinKind.SIGN)
    w.show_page("certificates")
    page = w.page("certificates")
    page.select(CertSlot.SIGN)
    qtbot.mouseClick(page.read_sign, Qt.MouseButton.LeftButton)
    dlg = wait_top(qtbot, "pinDialog")
    qtbot.keyClicks(dlg.entry.edit, "ABC123")
    dlg.ok.click()
    wait_top(qtbot, "finalTryConfirm")
    before = _verifies(vcard)
    vcard.pin_ref(PinKind.SIGN).remaining = 0
    ctx.service.refresh()
    qtbot.waitUntil(lambda: not _open_boxes() and visible_top("pinDialog") is None, timeout=5000)
    assert _verifies(vcard) == before
    assert ctx.session.sign_cert is None

"""Certificates page: public certificates without a password, the signing certificate after it,
the final-try confirmation, a blocked PIN that never opens the prompt, atomic export."""

from __future__ import annotations

from cryptography import x509
from PySide6.QtWidgets import QMessageBox

from jpki_desktop.card.jpki import CertSlot
from jpki_desktop.card.pins import PinKind

from .helpers import answer, visible_top, wait_top


def _page(w):
    w.show_page("certificates")
    return w.page("certificates")


def _verifies(card) -> int:
    return sum(1 for r in card.log if r.ins == 0x20 and r.lc > 0)


def test_auth_certificate_details_without_password(window, pki):
    w, ctx = window
    page = _page(w)
    page.select(CertSlot.AUTH)
    text = page.details.text()
    assert pki.auth.cert.not_valid_after_utc.date().isoformat()[:4] in text
    assert "SHA-256" in text
    assert not page.notice.isVisible()


def test_signing_certificate_after_password_with_personal_data_notice(window, qtbot, vcard, pki):
    w, ctx = window
    page = _page(w)
    page.select(CertSlot.SIGN)
    assert page.notice.isVisible() and "address" in page.notice.text()
    assert page.read_sign.isVisible() and page.read_sign.isEnabled()
    qtbot.mouseClick(page.read_sign, qtbot_button())
    dlg = wait_top(qtbot, "pinDialog")
    assert "5 of 5" in dlg.entry.tries.text()
    qtbot.keyClicks(dlg.entry.edit, "wrong9")
    qtbot.keyClick(dlg.entry.edit, "\r")
    box = wait_top(qtbot, "errorBox")
    assert "Tries left: 4" in box.text()  # read back from the card
    box.done(0)
    qtbot.waitUntil(lambda: ctx.service.state.pin(PinKind.SIGN).remaining == 4)
    qtbot.mouseClick(page.read_sign, qtbot_button())
    dlg = wait_top(qtbot, "pinDialog")
    assert "4 of 5" in dlg.entry.tries.text()
    qtbot.keyClicks(dlg.entry.edit, "abc123")  # lower case is upper-cased
    qtbot.keyClick(dlg.entry.edit, "\r")
    qtbot.waitUntil(lambda: ctx.session.sign_cert is not None, timeout=5000)
    assert ctx.session.sign_cert == pki.sign.der
    assert pki.holder.name in page.details.text()
    assert vcard.pin_ref(PinKind.SIGN).remaining == 5  # success resets the counter


def qtbot_button():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_format_errors_never_reach_the_card(window, qtbot, vcard):
    w, ctx = window
    page = _page(w)
    page.select(CertSlot.SIGN)
    before = _verifies(vcard)
    qtbot.mouseClick(page.read_sign, qtbot_button())
    dlg = wait_top(qtbot, "pinDialog")
    for bad in ("ＡＢＣ１２３", "abc 123", "abc", "abc123!"):
        dlg.entry.edit.setText(bad)
        assert not dlg.ok.isEnabled()
        assert dlg.entry.problem.text()
        qtbot.keyClick(dlg.entry.edit, "\r")
    assert "input method" in (dlg.entry.edit.setText("ＡＢＣ１２３") or dlg.entry.problem.text())
    dlg.reject()
    assert _verifies(vcard) == before
    assert dlg.entry.edit.text() == ""


def test_final_try_needs_confirmation(window, qtbot, vcard):
    w, ctx = window
    vcard.pin_ref(PinKind.SIGN).remaining = 1
    ctx.service.refresh()
    qtbot.waitUntil(lambda: ctx.service.state.pin(PinKind.SIGN).remaining == 1)
    page = _page(w)
    page.select(CertSlot.SIGN)
    before = _verifies(vcard)
    qtbot.mouseClick(page.read_sign, qtbot_button())
    dlg = wait_top(qtbot, "pinDialog")
    assert "Last try" in dlg.entry.tries.text()
    qtbot.keyClicks(dlg.entry.edit, "ABC123")
    qtbot.mouseClick(dlg.ok, qtbot_button())
    box = wait_top(qtbot, "finalTryConfirm")
    assert (
        box.defaultButton() is not None
        and box.buttonRole(box.defaultButton()) == QMessageBox.ButtonRole.NoRole
    )
    answer(box, QMessageBox.ButtonRole.NoRole)
    qtbot.wait(200)
    assert _verifies(vcard) == before  # "no" sends nothing
    assert ctx.session.sign_cert is None
    qtbot.mouseClick(dlg.ok, qtbot_button())
    box = wait_top(qtbot, "finalTryConfirm")
    answer(box, QMessageBox.ButtonRole.YesRole)
    qtbot.waitUntil(lambda: ctx.session.sign_cert is not None, timeout=5000)
    assert _verifies(vcard) == before + 1
    assert vcard.pin_ref(PinKind.SIGN).remaining == 5


def test_blocked_pin_never_opens_the_prompt(window, qtbot, vcard):
    w, ctx = window
    vcard.pin_ref(PinKind.SIGN).remaining = 0
    ctx.service.refresh()
    qtbot.waitUntil(lambda: ctx.service.state.pin(PinKind.SIGN).remaining == 0)
    page = _page(w)
    page.select(CertSlot.SIGN)
    assert not page.read_sign.isEnabled()
    assert "municipal office" in page.details.text()
    assert "convenience-store kiosk" in page.details.text()  # the auth PIN still works
    page.ask_for_sign_cert()  # even if called directly
    box = wait_top(qtbot, "pinBlockedBox")
    assert visible_top("pinDialog") is None
    box.done(0)
    card_page = w.page("card")
    assert "blocked" in card_page.banner.text.text()


def test_export_pem_and_der(window, qtbot, tmp_path, pki):
    w, ctx = window
    page = _page(w)
    page.select(CertSlot.AUTH)
    assert page.export(CertSlot.AUTH, str(tmp_path / "auth.pem"), "pem")
    assert page.export(CertSlot.AUTH, str(tmp_path / "auth.cer"), "der")
    assert x509.load_pem_x509_certificate((tmp_path / "auth.pem").read_bytes()) == pki.auth.cert
    assert (tmp_path / "auth.cer").read_bytes() == pki.auth.der
    assert not list(tmp_path.glob(".*part"))  # no temp file left behind
    wait_top(qtbot, "certSavedBox").done(0)
    assert not page.export(
        CertSlot.AUTH, str(tmp_path / "auth.pem" / "x.pem"), "pem"
    )  # parent is a file
    assert "could not be written" in wait_top(qtbot, "errorBox").text()

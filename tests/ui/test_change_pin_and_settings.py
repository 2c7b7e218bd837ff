"""Change-password dialog (rules as you type, outcome from the card) and the settings page."""

from __future__ import annotations

from jpki_desktop.card.pins import PinKind
from jpki_desktop.ui.dialogs.change_pin import rule_results

from .helpers import wait_top


def test_rules_as_you_type():
    assert rule_results(PinKind.SIGN, "", "") == {
        "length": False,
        "chars": False,
        "width": False,
        "mix": False,
        "match": False,
    }
    assert rule_results(PinKind.SIGN, "abcdef", "ABCDEF")["mix"] is False
    r = rule_results(PinKind.SIGN, "abc123", "ABC123")
    assert all(r.values())
    r = rule_results(PinKind.SIGN, "ＡＢＣ１２３", "")
    assert r["width"] is False and r["match"] is False
    assert rule_results(PinKind.AUTH, "12a4", "12a4")["chars"] is False
    assert all(rule_results(PinKind.AUTH, "9876", "9876").values())


def test_change_signing_password(window, qtbot, vcard):
    w, ctx = window
    dlg = w.change_pin(PinKind.SIGN)
    current, new, again = dlg.entries[PinKind.SIGN]
    assert "5 of 5" in current.tries.text()
    qtbot.keyClicks(current.edit, "abc123")
    qtbot.keyClicks(new.edit, "newpass7")
    assert not dlg.ok.isEnabled()
    assert dlg.rule_labels[PinKind.SIGN]["match"].text().startswith("✗")
    qtbot.keyClicks(again.edit, "NEWPASS7")
    assert dlg.rule_labels[PinKind.SIGN]["match"].text().startswith("✓")
    assert dlg.ok.isEnabled()
    dlg.ok.click()
    box = wait_top(qtbot, "pinChangedBox")
    box.done(0)
    ref = vcard.pin_ref(PinKind.SIGN)
    assert ref.matches(b"NEWPASS7") and ref.remaining == 5
    assert all(e.edit.text() == "" for e in dlg.entries[PinKind.SIGN])


def test_wrong_current_pin_reports_tries_from_card(window, qtbot, vcard):
    w, ctx = window
    dlg = w.change_pin(PinKind.AUTH)
    assert dlg.auth_radio.isChecked()
    current, new, again = dlg.entries[PinKind.AUTH]
    qtbot.keyClicks(current.edit, "9999")
    qtbot.keyClicks(new.edit, "5678")
    qtbot.keyClicks(again.edit, "5678")
    dlg.ok.click()
    qtbot.waitUntil(lambda: dlg.error.isVisible(), timeout=5000)
    assert "Tries left: 2" in dlg.error.text()
    qtbot.waitUntil(lambda: "2 of 3" in current.tries.text(), timeout=5000)
    assert vcard.pin_ref(PinKind.AUTH).matches(b"1234")
    dlg.reject()


def test_blocked_kind_is_skipped_and_both_blocked_never_opens(window, qtbot, vcard):
    w, ctx = window
    vcard.pin_ref(PinKind.SIGN).remaining = 0
    ctx.service.refresh()
    qtbot.waitUntil(lambda: ctx.service.state.pin(PinKind.SIGN).remaining == 0)
    dlg = w.change_pin(PinKind.SIGN)
    assert dlg.kind is PinKind.AUTH  # opened on the PIN that still works
    assert not dlg.entries[PinKind.SIGN][0].edit.isEnabled()
    dlg.reject()
    vcard.pin_ref(PinKind.AUTH).remaining = 0
    ctx.service.refresh()
    qtbot.waitUntil(lambda: ctx.service.state.pin(PinKind.AUTH).remaining == 0)
    assert w.change_pin(PinKind.SIGN) is None
    box = wait_top(qtbot, "pinBlockedBox")
    assert "municipal office" in box.text() and "kiosk" not in box.text()
    box.done(0)


def test_settings_are_stored_without_secrets(window, qtbot, settings):
    w, ctx = window
    w.show_page("settings")
    page = w.page("settings")
    page.edits["ocsp_url"].setText("ftp://nope")
    page._save_url("ocsp_url")
    assert page.url_error.isVisible() and settings.get("ocsp_url") == ""
    page.edits["ocsp_url"].setText("https://ocsp.example/")
    page._save_url("ocsp_url")
    assert settings.get("ocsp_url") == "https://ocsp.example/"
    page.revocation.setCurrentIndex(page.revocation.findData("offline"))
    assert settings.revocation_mode.value == "offline"
    page.proxy.setCurrentIndex(page.proxy.findData("manual"))
    assert page.edits["proxy_url"].isEnabled()
    text = open(settings.file_name, encoding="utf-8").read()
    assert "ocsp.example" in text and "ABC123" not in text and "1234" not in text
    reader_names = [page.reader.itemData(i) for i in range(page.reader.count())]
    assert reader_names[0] == "" and "jpki-desktop Virtual Card Reader" in reader_names


def test_reader_choice_reaches_the_card_thread(window, qtbot, settings, vsource):
    w, ctx = window
    page = w.page("settings")
    name = "jpki-desktop Virtual Card Reader"
    page.reader.setCurrentIndex(page.reader.findData(name))
    assert settings.reader == name
    qtbot.waitUntil(lambda: vsource.reader == name, timeout=3000)
    page.reader.setCurrentIndex(0)  # automatic
    assert settings.reader is None
    qtbot.waitUntil(lambda: vsource.reader is None, timeout=3000)

"""Sign PDF page: open a PDF (checked off the GUI thread), a visible stamp, the privacy notice in
the page and the password dialog, one card job, the signed file saved; refusals before any
password; the Verify page lists each PDF signature."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt

from jpki_desktop.signing.verification.verify import verify_file

from .helpers import wait_top

sys.path.insert(0, str(Path(__file__).parents[1]))
from support.pdf_samples import write_pdf  # noqa: E402


def _page(w):
    w.show_page("sign_pdf")
    return w.page("sign_pdf")


def _count(card, ins: int) -> int:
    return sum(1 for r in card.log if r.ins == ins and r.lc > 0)


def test_sign_a_pdf_with_a_visible_stamp_and_verify_it(window, qtbot, vcard, pki, tmp_path):
    w, ctx = window
    page = _page(w)
    src = write_pdf(tmp_path / "申請書.pdf", pages=3)
    assert not page.sign_button.isEnabled()
    page.open_pdf(str(src))
    qtbot.waitUntil(lambda: page.info is not None, timeout=5000)
    assert "Pages: 3" in page.file_label.text()
    assert "address" in page.notice.text() and "anyone who receives" in page.notice.text()
    page.visible.setChecked(True)
    page.page_spin.setValue(2)
    page.corner.setCurrentIndex(0)
    assert page.sign_button.isEnabled()
    out = tmp_path / "out" / "signed.pdf"
    page.ask_password(str(out))  # what the save dialog calls with the chosen path
    dlg = wait_top(qtbot, "pinDialog")
    assert "date of birth" in dlg.text.text()  # said before the password is typed
    qtbot.keyClicks(dlg.entry.edit, "abc123")
    qtbot.keyClick(dlg.entry.edit, Qt.Key.Key_Return)
    box = wait_top(qtbot, "pdfSignedBox", timeout=20000)
    box.done(0)
    assert page.result is not None and out.is_file()
    assert _count(vcard, 0x20) == 1 and _count(vcard, 0x2A) == 1
    v = verify_file(out, trust_roots=[pki.sign_ca.cert])
    assert v.ok and v.pdf_signatures[0].field == "Signature1"
    verify = w.page("verify")
    w.show_page("verify")
    ctx.demo = True  # trust the virtual card's CA, as --demo does
    verify.verify(str(out))
    qtbot.waitUntil(lambda: verify.verdict is not None, timeout=10000)
    text = verify.details.text()
    assert "Signature 1 of 1: valid" in text and "The whole document" in text and "JST" in text


def test_a_damaged_pdf_is_refused_before_any_password(window, qtbot, vcard, tmp_path):
    w, ctx = window
    page = _page(w)
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.7\n" + bytes(100))
    page.open_pdf(str(bad))
    qtbot.waitUntil(lambda: bool(page.problem), timeout=5000)
    assert "damaged" in page.problem and "card was not used" in page.problem
    assert not page.sign_button.isEnabled()
    page.start()  # nothing happens: no dialog, no APDU
    assert vcard.log == [] or _count(vcard, 0x20) == 0


def test_sign_pdf_page_in_japanese(make_window, vsource, qtbot, tmp_path):
    w, ctx = make_window(vsource, language="ja")
    page = _page(w)
    assert page.title() == "PDF に署名"
    assert "住所" in page.notice.text() and "性別" in page.notice.text()
    assert page.sign_button.text().startswith("署名して保存")

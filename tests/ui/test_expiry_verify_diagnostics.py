"""Expiry (timelines, life events, validity check, .ics), Verify (verdicts and reasons) and
Diagnostics (probes live, masked report) pages."""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar

from jpki_desktop.card.pins import PinKind
from jpki_desktop.card.virtual.store import DEMO_PINS
from jpki_desktop.diagnostics import Status
from jpki_desktop.signing.formats.cades import sign_detached
from jpki_desktop.signing.signers.raw import SoftwareSigner
from jpki_desktop.validity.attributes import LifeEvent, Verdict

from .helpers import wait_top


def test_expiry_timelines_and_reminders(window, qtbot, tmp_path):
    w, ctx = window
    w.show_page("expiry")
    page = w.page("expiry")
    assert page.report is not None
    auth = page.report.auth
    assert auth.expires is not None and auth.renewal_from is not None
    box = page.timelines["auth"]
    assert box.view.isVisibleTo(page)
    assert auth.expires.isoformat() in box.text.text() and "renewal from" in box.text.text()
    assert (
        "date of birth" in page.timelines["card"].text.text().lower()
    )  # the card needs the birth date
    page.birth.setText("1985-06-30")
    page.recompute()
    assert page.report.card.expires is not None
    assert page.export_ics(str(tmp_path / "r.ics"))
    cal = Calendar.from_ical((tmp_path / "r.ics").read_bytes())
    assert len([c for c in cal.walk("VEVENT")]) >= 3
    wait_top(qtbot, "icsSavedBox").done(0)


def test_life_event_says_signing_certificate_is_revoked(window, qtbot):
    w, ctx = window
    page = w.page("expiry")
    page.event_checks[LifeEvent.MOVED].setChecked(True)
    assert page.attr_result.verdict is Verdict.CHANGE_DECLARED
    assert "revoked" in page.attr_text.text() and "keeps working" in page.attr_text.text()
    page.event_checks[LifeEvent.MOVED].setChecked(False)
    assert page.attr_result.verdict is Verdict.NOT_COMPARED


def test_compare_with_card_records(window, qtbot, vcard, pki):
    w, ctx = window
    ctx.session.set_sign_cert(pki.sign.der, ctx.service.state.generation)
    page = w.page("expiry")
    assert page.compare_button.isEnabled()
    page.ask_compare()
    dlg = wait_top(qtbot, "pinDialog")
    assert dlg.entry.kind is PinKind.CARD_INFO and "3 of 3" in dlg.entry.tries.text()
    qtbot.keyClicks(dlg.entry.edit, DEMO_PINS[PinKind.CARD_INFO])
    dlg.ok.click()
    qtbot.waitUntil(lambda: page.recorded is not None, timeout=5000)
    assert page.attr_result.verdict is Verdict.UNCHANGED
    assert "match" in page.attr_text.text()


def test_validity_check_offline_without_data_is_never_valid(window, qtbot, settings):
    w, ctx = window
    settings.set("revocation_mode", "offline")
    page = w.page("expiry")
    page.run_validity_check()
    qtbot.waitUntil(lambda: not page.checking, timeout=20000)
    text = page.check_text.text()
    assert "User authentication certificate" in text
    assert "Valid (not revoked)" not in text  # no CRL cached, test CA not trusted outside demo
    assert dt.date.today().isoformat()[:4] in text  # time-stamped


def test_verify_page_valid_and_tampered(window, qtbot, tmp_path, pki):
    w, ctx = window
    w.show_page("verify")
    page = w.page("verify")
    content = tmp_path / "doc.txt"
    content.write_bytes(b"hello")
    sig = sign_detached(b"hello", SoftwareSigner(pki.sign.key, pki.sign.cert, [pki.sign_ca.cert]))
    (tmp_path / "doc.p7s").write_bytes(sig)
    page.verify(str(tmp_path / "doc.p7s"))
    qtbot.waitUntil(lambda: page.verdict is not None, timeout=10000)
    assert page.content_button.isVisible() or page.content_button.isVisibleTo(page)
    assert "signed file" in page.details.text()
    page.set_content(str(content))
    qtbot.waitUntil(lambda: page.verdict is not None and not page.running, timeout=10000)
    # the test CA is not a J-LIS CA: valid maths, untrusted signer
    assert "not issued by the JPKI signing CA" in page.details.text()
    (tmp_path / "bad.txt").write_bytes(b"hellO")
    page.set_content(str(tmp_path / "bad.txt"))
    qtbot.waitUntil(lambda: page.verdict is not None and not page.running, timeout=10000)
    assert "changed after signing" in page.details.text()
    assert page.verdict_label.text() == "Not valid."
    (tmp_path / "junk.p7s").write_bytes(b"junk")
    page.verify(str(tmp_path / "junk.p7s"))
    qtbot.waitUntil(lambda: page.verdict is not None, timeout=10000)
    assert "damaged" in page.details.text()


def test_diagnostics_live_results_and_masked_report(window, qtbot, tmp_path):
    w, ctx = window

    from jpki_desktop.diagnostics import Diagnosis, ProbeResult

    def fake_runner(*, reader, demo, on_result):
        rs = [
            ProbeResult("pcsc_service", Status.OK, "PC/SC service", "pcscd answers."),
            ProbeResult(
                "sign_pin",
                Status.WARN,
                "Signing password",
                "4 of 5 tries left.",
                "Enter it only if sure.",
                {"remaining": 4, "maximum": 5},
            ),
            ProbeResult(
                "certificate_expiry",
                Status.OK,
                "Expiry",
                "ok",
                data={"expires": "2029-06-30"},
                private=("expires",),
            ),
        ]
        for r in rs:
            on_result(r)
        return Diagnosis(tuple(rs), 12, dt.datetime.now(dt.UTC), reader)

    page = w.page("diagnostics")
    page.runner = fake_runner
    page.run()
    qtbot.waitUntil(lambda: page.diagnosis is not None, timeout=5000)
    text = page.list.text()
    assert "4 of 5 tries left" in text and "Smart card service" in text
    assert "need attention" in page.status.text()
    page.show_technical.setChecked(True)
    assert "Enter it only if sure." in page.list.text()
    assert page.export(str(tmp_path / "report.txt"))
    report = (tmp_path / "report.txt").read_text(encoding="utf-8")
    assert "4 of 5 tries left" in report
    assert "2029-06-30" not in report  # personal data (an exact expiry is a birthday) is masked
    wait_top(qtbot, "reportSavedBox").done(0)


def test_verify_accepts_a_dropped_file(window, qtbot, tmp_path):
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    w, ctx = window
    w.show_page("verify")
    page = w.page("verify")
    (tmp_path / "junk.p7s").write_bytes(b"junk")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "junk.p7s"))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    page.dropEvent(event)
    qtbot.waitUntil(lambda: page.verdict is not None, timeout=10000)
    assert str(tmp_path / "junk.p7s") in page.file_label.text()
    assert "damaged" in page.details.text()

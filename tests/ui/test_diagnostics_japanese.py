"""Issue 13, item 3: every probe's problem and fix in the UI language, and the help-desk
report in the UI language, in English, or in both."""

from __future__ import annotations

import datetime as dt

from jpki_desktop.app.card_state import Presence
from jpki_desktop.diagnostics import Diagnosis, ProbeResult, Status

from .conftest import wait_presence


def _blocked_sign_pin_runner(reader=None, demo=False, on_result=None):
    rs = [
        ProbeResult("pcsc_service", Status.OK, "PC/SC service", "pcscd answers"),
        ProbeResult(
            "sign_pin",
            Status.FAIL,
            "Signing password",
            "blocked (0 of 5 tries left)",
            "Reset it at your municipal office.",
            {"remaining": 0, "maximum": 5},
        ),
        ProbeResult(
            "auth_pin",
            Status.WARN,
            "Auth PIN",
            "2 of 3 tries left",
            "Enter it only if sure.",
            {"remaining": 2, "maximum": 3},
        ),
        ProbeResult("card_present", Status.FAIL, "Card", "no card", "Insert the card."),
    ]
    for r in rs:
        on_result(r)
    return Diagnosis(tuple(rs), 7, dt.datetime(2026, 12, 1, 10, 30, tzinfo=dt.UTC), reader)


def _run(make_window, vsource, qtbot, language):
    w, ctx = make_window(vsource, language=language)
    w.show()
    wait_presence(qtbot, ctx, Presence.READY)
    w.show_page("diagnostics")
    page = w.page("diagnostics")
    page.runner = _blocked_sign_pin_runner
    page.run()
    qtbot.waitUntil(lambda: page.diagnosis is not None, timeout=5000)
    return page


def test_blocked_pin_shows_the_japanese_fix_without_technical_details(make_window, vsource, qtbot):
    page = _run(make_window, vsource, qtbot, "ja")
    assert not page.show_technical.isChecked()
    text = page.list.text()
    assert "対処方法" in text
    assert "市区町村の窓口" in text  # where to reset a blocked signing password
    assert "コンビニ" in text  # the auth PIN still works: the kiosk route is offered
    assert "確かなときだけ" in text  # the warned PIN's advice
    assert "Reset it at your municipal office" not in text  # the English fix is technical detail


def test_report_in_japanese_english_or_both(make_window, vsource, qtbot, tmp_path):
    page = _run(make_window, vsource, qtbot, "ja")
    combo = page.report_language
    combo.setCurrentIndex(combo.findData("ui"))
    ja = page.report_text()
    assert ja.startswith("jpki-desktop 診断レポート")
    assert "対処方法" in ja and "市区町村の窓口" in ja
    assert "2026-12-01 19:30 JST" in ja  # Japan time, with the zone
    assert "Fix:" not in ja
    combo.setCurrentIndex(combo.findData("en"))
    en = page.report_text()
    assert en.startswith("jpki-desktop diagnostic report") and "診断" not in en
    assert "Fix: Reset it at your municipal office." in en
    combo.setCurrentIndex(combo.findData("both"))
    both = page.report_text()
    assert both.startswith("jpki-desktop 診断レポート") and "jpki-desktop diagnostic report" in both
    assert page.export(str(tmp_path / "r.txt"))
    assert (tmp_path / "r.txt").read_text(encoding="utf-8") == both


def test_english_ui_gives_an_english_report(make_window, vsource, qtbot):
    page = _run(make_window, vsource, qtbot, "en")
    report = page.report_text()
    assert report.startswith("jpki-desktop diagnostic report")
    assert "What to do" not in report or "Fix:" in report
    assert "What to do:" in page.list.text() and "municipal office" in page.list.text()

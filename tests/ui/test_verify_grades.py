"""Issue 13, items 10 and 11: graded verdicts (never a plain green 'valid' when revocation was
not checked), the holder's name as signer, Japan time with the zone, translated headings."""

from __future__ import annotations

import datetime as dt

from jpki_desktop.app.card_state import Presence
from jpki_desktop.signing.formats.cades import sign_detached
from jpki_desktop.signing.signers.raw import SoftwareSigner
from jpki_desktop.signing.verification.grade import Grade, grade
from jpki_desktop.signing.verification.verdict import Finding, Kind, Reason, Verdict
from jpki_desktop.ui.theme import _DARK, _LIGHT, Tone

from .conftest import wait_presence


def test_grades():
    assert grade(Verdict(Kind.P7S, revocation_checked=True)) is Grade.VALID
    assert grade(Verdict(Kind.P7S)) is Grade.VALID_WITH_WARNINGS
    assert grade(Verdict(Kind.P7S, (Finding(Reason.REVOCATION_UNKNOWN),))) is Grade.UNKNOWN
    assert grade(Verdict(Kind.P7S, (Finding(Reason.SIGNATURE_INVALID),))) is Grade.NOT_VALID


def test_valid_but_unchecked_is_not_a_green_valid(make_window, vsource, qtbot, pki, tmp_path):
    w, ctx = make_window(vsource, language="ja", demo=True)
    w.show()
    wait_presence(qtbot, ctx, Presence.READY)
    w.show_page("verify")
    page = w.page("verify")
    when = dt.datetime(2026, 3, 1, 1, 2, 3, tzinfo=dt.UTC)
    signer = SoftwareSigner(pki.sign.key, pki.sign.cert, [pki.sign_ca.cert])
    (tmp_path / "doc.txt").write_bytes(b"hello")
    (tmp_path / "doc.p7s").write_bytes(sign_detached(b"hello", signer, signing_time=when))
    page.verify(str(tmp_path / "doc.p7s"))
    qtbot.waitUntil(lambda: page.verdict is not None, timeout=10000)
    page.set_content(str(tmp_path / "doc.txt"))
    qtbot.waitUntil(lambda: page.verdict is not None and not page.running, timeout=10000)
    assert page.verdict.ok and not page.verdict.revocation_checked
    label = page.verdict_label
    assert "失効は確認していません" in label.text()
    assert _LIGHT[Tone.OK] not in label.styleSheet() and _DARK[Tone.OK] not in label.styleSheet()
    details = page.details.text()
    assert pki.holder.name in details  # not the CN (TESTSIGN...)
    assert "TESTSIGN" not in details
    assert "2026-03-01 10:02:03 JST" in details
    assert "Reasons" not in details and "Signed at" not in details


def test_procedure_is_shown_by_name_not_raw_id(make_window, vsource, qtbot):
    w, ctx = make_window(vsource, language="ja")
    page = w.page("verify")
    assert page._procedure_name("demo.city.change-of-address").startswith("転居届（デモ）")
    assert page._procedure_name("unknown.proc") == "unknown.proc"

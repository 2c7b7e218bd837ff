"""JSON and text rendering; masking; atomic export."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from jpki_desktop.diagnostics.model import Diagnosis, Probe, Status, result, skipped
from jpki_desktop.diagnostics.report import render_text, results_json, scrub, write_report

T0 = dt.datetime(2026, 5, 1, 12, 0, tzinfo=dt.UTC)
EXPIRY = Probe("certificate_expiry", "Certificate expiry")


def diagnosis():
    return Diagnosis(
        (
            result(Probe("pcsc_service", "PC/SC service"), Status.OK, "pcscd answers."),
            result(
                EXPIRY,
                Status.WARN,
                "Expires within three months.",
                "Renew it.",
                private=("expires", "days_left"),
                expires="2026-06-30",
                days_left=60,
                state="renewal_open",
            ),
            skipped(Probe("auth_pin", "User authentication PIN"), "Skipped: no card."),
        ),
        apdu_count=9,
        started=T0,
        reader="Reader 00 00",
    )


def test_json_lists_probes_with_the_documented_keys_and_masks_private_data():
    out = results_json(diagnosis())
    assert [o["id"] for o in out] == ["pcsc_service", "certificate_expiry", "auth_pin"]
    assert all({"id", "status", "detail", "fix"} <= set(o) for o in out)
    assert out[1]["data"] == {"state": "renewal_open"}
    assert results_json(diagnosis(), masked=False)[1]["data"]["expires"] == "2026-06-30"


def test_text_report_masks_by_default_and_says_so():
    env = {"jpki-desktop": "0.1.0", "OS": "Linux"}
    masked = render_text(diagnosis(), env)
    assert "2026-06-30" not in masked and "days_left" not in masked
    assert "Personal data: masked" in masked
    assert "[WARN] Certificate expiry: Expires within three months." in masked
    assert "Fix: Renew it." in masked and "APDUs sent to the card: 9" in masked
    unmasked = render_text(diagnosis(), env, masked=False)
    assert "2026-06-30" in unmasked and "NOT MASKED" in unmasked


def test_scrub_removes_anything_shaped_like_a_my_number():
    assert scrub("number 123456789018 here") == "number <masked> here"
    assert scrub("1234567890180") == "1234567890180"  # 13 digits: not a My Number
    assert scrub("3B DA 13 FF") == "3B DA 13 FF"


def test_json_output_is_scrubbed_too():
    d = Diagnosis((result(Probe("x", "X"), Status.OK, "saw 123456789018"),), 0, T0)
    assert "123456789018" not in json.dumps(results_json(d))


def test_export_is_atomic(tmp_path):
    target = tmp_path / "report.txt"
    write_report(target, "first\n")
    with pytest.raises(UnicodeEncodeError):
        write_report(target, "second \ud800")  # fails inside the atomic write
    assert target.read_text() == "first\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.txt"]  # no temp file left behind

"""iCalendar reminders: exact days, merging, and two independent parsers (icalendar, vobject)."""

from __future__ import annotations

import datetime as dt
import io
import json

import icalendar
import pytest
import vobject

from jpki_desktop.cli.main import main
from jpki_desktop.validity.expiry import CertDates, Facts, Subject, evaluate
from jpki_desktop.validity.reminders import ReminderKind, build_calendar, reminders

D = dt.date
NOW = dt.datetime(2025, 1, 1, 3, 0, tzinfo=dt.UTC)
REPORT = evaluate(Facts(D(1988, 7, 15), D(2024, 8, 1)), D(2025, 1, 1))
EXPECTED = [
    (D(2029, 4, 16), ReminderKind.RENEWAL_OPENS, (Subject.SIGN, Subject.AUTH)),
    (D(2029, 6, 15), ReminderKind.THIRTY_DAYS, (Subject.SIGN, Subject.AUTH)),
    (D(2029, 7, 15), ReminderKind.EXPIRES, (Subject.SIGN, Subject.AUTH)),
    (D(2034, 4, 16), ReminderKind.RENEWAL_OPENS, (Subject.CARD,)),
    (D(2034, 6, 15), ReminderKind.THIRTY_DAYS, (Subject.CARD,)),
    (D(2034, 7, 15), ReminderKind.EXPIRES, (Subject.CARD,)),
]


def test_reminder_days_exact_and_merged():
    assert [(r.day, r.kind, r.subjects) for r in reminders(REPORT)] == EXPECTED


def test_icalendar_parser_reads_every_event():
    cal = icalendar.Calendar.from_ical(build_calendar(REPORT, now=NOW))
    events = cal.walk("VEVENT")
    assert [(e.decoded("dtstart"), e.decoded("dtend")) for e in events] == [
        (day, day + dt.timedelta(days=1)) for day, _, _ in EXPECTED
    ]
    assert all(type(e.decoded("dtstart")) is dt.date for e in events)  # all-day (VALUE=DATE)
    assert len({str(e["uid"]) for e in events}) == 6
    assert all(e.decoded("dtstamp") == NOW for e in events)
    assert all(len(e.walk("VALARM")) == 1 for e in events)
    assert str(cal["version"]) == "2.0" and "jpki-desktop" in str(cal["prodid"])
    assert "署名用電子証明書" in str(events[0]["summary"])


def test_vobject_parser_agrees():
    text = build_calendar(REPORT, now=NOW).decode("utf-8")
    cal = vobject.readOne(text)
    got = [(e.dtstart.value, e.summary.value) for e in cal.vevent_list]
    assert [d for d, _ in got] == [day for day, _, _ in EXPECTED]
    assert got[0][1].startswith("JPKI: renewal opens") and got[2][1].startswith(
        "JPKI: expires today"
    )
    assert got[3][1].endswith("My Number card (マイナンバーカード)")
    assert all(e.valarm.trigger.value == dt.timedelta(hours=9) for e in cal.vevent_list)


def test_crlf_line_endings_and_folding():
    raw = build_calendar(REPORT, now=NOW)
    assert b"\r\n" in raw and all(len(line) <= 75 for line in raw.split(b"\r\n"))
    raw.decode("utf-8")  # folding never splits a multi-byte character


def test_past_days_left_out_unless_asked():
    report = evaluate(Facts(D(1988, 7, 15), D(2024, 8, 1)), D(2029, 5, 1))
    kinds = [(r.day, r.kind) for r in reminders(report)]
    assert (D(2029, 4, 16), ReminderKind.RENEWAL_OPENS) not in kinds
    assert (D(2029, 6, 15), ReminderKind.THIRTY_DAYS) in kinds
    assert len(reminders(report, include_past=True)) == 6


def test_expiry_day_itself_still_listed():
    report = evaluate(Facts(D(1988, 7, 15), D(2024, 8, 1)), D(2029, 7, 15))
    assert reminders(report)[0].day == D(2029, 7, 15)


def test_different_dates_not_merged_and_not_issued_has_none():
    report = evaluate(
        Facts(
            birth_date=D(1985, 6, 30),
            sign=CertDates(D(2025, 2, 1), D(2030, 6, 30)),
            auth=CertDates(D(2024, 3, 15), D(2028, 6, 30)),
        ),
        D(2025, 3, 1),
    )
    subjects = {r.subjects for r in reminders(report)}
    assert (Subject.SIGN,) in subjects and (Subject.AUTH,) in subjects
    minor = evaluate(Facts(D(2012, 4, 10), D(2024, 6, 1)), D(2025, 1, 1))
    assert all(Subject.SIGN not in r.subjects for r in reminders(minor))


def test_naive_now_refused():
    with pytest.raises(ValueError):
        build_calendar(REPORT, now=dt.datetime(2025, 1, 1))


# -- CLI ------------------------------------------------------------------------------------------


def test_cli_without_card_writes_a_parsable_file(tmp_path, capsys):
    out = tmp_path / "sub" / "jpki.ics"
    rc = main(
        [
            "--json",
            "remind",
            "-o",
            str(out),
            "--birth-date",
            "1988-07-15",
            "--issued",
            "2024-08-01",
            "--today",
            "2025-01-01",
        ]
    )
    assert rc == 0
    summary = json.loads(capsys.readouterr().out)
    assert [e["date"] for e in summary["events"]] == [d.isoformat() for d, _, _ in EXPECTED]
    assert len(icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")) == 6
    assert [p.name for p in out.parent.iterdir()] == ["jpki.ics"]  # no temp files left


def test_cli_failure_leaves_no_file(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    rc = main(
        [
            "remind",
            "-o",
            str(blocker / "x.ics"),
            "--birth-date",
            "1988-07-15",
            "--issued",
            "2024-08-01",
        ]
    )
    assert rc != 0 and "jpki:" in capsys.readouterr().err
    assert blocker.read_text() == "x"


def test_cli_with_demo_card(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("JPKI_DEMO_STATE", str(tmp_path / "demo"))
    monkeypatch.setattr("sys.stdin", io.StringIO("ABC123\n"))
    out = tmp_path / "r.ics"
    assert (
        main(
            [
                "--demo",
                "remind",
                "-o",
                str(out),
                "--with-signing-cert",
                "--password-stdin",
                "--today",
                "2025-01-01",
            ]
        )
        == 0
    )
    days = [e.dtstart.value for e in vobject.readOne(out.read_text("utf-8")).vevent_list]
    assert days[:3] == [D(2028, 3, 31), D(2028, 5, 31), D(2028, 6, 30)]
    assert D(2033, 6, 30) in days  # the card, from the birth date in the signing certificate


def test_japanese_reminders_for_the_japanese_ui():
    """Issue 13, item 14: the .ics is written in the UI language; the UIDs stay the same so a
    re-import in the other language updates the events instead of doubling them."""
    ja = vobject.readOne(build_calendar(REPORT, now=NOW, lang="ja").decode("utf-8"))
    en = vobject.readOne(build_calendar(REPORT, now=NOW, lang="en").decode("utf-8"))
    summaries = [e.summary.value for e in ja.vevent_list]
    assert summaries[0] == "JPKI: 更新の受付開始 - 署名用電子証明書と利用者証明用電子証明書"
    assert summaries[2].startswith("JPKI: 本日が有効期限")
    assert summaries[3].endswith("マイナンバーカード")
    assert "2029年7月15日" in ja.vevent_list[0].description.value
    assert not any(w in " ".join(summaries) for w in ("renewal", "expires", "days left"))
    assert [e.uid.value for e in ja.vevent_list] == [e.uid.value for e in en.vevent_list]
    assert ja.contents["x-wr-calname"][0].value == "JPKI 有効期限のお知らせ"

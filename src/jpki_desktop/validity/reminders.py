"""Reminders as an iCalendar file (RFC 5545, built with the `icalendar` library).

    ics_bytes = build_calendar(report, now=now)

For each certificate and the card: an all-day event when renewal opens, 30 days before expiry
and on the expiry day (each with a 09:00 alarm). Events on the same day of the same kind are
merged ("signing and user authentication certificates"). Days before `report.today` are left
out. UIDs are stable, so importing a newer file updates the events instead of duplicating them.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from dataclasses import dataclass

from icalendar import Alarm, Calendar, Event

from .expiry import ExpiryReport, Subject

PRODID = "-//jpki-desktop//JPKI expiry reminders//EN"


class ReminderKind(str, enum.Enum):
    """The day a reminder falls on: the first day renewal is possible (the day after the date
    three months before expiry), thirty days before expiry, and the expiry day itself."""

    RENEWAL_OPENS = "renewal_opens"
    THIRTY_DAYS = "thirty_days"
    EXPIRES = "expires"


@dataclass(frozen=True)
class Reminder:
    day: dt.date
    kind: ReminderKind
    subjects: tuple[Subject, ...]
    expires: dt.date  # the expiry the reminder is about


# Each subject's name in Japanese and in English; the English label adds the Japanese name.
SUBJECT_NAMES = {
    Subject.SIGN: ("署名用電子証明書", "signing certificate"),
    Subject.AUTH: ("利用者証明用電子証明書", "user authentication certificate"),
    Subject.CARD: ("マイナンバーカード", "My Number card"),
}
LABELS = {subject: f"{en} ({ja})" for subject, (ja, en) in SUBJECT_NAMES.items()}
LABELS_JA = {subject: ja for subject, (ja, _en) in SUBJECT_NAMES.items()}

# The summary and description of each kind of reminder, by language. {names} are the subjects'
# labels, {until} the expiry date; in English {expire}, {it} and {It} agree with {names}.
TEXTS: dict[str, dict[ReminderKind, tuple[str, str]]] = {
    "en": {
        ReminderKind.RENEWAL_OPENS: (
            "JPKI: renewal opens - {names}",
            "From today you can renew the {names} at your municipal office (bring the card). "
            "{It} {expire} on {until}.",
        ),
        ReminderKind.THIRTY_DAYS: (
            "JPKI: 30 days left - {names}",
            "The {names} {expire} on {until} at 23:59 Japan time. Renew {it} at your municipal office.",
        ),
        ReminderKind.EXPIRES: (
            "JPKI: expires today - {names}",
            "The {names} can be used until 23:59 Japan time today. After that, renewal is still possible "
            "(free) but {it} cannot be used until renewed.",
        ),
    },
    "ja": {
        ReminderKind.RENEWAL_OPENS: (
            "JPKI: 更新の受付開始 - {names}",
            "本日から{names}の更新手続きを市区町村の窓口でできます（カードをお持ちください）。"
            "有効期限は{until}です。",
        ),
        ReminderKind.THIRTY_DAYS: (
            "JPKI: 有効期限まであと30日 - {names}",
            "{names}の有効期限は{until}（日本時間23時59分）です。市区町村の窓口で更新してください。",
        ),
        ReminderKind.EXPIRES: (
            "JPKI: 本日が有効期限 - {names}",
            "{names}は本日の日本時間23時59分まで使えます。その後も更新（無料）はできますが、"
            "更新するまでは使えません。",
        ),
    },
}


def reminders(report: ExpiryReport, *, include_past: bool = False) -> tuple[Reminder, ...]:
    """All reminder days, merged per (day, kind), in date order."""
    merged: dict[tuple[dt.date, ReminderKind, dt.date], list[Subject]] = {}
    for t in report.timelines():
        if t.expires is None or t.renewal_from is None or t.reminder is None:
            continue
        for kind, day in (
            (ReminderKind.RENEWAL_OPENS, t.renewal_from),
            (ReminderKind.THIRTY_DAYS, t.reminder),
            (ReminderKind.EXPIRES, t.expires),
        ):
            if include_past or day >= report.today:
                merged.setdefault((day, kind, t.expires), []).append(t.subject)
    return tuple(
        Reminder(day, kind, tuple(subjects), expires)
        for (day, kind, expires), subjects in sorted(
            merged.items(), key=lambda kv: (kv[0][0], kv[0][1].value)
        )
    )


def _fields_en(r: Reminder, labels: Mapping[Subject, str]) -> dict[str, str]:
    names = [labels[s] for s in r.subjects]
    one = len(names) == 1
    it = "it" if one else "them"
    return {
        "names": names[0] if one else ", ".join(names[:-1]) + " and " + names[-1],
        "until": r.expires.isoformat(),
        "expire": "expires" if one else "expire",
        "it": it,
        "It": it.capitalize(),
    }


def _fields_ja(r: Reminder, labels: Mapping[Subject, str]) -> dict[str, str]:
    return {
        "names": "と".join(labels[s] for s in r.subjects),
        "until": f"{r.expires.year}年{r.expires.month}月{r.expires.day}日",
    }


_FIELDS = {"en": _fields_en, "ja": _fields_ja}


def _texts(r: Reminder, labels: Mapping[Subject, str], lang: str) -> tuple[str, str]:
    """The reminder's summary and description in `lang` ("ja" or "en")."""
    fields = _FIELDS[lang](r, labels)
    summary, description = TEXTS[lang][r.kind]
    return summary.format(**fields), description.format(**fields)


def _uid(r: Reminder) -> str:
    who = "-".join(s.value for s in r.subjects)
    return f"{r.kind.value}-{who}-{r.expires:%Y%m%d}@jpki-desktop"


def build_calendar(
    report: ExpiryReport,
    *,
    now: dt.datetime,
    include_past: bool = False,
    labels: Mapping[Subject, str] | None = None,
    lang: str = "en",
) -> bytes:
    """The .ics file content in `lang` ("ja" or "en"). `now` stamps DTSTAMP (must be
    timezone-aware). UIDs do not depend on the language: a re-import updates the events."""
    japanese = lang.startswith("ja")
    labels = labels or (LABELS_JA if japanese else LABELS)
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "JPKI 有効期限のお知らせ" if japanese else "JPKI expiry reminders")
    for r in reminders(report, include_past=include_past):
        summary, description = _texts(r, labels, "ja" if japanese else "en")
        event = Event()
        event.add("uid", _uid(r))
        event.add("dtstamp", now.astimezone(dt.UTC))
        event.add("dtstart", r.day)
        event.add("dtend", r.day + dt.timedelta(days=1))
        event.add("summary", summary)
        event.add("description", description)
        event.add("transp", "TRANSPARENT")
        event.add("categories", ["JPKI"])
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", summary)
        alarm.add("trigger", dt.timedelta(hours=9))  # 09:00 on the day
        event.add_component(alarm)
        cal.add_component(event)
    ical: bytes = cal.to_ical()  # icalendar's to_ical() is typed as returning Any
    return ical

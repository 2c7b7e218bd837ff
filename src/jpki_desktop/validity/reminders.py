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
    RENEWAL_OPENS = "renewal_opens"
    THIRTY_DAYS = "thirty_days"
    EXPIRES = "expires"


@dataclass(frozen=True)
class Reminder:
    day: dt.date
    kind: ReminderKind
    subjects: tuple[Subject, ...]
    expires: dt.date  # the expiry the reminder is about


LABELS = {
    Subject.SIGN: "signing certificate (署名用電子証明書)",
    Subject.AUTH: "user authentication certificate (利用者証明用電子証明書)",
    Subject.CARD: "My Number card (マイナンバーカード)",
}


LABELS_JA = {
    Subject.SIGN: "署名用電子証明書",
    Subject.AUTH: "利用者証明用電子証明書",
    Subject.CARD: "マイナンバーカード",
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


def _names(subjects: tuple[Subject, ...], labels: Mapping[Subject, str]) -> str:
    names = [labels[s] for s in subjects]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _texts(r: Reminder, labels: Mapping[Subject, str]) -> tuple[str, str]:
    names = _names(r.subjects, labels)
    expire, it = ("expires", "it") if len(r.subjects) == 1 else ("expire", "them")
    if r.kind is ReminderKind.RENEWAL_OPENS:
        return (
            f"JPKI: renewal opens - {names}",
            f"From today you can renew the {names} at your municipal office (bring the card). "
            f"{it.capitalize()} {expire} on {r.expires}.",
        )
    if r.kind is ReminderKind.THIRTY_DAYS:
        return (
            f"JPKI: 30 days left - {names}",
            f"The {names} {expire} on {r.expires} at 23:59 Japan time. Renew {it} at your municipal office.",
        )
    return (
        f"JPKI: expires today - {names}",
        f"The {names} can be used until 23:59 Japan time today. After that, renewal is still possible "
        f"(free) but {it} cannot be used until renewed.",
    )


def _texts_ja(r: Reminder, labels: Mapping[Subject, str]) -> tuple[str, str]:
    names = "と".join(labels[s] for s in r.subjects)
    until = f"{r.expires.year}年{r.expires.month}月{r.expires.day}日"
    if r.kind is ReminderKind.RENEWAL_OPENS:
        return (
            f"JPKI: 更新の受付開始 - {names}",
            f"本日から{names}の更新手続きを市区町村の窓口でできます（カードをお持ちください）。"
            f"有効期限は{until}です。",
        )
    if r.kind is ReminderKind.THIRTY_DAYS:
        return (
            f"JPKI: 有効期限まであと30日 - {names}",
            f"{names}の有効期限は{until}（日本時間23時59分）です。市区町村の窓口で更新してください。",
        )
    return (
        f"JPKI: 本日が有効期限 - {names}",
        f"{names}は本日の日本時間23時59分まで使えます。その後も更新（無料）はできますが、"
        "更新するまでは使えません。",
    )


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
    texts = _texts_ja if japanese else _texts
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "JPKI 有効期限のお知らせ" if japanese else "JPKI expiry reminders")
    for r in reminders(report, include_past=include_past):
        summary, description = texts(r, labels)
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

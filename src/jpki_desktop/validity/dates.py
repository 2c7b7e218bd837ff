"""Calendar helpers for the JPKI rules: Japan time, birthdays, ages, month arithmetic, 和暦.

All functions are pure. Nobody here asks the clock: callers pass `today` or `now`.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

JST = dt.timezone(dt.timedelta(hours=9), "JST")


@dataclass(frozen=True)
class Era:
    digit: int  # the digit used in the signing certificate's birth date (EYYYYMMDD)
    name: str
    start: dt.date  # first day of the era


# Newest first. Digits as in SAN 1.2.392.200149.8.5.5.4 (0 = unknown).
ERAS = (
    Era(5, "令和", dt.date(2019, 5, 1)),
    Era(4, "平成", dt.date(1989, 1, 8)),
    Era(3, "昭和", dt.date(1926, 12, 25)),
    Era(2, "大正", dt.date(1912, 7, 30)),
    Era(1, "明治", dt.date(1868, 10, 23)),
)
ERA_BY_DIGIT = {e.digit: e for e in ERAS}


def era_of(day: dt.date) -> Era | None:
    return next((e for e in ERAS if day >= e.start), None)


def wareki(day: dt.date) -> str:
    """`昭和60年6月30日`; year 1 is written 元年 (`平成元年1月8日`).

    The era always follows from the date (a certificate's era digit is kept separately).
    Dates before 明治 fall back to the Gregorian `YYYY年M月D日`.
    """
    era = era_of(day)
    if era is None:
        return f"{day.year}年{day.month}月{day.day}日"
    year = day.year - era.start.year + 1
    return f"{era.name}{'元' if year == 1 else year}年{day.month}月{day.day}日"


def jst_date(moment: dt.datetime) -> dt.date:
    """The calendar day in Japan at `moment` (naive datetimes are taken as UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(JST).date()


def last_valid_day(not_after: dt.datetime) -> dt.date:
    """The last Japanese calendar day a certificate can be used on.

    Real certificates end at 14:59:59Z = 23:59:59 JST. A notAfter of exactly midnight JST only
    covers that first instant, so the previous day is the last usable one.
    """
    local = not_after.replace(tzinfo=not_after.tzinfo or dt.UTC).astimezone(JST)
    if local.time() == dt.time(0, 0, 0):
        return local.date() - dt.timedelta(days=1)
    return local.date()


def end_of_day_jst(day: dt.date) -> dt.datetime:
    """23:59:59 Japan time on `day`, as an aware UTC datetime."""
    return dt.datetime(day.year, day.month, day.day, 23, 59, 59, tzinfo=JST).astimezone(dt.UTC)


def birthday_in(birth: dt.date, year: int) -> dt.date:
    """The birthday in `year`; 29 February falls on 28 February in non-leap years."""
    if birth.month == 2 and birth.day == 29 and not calendar.isleap(year):
        return dt.date(year, 2, 28)
    return birth.replace(year=year)


def nth_birthday_after(birth: dt.date, day: dt.date, n: int) -> dt.date:
    """The n-th birthday strictly after `day` (a birthday on `day` itself does not count)."""
    if n < 1:
        raise ValueError("n must be >= 1")
    first = birthday_in(birth, day.year)
    year = day.year if first > day else day.year + 1
    return birthday_in(birth, year + n - 1)


def age_on(birth: dt.date, day: dt.date) -> int:
    """Completed years on `day`; one is a year older from the birthday on (29 Feb → 28 Feb)."""
    years = day.year - birth.year
    return years if day >= birthday_in(birth, day.year) else years - 1


def add_months(day: dt.date, months: int) -> dt.date:
    """Calendar month arithmetic clamped to the month's end (31 May - 3 months = 28/29 Feb)."""
    index = day.year * 12 + (day.month - 1) + months
    year, month0 = divmod(index, 12)
    last = calendar.monthrange(year, month0 + 1)[1]
    return dt.date(year, month0 + 1, min(day.day, last))


def parse_iso_date(text: str) -> dt.date:
    """Strict `YYYY-MM-DD`; raises ValueError otherwise."""
    if len(text) != 10 or text[4] != "-" or text[7] != "-":
        raise ValueError(f"not a YYYY-MM-DD date: {text!r}")
    return dt.date.fromisoformat(text)

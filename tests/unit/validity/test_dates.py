"""Calendar helpers: birthdays, ages, clamped month arithmetic, 和暦, Japan time."""

from __future__ import annotations

import datetime as dt

import pytest

from jpki_desktop.validity.dates import (
    add_months,
    age_on,
    birthday_in,
    jst_date,
    last_valid_day,
    nth_birthday_after,
    parse_iso_date,
    wareki,
)

D = dt.date


@pytest.mark.parametrize(
    "day,text",
    [
        (D(1985, 6, 30), "昭和60年6月30日"),
        (D(1926, 12, 25), "昭和元年12月25日"),
        (D(1926, 12, 24), "大正15年12月24日"),
        (D(1989, 1, 7), "昭和64年1月7日"),
        (D(1989, 1, 8), "平成元年1月8日"),
        (D(2019, 4, 30), "平成31年4月30日"),
        (D(2019, 5, 1), "令和元年5月1日"),
        (D(2024, 2, 29), "令和6年2月29日"),
        (D(1912, 7, 30), "大正元年7月30日"),
        (D(1900, 1, 1), "明治33年1月1日"),
        (D(1800, 1, 1), "1800年1月1日"),
    ],
)
def test_wareki(day, text):
    assert wareki(day) == text


def test_leap_day_birthday_falls_on_28_february():
    assert birthday_in(D(2004, 2, 29), 2025) == D(2025, 2, 28)
    assert birthday_in(D(2004, 2, 29), 2028) == D(2028, 2, 29)
    assert nth_birthday_after(D(2004, 2, 29), D(2024, 3, 1), 1) == D(2025, 2, 28)
    assert nth_birthday_after(D(2004, 2, 29), D(2024, 3, 1), 4) == D(2028, 2, 29)


def test_birthday_on_the_day_does_not_count():
    assert nth_birthday_after(D(1990, 5, 10), D(2024, 5, 10), 1) == D(2025, 5, 10)
    assert nth_birthday_after(D(1990, 5, 10), D(2024, 5, 9), 1) == D(2024, 5, 10)
    with pytest.raises(ValueError):
        nth_birthday_after(D(1990, 5, 10), D(2024, 5, 9), 0)


def test_age():
    assert age_on(D(2006, 4, 1), D(2024, 3, 31)) == 17
    assert age_on(D(2006, 4, 1), D(2024, 4, 1)) == 18
    assert age_on(D(2004, 2, 29), D(2022, 2, 28)) == 18


@pytest.mark.parametrize(
    "day,months,expected",
    [
        (D(2025, 5, 31), -3, D(2025, 2, 28)),
        (D(2024, 5, 31), -3, D(2024, 2, 29)),
        (D(2025, 7, 15), -3, D(2025, 4, 15)),
        (D(2025, 1, 31), -1, D(2024, 12, 31)),
        (D(2025, 3, 31), -1, D(2025, 2, 28)),
        (D(2025, 11, 30), 3, D(2026, 2, 28)),
    ],
)
def test_add_months_clamps(day, months, expected):
    assert add_months(day, months) == expected


def test_japan_time():
    utc = dt.UTC
    assert jst_date(dt.datetime(2025, 3, 1, 14, 59, tzinfo=utc)) == D(2025, 3, 1)
    assert jst_date(dt.datetime(2025, 3, 1, 15, 0, tzinfo=utc)) == D(2025, 3, 2)
    assert jst_date(dt.datetime(2025, 3, 1, 15, 0)) == D(2025, 3, 2)  # naive = UTC
    assert last_valid_day(dt.datetime(2030, 2, 17, 14, 59, 59, tzinfo=utc)) == D(2030, 2, 17)


@pytest.mark.parametrize("text", ["2025-2-1", "20250201", "2025/02/01", "2025-02-30", ""])
def test_strict_iso_dates(text):
    with pytest.raises(ValueError):
        parse_iso_date(text)

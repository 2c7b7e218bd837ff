"""Issue 13, item 4: one date parser for every page (和暦 with 元年, slashes, full width)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jpki_desktop.validity.date_input import DateInputError, DateProblem, parse_date_input
from jpki_desktop.validity.dates import wareki

D = dt.date


@pytest.mark.parametrize(
    "text,day",
    [
        ("1985-06-30", D(1985, 6, 30)),
        ("1985/6/30", D(1985, 6, 30)),
        ("1985.6.30", D(1985, 6, 30)),
        ("1985年6月30日", D(1985, 6, 30)),
        ("１９８５／６／３０", D(1985, 6, 30)),
        ("１９８５－０６－３０", D(1985, 6, 30)),
        (" 1985 / 6 / 30 ", D(1985, 6, 30)),
        ("昭和60年6月30日", D(1985, 6, 30)),
        ("昭和６０年６月３０日", D(1985, 6, 30)),
        ("S60.6.30", D(1985, 6, 30)),
        ("s60/6/30", D(1985, 6, 30)),
        ("昭和元年12月25日", D(1926, 12, 25)),
        ("昭和64年1月7日", D(1989, 1, 7)),
        ("平成元年1月8日", D(1989, 1, 8)),
        ("H1/1/8", D(1989, 1, 8)),
        ("平成31年4月30日", D(2019, 4, 30)),
        ("令和元年5月1日", D(2019, 5, 1)),
        ("R7-12-1", D(2025, 12, 1)),
        ("大正元年7月30日", D(1912, 7, 30)),
        ("明治45年7月29日", D(1912, 7, 29)),
    ],
)
def test_accepted_forms(text, day):
    assert parse_date_input(text) == day


@pytest.mark.parametrize(
    "text,problem",
    [
        ("", DateProblem.EMPTY),
        ("   ", DateProblem.EMPTY),
        ("1985-02-30", DateProblem.IMPOSSIBLE),
        ("1985/13/1", DateProblem.IMPOSSIBLE),
        ("昭和60年2月30日", DateProblem.IMPOSSIBLE),
        ("平成32年1月1日", DateProblem.OUTSIDE_ERA),
        ("昭和64年1月8日", DateProblem.OUTSIDE_ERA),  # that day is 平成元年
        ("平成元年1月7日", DateProblem.OUTSIDE_ERA),
        ("令和0年5月1日", DateProblem.OUTSIDE_ERA),
        ("June 30, 1985", DateProblem.FORMAT),
        ("85/6/30", DateProblem.FORMAT),
        ("19850630x", DateProblem.FORMAT),
    ],
)
def test_refused_with_the_reason(text, problem):
    with pytest.raises(DateInputError) as err:
        parse_date_input(text)
    assert err.value.problem is problem


@given(st.dates(min_value=D(1868, 10, 23), max_value=D(2100, 12, 31)))
def test_every_wareki_rendering_reads_back(day):
    assert parse_date_input(wareki(day)) == day
    assert parse_date_input(f"{day.year}/{day.month}/{day.day}") == day

"""Dates as residents type them: one parser for every page and form.

Accepted: `1985-06-30`, `1985/6/30`, `1985.6.30`, `1985年6月30日`, 和暦 with any era and 元年
(`昭和60年6月30日`, `平成元年1月8日`, `令和7年12月1日`), the one-letter era forms on official
forms (`S60.6.30`, `H1/1/8`, `R7-12-1`), full-width digits and spaces. A calendar date that
does not exist (`1985-02-30`) or an era year outside that era (`平成32年`, `昭和64年2月1日`)
is an error, never silently another day.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import unicodedata

from .dates import ERAS, Era


class DateProblem(enum.Enum):
    EMPTY = "empty"
    FORMAT = "format"  # not a date form we read
    IMPOSSIBLE = "impossible"  # e.g. 30 February
    OUTSIDE_ERA = "outside-era"  # e.g. 平成32年: that era had ended


class DateInputError(ValueError):
    def __init__(self, problem: DateProblem) -> None:
        super().__init__(problem.value)
        self.problem = problem


_ERA_LETTERS = {"M": "明治", "T": "大正", "S": "昭和", "H": "平成", "R": "令和"}
_ERA_BY_NAME = {e.name: e for e in ERAS}
_GREGORIAN = re.compile(r"(\d{4})(?:[-/.]|年)(\d{1,2})(?:[-/.]|月)(\d{1,2})日?")
_WAREKI = re.compile(
    r"(明治|大正|昭和|平成|令和|[MTSHR])\.?(元|\d{1,2})(?:[-/.]|年)(\d{1,2})(?:[-/.]|月)(\d{1,2})日?"
)


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)  # full-width digits, letters and spaces
    text = re.sub(r"\s+", "", text).upper()
    return text.replace("ー", "-").replace("−", "-").replace("‐", "-")


def _day(year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DateInputError(DateProblem.IMPOSSIBLE) from None


def _era_end(era: Era) -> dt.date | None:
    newer = [e for e in ERAS if e.start > era.start]
    return min(newer, key=lambda e: e.start).start if newer else None


def parse_date_input(text: str) -> dt.date:
    """The date `text` names; raises DateInputError with the problem otherwise."""
    s = _normalise(text)
    if not s:
        raise DateInputError(DateProblem.EMPTY)
    m = _GREGORIAN.fullmatch(s)
    if m:
        return _day(int(m[1]), int(m[2]), int(m[3]))
    m = _WAREKI.fullmatch(s)
    if m:
        era = _ERA_BY_NAME[_ERA_LETTERS.get(m[1], m[1])]
        year_in_era = 1 if m[2] == "元" else int(m[2])
        if year_in_era < 1:
            raise DateInputError(DateProblem.OUTSIDE_ERA)
        day = _day(era.start.year + year_in_era - 1, int(m[3]), int(m[4]))
        end = _era_end(era)
        if day < era.start or (end is not None and day >= end):
            raise DateInputError(DateProblem.OUTSIDE_ERA)
        return day
    raise DateInputError(DateProblem.FORMAT)


def try_parse_date_input(text: str) -> dt.date | None:
    """None for empty or unreadable input (callers that show their own error use the above)."""
    try:
        return parse_date_input(text)
    except DateInputError:
        return None

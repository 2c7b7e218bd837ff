"""Moments as a resident reads them: Japan time, always with the zone (both front ends)."""

from __future__ import annotations

import datetime as dt

from ..validity.dates import JST


def japan_time(
    moment: dt.datetime | None, *, seconds: bool = True, offset: bool = False, missing: str = "-"
) -> str:
    """`2026-12-01 19:30:04 JST`; without `seconds` `2026-12-01 19:30 JST`; with `offset`
    `... JST (+09:00)`; `missing` for no moment. Naive datetimes are taken as UTC, as the cores
    keep them."""
    if moment is None:
        return missing
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    text = moment.astimezone(JST).strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")
    return f"{text} JST (+09:00)" if offset else f"{text} JST"

"""Times as a resident reads them: Japan time, always with the zone."""

from __future__ import annotations

import datetime as dt

from ..validity.dates import JST


def japan_time(moment: dt.datetime) -> str:
    """`2026-12-01 19:30:04 JST` (naive datetimes are taken as UTC, as the cores keep them)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return f"{moment.astimezone(JST):%Y-%m-%d %H:%M:%S} JST"

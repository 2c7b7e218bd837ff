"""The one Japan-time formatter both front ends use."""

import datetime as dt

from jpki_desktop.app.times import japan_time

MOMENT = dt.datetime(2026, 12, 1, 10, 30, 4, tzinfo=dt.UTC)


def test_japan_time_shows_the_zone_and_the_options():
    assert japan_time(MOMENT) == "2026-12-01 19:30:04 JST"
    assert japan_time(MOMENT, seconds=False) == "2026-12-01 19:30 JST"
    assert japan_time(MOMENT, offset=True) == "2026-12-01 19:30:04 JST (+09:00)"


def test_naive_moments_are_utc_and_no_moment_is_said():
    assert japan_time(MOMENT.replace(tzinfo=None)) == "2026-12-01 19:30:04 JST"
    assert japan_time(None) == "-"
    assert japan_time(None, missing="?") == "?"

"""Times as a resident reads them: Japan time, always with the zone (the one formatter lives
in app/times.py, shared with the CLI)."""

from __future__ import annotations

from ..app.times import japan_time

__all__ = ["japan_time"]

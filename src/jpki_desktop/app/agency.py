"""The reference (demo) agency endpoint on 127.0.0.1, for `jpki agency-demo` and `--demo`."""

from __future__ import annotations

from pathlib import Path

from ..agency.accounts import DEMO_PASSWORD, DEMO_USER_ID
from ..agency.keys import DEFAULT_DEMO_PORT, default_demo_agency_dir
from ..agency.server import RunningAgency, start_agency

__all__ = [
    "DEFAULT_DEMO_PORT",
    "DEMO_PASSWORD",
    "DEMO_USER_ID",
    "RunningAgency",
    "default_demo_agency_dir",
    "start_demo_agency",
]


def start_demo_agency(directory: Path | None = None, port: int = 0) -> RunningAgency:
    """Start it in a thread (keys generated on first use); `.url`, `.stop()`."""
    return start_agency(directory or default_demo_agency_dir(), port)

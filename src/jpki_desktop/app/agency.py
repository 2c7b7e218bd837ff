"""The reference (demo) agency endpoint on 127.0.0.1, for `jpki agency-demo` and `--demo`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..agency.accounts import DEMO_PASSWORD, DEMO_USER_ID
from ..agency.location import DEFAULT_DEMO_PORT, default_demo_agency_dir

if TYPE_CHECKING:
    from ..agency.server import RunningAgency as RunningAgency  # re-exported for type hints

__all__ = [
    "DEFAULT_DEMO_PORT",
    "DEMO_PASSWORD",
    "DEMO_USER_ID",
    "default_demo_agency_dir",
    "start_demo_agency",
]


def start_demo_agency(directory: Path | None = None, port: int = 0) -> RunningAgency:
    """Start it in a thread (keys generated on first use); `.url`, `.stop()`."""
    # Every `jpki` run imports this module (to build its parser), few start an agency:
    # local import: the server is slow to import (http.server, ssl, the verifier)
    from ..agency.server import start_agency

    return start_agency(directory or default_demo_agency_dir(), port)

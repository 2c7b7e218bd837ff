"""Where the reference (demo) agency lives: its data directory, and the URL file through which
a running agency tells clients its port. Only this module reads or writes that file."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import platformdirs

HOST = "127.0.0.1"  # the reference agency never listens anywhere else
DEFAULT_DEMO_PORT = 47443
URL_FILE = "url"


def default_demo_agency_dir() -> Path:
    """`$JPKI_DEMO_AGENCY`, else `<user data dir>/jpki-desktop/demo-agency`."""
    env = os.environ.get("JPKI_DEMO_AGENCY")
    if env:
        return Path(env)
    return Path(platformdirs.user_data_dir("jpki-desktop")) / "demo-agency"


def demo_base_url(directory: Path | None = None) -> str:
    """The running agency's base URL, or the default port's when none has announced itself."""
    path = (directory or default_demo_agency_dir()) / URL_FILE
    try:
        url = path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        url = ""
    return url if url.startswith(f"https://{HOST}:") else f"https://{HOST}:{DEFAULT_DEMO_PORT}"


def announce_url(directory: Path, url: str) -> None:
    (directory / URL_FILE).write_text(url, encoding="ascii")


def withdraw_url(directory: Path, url: str) -> None:
    """Remove the URL file if it still names `url` (another agency may have started since)."""
    path = directory / URL_FILE
    with contextlib.suppress(OSError, UnicodeDecodeError):
        if path.read_text(encoding="ascii").strip() == url:
            path.unlink()

"""What one GUI run was started with: `jpki-desktop [--demo] [--reader R] [--lang L] [FILE...]`
(parsed by `ui/app.py`, used by `ui/assembly.py` to build the window)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Options:
    demo: bool = False  # the built-in virtual card, the local agency and revocation services
    reader: str | None = None  # a reader name; else the one in the settings
    language: str | None = None  # "ja" / "en"; else the one in the settings
    files: tuple[str, ...] = ()  # signed files to verify once the pages exist

"""The PC/SC adapter (`card.pcsc`), imported on first use.

Importing pyscard loads the system PC/SC library (libpcsclite on Linux) at import time, so the
import fails on a machine without it. `--demo`, the GUI's start and `jpki diagnose` (which
reports exactly that) must work there, so no module imports `card.pcsc` at module level: code
that talks to a reader calls :func:`load_pcsc` when it first needs one. This is the tree's only
lazy import of the adapter.
"""

from __future__ import annotations

from types import ModuleType


def load_pcsc() -> ModuleType:
    """`jpki_desktop.card.pcsc`. Raises ImportError when pyscard or the PC/SC library is missing."""
    # local import: pyscard loads libpcsclite on import, which may be missing (--demo needs neither)
    from . import pcsc

    return pcsc

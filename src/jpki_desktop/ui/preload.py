"""Import, at start-up, what card jobs and background tasks will need.

PySide6's `__feature__` import hook reads the source of every module imported after PySide6
(inspect.getsource) while holding the GIL. A first import on the card thread in the middle of
signing therefore froze the GUI thread for tens of milliseconds. Importing these before the
window shows moves that cost to start-up, where nobody is waiting for a repaint.
"""

from __future__ import annotations

import importlib
import logging

logger = logging.getLogger(__name__)

MODULES = (
    "jpki_desktop.signing.card_signer",
    "jpki_desktop.signing.package",
    "jpki_desktop.signing.cades",
    "jpki_desktop.signing.verify",
    "jpki_desktop.procedures",
    "jpki_desktop.validity.check",
    "jpki_desktop.validity.reminders",
    "jpki_desktop.validity.attributes",
    "jpki_desktop.diagnostics",
    "jpki_desktop.diagnostics.report",
    "jpki_desktop.diagnostics.environment",
    "jpki_desktop.submission",
    "jpki_desktop.card.cardinfo",
    "jpki_desktop.card.monitor",
)


def preload(extra: tuple[str, ...] = ()) -> None:
    for name in (*MODULES, *extra):
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 - a missing optional part shows up later, where it is used
            logger.warning("could not preload %s", name, exc_info=True)

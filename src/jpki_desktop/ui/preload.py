"""Import, at start-up, everything card jobs and background tasks will run: the application
layer and, through its module-level imports, the core it calls.

Why: PySide6's `__feature__` import hook reads the source of every module imported after
PySide6 (inspect.getsource) while holding the GIL, so a first import on the card thread in the
middle of signing froze the GUI thread for tens of milliseconds. The GUI calls only `app/`,
and the architecture test keeps function-local imports to a few listed ones, so importing
every `app` module here leaves nothing to import later; no hand-kept list to go stale.
"""

from __future__ import annotations

import importlib
import logging
import pkgutil

from .. import app

logger = logging.getLogger(__name__)


def application_modules() -> list[str]:
    return [m.name for m in pkgutil.walk_packages(app.__path__, f"{app.__name__}.")]


def preload(extra: tuple[str, ...] = ()) -> None:
    """`extra`: what a use case imports only when called (`app.agency`'s server, in --demo)."""
    for name in (*application_modules(), *extra):
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 - a missing optional part shows up later, where it is used
            logger.warning("could not preload %s", name, exc_info=True)

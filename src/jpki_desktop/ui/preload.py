"""Import what the GUI runs besides its first window: the rest of the ui (`ui/assembly.py`,
which imports every page), the application layer and, through its module-level imports, the
core it calls.

`main()` shows the window first and runs `load_in_background()`: the imports run on a pool
thread while the GUI thread keeps answering (Python hands the GIL over every few
milliseconds), and the window is filled in once they are done. Garbage collection is off
meanwhile: a full collection over the hundreds of modules half loaded is one C call that held
the GIL, and so the GUI thread, for 40-60 ms (gen 2 at about 520 modules, measured with
gc.callbacks); once the GUI is built, `freeze_startup_objects()` moves everything loaded out
of the collector's way, so later full collections (e.g. while signing) only scan what the
session made.

Why load everything before the first card job: the card thread and background tasks then
never import anything for the first time mid-signing (a first import there used to freeze the
GUI). The GUI calls only `app/`, and the architecture test keeps function-local imports to a
few listed ones, so importing every `app` module here leaves nothing to import later; no
hand-kept list to go stale.
"""

from __future__ import annotations

import gc
import importlib
import logging
import pkgutil
import threading
from types import ModuleType

from .. import app
from .tasks import Task, run_task

logger = logging.getLogger(__name__)
ASSEMBLY = "jpki_desktop.ui.assembly"
DEMO_AGENCY_MODULES = ("jpki_desktop.agency.server",)  # what app.agency imports when called
# On a real reader: the PC/SC adapter, which card.pcsc_loader imports only when first asked
# (libpcsclite may be missing); loaded here, the card thread never imports it mid-read.
READER_MODULES = ("jpki_desktop.card.pcsc",)
_cancel = threading.Event()  # the window closed while loading: stop at the next module
_idle = threading.Event()  # no load running
_idle.set()


class LoadCancelled(Exception):
    """The window closed before the GUI was loaded."""


def application_modules() -> list[str]:
    return [m.name for m in pkgutil.walk_packages(app.__path__, f"{app.__name__}.")]


def preload(extra: tuple[str, ...] = ()) -> None:
    """`extra`: what a use case imports only when called (`app.agency`'s server, in --demo)."""
    for name in (*application_modules(), *extra):
        if _cancel.is_set():
            return
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 - a missing optional part shows up later, where it is used
            logger.warning("could not preload %s", name, exc_info=True)


def load(demo: bool) -> ModuleType:
    """Import everything (here, on the calling thread); returns `ui.assembly`."""
    _idle.clear()
    try:
        preload(DEMO_AGENCY_MODULES if demo else READER_MODULES)
        if _cancel.is_set():
            raise LoadCancelled
        return importlib.import_module(ASSEMBLY)
    finally:
        _idle.set()


def load_in_background(demo: bool) -> Task:
    """`load(demo)` on a pool thread; the task's `finished` brings `ui.assembly`."""
    _idle.clear()  # from now: the pool may take a moment to start it
    return run_task(load, demo)


def cancel_loading(timeout: float = 10.0) -> None:
    """The app is quitting: stop a background load after the module it is importing, and wait
    for it (an import still running while the interpreter shuts down fails noisily)."""
    _cancel.set()
    _idle.wait(timeout)


def pause_collection() -> None:
    gc.disable()


def freeze_startup_objects() -> None:
    """Start-up is over: what it loaded stays for the whole run, out of the collector's scans."""
    gc.freeze()
    gc.enable()

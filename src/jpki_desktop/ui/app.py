"""Entry point of the desktop GUI: `jpki-desktop [--demo] [--reader NAME] [--lang ja|en] [FILE...]`.

Start-up shows the window first: this module imports only Qt and the light ui modules, so the
window (every page's title, a placeholder in each page's place, the menus) is on screen about
as fast as a bare Qt window. The rest of the GUI, the application layer and the core are then
imported off the GUI thread (`ui/preload.py`) and the pages built into the window one per turn
of the event loop (`ui/assembly.py`), so the GUI keeps answering while it loads.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from collections.abc import Callable, Sequence
from types import ModuleType
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QApplication, QMessageBox

from . import preload
from .i18n import Translations
from .main_window import MainWindow
from .options import Options
from .settings import Settings
from .theme import apply_cjk_font

if TYPE_CHECKING:
    from ..app.card_source import CardSource
    from ..app.flow import ApplicationFlow
    from .assembly import Plan
    from .card_service import SourceFactory
    from .context import AppContext

logger = logging.getLogger(__name__)


def parse_args(argv: Sequence[str]) -> Options:
    p = argparse.ArgumentParser(
        prog="jpki-desktop", description="My Number card / JPKI desktop client"
    )
    p.add_argument(
        "--demo", action="store_true", help="use the built-in virtual card (no reader needed)"
    )
    p.add_argument("--reader", help="card reader name (default: the first one holding a card)")
    p.add_argument(
        "--lang", choices=["ja", "en"], help="user interface language (default: saved, else ja)"
    )
    p.add_argument("files", nargs="*", help="signed files to verify")
    a = p.parse_args(list(argv))
    return Options(a.demo, a.reader, a.lang, tuple(a.files))


def ensure_application(argv: Sequence[str] = ()) -> QApplication:
    # only a QApplication is ever made in this process (here or by the tests)
    app = cast(QApplication | None, QApplication.instance())
    if app is None:
        app = QApplication(["jpki-desktop", *argv])
    app.setApplicationName("jpki-desktop")
    app.setOrganizationName("jpki-desktop")
    apply_cjk_font(app)
    return app


def build(
    options: Options,
    *,
    source: CardSource | SourceFactory | None = None,
    settings: Settings | None = None,
    poll_ms: int = 250,
    flow_backend: ApplicationFlow | None = None,
) -> tuple[MainWindow, AppContext]:
    """Create the context and the whole window at once, and start the card thread."""
    assembly = preload.load(options.demo)
    settings = settings or Settings()
    translations = Translations()
    translations.switch(options.language or settings.language)
    window = MainWindow(demo=options.demo)
    plan = assembly.plan(
        window,
        options,
        settings=settings,
        translations=translations,
        source=source,
        poll_ms=poll_ms,
        flow_backend=flow_backend,
    )
    for step in plan.first:
        step()
    return window, plan.ctx


class Startup(QObject):
    """After the window is shown: load the rest in the background, build the first page and
    start the card thread, one step per turn of the event loop; once the first card read has
    settled (or after SETTLE_MS), build the other pages the same way. `done` is called once
    everything is up. A page the user opens before it is built is built next."""

    shown = Signal()  # the window's first expose

    SETTLE_MS = 3000  # the longest the other pages wait for the first card read
    EXPOSE_WAIT_MS = 500  # the longest loading waits for the window to be exposed

    def __init__(
        self,
        window: MainWindow,
        options: Options,
        settings: Settings,
        translations: Translations,
        done: Callable[[ModuleType], None] = lambda _assembly: None,
        *,
        source: CardSource | SourceFactory | None = None,
    ) -> None:
        super().__init__(window)
        self.window, self.options, self.source = window, options, source
        self.settings, self.translations = settings, translations
        self.done = done
        self.ctx: AppContext | None = None
        self._assembly: ModuleType | None = None
        self._plan: Plan | None = None
        self._queue: list[tuple[str, Callable[[], None]]] = []  # (page id or "", step)
        self._wanted: list[str] = []
        self._phase = "loading"  # -> "first" -> "waiting" -> "rest" -> "done"
        self._loading = False
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._next)
        window.pageWanted.connect(self._want)

    def begin(self) -> None:
        """Start loading once the window is on screen (its first expose), so the loader's
        thread does not compete with the GUI thread for the GIL before that."""
        handle = self.window.windowHandle()
        if handle is None or handle.isExposed():
            self._exposed()
            return
        handle.installEventFilter(self)
        QTimer.singleShot(self.EXPOSE_WAIT_MS, self._load)  # e.g. started minimised

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Expose and isinstance(obj, QWindow) and obj.isExposed():
            obj.removeEventFilter(self)
            self._exposed()
        return False

    def _exposed(self) -> None:
        self.shown.emit()
        QTimer.singleShot(0, self._load)  # after this expose has been painted

    def _load(self) -> None:
        if self._loading:
            return
        self._loading = True
        task = preload.load_in_background(self.options.demo)
        task.finished.connect(self._loaded)
        task.failed.connect(self._failed)

    def _loaded(self, assembly: ModuleType) -> None:
        self._assembly = assembly
        self._plan = plan = assembly.plan(
            self.window,
            self.options,
            settings=self.settings,
            translations=self.translations,
            source=self.source,
            staged=True,
        )
        self._run("first", [("", step) for step in plan.first])

    def _run(self, phase: str, steps: list[tuple[str, Callable[[], None]]]) -> None:
        self._phase, self._queue = phase, list(steps)
        for page_id in self._wanted:  # the one asked for last ends up first
            self._prioritise(page_id)
        self._timer.start()

    def _want(self, page_id: str) -> None:
        """Build `page_id` next (the page asked for last goes first); the user asking for a
        page ends the wait for the first card read."""
        if page_id in self._wanted:
            self._wanted.remove(page_id)
        self._wanted.append(page_id)
        if self._phase == "rest":
            self._prioritise(page_id)
        elif self._phase == "waiting":
            self._settled()

    def _prioritise(self, page_id: str) -> None:
        wanted = [entry for entry in self._queue if entry[0] == page_id]
        self._queue = wanted + [entry for entry in self._queue if entry[0] != page_id]

    def _next(self) -> None:
        if self._queue:
            _page_id, step = self._queue.pop(0)
            step()
            assert self._plan is not None  # the queue holds its steps
            self.ctx = self._plan.ctx
        if self._queue:
            return
        self._timer.stop()
        if self._phase == "first":
            self._phase = "waiting"
            assert self.ctx is not None
            self.ctx.service.stateChanged.connect(self._state)
            QTimer.singleShot(self.SETTLE_MS, self, self._settled)
            self._state(self.ctx.service.state)
        elif self._phase == "rest":
            self._phase = "done"
            assert self._assembly is not None
            self.done(self._assembly)

    def _state(self, state: object) -> None:
        assert self._assembly is not None
        if self._assembly.first_read_settled(state):
            self._settled()

    def _settled(self) -> None:
        if self._phase == "waiting":
            assert self.ctx is not None and self._plan is not None
            self.ctx.service.stateChanged.disconnect(self._state)
            self._run("rest", self._plan.rest)

    def _failed(self, exc: BaseException) -> None:
        logger.error("the GUI could not be loaded: %s", type(exc).__name__)
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            self.tr("jpki-desktop could not start"),
            self.tr(
                "Part of the application could not be loaded (%1). Reinstall jpki-desktop."
            ).replace("%1", type(exc).__name__),
            QMessageBox.StandardButton.Close,
            self.window,
        )
        box.setObjectName("startupFailedBox")
        box.finished.connect(lambda _result: self.window.close())
        box.open()


def shutdown(ctx: AppContext) -> None:
    ctx.shutdown()


def exit_when_shown() -> None:
    """Print the monotonic time of the first expose and end the process at once."""
    sys.stdout.write(f"shown {time.monotonic()!r}\n")
    sys.stdout.flush()
    os._exit(0)


def main(argv: Sequence[str] | None = None) -> int:
    preload.pause_collection()  # until the GUI is built (see ui/preload.py)
    options = parse_args(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    app = ensure_application()
    settings = Settings()
    translations = Translations()
    translations.switch(options.language or settings.language)
    window = MainWindow(demo=options.demo)
    window.resize(1000, 720)
    window.show()

    def ready(assembly: ModuleType) -> None:
        assembly.install_excepthook(window)
        assembly.open_files(window, options.files)
        preload.freeze_startup_objects()

    startup = Startup(window, options, settings, translations, ready)
    if os.environ.get("JPKI_EXIT_WHEN_SHOWN"):  # benchmarks/startup.py: time to first window
        startup.shown.connect(exit_when_shown)
    startup.begin()
    code = app.exec()
    preload.cancel_loading()  # closed before the GUI was loaded
    if startup.ctx is not None:
        shutdown(startup.ctx)
    return code


if __name__ == "__main__":
    sys.exit(main())

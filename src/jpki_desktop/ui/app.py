"""Entry point of the desktop GUI: `jpki-desktop [--demo] [--reader NAME] [--lang ja|en] [FILE...]`."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ..app.agency import start_demo_agency as start_reference_agency
from ..app.card_source import CardSource, PcscSource, VirtualSource
from ..app.flow import ApplicationFlow
from ..app.monitor import watch
from ..app.submission import client_settings
from ..app.validity import start_demo_responder
from . import accessibility
from .card_service import CardService, SourceFactory
from .context import AppContext
from .dialogs.common import show_error
from .i18n import Translations
from .main_window import MainWindow
from .messages import describe_any
from .pages.certificates import CertificatesPage
from .pages.diagnostics import DiagnosticsPage
from .pages.expiry import ExpiryPage
from .pages.flow import FlowPage
from .pages.my_card import MyCardPage
from .pages.settings import SettingsPage
from .pages.sign_pdf import SignPdfPage
from .pages.verify import VerifyPage
from .preload import preload
from .settings import Settings
from .tasks import run_task
from .theme import apply_cjk_font

logger = logging.getLogger(__name__)
DEMO_AGENCY_MODULES = ("jpki_desktop.agency.server",)  # started in a background task


@dataclass
class Options:
    demo: bool = False
    reader: str | None = None
    language: str | None = None
    files: tuple[str, ...] = ()


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
    accessibility.install()
    return app


def build_pages(ctx: AppContext) -> list:
    return [
        MyCardPage(ctx),
        CertificatesPage(ctx),
        ExpiryPage(ctx),
        FlowPage(ctx, ctx.flow_backend),
        SignPdfPage(ctx),
        VerifyPage(ctx),
        DiagnosticsPage(ctx),
        SettingsPage(ctx),
    ]


def build(
    options: Options,
    *,
    source: CardSource | SourceFactory | None = None,
    settings: Settings | None = None,
    poll_ms: int = 250,
    flow_backend: ApplicationFlow | None = None,
) -> tuple[MainWindow, AppContext]:
    """Create the context and the main window, and start the card thread."""
    preload(DEMO_AGENCY_MODULES if options.demo else ())
    settings = settings or Settings()
    translations = Translations()
    translations.switch(options.language or settings.language)
    monitor = None
    if source is None:
        source = (
            VirtualSource.demo if options.demo else PcscSource(options.reader or settings.reader)
        )
    if isinstance(source, PcscSource):
        monitor = watch
    service = CardService(
        source, poll_ms=poll_ms, monitor_factory=monitor, card_cache=settings.card_cache
    )
    s = settings
    flow = flow_backend or ApplicationFlow(
        settings=lambda: client_settings(s.proxy_mode.value, s.get("proxy_url") or ""),
        endpoint=lambda: s.get("agency_url"),
        tsa_url=lambda: s.get("tsa_url") or "",
    )
    ctx = AppContext(service, settings, translations, demo=options.demo, flow_backend=flow)
    window = MainWindow(ctx, build_pages(ctx))
    service.start()
    if options.demo and flow_backend is None:
        start_demo_agency(ctx)
    if options.demo:
        start_demo_revocation(ctx)
    return window, ctx


def start_demo_revocation(ctx: AppContext) -> None:
    """--demo: the test PKI's own CRL/OCSP responder on 127.0.0.1, so the Expiry page's
    validity check runs for real (J-LIS answers only licensed verifiers)."""

    def started(service) -> None:  # noqa: ANN001
        ctx.demo_revocation = service
        if not ctx.service._running:  # the window closed meanwhile
            service.stop()

    def start() -> None:
        task = run_task(start_demo_responder)
        task.finished.connect(started)
        task.failed.connect(
            lambda exc: logger.warning(
                "demo revocation service did not start: %s", type(exc).__name__
            )
        )

    if ctx.service.source is not None:
        start()
    else:
        ctx.service.sourceReady.connect(start, Qt.ConnectionType.SingleShotConnection)


def start_demo_agency(ctx: AppContext) -> None:
    """--demo: the local reference agency endpoint on 127.0.0.1 (keys generated on first use),
    started off the GUI thread; the demo procedures find it through its URL file."""

    def started(agency) -> None:  # noqa: ANN001
        ctx.demo_agency = agency
        if not ctx.service._running:  # the window closed meanwhile
            agency.stop()

    def start() -> None:
        task = run_task(start_reference_agency)
        task.finished.connect(started)
        task.failed.connect(
            lambda exc: logger.warning("demo agency did not start: %s", type(exc).__name__)
        )

    # The agency trusts the demo card's CA, read from the card store: start it only once the
    # card thread has loaded (or created) that store, or both would create a different card.
    if ctx.service.source is not None:
        start()
    else:
        ctx.service.sourceReady.connect(start, Qt.ConnectionType.SingleShotConnection)


def shutdown(ctx: AppContext) -> None:
    ctx.shutdown()


def install_excepthook(window: MainWindow) -> None:
    """An unexpected error shows a dialog naming it (details in the log) instead of vanishing
    into the terminal. Exceptions never carry PINs (the card layer guarantees it)."""
    previous = sys.excepthook

    def hook(kind, value, tb) -> None:  # noqa: ANN001
        logger.error("unexpected error", exc_info=(kind, value, tb))
        try:
            show_error(window, describe_any(value), name="crashBox")
        except Exception:  # noqa: BLE001 - never fail inside the hook
            previous(kind, value, tb)

    sys.excepthook = hook


def main(argv: Sequence[str] | None = None) -> int:
    options = parse_args(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    app = ensure_application()
    window, ctx = build(options)
    window.resize(1000, 720)
    window.show()
    install_excepthook(window)
    flow = window.page("flow")
    if isinstance(flow, FlowPage):
        flow.flush_outbox(delay_ms=3000)  # packages left by an earlier run
    if options.files:  # e.g. opened from the file manager (the desktop entry passes %F)
        window.show_page("verify")
        verify_page = window.page("verify")
        assert isinstance(verify_page, VerifyPage)  # build() always adds it
        verify_page.verify(options.files[0])
    code = app.exec()
    shutdown(ctx)
    return code


if __name__ == "__main__":
    sys.exit(main())

"""The rest of the GUI, put into a window that is already shown: the card service, the context,
the pages, the demo services.

`ui/app.py` imports this module (and with it the application layer and the core) only after the
first window is on screen, off the GUI thread (`ui/preload.py`); `plan()` then builds the GUI
in pieces the event loop runs one at a time, each short enough to keep the window responsive.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Qt

from ..app.agency import start_demo_agency as start_reference_agency
from ..app.card_source import CardSource, PcscSource, VirtualSource
from ..app.card_state import CardState, Presence
from ..app.flow import ApplicationFlow
from ..app.monitor import watch
from ..app.submission import client_settings
from ..app.validity import start_demo_responder
from . import accessibility
from .card_service import CardService, SourceFactory
from .context import AppContext
from .dialogs.change_pin import open_change_pin
from .dialogs.common import show_error, show_message
from .help import HelpDialog
from .i18n import Translations
from .main_window import MainWindow, WindowParts
from .messages import describe_any, presence_text
from .options import Options
from .pages.base import Page
from .pages.certificates import CertificatesPage
from .pages.diagnostics import DiagnosticsPage
from .pages.expiry import ExpiryPage
from .pages.flow import STEP_CLASSES as FLOW_STEPS
from .pages.flow import FlowPage
from .pages.my_card import MyCardPage
from .pages.settings import SettingsPage
from .pages.sign_pdf import SignPdfPage
from .pages.verify import VerifyPage
from .settings import Settings
from .tasks import run_task

logger = logging.getLogger(__name__)

Step = Callable[[], None]


@dataclass
class Plan:
    """The steps that build the GUI into a shown window, and what they made (`ctx`).

    `first` ends with the card thread started; `rest` (empty unless staged) is run once the
    first card read has settled, so the pages it builds render that state one by one instead
    of all at once when it arrives."""

    window: MainWindow
    first: list[Step] = field(default_factory=list)
    rest: list[tuple[str, Step]] = field(default_factory=list)  # (page id, step)
    ctx: AppContext | None = None


def page_classes() -> list[type[Page]]:
    """Navigation order: the first page is the one the window opens on."""
    return [
        MyCardPage,
        CertificatesPage,
        ExpiryPage,
        FlowPage,
        SignPdfPage,
        VerifyPage,
        DiagnosticsPage,
        SettingsPage,
    ]


def first_read_settled(state: CardState) -> bool:
    """The card thread has finished its first look: a card read, or no card to read."""
    return state.presence not in (Presence.STARTING, Presence.READING)


def window_parts() -> WindowParts:
    return WindowParts(
        status_text=lambda state: presence_text(state)[0],
        change_pin=open_change_pin,
        help_dialog=HelpDialog,
        show_message=show_message,
    )


def plan(
    window: MainWindow,
    options: Options,
    *,
    settings: Settings,
    translations: Translations,
    source: CardSource | SourceFactory | None = None,
    poll_ms: int = 250,
    flow_backend: ApplicationFlow | None = None,
    staged: bool = False,
) -> Plan:
    """The GUI built into `window` in steps: the context, the pages, then the menus and the
    status line, the card thread and (in --demo) the local agency and revocation services.

    All at once (`build()`): every page exists before the card thread starts. `staged`
    (`main()`, one step per turn of the event loop): the first page, then the card thread;
    each other page is built in one step and shown the card state in the next; the demo
    services last."""
    made = Plan(window)
    demo = options.demo

    def context() -> None:
        """The card service (not started yet), the home-use flow and the context every page
        gets."""
        accessibility.install()  # before the first combo box
        card_source = source
        if card_source is None:
            card_source = (
                VirtualSource.demo if demo else PcscSource(options.reader or settings.reader)
            )
        monitor = watch if isinstance(card_source, PcscSource) else None
        service = CardService(
            card_source, poll_ms=poll_ms, monitor_factory=monitor, card_cache=settings.card_cache
        )
        s = settings
        flow = flow_backend or ApplicationFlow(
            settings=lambda: client_settings(s.proxy_mode.value, s.get("proxy_url") or ""),
            endpoint=lambda: s.get("agency_url"),
            tsa_url=lambda: s.get("tsa_url") or "",
        )
        made.ctx = AppContext(service, settings, translations, demo=demo, flow_backend=flow)

    def build(cls: type[Page]) -> Step:
        def add() -> None:
            assert made.ctx is not None  # the context step ran first
            if cls is FlowPage:
                window.add_page(FlowPage(made.ctx, made.ctx.flow_backend, all_steps=not staged))
            else:
                window.add_page(cls(made.ctx))

        return add

    def render(cls: type[Page]) -> Step:
        def show_state() -> None:  # what the page missed before it existed
            page = window.page(cls.page_id)
            assert made.ctx is not None and page is not None
            page._on_state(made.ctx.service.state)

        return show_state

    def page_steps(cls: type[Page]) -> list[Step]:
        """Build, (the flow: one wizard step at a time), then show the card state."""
        steps = [build(cls)]
        if cls is FlowPage:
            steps += [add_flow_step] * len(FLOW_STEPS)
        return [*steps, render(cls)]

    def add_flow_step() -> None:
        page = window.page(FlowPage.page_id)
        assert isinstance(page, FlowPage)
        page.add_step()

    def start() -> None:
        # the window follows the card state after the pages built so far, as each page
        # follows it from its constructor on
        assert made.ctx is not None
        window.attach(made.ctx, window_parts())
        made.ctx.service.start()

    def demo_services() -> None:
        assert made.ctx is not None
        if demo and flow_backend is None:
            start_demo_agency(made.ctx)
        if demo:
            start_demo_revocation(made.ctx)

    first_page, *others = page_classes()
    if staged:  # the demo servers last: their start-up would compete for the GIL with the pages
        made.first = [context, build(first_page), start]
        made.rest = [(cls.page_id, step) for cls in others for step in page_steps(cls)]
        made.rest.append(("", demo_services))
    else:
        made.first = [context, *(build(cls) for cls in page_classes()), start, demo_services]
    return made


def start_demo_revocation(ctx: AppContext) -> None:
    """--demo: the test PKI's own CRL/OCSP responder on 127.0.0.1, so the Expiry page's
    validity check runs for real (J-LIS answers only licensed verifiers)."""
    _start_demo_service(ctx, start_demo_responder, "demo_revocation", "demo revocation service")


def start_demo_agency(ctx: AppContext) -> None:
    """--demo: the local reference agency endpoint on 127.0.0.1 (keys generated on first use),
    started off the GUI thread; the demo procedures find it through its URL file."""
    _start_demo_service(ctx, start_reference_agency, "demo_agency", "demo agency")


def _start_demo_service(
    ctx: AppContext, start_service: Callable[[], Any], attribute: str, what: str
) -> None:
    """Start a --demo server off the GUI thread and keep it as `ctx.<attribute>` (stopped at
    once if the window closed meanwhile)."""

    def started(service) -> None:  # noqa: ANN001
        setattr(ctx, attribute, service)
        if not ctx.service._running:  # the window closed meanwhile
            service.stop()

    def start() -> None:
        task = run_task(start_service)
        task.finished.connect(started)
        task.failed.connect(
            lambda exc: logger.warning("%s did not start: %s", what, type(exc).__name__)
        )

    # The agency trusts the demo card's CA, read from the card store (and the responder
    # serves the test PKI's status): start only once the card thread has loaded (or created)
    # that store, or both would create a different card.
    if ctx.service.source is not None:
        start()
    else:
        ctx.service.sourceReady.connect(start, Qt.ConnectionType.SingleShotConnection)


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


def open_files(window: MainWindow, files: tuple[str, ...]) -> None:
    """Once the pages exist: send what an earlier run left in the outbox, and verify the files
    given on the command line (e.g. opened from the file manager; the desktop entry passes %F)."""
    flow = window.page("flow")
    if isinstance(flow, FlowPage):
        flow.flush_outbox(delay_ms=3000)  # packages left by an earlier run
    if files:
        window.show_page("verify")
        verify_page = window.page("verify")
        assert isinstance(verify_page, VerifyPage)  # plan() always adds it
        verify_page.verify(files[0])

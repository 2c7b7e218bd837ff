"""The main window: navigation, one stacked page per task, menus, and a live status line.

It is shown before the rest of the GUI is loaded (see `ui/app.py`): the window itself imports
only Qt and the light ui modules, shows every page's title in the navigation and a placeholder
in each page's place, and `attach()` then gives it the card service and `add_page()` each page
as it is built. What it calls later (messages, dialogs, help) comes in `WindowParts`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QScrollArea,
    QStackedWidget,
    QWidget,
)

from .. import __version__
from .i18n import LANGUAGES
from .widgets.base import Retranslatable

if TYPE_CHECKING:
    from ..app.card_state import CardState
    from ..card.pins import PinKind
    from .context import AppContext
    from .pages.base import Page

# Every page in navigation order, with its title as the page class translates it (context,
# English source): the window shows them before the pages exist. tests/ui/test_startup.py
# checks them against the pages' own titles.
PAGE_TITLES = (
    ("card", "MyCardPage", "My card"),
    ("certificates", "CertificatesPage", "Certificates"),
    ("expiry", "ExpiryPage", "Expiry"),
    ("flow", "FlowPage", "Apply online"),
    ("sign_pdf", "SignPdfPage", "Sign PDF"),
    ("verify", "VerifyPage", "Verify"),
    ("diagnostics", "DiagnosticsPage", "Diagnostics"),
    ("settings", "SettingsPage", "Settings"),
)


@dataclass(frozen=True)
class WindowParts:
    """What the window calls once the rest of the GUI is loaded (given by `ui/assembly.py`)."""

    status_text: Callable[[CardState], str]
    change_pin: Callable[..., Any]  # (ctx, parent, kind) -> the dialog or None
    help_dialog: Callable[..., Any]  # (page_id, demo=, parent=) -> a QDialog
    show_message: Callable[..., Any]  # dialogs.common.show_message


class MainWindow(Retranslatable, QMainWindow):
    pageWanted = Signal(str)  # the user opened a page that is not built yet

    def __init__(self, *, demo: bool = False) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.demo = demo
        self.ctx: AppContext | None = None
        self.parts: WindowParts | None = None
        self.page_ids = [page_id for page_id, _context, _title in PAGE_TITLES]
        self.pages: list[Page] = []  # in navigation order, as they are added
        self._placeholders: dict[str, QLabel] = {}  # in the place of the pages not built yet
        self.nav = QListWidget(self)
        self.nav.setObjectName("nav")
        self.keep_text(self.nav.setAccessibleName, lambda: self.tr("Pages"))
        self.stack = QStackedWidget(self)
        self.nav.setSpacing(2)
        for page_id in self.page_ids:
            self._add_slot(page_id)
        self.nav.currentRowChanged.connect(self._on_row)
        central = QWidget(self)
        row = QHBoxLayout(central)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.state_label = QLabel(self)
        self.state_label.setObjectName("statusCard")
        self.busy_label = QLabel(self)
        self.busy_label.setObjectName("statusBusy")
        self.statusBar().addWidget(self.state_label, 1)
        self.statusBar().addPermanentWidget(self.busy_label)
        self._build_menus()
        self.nav.setCurrentRow(0)
        self.retranslate()

    def _add_slot(self, page_id: str) -> None:
        self.nav.addItem(QListWidgetItem())
        placeholder = QLabel(self.stack)
        placeholder.setObjectName("pageLoading")
        placeholder.setStyleSheet("qproperty-alignment: AlignCenter;")  # no Qt.* (see below)
        self.stack.addWidget(placeholder)
        self._placeholders[page_id] = placeholder

    # -- assembly ---------------------------------------------------------------------------

    def attach(self, ctx: AppContext, parts: WindowParts) -> None:
        """The card service and the rest of the GUI are loaded: wire the menus and the status."""
        self.ctx, self.parts = ctx, parts
        ctx.navigate = self.show_page
        # Not before: the first window touches no `Qt.*` enum (PySide6 builds all ~130 of the
        # Qt namespace on the first access, ~45 ms, before the window could be shown).
        self.nav.setTextElideMode(QtCore.Qt.TextElideMode.ElideNone)
        self.refresh_action.triggered.connect(ctx.service.refresh)
        self.remove_action.triggered.connect(ctx.service.simulate_removal)
        self.insert_action.triggered.connect(ctx.service.simulate_insertion)
        ctx.service.stateChanged.connect(self._on_state)
        ctx.service.busyChanged.connect(self._on_busy)
        ctx.service.stateChanged.connect(ctx.session.on_state)
        for act in self._needs_attach():
            act.setEnabled(True)
        self.retranslate()

    def add_page(self, page: Page) -> None:
        """Put a built page in its place (a page the table does not name goes last)."""
        if page.page_id not in self.page_ids:
            self.page_ids.append(page.page_id)
            self._add_slot(page.page_id)
            self._add_go_action(len(self.page_ids) - 1, page.page_id)
        index = self.page_ids.index(page.page_id)
        widget: QWidget = page
        if not getattr(
            page, "own_scrolling", False
        ):  # else it keeps its header and buttons in view
            scroll = QScrollArea(self.stack)
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QScrollArea.Shape.NoFrame)
            scroll.setWidget(page)
            widget = scroll
        current = self.nav.currentRow()
        placeholder = self._placeholders.pop(page.page_id)
        self.stack.insertWidget(index, widget)
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()
        self.stack.setCurrentIndex(current)
        self.pages.append(page)
        self.pages.sort(key=lambda p: self.page_ids.index(p.page_id))
        if page.page_id == "card" and hasattr(page, "change_button"):
            page.change_button.clicked.connect(lambda: self.change_pin())
        self.retranslate()
        if index == current:
            page.on_shown()

    # -- navigation -------------------------------------------------------------------------

    def page(self, page_id: str) -> Page | None:
        return next((p for p in self.pages if p.page_id == page_id), None)

    def show_page(self, page_id: str) -> None:
        if page_id in self.page_ids:
            self.nav.setCurrentRow(self.page_ids.index(page_id))

    def current_page_id(self) -> str:
        return self.page_ids[self.nav.currentRow()]

    def current_page(self) -> Page | None:
        """None while the page is still being built."""
        return self.page(self.current_page_id())

    def _on_row(self, row: int) -> None:
        if 0 <= row < len(self.page_ids):
            self.stack.setCurrentIndex(row)
            page = self.page(self.page_ids[row])
            if page is not None:
                page.on_shown()
            else:
                self.pageWanted.emit(self.page_ids[row])

    # -- menus ------------------------------------------------------------------------------

    def _menu(self, title: Callable[[], str]) -> QMenu:
        menu = self.menuBar().addMenu("")
        self.keep_text(menu.setTitle, title)
        return menu

    def _action(
        self,
        menu,
        slot,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        name: str = "",
    ) -> QAction:  # noqa: ANN001
        act = QAction(self)
        act.setObjectName(name)
        if shortcut:
            # setShortcuts, not setShortcut: resolving setShortcut's overloads touches Qt.Key
            # and so builds the whole Qt namespace (see attach())
            act.setShortcuts([QKeySequence(shortcut)])
        if slot is not None:
            act.triggered.connect(slot)
        menu.addAction(act)
        return act

    def _build_menus(self) -> None:
        """Every menu from the first frame; what needs the card service or a dialog is enabled
        by `attach()`."""
        self.file_menu = self._menu(lambda: self.tr("&File"))
        self.quit_action = self._action(
            self.file_menu, self.close, QKeySequence.StandardKey.Quit, "quitAction"
        )
        self.keep_text(self.quit_action.setText, lambda: self.tr("&Quit"))
        self.card_menu = card = self._menu(lambda: self.tr("&Card"))
        self.refresh_action = self._action(card, None, "F5", "refreshAction")
        self.keep_text(self.refresh_action.setText, lambda: self.tr("&Read the card again"))
        self.change_action = self._action(card, lambda: self.change_pin(), None, "changePinAction")
        self.keep_text(self.change_action.setText, lambda: self.tr("&Change password…"))
        self.remove_action = self._action(card, None, "Ctrl+Shift+E", "simulateRemoveAction")
        self.keep_text(
            self.remove_action.setText, lambda: self.tr("Simulate &removing the card (demo)")
        )
        self.insert_action = self._action(card, None, "Ctrl+Shift+I", "simulateInsertAction")
        self.keep_text(
            self.insert_action.setText, lambda: self.tr("Simulate &inserting the card (demo)")
        )
        for act in (self.remove_action, self.insert_action):
            act.setVisible(self.demo)
        self.go_menu = self._menu(lambda: self.tr("&Go"))
        self.go_actions: list[QAction] = []
        for i, page_id in enumerate(self.page_ids):
            self._add_go_action(i, page_id)
        self.language_menu = self._menu(lambda: self.tr("&Language"))
        group = QActionGroup(self)
        self.language_actions = {}
        for code, native in LANGUAGES.items():
            act = QAction(native, self)  # each language named in its own script, never translated
            act.setCheckable(True)
            act.setObjectName(f"language_{code}")
            act.triggered.connect(lambda _=False, c=code: self.set_language(c))
            group.addAction(act)
            self.language_menu.addAction(act)
            self.language_actions[code] = act
        self.help_menu = self._menu(lambda: self.tr("&Help"))
        self.page_help_action = self._action(
            self.help_menu, self.show_help, QKeySequence.StandardKey.HelpContents, "pageHelpAction"
        )
        self.keep_text(self.page_help_action.setText, lambda: self.tr("&Help for this page"))
        self.about_action = self._action(self.help_menu, self.about, None, "aboutAction")
        self.keep_text(self.about_action.setText, lambda: self.tr("&About jpki-desktop"))
        for act in self._needs_attach():
            act.setEnabled(False)

    def _needs_attach(self) -> tuple[QAction, ...]:
        return (
            self.refresh_action,
            self.change_action,
            self.remove_action,
            self.insert_action,
            self.page_help_action,
            self.about_action,
            *self.language_actions.values(),
        )

    def _add_go_action(self, index: int, page_id: str) -> None:
        act = self._action(
            self.go_menu,
            lambda _=False, pid=page_id: self.show_page(pid),
            f"Ctrl+{index + 1}",
            f"go_{page_id}",
        )
        self.go_actions.append(act)

    def set_language(self, code: str) -> None:
        if self.ctx is not None:
            self.ctx.settings.set("language", code)
            self.ctx.translations.switch(code)

    def change_pin(self, kind: PinKind | None = None):  # noqa: ANN201
        """The change-password dialog (the signing password unless `kind` says otherwise)."""
        if self.ctx is None or self.parts is None:
            return None
        if kind is None:
            return self.parts.change_pin(self.ctx, self)
        return self.parts.change_pin(self.ctx, self, kind)

    def show_help(self):  # noqa: ANN201
        """The help dialog for the page shown (the HelpDialog, once the GUI is loaded)."""
        if self.parts is None:
            return None
        dlg = self.parts.help_dialog(self.current_page_id(), demo=self.demo, parent=self)
        dlg.open()
        return dlg

    def about(self) -> None:
        if self.parts is None:
            return
        self.parts.show_message(
            self,
            self.tr("About jpki-desktop"),
            self.tr("jpki-desktop %1: a client for the My Number card and JPKI.").replace(
                "%1", __version__
            ),
            self.tr(
                "The demo card and its certificates are for testing only; they are not issued by J-LIS."
            )
            if self.demo
            else "",
            name="aboutBox",
        )

    # -- live state -------------------------------------------------------------------------

    def _on_state(self, state: CardState) -> None:
        if self.parts is None:
            return
        reader = f" — {state.reader}" if state.reader else ""
        self.state_label.setText(self.parts.status_text(state) + reader)
        self.state_label.setAccessibleName(self.state_label.text())
        self.insert_action.setEnabled(self.demo)
        self.remove_action.setEnabled(self.demo)

    def _on_busy(self, busy: bool) -> None:
        self.busy_label.setText(self.tr("Using the card… do not remove it.") if busy else "")

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.ctx is not None:
            self.ctx.shutdown()
        super().closeEvent(event)

    def page_title(self, index: int) -> str:
        page = self.page(self.page_ids[index])
        if page is not None:
            return page.title()
        _page_id, context, title = PAGE_TITLES[index]
        return QCoreApplication.translate(context, title)

    def retranslate(self) -> None:
        title = self.tr("jpki-desktop — My Number card")
        if self.demo:
            title += " " + self.tr("[demo card]")
        self.setWindowTitle(title)
        for i in range(len(self.page_ids)):
            text = self.page_title(i)
            self.nav.item(i).setText(text)
            self.go_actions[i].setText(text)
        for placeholder in self._placeholders.values():
            placeholder.setText(self.tr("Loading…"))
        self.nav.setFixedWidth(
            self.nav.sizeHintForColumn(0)
            + 2 * self.nav.frameWidth()
            + self.nav.fontMetrics().horizontalAdvance("MM")
        )
        language = self.ctx.translations.language if self.ctx is not None else None
        for code, act in self.language_actions.items():
            act.setChecked(code == language)
        if self.ctx is not None:
            self._on_state(self.ctx.service.state)
            self._on_busy(self.ctx.service.busy)
        else:
            self.state_label.setText(self.tr("Starting…"))

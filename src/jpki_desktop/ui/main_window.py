"""The main window: navigation, one stacked page per task, menus, and a live status line."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QScrollArea,
    QStackedWidget,
    QWidget,
)

from .. import __version__
from ..app.card_state import CardState
from ..card.pins import PinKind
from . import messages as M
from .context import AppContext
from .dialogs.change_pin import open_change_pin
from .dialogs.common import show_message
from .help import HelpDialog
from .i18n import LANGUAGES
from .pages.base import Page
from .widgets.base import Retranslatable


class MainWindow(Retranslatable, QMainWindow):
    def __init__(self, ctx: AppContext, pages: list[Page]) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.ctx = ctx
        self.pages = pages
        ctx.navigate = self.show_page
        self.nav = QListWidget(self)
        self.nav.setObjectName("nav")
        self.nav.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.stack = QStackedWidget(self)
        self.nav.setSpacing(2)
        for page in pages:
            self.nav.addItem(QListWidgetItem())
            if getattr(page, "own_scrolling", False):  # keeps its header and buttons in view
                self.stack.addWidget(page)
                continue
            scroll = QScrollArea(self.stack)
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QScrollArea.Shape.NoFrame)
            scroll.setWidget(page)
            self.stack.addWidget(scroll)
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
        ctx.service.stateChanged.connect(self._on_state)
        ctx.service.busyChanged.connect(self._on_busy)
        ctx.service.stateChanged.connect(ctx.session.on_state)
        card_page = self.page("card")
        if card_page is not None and hasattr(card_page, "change_button"):
            card_page.change_button.clicked.connect(lambda: self.change_pin())
        self.nav.setCurrentRow(0)
        self.retranslate()

    # -- navigation -------------------------------------------------------------------------

    def page(self, page_id: str) -> Page | None:
        return next((p for p in self.pages if p.page_id == page_id), None)

    def show_page(self, page_id: str) -> None:
        for i, p in enumerate(self.pages):
            if p.page_id == page_id:
                self.nav.setCurrentRow(i)
                return

    def current_page(self) -> Page:
        return self.pages[self.nav.currentRow()]

    def _on_row(self, row: int) -> None:
        if 0 <= row < len(self.pages):
            self.stack.setCurrentIndex(row)
            self.pages[row].on_shown()

    # -- menus ------------------------------------------------------------------------------

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
            act.setShortcut(QKeySequence(shortcut))
        act.triggered.connect(slot)
        menu.addAction(act)
        return act

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.quit_action = self._action(
            self.file_menu, self.close, QKeySequence.StandardKey.Quit, "quitAction"
        )
        self.card_menu = bar.addMenu("")
        self.refresh_action = self._action(
            self.card_menu, self.ctx.service.refresh, "F5", "refreshAction"
        )
        self.change_action = self._action(
            self.card_menu, lambda: self.change_pin(), None, "changePinAction"
        )
        self.remove_action = self._action(
            self.card_menu,
            self.ctx.service.simulate_removal,
            "Ctrl+Shift+E",
            "simulateRemoveAction",
        )
        self.insert_action = self._action(
            self.card_menu,
            self.ctx.service.simulate_insertion,
            "Ctrl+Shift+I",
            "simulateInsertAction",
        )
        for act in (self.remove_action, self.insert_action):
            act.setVisible(self.ctx.demo)
        self.go_menu = bar.addMenu("")
        self.go_actions = []
        for i, page in enumerate(self.pages):
            act = self._action(
                self.go_menu,
                lambda _=False, pid=page.page_id: self.show_page(pid),
                f"Ctrl+{i + 1}",
                f"go_{page.page_id}",
            )
            self.go_actions.append(act)
        self.language_menu = bar.addMenu("")
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
        self.help_menu = bar.addMenu("")
        self.page_help_action = self._action(
            self.help_menu, self.show_help, QKeySequence.StandardKey.HelpContents, "pageHelpAction"
        )
        self.about_action = self._action(self.help_menu, self.about, None, "aboutAction")

    def set_language(self, code: str) -> None:
        self.ctx.settings.set("language", code)
        self.ctx.translations.switch(code)

    def change_pin(self, kind: PinKind = PinKind.SIGN):  # noqa: ANN201
        return open_change_pin(self.ctx, self, kind)

    def show_help(self) -> HelpDialog:
        dlg = HelpDialog(self.current_page().page_id, demo=self.ctx.demo, parent=self)
        dlg.open()
        return dlg

    def about(self) -> None:
        show_message(
            self,
            self.tr("About jpki-desktop"),
            self.tr("jpki-desktop %1: a client for the My Number card and JPKI.").replace(
                "%1", __version__
            ),
            self.tr(
                "The demo card and its certificates are for testing only; they are not issued by J-LIS."
            )
            if self.ctx.demo
            else "",
            name="aboutBox",
        )

    # -- live state -------------------------------------------------------------------------

    def _on_state(self, state: CardState) -> None:
        headline, _hint = M.presence_text(state)
        reader = f" — {state.reader}" if state.reader else ""
        self.state_label.setText(headline + reader)
        self.state_label.setAccessibleName(self.state_label.text())
        self.insert_action.setEnabled(self.ctx.demo)
        self.remove_action.setEnabled(self.ctx.demo)

    def _on_busy(self, busy: bool) -> None:
        self.busy_label.setText(self.tr("Using the card… do not remove it.") if busy else "")

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.ctx.shutdown()
        super().closeEvent(event)

    def retranslate(self) -> None:
        title = self.tr("jpki-desktop — My Number card")
        if self.ctx.demo:
            title += " " + self.tr("[demo card]")
        self.setWindowTitle(title)
        for i, page in enumerate(self.pages):
            item = self.nav.item(i)
            item.setText(page.title())
            self.go_actions[i].setText(page.title())
        self.nav.setAccessibleName(self.tr("Pages"))
        self.nav.setFixedWidth(
            self.nav.sizeHintForColumn(0)
            + 2 * self.nav.frameWidth()
            + self.nav.fontMetrics().horizontalAdvance("MM")
        )
        self.file_menu.setTitle(self.tr("&File"))
        self.quit_action.setText(self.tr("&Quit"))
        self.card_menu.setTitle(self.tr("&Card"))
        self.refresh_action.setText(self.tr("&Read the card again"))
        self.change_action.setText(self.tr("&Change password…"))
        self.remove_action.setText(self.tr("Simulate &removing the card (demo)"))
        self.insert_action.setText(self.tr("Simulate &inserting the card (demo)"))
        self.go_menu.setTitle(self.tr("&Go"))
        self.language_menu.setTitle(self.tr("&Language"))
        for code, act in self.language_actions.items():
            act.setChecked(code == self.ctx.translations.language)
        self.help_menu.setTitle(self.tr("&Help"))
        self.page_help_action.setText(self.tr("&Help for this page"))
        self.about_action.setText(self.tr("&About jpki-desktop"))
        self._on_state(self.ctx.service.state)
        self._on_busy(self.ctx.service.busy)

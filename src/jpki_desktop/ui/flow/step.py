"""One wizard step: a title for the indicator, validation before moving on, live card state."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

from ...app.card_state import CardState
from ..theme import Tone, tone_color
from ..widgets.base import LayoutItem, Retranslatable, add_column, heading, wrapping_label

if TYPE_CHECKING:
    from ..pages.flow import FlowPage

translate = QCoreApplication.translate


class Step(Retranslatable, QWidget):
    changed = Signal()  # can_advance() may have changed

    def __init__(self, flow: FlowPage, intro: Callable[[], str]) -> None:
        """`intro()`: what the step says under its heading, in the subclass's tr() context."""
        super().__init__()
        self.flow = flow
        self.ctx = flow.ctx
        self.data = flow.data
        self.heading = heading(self, 2)
        self.intro = wrapping_label(parent=self)
        self.keep_text(self.intro.setText, intro)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(self.heading)
        self.layout_.addWidget(self.intro)

    def finish_layout(self, *items: LayoutItem) -> None:
        """Put `items` under the heading and the intro, top-aligned (`add_column`), and show
        the texts (the last line of every step's constructor)."""
        add_column(self.layout_, *items)
        self.retranslate()

    def progress_bar(self, name: str = "") -> QProgressBar:
        """A bar that runs busy until the first progress report, then shows the fraction."""
        bar = QProgressBar(self)
        if name:
            bar.setObjectName(name)
        bar.setTextVisible(False)
        return bar

    @staticmethod
    def set_progress(bar: QProgressBar, done: int, total: int) -> None:
        if total > 0:
            bar.setRange(0, 1000)
            bar.setValue(int(done * 1000 / total))

    def show_status(self, label: QLabel, text: str, tone: Tone | None = None) -> None:
        """A status line in the tone's colour (None: the palette's text colour); hidden when
        there is nothing to say."""
        label.setText(text)
        label.setStyleSheet(f"color: {tone_color(self, tone).name()};" if tone is not None else "")
        label.setVisible(bool(text))

    def render(self) -> None:  # type: ignore[override]  # our refresh, not QWidget's paint
        """Show the step's data as it is now."""

    def refresh(self) -> None:
        """Show the data again and let the page re-check whether Next may be pressed."""
        self.render()
        self.changed.emit()

    # contract -------------------------------------------------------------------------------
    def title(self) -> str:  # short, for the step indicator
        raise NotImplementedError

    def enter(self) -> None:
        """The step became visible (forward or back)."""
        self.render()

    def can_advance(self) -> bool:
        return True

    def advance(self, go: Callable[[], None]) -> None:
        """Validate, then call `go()` to move to the next step (possibly later, asynchronously)."""
        if self.can_advance():
            go()

    def can_go_back(self) -> bool:
        return True

    def next_text(self) -> str:
        return translate("Flow", "&Next")

    def on_state(self, state: CardState) -> None:
        """Live reader/card state."""

    def retranslate(self) -> None:
        self.heading.setText(self.title())

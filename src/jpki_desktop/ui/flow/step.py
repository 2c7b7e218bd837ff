"""One wizard step: a title for the indicator, validation before moving on, live card state."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ...app.card_state import CardState
from ..widgets.base import Retranslatable, heading, wrapping_label

if TYPE_CHECKING:
    from ..pages.flow import FlowPage

translate = QCoreApplication.translate


class Step(Retranslatable, QWidget):
    changed = Signal()  # can_advance() may have changed

    def __init__(self, flow: FlowPage) -> None:
        super().__init__()
        self.flow = flow
        self.ctx = flow.ctx
        self.data = flow.data
        self.heading = heading(self, 2)
        self.intro = wrapping_label(parent=self)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(self.heading)
        self.layout_.addWidget(self.intro)

    # contract -------------------------------------------------------------------------------
    def title(self) -> str:  # short, for the step indicator
        raise NotImplementedError

    def enter(self) -> None:
        """The step became visible (forward or back)."""

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

"""Page contract: a title for the navigation, `retranslate()`, and rendering from CardState."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from ...app.card_state import CardState
from ..context import AppContext
from ..widgets.base import LayoutItem, Retranslatable, add_column, heading


class Page(Retranslatable, QWidget):
    page_id = ""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName(f"page_{self.page_id}")
        self.heading = heading(self)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(self.heading)
        ctx.service.stateChanged.connect(self._on_state)

    def finish_layout(self, *items: LayoutItem) -> None:
        """Put `items` under the heading, top-aligned (`add_column`), and show the texts (the
        last line of a page's constructor)."""
        add_column(self.layout_, *items)
        self.retranslate()

    def title(self) -> str:  # pragma: no cover - overridden
        raise NotImplementedError

    def _on_state(self, state: CardState) -> None:
        self.on_state(state)

    def on_state(self, state: CardState) -> None:
        """Render the new card state (only from the snapshot; never touch the card)."""

    def on_shown(self) -> None:
        """The user opened this page."""

    def retranslate(self) -> None:
        self.heading.setText(self.title())

"""Taking a file by drag and drop or by a button: the framed drop area and the page mixin."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from .base import push_button, wrapping_label


class DropArea(QFrame):
    """A framed area with a centred text ("Drop a file here…") and a centred row of buttons."""

    def __init__(self, parent: QWidget, object_name: str) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.text = wrapping_label(parent=self)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._buttons = QHBoxLayout()
        self._buttons.addStretch(1)
        self._buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addLayout(self._buttons)

    def add_button(self, object_name: str, clicked: Callable[[], None]) -> QPushButton:
        """A button in the row (after those added before); the page keeps its text."""
        button = push_button(self, object_name, clicked)
        self._buttons.insertWidget(self._buttons.count() - 1, button)
        return button


class FileDropTarget:
    """Mixin for a QWidget: after `accept_file_drops(take)`, a local file dropped anywhere on it
    goes to `take(path)`, the first one when several are dropped."""

    _take_file: Callable[[str], object] | None = None

    def accept_file_drops(self, take: Callable[[str], object]) -> None:
        self._take_file = take
        self.setAcceptDrops(True)  # type: ignore[attr-defined]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        urls = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if urls and self._take_file is not None:
            self._take_file(urls[0])
            event.acceptProposedAction()

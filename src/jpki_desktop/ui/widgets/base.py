"""Run-time language switching: every widget that shows text re-sets it in `retranslate()`."""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QWidget

_JA_MNEMONIC = re.compile(r"[(（]&[^&][)）]")


class Retranslatable:
    """Mixin for QWidget subclasses: calls `retranslate()` on QEvent.LanguageChange."""

    def retranslate(self) -> None:  # pragma: no cover - overridden
        pass

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)  # type: ignore[misc]


def spoken(text: str) -> str:
    """A label as a screen reader should say it: no mnemonic marker (the Japanese "(&P)" form
    included, or Orca reads "パスワード P"), no trailing colon."""
    text = _JA_MNEMONIC.sub("", text)
    text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text.rstrip(":： ").strip()


def wrapping_label(
    text: str = "", parent: QWidget | None = None, *, selectable: bool = False
) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    if selectable:
        from PySide6.QtCore import Qt

        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def heading(parent: QWidget | None = None, level: int = 1) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * (1.5 if level == 1 else 1.2))
    font.setBold(True)
    label.setFont(font)
    return label

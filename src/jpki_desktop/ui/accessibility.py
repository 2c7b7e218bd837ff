"""Accessible names that are the control's label, on every platform.

On Linux, Qt's combo-box interface answers the current item ("日本語") as the *name* and
leaves the label to a "labelled by" relation that not every screen reader follows, so Orca
announces "日本語, combo box" with no hint of what it chooses. Our interface answers the
label (the accessible name the page sets) as the name and the current item as the value.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QAccessibleWidget, QComboBox

_installed = False


class LabelledComboAccessible(QAccessibleWidget):
    def __init__(self, combo: QComboBox) -> None:
        super().__init__(combo, QAccessible.Role.ComboBox)
        self._combo = combo

    def text(self, t: QAccessible.Text) -> str:
        if t == QAccessible.Text.Name and self._combo.accessibleName():
            return self._combo.accessibleName()
        if t == QAccessible.Text.Value:
            return self._combo.currentText()
        return super().text(t)


def _factory(_class_name: str, obj: QObject) -> QAccessibleInterface | None:
    if isinstance(obj, QComboBox) and not obj.isEditable():
        return LabelledComboAccessible(obj)
    return None


def install() -> None:
    """Once per process, after the QApplication exists."""
    global _installed
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True

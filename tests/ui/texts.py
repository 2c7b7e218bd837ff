"""Collect every string a user can see (or hear through a screen reader) in a window."""

from __future__ import annotations

import re

from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QWidget,
)

TAGS = re.compile(r"<[^>]+>")


def _plain(text: str) -> str:
    if "<" in text and ">" in text:
        text = TAGS.sub(" ", text)
    return text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").strip()


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every non-empty visible string under `root`."""
    out: list[tuple[str, str]] = []

    def add(w: QWidget, what: str, text: str) -> None:
        text = _plain(text or "")
        if text:
            out.append((f"{type(w).__name__}#{w.objectName()}.{what}", text))

    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        if not w.isVisibleTo(root) and w is not root:
            continue
        if isinstance(w, QLabel):
            add(w, "text", w.text())
        elif isinstance(w, QAbstractButton):
            add(w, "text", w.text())
        elif isinstance(w, QGroupBox):
            add(w, "title", w.title())
        elif isinstance(w, QLineEdit):
            add(w, "placeholder", w.placeholderText())
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                add(w, f"item{i}", w.itemText(i))
        elif isinstance(w, QListWidget):
            for i in range(w.count()):
                add(w, f"item{i}", w.item(i).text())
        if isinstance(w, QGroupBox):
            add(w, "title", w.title())
        add(w, "accessibleName", w.accessibleName())
        add(w, "toolTip", w.toolTip())
    if isinstance(root, QMainWindow):
        add(root, "windowTitle", root.windowTitle())
        for menu_action in root.menuBar().actions():
            add(root, "menu", menu_action.text())
            menu = menu_action.menu()
            if menu is not None:
                for act in menu.actions():
                    if act.isVisible() and not act.isSeparator():
                        add(root, "action", act.text())
    return out

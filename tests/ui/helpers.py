"""Finding the non-blocking dialogs the GUI opens, and answering them."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget


def visible_top(name: str) -> QWidget | None:
    for w in QApplication.topLevelWidgets():
        if w.objectName() == name and w.isVisible():
            return w
    return None


def wait_top(qtbot, name: str, timeout: int = 5000) -> QWidget:
    qtbot.waitUntil(lambda: visible_top(name) is not None, timeout=timeout)
    return visible_top(name)


def answer(box: QMessageBox, role: QMessageBox.ButtonRole) -> None:
    for b in box.buttons():
        if box.buttonRole(b) == role:
            b.click()
            return
    raise AssertionError(f"no button with role {role}")


def close_all_message_boxes() -> None:
    for w in QApplication.topLevelWidgets():
        if isinstance(w, QMessageBox) and w.isVisible():
            w.done(0)

"""Non-blocking message boxes and file dialogs.

`QDialog.exec()` spins a nested event loop; these use `open()` and call back instead, so the
card thread's signals keep flowing and nothing re-enters.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ..messages import ErrorText

translate = QCoreApplication.translate


def _box(
    parent: QWidget, name: str, icon: QMessageBox.Icon, title: str, text: str, info: str = ""
) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName(name)
    box.setAccessibleName(title)
    if info:
        box.setInformativeText(info)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return box


def show_message(
    parent: QWidget,
    title: str,
    text: str,
    info: str = "",
    *,
    warning: bool = False,
    name: str = "messageBox",
) -> QMessageBox:
    icon = QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information
    box = _box(parent, name, icon, title, text, info)
    box.addButton(QMessageBox.StandardButton.Ok)
    box.open()
    return box


def show_error(parent: QWidget, err: ErrorText, *, name: str = "errorBox") -> QMessageBox:
    return show_message(parent, err.title, err.text, err.hint, warning=True, name=name)


def confirm(
    parent: QWidget,
    title: str,
    text: str,
    on_yes: Callable[[], None],
    *,
    info: str = "",
    yes_text: str = "",
    name: str = "confirmBox",
    on_no: Callable[[], None] | None = None,
) -> QMessageBox:
    """Ask; `on_yes` runs only after an explicit yes. The safe answer (No) is the default."""
    box = _box(parent, name, QMessageBox.Icon.Warning, title, text, info)
    yes = box.addButton(yes_text or translate("Dialogs", "&Yes"), QMessageBox.ButtonRole.YesRole)
    no = box.addButton(translate("Dialogs", "&No"), QMessageBox.ButtonRole.NoRole)
    box.setDefaultButton(no)
    box.setEscapeButton(no)

    def done(_result: int) -> None:
        if box.clickedButton() is yes:
            on_yes()
        elif on_no is not None:
            on_no()

    box.finished.connect(done)
    box.open()
    return box


def ask_save_path(
    parent: QWidget,
    title: str,
    suggested: str,
    filters: str,
    on_path: Callable[[str], None],
    *,
    name: str = "saveDialog",
) -> QFileDialog:
    dlg = QFileDialog(parent, title, suggested, filters)
    dlg.setObjectName(name)
    dlg.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dlg.setFileMode(QFileDialog.FileMode.AnyFile)
    dlg.fileSelected.connect(on_path)
    dlg.open()
    return dlg


def ask_open_path(
    parent: QWidget,
    title: str,
    filters: str,
    on_path: Callable[[str], None],
    *,
    name: str = "openDialog",
) -> QFileDialog:
    dlg = QFileDialog(parent, title, "", filters)
    dlg.setObjectName(name)
    dlg.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dlg.setFileMode(QFileDialog.FileMode.ExistingFile)
    dlg.fileSelected.connect(on_path)
    dlg.open()
    return dlg

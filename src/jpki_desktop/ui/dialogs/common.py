"""Non-blocking message boxes and file dialogs.

`QDialog.exec()` spins a nested event loop; these use `open()` and call back instead, so the
card thread's signals keep flowing and nothing re-enters.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QMessageBox,
    QPushButton,
    QWidget,
)

from ..messages import ErrorText
from .file_types import ANY, FileType, name_filters

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


def ok_cancel_buttons(
    dialog: QDialog, on_ok: Callable[[], None]
) -> tuple[QDialogButtonBox, QPushButton, QPushButton]:
    """OK (the default button) and Cancel, whose texts the dialog sets. OK only calls `on_ok`:
    the dialog checks, asks what it must ask, and closes itself when it is done."""
    # Buttons with roles, not QDialogButtonBox's standard ones: on a language switch the box
    # resets a standard button to Qt's own "OK" after the dialog has set its "変更する(&H)".
    buttons = QDialogButtonBox(parent=dialog)
    ok = buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
    cancel = buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
    ok.setDefault(True)
    buttons.accepted.connect(on_ok)
    buttons.rejected.connect(dialog.reject)
    return buttons, ok, cancel


def documents_folder() -> str:
    """Where file dialogs open: the user's documents folder (not the program's working
    directory, which for a desktop launch is often / or the home folder)."""
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return docs if docs and os.path.isdir(docs) else os.path.expanduser("~")


def _file_dialog(
    parent: QWidget,
    title: str,
    path: str,
    filters: str,
    name: str,
    save: bool,
    on_path: Callable[[str], object],
) -> QFileDialog:
    dlg = QFileDialog(parent, title, path, filters)
    dlg.setObjectName(name)
    # Qt's own dialog (used where the desktop offers none) takes its texts from qtbase_ja,
    # which leaves "Look in:" and "Files of type:" in English: set every label ourselves.
    labels = {
        QFileDialog.DialogLabel.LookIn: translate("Dialogs", "Look in:"),
        QFileDialog.DialogLabel.FileName: translate("Dialogs", "File name:"),
        QFileDialog.DialogLabel.FileType: translate("Dialogs", "Files of type:"),
        QFileDialog.DialogLabel.Reject: translate("Dialogs", "Cancel"),
    }
    for which, text in labels.items():
        dlg.setLabelText(which, text)
    if save:
        dlg.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dlg.setFileMode(QFileDialog.FileMode.AnyFile)
        accept = translate("Dialogs", "&Save")
    else:
        dlg.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dlg.setFileMode(QFileDialog.FileMode.ExistingFile)
        accept = translate("Dialogs", "&Open")
    dlg.setLabelText(QFileDialog.DialogLabel.Accept, accept)
    dlg.fileSelected.connect(on_path)
    dlg.open()
    return dlg


def ask_save_path(
    parent: QWidget,
    title: str,
    suggested: str,
    kind: FileType,
    on_path: Callable[[str], object],  # its result is ignored
    *,
    name: str = "saveDialog",
) -> QFileDialog:
    """Ask where to save a file of `kind`, starting from `suggested` (a name is put in the
    documents folder)."""
    path = suggested if os.path.isabs(suggested) else os.path.join(documents_folder(), suggested)
    return _file_dialog(parent, title, path, kind.name_filter(), name, True, on_path)


def ask_open_path(
    parent: QWidget,
    title: str,
    kinds: tuple[FileType, ...],
    on_path: Callable[[str], None],
    *,
    name: str = "openDialog",
) -> QFileDialog:
    """Ask for an existing file, offering `kinds` first and then any file."""
    filters = name_filters(*kinds, ANY)
    return _file_dialog(parent, title, documents_folder(), filters, name, False, on_path)

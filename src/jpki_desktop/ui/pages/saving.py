"""Saving a file from a page: ask where, write it, then say where it went or why it could not
be written."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from .. import messages as M
from ..dialogs.common import ask_save_path, show_error, show_message
from ..dialogs.file_types import FileType


def save_and_tell(
    page: QWidget, path: str, write: Callable[[], object], title: str, info: str = "", *, name: str
) -> bool:
    """Run `write()` (it writes `path`, atomically); then "Saved: path" with `info` in a box
    named `name`, or the error (nothing else is said). True if it was written."""
    try:
        write()
    except OSError as exc:
        show_error(page, M.describe(exc))
        return False
    saved = QCoreApplication.translate("Saving", "Saved: %1").replace("%1", path)
    show_message(page, title, saved, info, name=name)
    return True


@dataclass(frozen=True)
class SavedFile:
    """A file a page offers to save: one title for the save dialog and for the box that says
    where it went (translated when shown), the file name offered, its type, and a name for
    both dialogs (`report`: "reportSaveDialog" and "reportSavedBox")."""

    title: Callable[[], str]
    suggested: str
    kind: FileType
    name: str

    def ask(self, page: QWidget, on_path: Callable[[str], object]) -> None:
        title, dialog = self.title(), f"{self.name}SaveDialog"
        ask_save_path(page, title, self.suggested, self.kind, on_path, name=dialog)

    def save(self, page: QWidget, path: str, write: Callable[[], object], info: str = "") -> bool:
        """`save_and_tell` with this file's title."""
        return save_and_tell(page, path, write, self.title(), info, name=f"{self.name}SavedBox")

"""Saving a file from a page: write it, then say where it went or why it could not be written."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from .. import messages as M
from ..dialogs.common import show_error, show_message


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

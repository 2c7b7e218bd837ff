"""A page that works on one file at a time (Verify, Sign PDF): the file is dropped anywhere
on the page or chosen with the drop area's first button."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from ..context import AppContext
from ..widgets.base import wrapping_label
from ..widgets.drop_area import DropArea, FileDropTarget
from .base import Page


class FilePage(FileDropTarget, Page):
    """`path` is the file taken (None before the first), `file_label` says which it is;
    `open_button` asks for one with `ask_file`, a drop hands it to `take` directly."""

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None,
        take: Callable[[str], object],
        ask_file: Callable[[], None],
        *,
        object_names: tuple[str, str, str],  # the drop area, the open button, the file label
    ) -> None:
        super().__init__(ctx, parent)
        self.path: str | None = None
        self.accept_file_drops(take)
        drop_name, open_name, label_name = object_names
        self.drop = DropArea(self, drop_name)
        self.open_button = self.drop.add_button(open_name, ask_file)
        self.file_label = wrapping_label(parent=self, selectable=True, name=label_name)

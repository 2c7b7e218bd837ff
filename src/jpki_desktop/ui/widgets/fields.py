"""Form rows that line up and fields wide enough for what goes in them.

Every form in the GUI is one grid: labels in the first column, right-aligned so that their text
ends where the fields begin; fields, and the hints and messages about them, in the second.
Forms that are built from separate widgets (the PIN entries of one dialog) share one label
width through `align_label_column`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QStyle, QStyleOptionFrame, QWidget

LABEL_ALIGNMENT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
WIDEST_CHARACTER = "W"  # the widest of A-Z and 0-9 in the usual UI fonts

W = TypeVar("W", bound=QWidget)


def labelled(field: W, object_name: str) -> tuple[W, QLabel]:
    """`field`, named `object_name`, and a label beside it in the same parent that names it
    (its buddy, so the label's mnemonic focuses the field), whose text `keep_label` sets."""
    field.setObjectName(object_name)
    label = QLabel(field.parentWidget())
    label.setBuddy(field)
    return field, label


def form_grid(parent: QWidget | None = None) -> QGridLayout:
    """A two-column grid: labels, then fields that take the width left over."""
    grid = QGridLayout(parent) if parent is not None else QGridLayout()
    grid.setColumnStretch(1, 1)
    return grid


def add_field_row(grid: QGridLayout, label: QLabel | None, field: QWidget) -> int:
    """A label (right-aligned, its text ending at the field) and its field; returns the row."""
    row = grid.rowCount()
    if label is not None:
        label.setAlignment(LABEL_ALIGNMENT)
        grid.addWidget(label, row, 0)
    grid.addWidget(field, row, 1)
    return row


def add_under_field(grid: QGridLayout, widget: QWidget) -> None:
    """A hint or a message about the field above: in the field column, not under the label."""
    grid.addWidget(widget, grid.rowCount(), 1)


def align_label_column(labels: Iterable[QLabel]) -> int:
    """Give labels that sit in separate grids one width (the widest text's); returns it."""
    labels = list(labels)
    for label in labels:
        label.setMinimumWidth(0)
    width = max((label.sizeHint().width() for label in labels), default=0)
    for label in labels:
        label.setMinimumWidth(width)
    return width


def text_width(edit: QLineEdit, characters: int) -> int:
    """The width `characters` of the widest allowed character need inside `edit`, in pixels
    of its own font (so it follows the scale factor and the font)."""
    return edit.fontMetrics().horizontalAdvance(WIDEST_CHARACTER * characters)


def fit_characters(edit: QLineEdit, characters: int) -> None:
    """Never narrower than `characters` of the widest allowed character: a field sized by the
    layout alone can end up showing four characters of a sixteen-character password."""
    margins = edit.textMargins()
    inner = text_width(edit, characters) + margins.left() + margins.right() + 4  # Qt's 2 px a side
    option = QStyleOptionFrame()
    edit.initStyleOption(option)
    height = edit.sizeHint().height()
    size = edit.style().sizeFromContents(
        QStyle.ContentsType.CT_LineEdit, option, QSize(inner, height), edit
    )
    edit.setMinimumWidth(max(size.width(), inner))

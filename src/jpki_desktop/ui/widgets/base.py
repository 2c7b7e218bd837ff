"""Run-time language switching: a widget's fixed texts are kept where the widget is made
(`keep_text`) and set again on a switch; `retranslate()` re-sets the texts that depend on state."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6 import QtCore
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QLayout, QPushButton, QWidget

from ..theme import is_dark

_JA_MNEMONIC = re.compile(r"[(（]&[^&][)）]")


_PALETTE_EVENTS = (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange)


class Retranslatable:
    """Mixin for QWidget subclasses: on QEvent.LanguageChange it sets the kept texts again and
    calls `retranslate()`; it calls `restyle()` when the palette turns from light to dark or
    back at run time (the colours this GUI draws itself are picked for one of the two and
    baked into style sheets)."""

    _styled_dark: bool | None = None
    _kept_texts: list[tuple[Callable[[str], object], Callable[[], str]]] | None = None

    def keep_text(self, setter: Callable[[str], object], text: Callable[[], str]) -> None:
        """Set `text()` through `setter` now and after every language switch, e.g.
        `self.keep_text(self.box.setTitle, lambda: self.tr("Card and reader"))`. A fixed text
        stands next to the widget it belongs to, so no retranslate() can forget one; the lambda
        keeps tr() in this class's translation context (lupdate reads it there)."""
        if self._kept_texts is None:
            self._kept_texts = []
        self._kept_texts.append((setter, text))
        setter(text())

    def keep_label(self, label: QLabel, text: Callable[[], str]) -> None:
        """`keep_text` for a field's label, which names the field too (`set_label_text`)."""
        self.keep_text(lambda t: set_label_text(label, t), text)

    def retranslate(self) -> None:  # pragma: no cover - overridden
        pass

    def restyle(self) -> None:
        """Re-apply palette-derived colours; by default by rendering the texts again."""
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        kind = event.type()
        if kind == QEvent.Type.LanguageChange:
            for setter, text in self._kept_texts or ():
                setter(text())
            self.retranslate()  # after the kept texts: it may read them (a buddy's label)
        elif kind in _PALETTE_EVENTS:
            # Only a flip between light and dark re-styles, judged by the window: a style sheet
            # that restyle() sets (a banner's background) changes this widget's own palette.
            dark = is_dark(self.window().palette())  # type: ignore[attr-defined]
            if dark != self._styled_dark:  # also the first time: styled before we knew
                self._styled_dark = dark
                self.restyle()
        super().changeEvent(event)  # type: ignore[misc]


def spoken(text: str) -> str:
    """A label as a screen reader should say it: no mnemonic marker (the Japanese "(&P)" form
    included, or Orca reads "パスワード P"), no trailing colon."""
    text = _JA_MNEMONIC.sub("", text)
    text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text.rstrip(":： ").strip()


def set_label_text(label: QLabel, text: str) -> None:
    """Show `text` on a field's label and name the field (its buddy) after it, as a screen
    reader should say it: the spoken name then always holds the visible label (WCAG 2.5.3),
    in every language, with no second string to translate."""
    label.setText(text)
    field = label.buddy()
    if field is not None:
        field.setAccessibleName(spoken(text))


def wrapping_label(
    text: str = "",
    parent: QWidget | None = None,
    *,
    selectable: bool = False,
    rich: bool = False,
    name: str = "",
) -> QLabel:
    """A word-wrapping label named `name` (its objectName); `selectable` by mouse; `rich`
    text (HTML the caller escaped)."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    if selectable:
        # QtCore.Qt, not Qt imported at the top: the first window imports this module, and
        # touching Qt makes PySide6 build all its ~130 enums (~45 ms) before it is shown
        label.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
    if rich:
        label.setTextFormat(QtCore.Qt.TextFormat.RichText)
    return label


def push_button(parent: QWidget, object_name: str, clicked: Callable[[], object]) -> QPushButton:
    """A button named `object_name` that calls `clicked`; its owner keeps its text."""
    button = QPushButton(parent)
    button.setObjectName(object_name)
    button.clicked.connect(clicked)
    return button


def heading(parent: QWidget | None = None, level: int = 1) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * (1.5 if level == 1 else 1.2))
    font.setBold(True)
    label.setFont(font)
    return label


class _Stretch:
    """The type of `STRETCH`."""


STRETCH = _Stretch()  # among the items of `add_items`/`row_of`: where the space left over goes

LayoutItem = QWidget | QLayout | _Stretch


def add_items(layout: QBoxLayout, *items: LayoutItem) -> None:
    """Add `items` to `layout` in order: widgets, layouts, and `STRETCH`."""
    for item in items:
        if isinstance(item, QLayout):
            layout.addLayout(item)
        elif isinstance(item, QWidget):
            layout.addWidget(item)
        else:
            layout.addStretch(1)


def add_column(layout: QBoxLayout, *items: LayoutItem) -> None:
    """`items` one under the other from the top of `layout`: the space left over goes below
    them, or where `STRETCH` stands among them (what follows it sits at the bottom)."""
    add_items(layout, *items)
    if not any(item is STRETCH for item in items):
        layout.addStretch(1)


def row_of(*items: LayoutItem) -> QHBoxLayout:
    """`items` side by side, e.g. a row of buttons on the left: `row_of(ok, cancel, STRETCH)`."""
    layout = QHBoxLayout()
    add_items(layout, *items)
    return layout

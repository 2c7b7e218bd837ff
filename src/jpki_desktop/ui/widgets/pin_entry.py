"""The password field. It refuses what cannot be right before anything is sent (length,
characters, full-width input from an IME, spaces), shows the tries left as read from the card,
and hands the value over once, as a PinBuffer, clearing the field.

The QLineEdit's own copy is a Python str that cannot be zeroed; it is cleared as soon as the
value is taken, and never logged.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QStyle, QWidget

from ...card.pins import (
    FormatProblem,
    PinBuffer,
    PinKind,
    PinState,
    PinStatus,
    check_new_pin,
    check_pin_format,
    prepare_pin,
)
from .. import messages as M
from ..theme import Tone, tone_color
from .base import Retranslatable, spoken, wrapping_label
from .fields import add_field_row, add_under_field, fit_characters, form_grid
from .pin_meter import STATE_TONE


class PinEntry(Retranslatable, QWidget):
    changed = Signal()
    submitted = Signal()

    def __init__(
        self,
        kind: PinKind,
        *,
        new: bool = False,
        label: Callable[[], str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.kind = kind
        self.new = new
        self._label = label or (lambda: M.pin_field_label(kind))
        self.status: PinStatus | None = None
        self.other: PinStatus | None = None
        self._touched = False
        self.edit = QLineEdit(self)
        self.edit.setObjectName(f"pinEdit_{kind.value}")
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.setMaxLength(
            kind.max_length * 2
        )  # longer input shows "too long" instead of vanishing
        hints = (
            Qt.InputMethodHint.ImhHiddenText
            | Qt.InputMethodHint.ImhNoPredictiveText
            | Qt.InputMethodHint.ImhSensitiveData
        )
        hints |= (
            Qt.InputMethodHint.ImhDigitsOnly
            if kind.digits_only
            else Qt.InputMethodHint.ImhPreferUppercase
        )
        self.edit.setInputMethodHints(hints)
        self.edit.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.edit.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)  # no copy/paste menu
        fit_characters(self.edit, kind.max_length)  # the longest password fits, never 4 chars
        self.label = QLabel(self)
        self.label.setBuddy(self.edit)
        # The rule, under the field and word-wrapped: as placeholder text it was cut off in a
        # narrow field and gone once typing started. A new PIN's rules are listed by the dialog.
        self.hint = wrapping_label(parent=self, name="pinHint")
        self.tries = QLabel(self)
        self.tries.setObjectName("pinTries")
        self.tries.setWordWrap(True)
        self.problem = wrapping_label(parent=self, name="pinProblem")
        self.blocked = wrapping_label(parent=self, selectable=True, name="pinBlocked")
        # one grid: label | field, and what is said about the field under it, in its column
        grid = self.grid = form_grid(self)
        grid.setContentsMargins(0, 0, 0, 0)
        add_field_row(grid, self.label, self.edit)
        for w in (self.hint, self.tries, self.problem, self.blocked):
            add_under_field(grid, w)
        self.edit.textChanged.connect(self._on_text)
        self.edit.returnPressed.connect(self._on_return)
        self.retranslate()

    # -- state ------------------------------------------------------------------------------

    def set_status(self, status: PinStatus | None, other: PinStatus | None = None) -> None:
        """Tries left as read from the card; a blocked PIN disables the field entirely.
        `other` is the other JPKI PIN (it decides whether the kiosk reset route applies)."""
        self.status, self.other = status, other
        if self.is_blocked:
            self.clear()
        self.edit.setEnabled(not self.is_blocked)
        self.retranslate()

    @property
    def is_blocked(self) -> bool:
        return self.status is not None and self.status.state is PinState.BLOCKED

    @property
    def other_kind(self) -> PinKind:
        return PinKind.AUTH if self.kind is PinKind.SIGN else PinKind.SIGN

    @property
    def is_final_try(self) -> bool:
        return self.status is not None and self.status.state is PinState.FINAL_TRY

    def problems(self) -> list[FormatProblem]:
        text = self.edit.text()
        return check_new_pin(self.kind, text) if self.new else check_pin_format(self.kind, text)

    def is_acceptable(self) -> bool:
        return not self.is_blocked and not self.problems()

    def take(self) -> PinBuffer:
        """The value as a PinBuffer (raises PinFormatError if it cannot be right); clears the field."""
        try:
            return prepare_pin(self.kind, self.edit.text(), new=self.new)
        finally:
            self.clear()

    def clear(self) -> None:
        self.edit.clear()
        self._touched = False
        self._show_problem()

    def field_offset(self) -> int:
        """How far the field column starts from this widget's left edge (for texts placed
        outside it that belong with the field)."""
        spacing = self.grid.horizontalSpacing()
        if spacing < 0:
            spacing = self.style().pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing)
        return max(self.label.minimumWidth(), self.label.sizeHint().width()) + max(spacing, 0)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """Wide enough for the hint on one line (a wrapped label's own hint is a guess, and
        a dialog sized by it broke 「6〜16文字」 between 文 and 字); narrower still works: the
        hint wraps."""
        size = super().sizeHint()
        if not self.hint.isHidden():
            m = self.hint.contentsMargins()
            line = (
                self.hint.fontMetrics().horizontalAdvance(self.hint.text()) + m.left() + m.right()
            )
            size.setWidth(max(size.width(), self.field_offset() + line + 1))
        return size

    def setFocus(self) -> None:  # type: ignore[override]  # noqa: N802 - focus goes to the field
        self.edit.setFocus()

    # -- rendering --------------------------------------------------------------------------

    def _on_text(self, _text: str) -> None:
        self._touched = True
        self._show_problem()
        self.changed.emit()

    def _on_return(self) -> None:
        if self.is_acceptable():
            self.submitted.emit()

    def _show_problem(self) -> None:
        problems = self.problems() if self._touched else []
        if problems and problems != [FormatProblem.EMPTY]:
            self.problem.setText(" ".join(M.format_problem(p) for p in problems))
            self.problem.setStyleSheet(f"color: {tone_color(self, Tone.DANGER).name()};")
            self.problem.show()
        else:
            self.problem.clear()
            self.problem.hide()

    def retranslate(self) -> None:
        text = self._label()  # translated, with its own mnemonic
        title = spoken(text)
        self.label.setText(text)
        self.hint.setText(M.pin_rule(self.kind))
        self.hint.setVisible(not self.new and not self.is_blocked)
        self.edit.setAccessibleName(title)
        self.edit.setAccessibleDescription(M.pin_rule(self.kind))
        s = self.status
        self.tries.setVisible(s is not None and not self.new)
        if s is not None:
            tone = STATE_TONE[s.state]
            text = M.tries_text(s)
            if s.state is PinState.FINAL_TRY:
                text = f"{text} — {M.pin_state_text(s)}"
            self.tries.setText(text)
            self.tries.setStyleSheet(f"color: {tone_color(self, tone).name()};")
        self.blocked.setVisible(self.is_blocked)
        if self.is_blocked:
            self.blocked.setText(M.blocked_text(self.kind, self.other))
        self._show_problem()

"""Remaining PIN tries drawn as dots out of the maximum (5 or 3), with the state in words and,
when blocked, where to go."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from ...card.pins import PinKind, PinState, PinStatus
from .. import messages as M
from ..theme import Tone, tone_color
from .base import STRETCH, Retranslatable, add_items, heading, row_of, wrapping_label

STATE_TONE = {
    PinState.NORMAL: Tone.OK,
    PinState.LOW: Tone.WARN,
    PinState.FINAL_TRY: Tone.DANGER,
    PinState.BLOCKED: Tone.DANGER,
    PinState.UNKNOWN: Tone.MUTED,
}


class TriesDots(QWidget):
    """`maximum` circles, `remaining` of them filled."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.remaining: int | None = None
        self.maximum = 0
        self.tone = Tone.MUTED

    def set_counts(self, remaining: int | None, maximum: int, tone: Tone) -> None:
        self.remaining, self.maximum, self.tone = remaining, maximum, tone
        self.updateGeometry()
        self.update()

    def _dot(self) -> float:
        return self.fontMetrics().height() * 0.9

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        d = self._dot()
        return QSize(int(max(self.maximum, 1) * d * 1.5 + 2), int(d + 4))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self.sizeHint()

    def paintEvent(self, event) -> None:  # noqa: N802, ANN001
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        d = self._dot()
        color = tone_color(self, self.tone)
        pen = QPen(color)
        pen.setWidthF(max(1.5, d / 8))
        p.setPen(pen)
        for i in range(self.maximum):
            rect = QRectF(1 + i * d * 1.5, 2, d, d)
            filled = self.remaining is not None and i < self.remaining
            p.setBrush(color if filled else QColor(0, 0, 0, 0))
            p.drawEllipse(rect)
        p.end()


class PinMeter(Retranslatable, QFrame):
    def __init__(self, kind: PinKind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.status: PinStatus | None = None
        self.other: PinStatus | None = None
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = heading(self, 2)
        self.dots = TriesDots(self)
        self.count = QLabel(self)
        self.state_label = wrapping_label(parent=self)
        self.advice = wrapping_label(parent=self, selectable=True, name="unblockAdvice")
        add_items(
            QVBoxLayout(self),
            self.title,
            row_of(self.dots, self.count, STRETCH),
            self.state_label,
            self.advice,
        )
        self.retranslate()

    def set_status(self, status: PinStatus | None, other: PinStatus | None = None) -> None:
        self.status, self.other = status, other
        self.retranslate()

    def retranslate(self) -> None:
        s = self.status
        state = s.state if s is not None else PinState.UNKNOWN
        tone = STATE_TONE[state]
        self.title.setText(M.pin_title(self.kind))
        self.dots.set_counts(
            s.remaining if s else None, s.maximum if s else self.kind.max_tries, tone
        )
        self.count.setText(M.tries_text(s) if s is not None else "")
        self.state_label.setText(M.pin_state_text(s) if s is not None else "")
        self.state_label.setStyleSheet(f"color: {tone_color(self, tone).name()};")
        blocked = state is PinState.BLOCKED
        self.advice.setVisible(blocked)
        self.advice.setText(M.unblock_advice(self.kind, self.other) if blocked else "")
        summary = f"{M.pin_title(self.kind)}: {self.count.text()} {self.state_label.text()}"
        self.setAccessibleName(M.pin_title(self.kind))
        self.setAccessibleDescription(summary)
        self.dots.setAccessibleName(self.count.text() or M.pin_title(self.kind))

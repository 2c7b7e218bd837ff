"""The wizard's visible step indicator: numbered steps, done / current / to do."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from ..theme import Tone, tone_background, tone_color
from .base import Retranslatable

CIRCLED = "①②③④⑤⑥⑦⑧⑨"


class StepIndicator(Retranslatable, QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stepIndicator")
        self.titles: list[str] = []
        self.current = 0
        self.labels: list[QLabel] = []
        self._row = QHBoxLayout(self)
        self._row.setSpacing(4)

    def set_steps(self, titles: list[str], current: int) -> None:
        if len(titles) != len(self.labels):
            for lab in self.labels:
                lab.deleteLater()
            self.labels = []
            for i in range(len(titles)):
                lab = QLabel(self)
                lab.setObjectName(f"stepLabel_{i + 1}")
                lab.setWordWrap(False)  # Japanese wraps anywhere: 「手続きの選/択」
                lab.setAlignment(Qt.AlignmentFlag.AlignCenter)
                self._row.addWidget(lab, 1)
                self.labels.append(lab)
        self.titles, self.current = titles, current
        self.render()

    def render(self) -> None:  # type: ignore[override]  # our refresh, not QWidget's paint
        for i, (lab, title) in enumerate(zip(self.labels, self.titles, strict=True)):
            mark = "✓" if i < self.current else CIRCLED[i]
            lab.setText(f"{mark}\n{title}")
            if i == self.current:
                tone = Tone.INFO
                style = (
                    f"background: {tone_background(self, tone).name()}; color: {tone_color(self, tone).name()};"
                    " font-weight: bold; border-radius: 4px; padding: 4px;"
                )
            elif i < self.current:
                style = f"color: {tone_color(self, Tone.OK).name()}; padding: 4px;"
            else:
                style = f"color: {tone_color(self, Tone.MUTED).name()}; padding: 4px;"
            lab.setStyleSheet(style)
        if self.titles:
            text = (
                self.tr("Step %1 of %2: %3")
                .replace("%1", str(self.current + 1))
                .replace("%2", str(len(self.titles)))
                .replace("%3", self.titles[self.current])
            )
            self.setAccessibleName(text)
            self.setToolTip(text)

    def retranslate(self) -> None:
        self.render()

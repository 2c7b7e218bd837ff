"""One line of the most urgent warning, coloured by its tone, with an optional action."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QWidget

from ..alerts import Alert
from ..theme import Tone, tone_background, tone_color
from .base import Retranslatable, spoken, wrapping_label


class Banner(Retranslatable, QFrame):
    actionRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.alert: Alert | None = None
        self.text = wrapping_label(parent=self, selectable=True, name="bannerText")
        self.button = QPushButton(self)
        self.button.setObjectName("bannerAction")
        self.button.clicked.connect(
            lambda: self.alert and self.actionRequested.emit(self.alert.action)
        )
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.show_alert(None)

    def show_alert(self, alert: Alert | None) -> None:
        self.alert = alert
        self.setVisible(alert is not None)
        if alert is None:
            return
        # Judge light or dark by the surroundings: our own palette takes the background our
        # style sheet sets, so a dark-red banner would keep itself dark on a light window.
        around = self.window()
        fg, bg = tone_color(around, alert.tone), tone_background(around, alert.tone)
        self.setStyleSheet(
            f"QFrame#banner {{ background: {bg.name()}; border: 1px solid {fg.name()}; border-radius: 4px; }}"
            f" QLabel#bannerText {{ color: {fg.name()}; }}"
        )
        self.text.setText(alert.text)
        self.setAccessibleName(alert.text)
        self.button.setVisible(bool(alert.action))
        self.retranslate()

    def restyle(self) -> None:
        self.show_alert(self.alert)

    @property
    def tone(self) -> Tone | None:
        return self.alert.tone if self.alert else None

    def retranslate(self) -> None:
        action = self.alert.action if self.alert else ""
        label = {
            "expiry": self.tr("See &expiry"),
            "diagnostics": self.tr("Open &diagnostics"),
        }.get(action, "")
        self.button.setText(label)
        self.button.setAccessibleName(spoken(label))

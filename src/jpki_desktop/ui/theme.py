"""Fonts and the few colours the GUI draws itself, derived from the palette so that light and
dark palettes both keep readable contrast."""

from __future__ import annotations

import enum

from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import QApplication, QWidget

CJK_FAMILIES = (
    "IPAPGothic",
    "IPAGothic",
    "Noto Sans CJK JP",
    "Noto Sans JP",
    "Yu Gothic UI",
    "Meiryo UI",
    "Hiragino Sans",
    "Source Han Sans JP",
)


def apply_cjk_font(app: QApplication) -> str | None:
    """Use a Japanese font when one is installed, so kana and kanji never fall back to boxes
    (and Japanese glyphs are not drawn with a Chinese font)."""
    available = set(QFontDatabase.families())
    for family in CJK_FAMILIES:
        if family in available:
            font = QFont(app.font())
            font.setFamilies([family])
            app.setFont(font)
            return family
    return None


class Tone(enum.Enum):
    OK = "ok"
    INFO = "info"
    WARN = "warn"
    DANGER = "danger"
    MUTED = "muted"


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


_LIGHT = {
    Tone.OK: "#1b6e2a",
    Tone.INFO: "#1d4f91",
    Tone.WARN: "#7a4a00",
    Tone.DANGER: "#a4161a",
    Tone.MUTED: "#555555",
}
_DARK = {
    Tone.OK: "#7fd88f",
    Tone.INFO: "#9cc3ff",
    Tone.WARN: "#ffc86b",
    Tone.DANGER: "#ff8a8a",
    Tone.MUTED: "#b8b8b8",
}
_LIGHT_BG = {
    Tone.OK: "#e3f4e6",
    Tone.INFO: "#e4eefb",
    Tone.WARN: "#fff3d6",
    Tone.DANGER: "#fde2e2",
    Tone.MUTED: "#eeeeee",
}
_DARK_BG = {
    Tone.OK: "#173d20",
    Tone.INFO: "#1a2d4a",
    Tone.WARN: "#46340c",
    Tone.DANGER: "#4d1719",
    Tone.MUTED: "#333333",
}


def tone_color(widget: QWidget, tone: Tone) -> QColor:
    return QColor((_DARK if is_dark(widget.palette()) else _LIGHT)[tone])


def tone_background(widget: QWidget, tone: Tone) -> QColor:
    return QColor((_DARK_BG if is_dark(widget.palette()) else _LIGHT_BG)[tone])


_R = QPalette.ColorRole
_DARK_COLORS = {
    _R.Window: "#202124",
    _R.WindowText: "#e8eaed",
    _R.Base: "#17181a",
    _R.AlternateBase: "#2a2b2e",
    _R.Text: "#e8eaed",
    _R.Button: "#2d2e31",
    _R.ButtonText: "#e8eaed",
    _R.Highlight: "#3d6fb6",
    _R.HighlightedText: "#ffffff",
    _R.ToolTipBase: "#2d2e31",
    _R.ToolTipText: "#e8eaed",
    _R.PlaceholderText: "#9aa0a6",
    _R.Link: "#8ab4f8",
}
_DARK_DISABLED = "#7c7f84"  # for Text, ButtonText and WindowText


def dark_palette() -> QPalette:
    """A dark palette (screenshots and tests; on a desktop the system palette is used)."""
    p = QPalette()
    for role, color in _DARK_COLORS.items():
        p.setColor(role, QColor(color))
    for role in (_R.Text, _R.ButtonText, _R.WindowText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor(_DARK_DISABLED))
    return p


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio."""

    def lum(c: QColor) -> float:
        def ch(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * ch(c.redF()) + 0.7152 * ch(c.greenF()) + 0.0722 * ch(c.blueF())

    la, lb = sorted((lum(a), lum(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)

"""The kinds of file the GUI opens and saves, named once: every file dialog's filter is made
from these, so a type reads the same in every dialog and an open dialog always offers
"All files" last."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "FileTypes"  # the translation context of the names below


@dataclass(frozen=True)
class FileType:
    name: str  # English source text, translated in CONTEXT when a dialog opens
    patterns: str  # space-separated globs, as Qt's name filters take them

    def __init__(self, name: object, patterns: str) -> None:
        # `name` comes from QT_TRANSLATE_NOOP (it marks the text for lupdate), which PySide6's
        # stubs type as object; it returns its argument, a str
        object.__setattr__(self, "name", str(name))
        object.__setattr__(self, "patterns", patterns)

    def name_filter(self) -> str:
        """`name (patterns)` in the UI language, e.g. "PDF ファイル (*.pdf)"."""
        return f"{QCoreApplication.translate(CONTEXT, self.name)} ({self.patterns})"


def name_filters(*types: FileType) -> str:
    """Qt's filter string: one entry per type, in order."""
    return ";;".join(t.name_filter() for t in types)


PDF = FileType(QT_TRANSLATE_NOOP("FileTypes", "PDF files"), "*.pdf")
SIGNED = FileType(QT_TRANSLATE_NOOP("FileTypes", "Signed files"), "*.p7s *.p7m *.xml *.asice *.pdf")
PACKAGE = FileType(QT_TRANSLATE_NOOP("FileTypes", "Encrypted package"), "*.p7m")
PEM = FileType(QT_TRANSLATE_NOOP("FileTypes", "PEM certificate"), "*.pem")
DER = FileType(QT_TRANSLATE_NOOP("FileTypes", "DER certificate"), "*.cer *.der")
TEXT = FileType(QT_TRANSLATE_NOOP("FileTypes", "Text files"), "*.txt")
CALENDAR = FileType(QT_TRANSLATE_NOOP("FileTypes", "Calendar files"), "*.ics")
ANY = FileType(QT_TRANSLATE_NOOP("FileTypes", "All files"), "*")

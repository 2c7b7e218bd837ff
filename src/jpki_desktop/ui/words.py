"""Translated words for the values the cores return: one table per kind of value, one lookup.

The cores return enums and ids, never sentences. Each kind of value gets one `Words` table whose
entries are English sources marked with `QT_TRANSLATE_NOOP(context, ...)`, so `pyside6-lupdate`
finds them; the translation is looked up when the words are asked for, in the language in force
then (tables are built at import time, before a translator is installed).
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import Generic, TypeVar

from PySide6.QtCore import QCoreApplication

K = TypeVar("K", bound=Hashable)


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # noqa: N802 - the name lupdate reads
    """Mark `source` for translation in `context`; the text stays English until looked up.

    PySide6's own QT_TRANSLATE_NOOP is typed as returning `object`; this one is typed `str`.
    """
    return source


class Words(Generic[K]):
    """`value → translated text` for one kind of value, e.g. `state_text(State.VALID)`."""

    def __init__(self, context: str, table: Mapping[K, str]) -> None:
        self._context = context
        self._table = dict(table)

    def __call__(self, key: K) -> str:
        """The translated text for `key` (a value the table lacks is a programming error)."""
        return QCoreApplication.translate(self._context, self._table[key])

    def get(self, key: K, default: str) -> str:
        """The translated text for `key`, or `default` (returned as it is) for a value without."""
        source = self._table.get(key)
        return default if source is None else QCoreApplication.translate(self._context, source)

    def __contains__(self, key: object) -> bool:
        return key in self._table

"""Typed error → English sentence and exit code, by table.

Most errors are phrased by one template filled from their own attributes: the table maps the
error type to a `Sentence` whose template names the error `e` (`"{e.url} answered HTTP
{e.status}."`) and any field the caller fills (`{pin}`). An error takes the entry of the nearest class in its MRO, so a subclass's entry
wins over its base's. Errors whose wording needs a decision stay as code beside their table.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TypeVar

from . import exitcodes as X

T = TypeVar("T")


@dataclass(frozen=True)
class Sentence:
    template: str
    code: int = X.ERROR

    def say(self, exc: BaseException, **more: str) -> tuple[str, int]:
        return self.template.format(e=exc, **more), self.code


def aside(detail: object) -> str:
    """`" (detail)"` to follow what it qualifies, or "" when there is no detail."""
    return f" ({detail})" if detail else ""


def nearest(exc: BaseException, table: Mapping[type[BaseException], T]) -> T | None:
    """The table's entry for the nearest class of `exc` (None if no class of it is listed)."""
    for cls in type(exc).__mro__:
        entry = table.get(cls)
        if entry is not None:
            return entry
    return None


def say(
    exc: BaseException, table: Mapping[type[BaseException], Sentence], **more: str
) -> tuple[str, int] | None:
    """`(sentence, exit code)` for `exc` from `table`, or None if the table does not cover it;
    `more` fills the template's other fields (`{pin}`)."""
    entry = nearest(exc, table)
    return None if entry is None else entry.say(exc, **more)

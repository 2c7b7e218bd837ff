"""The base of the typed errors (card/, signing/, procedures/, submission/, net/ errors.py).

A typed error carries data, never a sentence: the CLI (cli/errors.py) and the GUI
(ui/messages.py) phrase it from its attributes. A subclass only declares its data, as
dataclass fields::

    class UnknownProcedure(ProcedureError):
        procedure_id: str

and gets the constructor (its fields in order, inherited ones first; the ones after
``_: KW_ONLY`` by keyword), one attribute per field and nothing else (no PIN can slip into an
attribute that no field names). A class that declares no fields keeps its parent's constructor.

The exception's own text (its ``args`` and ``str()``, for logs and tracebacks) is made once,
when it is built, by :meth:`TypedError._message`, from ``_text``: a ``str.format`` template over
the fields, or a tuple of them, whose parts are joined by ": " with the empty ones after the
first left out (``("{reason}", "{detail}")`` gives "reason: detail", or "reason" alone). A class
without ``_text`` shows its first field ("" when it is None); a class whose text needs more
overrides ``_message``.

Qt-free and imports nothing else of jpki_desktop, so that every core package may use it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar, dataclass_transform


@dataclass_transform(eq_default=False, field_specifiers=(field,))
class TypedError(Exception):
    """Root of the typed errors: see the module's docstring."""

    _text: ClassVar[str | tuple[str, ...]] = ""

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        if vars(cls).get("__annotations__"):  # it declares fields of its own
            # eq/repr as an exception's: compared by identity, shown by its text
            dataclass(eq=False, repr=False)(cls)

    def __post_init__(self) -> None:
        super().__init__(self._message())

    def _message(self) -> str:
        if not self._text:
            first = next(iter(vars(self).values()), None)  # the fields, as __init__ set them
            return "" if first is None else str(first)
        parts = (self._text,) if isinstance(self._text, str) else self._text
        head, *tail = (part.format_map(vars(self)) for part in parts)
        return ": ".join([head, *(text for text in tail if text)])

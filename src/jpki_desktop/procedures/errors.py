"""Typed procedure errors. They carry data; sentences are made by the CLI/GUI."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..typed_error import TypedError

if TYPE_CHECKING:
    from pathlib import Path

    from .validation import Issue


class ProcedureError(TypedError):
    """Base class."""


class ProcedureFileError(ProcedureError):
    """A procedure file is malformed. `problem` is a short code, `detail` names the spot."""

    path: Path | str | None
    problem: str
    detail: str = ""

    def _message(self) -> str:
        return f"{self.path}: {self.problem} {self.detail}".strip()


class UnknownProcedure(ProcedureError):
    """No procedure of the catalogue has this id."""

    procedure_id: str


class AgencyMaterialMissing(ProcedureError):
    """A certificate the procedure refers to cannot be read."""

    what: str
    ref: str
    _text = "{what}: {ref}"


class FormInvalid(ProcedureError):
    """Form data failed validation; `issues` says which field and why (codes + parameters)."""

    issues: list[Issue]

    def _message(self) -> str:
        return ", ".join(f"{i.field}:{i.code}" for i in self.issues)


class FormXmlError(ProcedureError):
    """A received form XML does not match the procedure's template (agency side)."""

    problem: str
    detail: str = ""

    def _message(self) -> str:
        return f"{self.problem} {self.detail}".strip()

"""Typed procedure errors. They carry data; sentences are made by the CLI/GUI."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .validation import Issue


class ProcedureError(Exception):
    """Base class."""


class ProcedureFileError(ProcedureError):
    """A procedure file is malformed. `problem` is a short code, `detail` names the spot."""

    def __init__(self, path: Path | str | None, problem: str, detail: str = "") -> None:
        super().__init__(f"{path}: {problem} {detail}".strip())
        self.path = path
        self.problem = problem
        self.detail = detail


class UnknownProcedure(ProcedureError):
    def __init__(self, procedure_id: str) -> None:
        super().__init__(procedure_id)
        self.procedure_id = procedure_id


class AgencyMaterialMissing(ProcedureError):
    """A certificate the procedure refers to cannot be read."""

    def __init__(self, what: str, ref: str) -> None:
        super().__init__(f"{what}: {ref}")
        self.what = what
        self.ref = ref


class FormInvalid(ProcedureError):
    """Form data failed validation; `issues` says which field and why (codes + parameters)."""

    def __init__(self, issues: list[Issue]) -> None:
        super().__init__(", ".join(f"{i.field}:{i.code}" for i in issues))
        self.issues = issues


class FormXmlError(ProcedureError):
    """A received form XML does not match the procedure's template (agency side)."""

    def __init__(self, problem: str, detail: str = "") -> None:
        super().__init__(f"{problem} {detail}".strip())
        self.problem = problem
        self.detail = detail

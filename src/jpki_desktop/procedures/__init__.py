"""Procedures (which application) and their forms: catalogue, validation, XML rendering.

Agencies are plain values (`AgencyInfo`); `Catalogue.resolve()` reads their material through
the resolver the caller gave `load_catalogue()` (see `resolve.py`)."""

from __future__ import annotations

from .catalogue import Catalogue, load_catalogue
from .errors import (
    AgencyMaterialMissing,
    FormInvalid,
    FormXmlError,
    ProcedureError,
    ProcedureFileError,
    UnknownProcedure,
)
from .form import prefill_from_card, render_form
from .model import (
    AgencyInfo,
    ApplicantAttribute,
    FieldType,
    FormField,
    MaterialRef,
    Procedure,
    RefKind,
    ResolvedAgency,
    Text,
)
from .resolve import AgencyResolver, MaterialResolver, ReferenceMaterial
from .validation import Issue, check_form

__all__ = [
    "AgencyInfo",
    "AgencyMaterialMissing",
    "AgencyResolver",
    "ApplicantAttribute",
    "Catalogue",
    "FieldType",
    "FormField",
    "FormInvalid",
    "FormXmlError",
    "Issue",
    "MaterialRef",
    "MaterialResolver",
    "Procedure",
    "ProcedureError",
    "ProcedureFileError",
    "ReferenceMaterial",
    "RefKind",
    "ResolvedAgency",
    "Text",
    "UnknownProcedure",
    "check_form",
    "load_catalogue",
    "prefill_from_card",
    "render_form",
]

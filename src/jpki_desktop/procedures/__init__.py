"""Procedures (which application) and their forms: catalogue, validation, XML rendering."""

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
from .model import Agency, ApplicantAttribute, FieldType, FormField, Procedure, Text
from .validation import Issue, check_form

__all__ = [
    "Agency",
    "AgencyMaterialMissing",
    "ApplicantAttribute",
    "Catalogue",
    "FieldType",
    "FormField",
    "FormInvalid",
    "FormXmlError",
    "Issue",
    "Procedure",
    "ProcedureError",
    "ProcedureFileError",
    "Text",
    "UnknownProcedure",
    "check_form",
    "load_catalogue",
    "prefill_from_card",
    "render_form",
]

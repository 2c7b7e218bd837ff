"""Fill a procedure's form: validate, then render the form XML that goes into the package."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from pathlib import Path

from .errors import FormInvalid
from .model import ApplicantAttribute, Procedure
from .template import AttachmentEntry, FormTemplate
from .validation import check_form


def render_form(
    procedure: Procedure,
    values: Mapping[str, object],
    attachments: Iterable[Path] = (),
    *,
    today: dt.date | None = None,
) -> bytes:
    """The form XML (UTF-8, with declaration). Raises FormInvalid listing every problem."""
    files = [Path(p) for p in attachments]
    normalised, issues = check_form(procedure, values, files, today=today)
    if issues:
        raise FormInvalid(issues)
    entries = [AttachmentEntry(p.name, p.stat().st_size) for p in files]
    return FormTemplate.for_procedure(procedure).render(normalised, entries)


def prefill_from_card(
    procedure: Procedure, name: str, address: str, birth_date: str
) -> dict[str, str]:
    """Initial values for the applicant fields from the card's basic attributes (the card-info
    AP gives the birth date as YYYYMMDD)."""
    iso = birth_date
    if len(birth_date) == 8 and birth_date.isdigit():
        iso = f"{birth_date[:4]}-{birth_date[4:6]}-{birth_date[6:]}"
    source = {
        ApplicantAttribute.NAME: name,
        ApplicantAttribute.ADDRESS: address,
        ApplicantAttribute.BIRTH_DATE: iso,
    }
    values = {}
    for attr, f in procedure.applicant_fields().items():
        values[f.id] = source[attr]
    return values

"""The procedure catalogue and its forms: check, fill in from the card, render the XML."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path

from ..agency.resolver import reference_resolver
from ..fileio import atomic_write_bytes
from ..procedures import Catalogue, Issue, Procedure, check_form, load_catalogue, render_form
from ..procedures.errors import UnknownProcedure
from ..procedures.form import prefill_from_card

__all__ = ["catalogue", "check", "fill", "known_procedure", "prefill", "write_form"]


def catalogue(directories: Sequence[Path] = ()) -> Catalogue:
    """The shipped procedures, plus those in `directories` (the same id wins later); `@demo/...`
    references resolve to the reference agency."""
    return load_catalogue(list(directories), resolver=reference_resolver())


def known_procedure(procedure_id: str) -> Procedure | None:
    """The shipped procedure `procedure_id`, or None when it is not known here."""
    try:
        return catalogue().get(procedure_id)
    except UnknownProcedure:
        return None


def check(
    procedure: Procedure, values: Mapping[str, str], attachments: Sequence[Path], today: dt.date
) -> list[Issue]:
    """Every problem of the form at once (nothing is signed)."""
    _normalised, issues = check_form(procedure, dict(values), list(attachments), today=today)
    return issues


def fill(
    procedure: Procedure,
    values: Mapping[str, object],
    attachments: Sequence[Path],
    today: dt.date | None = None,
) -> bytes:
    """The form XML; raises FormInvalid with every issue."""
    return render_form(procedure, dict(values), list(attachments), today=today)


def write_form(path: Path, xml: bytes) -> None:
    atomic_write_bytes(path, xml)


def prefill(procedure: Procedure, name: str, address: str, birth_date: str) -> dict[str, str]:
    """Form values for the applicant's fields, from the card's records."""
    return prefill_from_card(procedure, name, address, birth_date)

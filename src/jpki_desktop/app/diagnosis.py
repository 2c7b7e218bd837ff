"""Diagnosis: what is wrong with the PC/SC service, the reader or the card, and the fix.

Spends no PIN try and never reads the signing certificate. Reports mask personal data unless
`masked=False` is asked for explicitly.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..diagnostics.environment import collect_environment
from ..diagnostics.model import Diagnosis, ProbeResult
from ..diagnostics.report import ENGLISH, ReportWording, render_text, results_json, write_report
from ..diagnostics.runner import run_diagnosis


def diagnose(
    *,
    reader: str | None = None,
    demo: bool = False,
    on_result: Callable[[ProbeResult], None] | None = None,
) -> Diagnosis:
    """Run every probe; `on_result` sees each result as soon as it is known. Never raises."""
    return run_diagnosis(reader=reader, demo=demo, on_result=on_result)


def report_text(
    diagnosis: Diagnosis, *, masked: bool = True, wording: ReportWording = ENGLISH
) -> str:
    """The text report for a help desk, with the app, OS and library versions, in `wording`
    (English unless the GUI passes its translated wording)."""
    return render_text(diagnosis, collect_environment(), masked=masked, wording=wording)


def export_report(path: str | Path, diagnosis: Diagnosis, *, masked: bool = True) -> str:
    """Write the text report atomically (mode 0600); returns it."""
    text = report_text(diagnosis, masked=masked)
    save_report(path, text)
    return text


def save_report(path: str | Path, text: str) -> None:
    """Write a report already rendered (the one the user saw), atomically (mode 0600)."""
    write_report(path, text)


def diagnosis_dicts(diagnosis: Diagnosis, *, masked: bool = True) -> list[dict[str, Any]]:
    """The JSON form: one object per check (id, status, title, detail, fix, data)."""
    return results_json(diagnosis, masked=masked)

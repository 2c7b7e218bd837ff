"""Render a diagnosis as JSON or as a text report that is safe to send to a help desk.

Masked by default: results drop their `private` data (exact expiry dates are birthdays), and
a last scrub replaces anything shaped like a My Number (12 digits). Probes never put names,
addresses, birth dates, certificate serials or subjects into their text in the first place.
`masked=False` exists for the user's own eyes and must be asked for explicitly.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..fileio import atomic_output
from .model import Diagnosis, ProbeResult, Status

MY_NUMBER_SHAPE = re.compile(r"(?<!\d)\d{12}(?!\d)")
MASK = "<masked>"
MARK = {Status.OK: " OK ", Status.WARN: "WARN", Status.FAIL: "FAIL", Status.SKIPPED: "SKIP"}
JST = dt.timezone(dt.timedelta(hours=9), "JST")


@dataclass(frozen=True)
class ReportWording:
    """The words of the text report. English by default; a front end passes its translation
    (the GUI writes the report in its own language, or in both)."""

    heading: str = "jpki-desktop diagnostic report"
    created: str = "Created"
    personal_data: str = "Personal data"
    masked: str = (
        "masked (no My Number, name, address, birth date, certificate serial, subject or "
        "exact expiry date)"
    )
    unmasked: str = "NOT MASKED (--unmasked): check before sending this report to anyone"
    environment: str = "Environment"
    checks: str = "Checks"
    fix: str = "Fix"
    details: str = ""  # label of the core's English detail when `result` replaces it
    summary: str = "Summary"
    apdus: str = "APDUs sent to the card"
    reader: str = "reader"
    statuses: Mapping[Status, str] = field(default_factory=lambda: {s: s.value for s in Status})
    # (title, text, fix) of a result in this language; None keeps the core's English ones
    result: Callable[[ProbeResult], tuple[str, str, str]] | None = None


ENGLISH = ReportWording()


def scrub(text: str) -> str:
    return MY_NUMBER_SHAPE.sub(MASK, text)


def results_json(diagnosis: Diagnosis, *, masked: bool = True) -> list[dict[str, Any]]:
    """`jpki diagnose --json`: one object per probe (id, status, title, detail, fix, data)."""
    out = [r.to_json(masked=masked) for r in diagnosis.results]
    if masked:
        out = json.loads(scrub(json.dumps(out, ensure_ascii=False)))
    return out


def _line(r: ProbeResult, masked: bool, w: ReportWording) -> list[str]:
    title, text, fix = w.result(r) if w.result is not None else (r.title, r.detail, r.fix)
    lines = [f"[{MARK[r.status]}] {title}: {text}"]
    if fix:
        lines.append(f"       {w.fix}: {fix}")
    if w.result is not None and w.details and r.detail:
        lines.append(f"       {w.details}: {r.detail}")
    shown = {k: v for k, v in r.data.items() if not (masked and k in r.private)}
    for key, value in shown.items():
        if isinstance(value, (list, dict)):
            value = json.dumps(value, ensure_ascii=False)
        lines.append(f"       {key}: {value}")
    return lines


def render_text(
    diagnosis: Diagnosis,
    environment: dict[str, str],
    *,
    masked: bool = True,
    wording: ReportWording = ENGLISH,
) -> str:
    w = wording
    # Japan time, as everywhere a resident reads a time; UTC in brackets for a help desk abroad
    started = diagnosis.started
    stamp = (
        f"{started.astimezone(JST):%Y-%m-%d %H:%M} JST (UTC+09:00; "
        f"{started.astimezone(dt.UTC):%H:%M} UTC)"
    )
    lines = [
        w.heading,
        f"{w.created}: {stamp}",
        f"{w.personal_data}: {w.masked if masked else w.unmasked}",
        "",
        w.environment,
    ]
    width = max(len(k) for k in environment) if environment else 0
    lines += [f"  {k.ljust(width)}  {v}" for k, v in environment.items()]
    lines += ["", w.checks]
    for r in diagnosis.results:
        lines += ["  " + line for line in _line(r, masked, w)]
    counts = {s: sum(1 for r in diagnosis.results if r.status is s) for s in Status}
    lines += [
        "",
        f"{w.summary}: " + ", ".join(f"{n} {w.statuses[s]}" for s, n in counts.items() if n),
        f"{w.apdus}: {diagnosis.apdu_count}"
        + (f" ({w.reader}: {diagnosis.reader})" if diagnosis.reader else ""),
        "",
    ]
    text = "\n".join(lines)
    return scrub(text) if masked else text


def write_report(path: str | os.PathLike[str], text: str) -> None:
    """Atomic: a failure never leaves a half-written report behind."""
    with atomic_output(path, mode=0o600) as f:
        f.write(text.encode("utf-8"))

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
from typing import Any

from ..fileio import atomic_output
from .model import Diagnosis, ProbeResult, Status

MY_NUMBER_SHAPE = re.compile(r"(?<!\d)\d{12}(?!\d)")
MASK = "<masked>"
MARK = {Status.OK: " OK ", Status.WARN: "WARN", Status.FAIL: "FAIL", Status.SKIPPED: "SKIP"}


def scrub(text: str) -> str:
    return MY_NUMBER_SHAPE.sub(MASK, text)


def results_json(diagnosis: Diagnosis, *, masked: bool = True) -> list[dict[str, Any]]:
    """`jpki diagnose --json`: one object per probe (id, status, title, detail, fix, data)."""
    out = [r.to_json(masked=masked) for r in diagnosis.results]
    if masked:
        out = json.loads(scrub(json.dumps(out, ensure_ascii=False)))
    return out


def _line(r: ProbeResult, masked: bool) -> list[str]:
    lines = [f"[{MARK[r.status]}] {r.title}: {r.detail}"]
    if r.fix:
        lines.append(f"       Fix: {r.fix}")
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
) -> str:
    stamp = diagnosis.started.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "jpki-desktop diagnostic report",
        f"Created: {stamp}",
        "Personal data: "
        + (
            "masked (no My Number, name, address, birth date, certificate serial, subject or exact expiry date)"
            if masked
            else "NOT MASKED (--unmasked): check before sending this report to anyone"
        ),
        "",
        "Environment",
    ]
    width = max(len(k) for k in environment) if environment else 0
    lines += [f"  {k.ljust(width)}  {v}" for k, v in environment.items()]
    lines += ["", "Checks"]
    for r in diagnosis.results:
        lines += ["  " + line for line in _line(r, masked)]
    counts = {s: sum(1 for r in diagnosis.results if r.status is s) for s in Status}
    lines += [
        "",
        "Summary: " + ", ".join(f"{n} {s.value}" for s, n in counts.items() if n),
        f"APDUs sent to the card: {diagnosis.apdu_count}"
        + (f" (reader: {diagnosis.reader})" if diagnosis.reader else ""),
        "",
    ]
    text = "\n".join(lines)
    return scrub(text) if masked else text


def write_report(path: str | os.PathLike[str], text: str) -> None:
    """Atomic: a failure never leaves a half-written report behind."""
    with atomic_output(path, mode=0o600) as f:
        f.write(text.encode("utf-8"))

"""Probe results: what each check found, in plain words, plus data for machines.

Probes may phrase sentences (the detail and the fix are meant to be read by a resident or a help
desk); personal data never goes into `detail` or `fix`. Values that could identify the holder
(for example a certificate's exact expiry date, which is a birthday) go into `data` and are
named in `private`, so a report can drop them.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple


class Status(str, enum.Enum):
    """A probe's verdict; SKIPPED: not run because an earlier step (the reader, the card)
    failed, so that one cause is not reported again by every later probe."""

    OK = "ok"
    WARN = "warn"
    FAIL = "fail"
    SKIPPED = "skipped"


@dataclass(frozen=True)
class ProbeResult:
    id: str
    status: Status
    title: str
    detail: str
    fix: str = ""  # what to do, in plain words; empty when there is nothing to do
    data: Mapping[str, Any] = field(default_factory=dict)
    private: tuple[str, ...] = ()  # keys of `data` holding personal data (masked in reports)

    def to_json(self, *, masked: bool = True) -> dict[str, Any]:
        data = {k: v for k, v in self.data.items() if not (masked and k in self.private)}
        return {
            "id": self.id,
            "status": self.status.value,
            "title": self.title,
            "detail": self.detail,
            "fix": self.fix,
            "data": data,
        }


class Probe(NamedTuple):
    """A probe's stable id (for --json and the GUI) and its short title."""

    id: str
    title: str


def result(
    probe: Probe,
    status: Status,
    detail: str,
    fix: str = "",
    *,
    private: tuple[str, ...] = (),
    **data: Any,
) -> ProbeResult:
    return ProbeResult(probe.id, status, probe.title, detail, fix, dict(data), private)


def skipped(probe: Probe, why: str) -> ProbeResult:
    return ProbeResult(probe.id, Status.SKIPPED, probe.title, why)


@dataclass(frozen=True)
class Diagnosis:
    """One run: the results in order, and how many APDUs the card probes needed."""

    results: tuple[ProbeResult, ...]
    apdu_count: int
    started: dt.datetime
    reader: str | None = None  # the reader the card probes used

    def by_id(self, probe_id: str) -> ProbeResult:
        for r in self.results:
            if r.id == probe_id:
                return r
        raise KeyError(probe_id)

    @property
    def worst(self) -> Status:
        order = [Status.FAIL, Status.WARN, Status.OK, Status.SKIPPED]
        present = {r.status for r in self.results}
        return next((s for s in order if s in present), Status.OK)

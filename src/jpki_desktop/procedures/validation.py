"""Normalise and validate form data before anything is signed.

Normalising forgives what an IME does (full-width digits, hyphen look-alikes, "2024/3/5") but
never changes names or addresses beyond trimming the ends.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from ..validity.date_input import try_parse_date_input
from .messages import message
from .model import AttachmentRule, FieldType, FormField, Procedure

JST = dt.timezone(dt.timedelta(hours=9))
_HYPHENS = dict.fromkeys(map(ord, "‐‑‒–—―−ーｰ－﹣"), "-")
_WHITESPACE = " \t\r\n\u3000"
_POSTAL_RE = re.compile(r"(\d{3})-?(\d{4})")
_PHONE_RE = re.compile(r"\+?[0-9][0-9-]{8,18}[0-9]")
_EMAIL_RE = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_RELATIVE_RE = re.compile(r"today(?:([+-])(\d+)d)?")
_TRUE = {"true", "yes", "1", "on", "はい"}
_FALSE = {"false", "no", "0", "off", "いいえ"}


@dataclass(frozen=True)
class Issue:
    """One problem with one field ("attachments" for the attached files)."""

    field: str
    code: str
    # dataclasses.field: mypy reads the bare name here as the `field: str` attribute above
    params: dict[str, object] = dataclasses.field(default_factory=dict)
    custom: tuple[str, str] | None = None  # (ja, en) from the procedure file

    def message(self, lang: str = "ja") -> str:
        if self.custom is not None:
            return self.custom[1] if lang.startswith("en") else self.custom[0]
        return message(self.code, self.params, lang)


def today_jst() -> dt.date:
    return dt.datetime.now(JST).date()


def _bad_character(text: str, multiline: bool) -> bool:
    for ch in text:
        if ch in "\n\t" and multiline:
            continue
        cat = unicodedata.category(ch)
        if cat in ("Cc", "Cs", "Co") or ch in "\ufffe\uffff":
            return True
    return False


def normalise(f: FormField, raw: object) -> str:
    text = "" if raw is None else str(raw)
    if f.type is FieldType.MULTILINE:
        return text.replace("\r\n", "\n").replace("\r", "\n").strip(_WHITESPACE)
    text = text.strip(_WHITESPACE)
    if f.type in (FieldType.TEXT, FieldType.ENUM):
        return text
    text = unicodedata.normalize("NFKC", text).translate(_HYPHENS).strip()
    if f.type in (FieldType.INTEGER, FieldType.MONEY):
        return text.replace(",", "").replace(" ", "").removesuffix("円")
    if f.type is FieldType.DATE:
        # the one date parser of every page: 和暦, slashes, full-width digits
        day = try_parse_date_input(text)
        return day.isoformat() if day is not None else text
    if f.type is FieldType.POSTAL_CODE:
        m = _POSTAL_RE.fullmatch(text)
        return f"{m[1]}-{m[2]}" if m else text
    if f.type is FieldType.BOOLEAN:
        low = text.lower()
        return "true" if low in _TRUE else "false" if low in _FALSE else text
    return text


def resolve_date_bound(bound: str, today: dt.date) -> dt.date:
    m = _RELATIVE_RE.fullmatch(bound)
    if m:
        days = int(m[2] or 0) * (-1 if m[1] == "-" else 1)
        return today + dt.timedelta(days=days)
    return dt.date.fromisoformat(bound)


def _check_type(f: FormField, value: str, today: dt.date) -> Issue | None:
    t = f.type
    if t is FieldType.DATE:
        try:
            d = dt.date.fromisoformat(value) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) else None
        except ValueError:
            d = None
        if d is None:
            return Issue(f.id, "invalid-date")
        if f.not_before and d < (earliest := resolve_date_bound(f.not_before, today)):
            return Issue(f.id, "date-too-early", {"min": earliest.isoformat()})
        if f.not_after and d > (latest := resolve_date_bound(f.not_after, today)):
            return Issue(f.id, "date-too-late", {"max": latest.isoformat()})
    elif t in (FieldType.INTEGER, FieldType.MONEY):
        if not re.fullmatch(r"-?\d{1,15}", value):
            return Issue(f.id, "not-an-integer")
        n = int(value)
        lo = f.minimum if f.minimum is not None else (0 if t is FieldType.MONEY else None)
        if lo is not None and n < lo:
            return Issue(f.id, "too-small", {"min": lo})
        if f.maximum is not None and n > f.maximum:
            return Issue(f.id, "too-large", {"max": f.maximum})
    elif t is FieldType.ENUM:
        if value not in {o.value for o in f.options}:
            return Issue(f.id, "not-an-option")
    elif t is FieldType.POSTAL_CODE:
        if not re.fullmatch(r"\d{3}-\d{4}", value):
            return Issue(f.id, "invalid-postal-code")
    elif t is FieldType.PHONE:
        if not _PHONE_RE.fullmatch(value):
            return Issue(f.id, "invalid-phone")
    elif t is FieldType.EMAIL:
        if not _EMAIL_RE.fullmatch(value) or len(value) > 254:
            return Issue(f.id, "invalid-email")
    elif t is FieldType.BOOLEAN:
        if value not in ("true", "false"):
            return Issue(f.id, "invalid-boolean")
    return None


def check_field(f: FormField, value: str, today: dt.date) -> Issue | None:
    """`value` must already be normalised."""
    if _bad_character(value, f.type is FieldType.MULTILINE):
        return Issue(f.id, "invalid-character")
    if value == "" or (f.type is FieldType.BOOLEAN and value == "false" and f.required):
        return Issue(f.id, "required") if f.required else None
    length = len(value)
    if f.min_length is not None and length < f.min_length:
        return Issue(f.id, "too-short", {"min": f.min_length, "length": length})
    if f.max_length is not None and length > f.max_length:
        return Issue(f.id, "too-long", {"max": f.max_length, "length": length})
    problem = _check_type(f, value, today)
    if problem is not None:
        return problem
    if f.pattern is not None and not re.fullmatch(f.pattern, value):
        custom = (f.pattern_message.ja, f.pattern_message.en) if f.pattern_message else None
        return Issue(f.id, "pattern", {}, custom)
    return None


def check_attachments(rule: AttachmentRule, files: Iterable[Path]) -> list[Issue]:
    files = [Path(p) for p in files]
    issues: list[Issue] = []
    if files and not rule.allowed:
        return [Issue("attachments", "attachments-not-allowed")]
    if len(files) < rule.min_count:
        issues.append(Issue("attachments", "too-few-attachments", {"min": rule.min_count}))
    if rule.max_count and len(files) > rule.max_count:
        issues.append(Issue("attachments", "too-many-attachments", {"max": rule.max_count}))
    seen: set[str] = set()
    for p in files:
        name = p.name
        if name.lower() in seen:
            issues.append(Issue("attachments", "attachment-duplicate", {"name": name}))
        seen.add(name.lower())
        if rule.extensions and p.suffix.lower().lstrip(".") not in rule.extensions:
            issues.append(
                Issue(
                    "attachments",
                    "attachment-type",
                    {"name": name, "allowed": ", ".join(rule.extensions)},
                )
            )
            continue
        try:
            size = p.stat().st_size if p.is_file() else -1
        except OSError:
            size = -1
        if size < 0:
            issues.append(Issue("attachments", "attachment-missing", {"name": name}))
        elif size == 0:
            issues.append(Issue("attachments", "attachment-empty", {"name": name}))
        elif size > rule.max_bytes:
            issues.append(
                Issue("attachments", "attachment-too-large", {"name": name, "max": rule.max_bytes})
            )
    return issues


def check_form(
    procedure: Procedure,
    values: Mapping[str, object],
    attachments: Iterable[Path] = (),
    *,
    today: dt.date | None = None,
) -> tuple[dict[str, str], list[Issue]]:
    """Normalised values and every problem found (empty list: ready to sign)."""
    today = today or today_jst()
    issues = [
        Issue(k, "unknown-field") for k in values if k not in {f.id for f in procedure.fields}
    ]
    normalised: dict[str, str] = {}
    for f in procedure.fields:
        value = normalise(f, values.get(f.id))
        normalised[f.id] = value
        problem = check_field(f, value, today)
        if problem is not None:
            issues.append(problem)
    issues.extend(check_attachments(procedure.attachments, attachments))
    return normalised, issues

"""Outbox and history in the user data directory.

    submissions/outbox/<entry>/package.p7m + meta.json           sent-but-not-acknowledged
    submissions/history/<entry>/package.p7m + meta.json
                               + answer.p7s (signed receipt or rejection, as received)
                               + answer.json (its content, for listing)

A package enters the outbox before the first byte goes out and leaves it only when the agency
answered with a verified receipt or rejection. The answer is written into the outbox entry
first and the folder is then renamed into the history, so a crash in between is finished on
the next flush without sending again.

A damaged entry (an empty, truncated or non-JSON `meta.json` or `answer.json`, or one with the
wrong types) is skipped by every listing and reported by `scan_outbox()` / `scan_history()`;
it is never sent, moved or overwritten, and never hides the other entries.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
import json
import os
import re
import shutil
import sys
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import platformdirs
from cryptography import x509

from ..fileio import atomic_output, atomic_write_bytes
from .errors import AnswerInvalid, StoreEntryDamaged
from .receipt import Answer, Receipt, answer_from_payload
from .signed_answer import open_answer

if sys.platform != "win32":
    import fcntl  # POSIX only: the flush lock

_SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
MAX_STORE_JSON = 1024 * 1024  # meta.json and answer.json are a few hundred bytes


def default_store_dir() -> Path:
    return Path(platformdirs.user_data_dir("jpki-desktop")) / "submissions"


def sha256_file(path: Path) -> str:
    with open(path, "rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def read_json_object(directory: Path, name: str) -> dict[str, Any]:
    """A store file as a JSON object, or StoreEntryDamaged saying what is wrong with it. A
    UTF-8 byte order mark (an editor's doing) is not damage: the JSON after it is intact."""
    path = directory / name
    try:
        with open(path, "rb") as f:
            raw = f.read(MAX_STORE_JSON + 1)
    except OSError as exc:
        raise StoreEntryDamaged(str(directory), name, "unreadable", type(exc).__name__) from None
    if not raw.strip():
        raise StoreEntryDamaged(str(directory), name, "empty")
    if len(raw) > MAX_STORE_JSON:
        raise StoreEntryDamaged(str(directory), name, "too-large")
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise StoreEntryDamaged(str(directory), name, "not-utf8") from None
    except (json.JSONDecodeError, RecursionError):
        raise StoreEntryDamaged(str(directory), name, "not-json") from None
    if not isinstance(data, dict):
        raise StoreEntryDamaged(str(directory), name, "not-an-object", type(data).__name__)
    return data


@dataclass
class EntryMeta:
    entry_id: str
    procedure_id: str
    agency_id: str
    package_sha256: str
    package_name: str
    submission_id: str = ""
    manifest_sha256: str = ""
    endpoint_override: str = ""  # where the last `submit` of this package asked to send it
    queued_at: str = ""
    attempts: int = 0
    last_attempt_at: str = ""
    last_error: str = ""
    answered_at: str = ""
    outcome: str = ""  # "", "accepted", "rejected"

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> EntryMeta:
        """Raises ValueError naming the first missing or mistyped field."""
        values: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            if f.name not in data:
                if f.default is dataclasses.MISSING:
                    raise ValueError(f.name)
                continue
            value = data[f.name]
            wanted = int if f.name == "attempts" else str
            if type(value) is not wanted:  # bool is not an int count here
                raise ValueError(f.name)
            values[f.name] = value
        return cls(**values)


@dataclass
class Entry:
    directory: Path
    meta: EntryMeta

    @property
    def package(self) -> Path:
        return self.directory / "package.p7m"

    @property
    def answer_path(self) -> Path:
        return self.directory / "answer.p7s"

    def answer(self, receipt_cert: x509.Certificate | None = None) -> Answer | None:
        """The stored answer. With `receipt_cert` its signature is checked again (AnswerInvalid
        if it does not verify); without, `answer.json` is read (StoreEntryDamaged if broken)."""
        try:
            signed = self.answer_path.read_bytes()
        except FileNotFoundError:
            return None
        if receipt_cert is not None:
            return answer_from_payload(open_answer(signed, receipt_cert), signed)
        payload = read_json_object(self.directory, "answer.json")
        try:
            return answer_from_payload(payload, signed)
        except AnswerInvalid as exc:
            raise StoreEntryDamaged(
                str(self.directory), "answer.json", "bad-answer", exc.detail
            ) from None


@dataclass(frozen=True)
class Listing:
    """One folder of the store: the readable entries and the damaged ones (left untouched)."""

    entries: list[Entry]
    damaged: list[StoreEntryDamaged]


class SubmissionStore:
    def __init__(self, root: Path | None = None) -> None:
        self.root = Path(root) if root is not None else default_store_dir()
        self.outbox_dir = self.root / "outbox"
        self.history_dir = self.root / "history"

    # -- outbox ------------------------------------------------------------------------

    def enqueue(
        self,
        package: Path,
        *,
        procedure_id: str,
        agency_id: str,
        submission_id: str = "",
        manifest_sha256: str = "",
        endpoint_override: str = "",
    ) -> Entry:
        """Copy the package into the outbox (idempotent: the same package twice is one entry).

        `endpoint_override` is this call's choice and replaces an earlier one for the same
        package ("" = the procedure's endpoint), so a one-off `--endpoint` does not stick."""
        digest = sha256_file(package)
        entry_id = (
            submission_id
            if submission_id and _SAFE_ID.fullmatch(submission_id)
            else f"pkg-{digest[:32]}"
        )
        other = f"{entry_id}-{digest[:12]}"  # same id, other bytes: keep both
        for name in (entry_id, other, *(f"{other}.{n}" for n in range(2, 100))):
            directory = self.outbox_dir / name
            if not (directory / "meta.json").exists():
                entry_id = name
                break
            try:
                entry = self._load(directory)
            except StoreEntryDamaged:
                continue  # a damaged entry is left as it is; this package goes elsewhere
            if entry.meta.package_sha256 == digest:
                return self._retarget(entry, endpoint_override)
        else:
            raise StoreEntryDamaged(str(self.outbox_dir), entry_id, "no-free-entry")
        meta = EntryMeta(
            entry_id=entry_id,
            procedure_id=procedure_id,
            agency_id=agency_id,
            package_sha256=digest,
            package_name=package.name,
            submission_id=submission_id,
            manifest_sha256=manifest_sha256,
            endpoint_override=endpoint_override,
            queued_at=_now(),
        )
        directory.mkdir(parents=True, exist_ok=True)
        with atomic_output(directory / "package.p7m", 0o600) as out, open(package, "rb") as src:
            shutil.copyfileobj(src, out, 1024 * 1024)
        entry = Entry(directory, meta)
        self._save(entry)
        return entry

    def _retarget(self, entry: Entry, endpoint_override: str) -> Entry:
        if entry.meta.endpoint_override != endpoint_override:
            entry.meta.endpoint_override = endpoint_override
            self._save(entry)
        return entry

    def scan_outbox(self) -> Listing:
        entries, damaged = self._scan(self.outbox_dir, with_answers=False)
        return Listing(sorted(entries, key=lambda e: e.meta.queued_at), damaged)

    def pending(self) -> list[Entry]:
        """The readable outbox entries, oldest first (damaged ones: `scan_outbox()`)."""
        return self.scan_outbox().entries

    def record_failure(self, entry: Entry, reason: str, attempts: int) -> None:
        entry.meta.attempts += attempts
        entry.meta.last_attempt_at = _now()
        entry.meta.last_error = reason
        self._save(entry)

    def complete(self, entry: Entry, answer: Answer) -> Entry:
        """Store the verified answer and move the entry to the history."""
        atomic_write_bytes(entry.answer_path, answer.signed, 0o600)
        payload = open_json_payload(answer)
        atomic_write_bytes(
            entry.directory / "answer.json",
            json.dumps(payload, ensure_ascii=False, indent=1).encode("utf-8"),
            0o600,
        )
        entry.meta.answered_at = _now()
        entry.meta.outcome = "accepted" if isinstance(answer, Receipt) else "rejected"
        if answer.submission_id and not entry.meta.submission_id:
            entry.meta.submission_id = answer.submission_id
        if answer.procedure_id and not entry.meta.procedure_id:
            entry.meta.procedure_id = answer.procedure_id
        self._save(entry)
        return self._move_to_history(entry)

    def _move_to_history(self, entry: Entry) -> Entry:
        self.history_dir.mkdir(parents=True, exist_ok=True)
        target = self.history_dir / entry.directory.name
        n = 1
        while target.exists():
            n += 1
            target = self.history_dir / f"{entry.directory.name}.{n}"
        try:
            os.rename(entry.directory, target)
        except FileNotFoundError:
            # another process (GUI and CLI flushing at once) completed the same entry first
            done = next((e for e in self.history() if e.meta.entry_id == entry.meta.entry_id), None)
            if done is None:
                raise
            return done
        return Entry(target, entry.meta)

    @contextlib.contextmanager
    def flush_lock(self) -> Iterator[bool]:
        """Non-blocking inter-process lock for flushing: yields False if another process holds it."""
        self.root.mkdir(parents=True, exist_ok=True)
        with open(self.root / ".flush.lock", "a+b") as f:
            if sys.platform == "win32":  # no flock: the agency's idempotency still holds
                yield True
                return
            try:
                fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                yield False
                return
            try:
                yield True
            finally:
                fcntl.flock(f.fileno(), fcntl.LOCK_UN)

    # -- history -----------------------------------------------------------------------

    def scan_history(self) -> Listing:
        entries, damaged = self._scan(self.history_dir, with_answers=True)
        return Listing(sorted(entries, key=lambda e: e.meta.answered_at, reverse=True), damaged)

    def history(self) -> list[Entry]:
        """The readable answered entries, newest first (damaged ones: `scan_history()`)."""
        return self.scan_history().entries

    def find_answered(self, submission_id: str) -> Entry | None:
        return next((e for e in self.history() if e.meta.submission_id == submission_id), None)

    def accepted_package(self, package_sha256: str) -> Entry | None:
        """The history entry of these exact package bytes, if the agency accepted them."""
        return next(
            (
                e
                for e in self.history()
                if e.meta.package_sha256 == package_sha256 and e.meta.outcome == "accepted"
            ),
            None,
        )

    # -- plumbing ----------------------------------------------------------------------

    def _scan(
        self, folder: Path, *, with_answers: bool
    ) -> tuple[list[Entry], list[StoreEntryDamaged]]:
        entries: list[Entry] = []
        damaged: list[StoreEntryDamaged] = []
        try:
            children = sorted(folder.iterdir())
        except (FileNotFoundError, NotADirectoryError):
            return entries, damaged
        for d in children:
            if d.name.startswith(".") or not d.is_dir() or not (d / "meta.json").exists():
                continue
            try:
                entry = self._load(d)
                if with_answers and entry.meta.outcome:
                    if entry.answer_path.exists() and not (d / "answer.json").exists():
                        raise StoreEntryDamaged(str(d), "answer.json", "missing")
                    entry.answer()  # an answer that cannot be listed is damage too
            except StoreEntryDamaged as exc:
                damaged.append(exc)
                continue
            entries.append(entry)
        return entries, damaged

    @staticmethod
    def _load(directory: Path) -> Entry:
        data = read_json_object(directory, "meta.json")
        try:
            return Entry(directory, EntryMeta.from_json(data))
        except ValueError as exc:
            raise StoreEntryDamaged(str(directory), "meta.json", "bad-field", str(exc)) from None

    @staticmethod
    def _save(entry: Entry) -> None:
        text = json.dumps(asdict(entry.meta), ensure_ascii=False, indent=1)
        atomic_write_bytes(entry.directory / "meta.json", text.encode("utf-8"), 0o600)


def open_json_payload(answer: Answer) -> dict[str, Any]:
    """The answer as plain JSON for listing (the signed original sits next to it)."""
    data = {k: v for k, v in asdict(answer).items() if k != "signed"}
    data["type"] = "receipt" if isinstance(answer, Receipt) else "rejection"
    for k, v in list(data.items()):
        if isinstance(v, dt.datetime):
            data[k] = v.isoformat()
        elif isinstance(v, tuple):
            data[k] = list(v)
    return data

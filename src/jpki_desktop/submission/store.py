"""Outbox and history in the user data directory.

    submissions/outbox/<entry>/package.p7m + meta.json           sent-but-not-acknowledged
    submissions/history/<entry>/package.p7m + meta.json
                               + answer.p7s (signed receipt or rejection, as received)

A package enters the outbox before the first byte goes out and leaves it only when the agency
answered with a verified receipt or rejection. The answer is written into the outbox entry
first and the folder is then renamed into the history, so a crash in between is finished on
the next flush without sending again.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import re
import shutil
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from ..fileio import atomic_output, atomic_write_bytes
from .receipt import Answer, Receipt, answer_from_payload
from .signed_answer import open_answer

_SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")


def default_store_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("jpki-desktop")) / "submissions"


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1024 * 1024), b""):
            h.update(chunk)
    return h.hexdigest()


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


@dataclass
class EntryMeta:
    entry_id: str
    procedure_id: str
    agency_id: str
    package_sha256: str
    package_name: str
    submission_id: str = ""
    manifest_sha256: str = ""
    endpoint_override: str = ""
    queued_at: str = ""
    attempts: int = 0
    last_attempt_at: str = ""
    last_error: str = ""
    answered_at: str = ""
    outcome: str = ""  # "", "accepted", "rejected"

    @classmethod
    def from_json(cls, data: dict) -> EntryMeta:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)


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

    def answer(self, receipt_cert=None) -> Answer | None:
        """The stored answer. With `receipt_cert` its signature is checked again."""
        try:
            signed = self.answer_path.read_bytes()
        except FileNotFoundError:
            return None
        if receipt_cert is not None:
            return answer_from_payload(open_answer(signed, receipt_cert), signed)
        payload = json.loads((self.directory / "answer.json").read_text(encoding="utf-8"))
        return answer_from_payload(payload, signed)


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
        """Copy the package into the outbox (idempotent: the same package twice is one entry)."""
        digest = sha256_file(package)
        entry_id = (
            submission_id
            if submission_id and _SAFE_ID.fullmatch(submission_id)
            else f"pkg-{digest[:32]}"
        )
        directory = self.outbox_dir / entry_id
        if (directory / "meta.json").exists():
            entry = self._load(directory)
            if entry.meta.package_sha256 == digest:
                return entry
            entry_id = f"{entry_id}-{digest[:12]}"  # same id, other bytes: keep both
            directory = self.outbox_dir / entry_id
            if (directory / "meta.json").exists():
                return self._load(directory)
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

    def pending(self) -> list[Entry]:
        return sorted(self._entries(self.outbox_dir), key=lambda e: e.meta.queued_at)

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
            try:
                import fcntl
            except ImportError:  # Windows: no lock; the agency's idempotency still holds
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

    def history(self) -> list[Entry]:
        """Newest first."""
        return sorted(
            self._entries(self.history_dir), key=lambda e: e.meta.answered_at, reverse=True
        )

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

    def _entries(self, folder: Path) -> Iterator[Entry]:
        if not folder.is_dir():
            return
        for d in folder.iterdir():
            if d.is_dir() and not d.name.startswith(".") and (d / "meta.json").is_file():
                with contextlib.suppress(ValueError, OSError, TypeError):
                    yield self._load(d)

    @staticmethod
    def _load(directory: Path) -> Entry:
        data = json.loads((directory / "meta.json").read_text(encoding="utf-8"))
        return Entry(directory, EntryMeta.from_json(data))

    @staticmethod
    def _save(entry: Entry) -> None:
        text = json.dumps(asdict(entry.meta), ensure_ascii=False, indent=1)
        atomic_write_bytes(entry.directory / "meta.json", text.encode("utf-8"), 0o600)


def open_json_payload(answer: Answer) -> dict:
    """The answer as plain JSON for listing (the signed original sits next to it)."""
    data = {k: v for k, v in asdict(answer).items() if k != "signed"}
    data["type"] = "receipt" if isinstance(answer, Receipt) else "rejection"
    for k, v in list(data.items()):
        if isinstance(v, dt.datetime):
            data[k] = v.isoformat()
        elif isinstance(v, tuple):
            data[k] = list(v)
    return data

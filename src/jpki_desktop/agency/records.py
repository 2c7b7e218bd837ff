"""What the demo agency keeps on disk:

accepted/<submission id>/package.p7m, form.xml, receipt.p7s, record.json
rejected/<time>-<package digest>/rejection.p7s, record.json
idempotency/<sha256 of key>.json      key → (package digest, status, answer file)
receipt-counter                        last receipt sequence number
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..fileio import atomic_output, atomic_write_bytes

_SAFE = re.compile(r"[^A-Za-z0-9._-]")


@dataclass(frozen=True)
class Stored:
    status: int
    answer: bytes
    record: dict[str, Any]


class AgencyRecords:
    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)
        self.accepted_dir = self.directory / "accepted"
        self.rejected_dir = self.directory / "rejected"
        self.keys_dir = self.directory / "idempotency"

    @staticmethod
    def _folder_name(submission_id: str) -> str:
        safe = _SAFE.sub("_", submission_id)[:80]
        return f"{safe}-{hashlib.sha256(submission_id.encode()).hexdigest()[:8]}"

    def accepted(self, submission_id: str) -> Stored | None:
        folder = self.accepted_dir / self._folder_name(submission_id)
        try:
            record = json.loads((folder / "record.json").read_text(encoding="utf-8"))
            return Stored(200, (folder / "receipt.p7s").read_bytes(), record)
        except FileNotFoundError:
            return None

    def list_accepted(self) -> list[dict[str, Any]]:
        if not self.accepted_dir.is_dir():
            return []
        out = []
        for d in sorted(self.accepted_dir.iterdir()):
            if (d / "record.json").is_file():
                out.append(json.loads((d / "record.json").read_text(encoding="utf-8")))
        return out

    def save_accepted(
        self,
        submission_id: str,
        package: Path,
        form_xml: bytes,
        receipt: bytes,
        record: dict[str, Any],
    ) -> None:
        folder = self.accepted_dir / self._folder_name(submission_id)
        folder.mkdir(parents=True, exist_ok=True)
        with atomic_output(folder / "package.p7m", 0o600) as out, open(package, "rb") as src:
            shutil.copyfileobj(src, out, 1024 * 1024)
        atomic_write_bytes(folder / "form.xml", form_xml, 0o600)
        atomic_write_bytes(folder / "receipt.p7s", receipt, 0o600)
        # record.json last: its presence means the submission is complete
        atomic_write_bytes(
            folder / "record.json", json.dumps(record, ensure_ascii=False, indent=1).encode(), 0o600
        )

    def save_rejected(
        self, package_sha256: str, status: int, answer: bytes, record: dict[str, Any]
    ) -> None:
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%f")
        folder = self.rejected_dir / f"{stamp}-{package_sha256[:12]}"
        folder.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(folder / "rejection.p7s", answer, 0o600)
        atomic_write_bytes(
            folder / "record.json",
            json.dumps({**record, "status": status}, ensure_ascii=False, indent=1).encode(),
            0o600,
        )

    def _key_path(self, key: str) -> Path:
        return self.keys_dir / f"{hashlib.sha256(key.encode('utf-8')).hexdigest()}.json"

    def remember(self, key: str, package_sha256: str, status: int, answer: bytes) -> None:
        data = {"package_sha256": package_sha256, "status": status, "answer": answer.hex()}
        atomic_write_bytes(self._key_path(key), json.dumps(data).encode(), 0o600)

    def recall(self, key: str, package_sha256: str) -> Stored | None:
        """The earlier answer for the same key AND the same bytes (a plain retry)."""
        try:
            data = json.loads(self._key_path(key).read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        if data.get("package_sha256") != package_sha256:
            return None
        return Stored(int(data["status"]), bytes.fromhex(data["answer"]), {})

    def next_receipt_number(self, now: dt.datetime) -> str:
        path = self.directory / "receipt-counter"
        try:
            n = int(path.read_text(encoding="ascii").strip() or "0")
        except (FileNotFoundError, ValueError):
            n = 0
        n += 1
        atomic_write_bytes(path, str(n).encode("ascii"))
        return f"DEMO-{now.astimezone(dt.timezone(dt.timedelta(hours=9))):%Y%m%d}-{n:06d}"

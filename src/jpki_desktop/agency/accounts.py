"""The demo agency's service accounts (user id + password hash), as e-Tax keeps 利用者識別番号
and 暗証番号. Passwords are stored as salted PBKDF2 hashes only."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
from pathlib import Path

from ..fileio import atomic_write_bytes

DEMO_USER_ID = "1234567890123456"
DEMO_PASSWORD = "demo-2025"
_ROUNDS = 100_000


def _hash(password: str, salt: bytes) -> bytes:
    return hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, _ROUNDS)


class AccountBook:
    def __init__(self, path: Path) -> None:
        self.path = path

    def _load(self) -> dict[str, dict[str, str]]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        return data if isinstance(data, dict) else {}

    def add(self, user_id: str, password: str) -> None:
        accounts = self._load()
        salt = os.urandom(16)
        accounts[user_id] = {
            "salt": base64.b64encode(salt).decode(),
            "hash": base64.b64encode(_hash(password, salt)).decode(),
        }
        atomic_write_bytes(self.path, json.dumps(accounts, indent=1).encode(), 0o600)

    def ensure_demo_account(self) -> None:
        if not self.path.exists():
            self.add(DEMO_USER_ID, DEMO_PASSWORD)

    def check(self, user_id: str, password: str) -> bool:
        entry = self._load().get(user_id)
        if entry is None:
            _hash(password, b"\0" * 16)  # same work either way
            return False
        expected = base64.b64decode(entry["hash"])
        return hmac.compare_digest(_hash(password, base64.b64decode(entry["salt"])), expected)

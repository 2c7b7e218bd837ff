"""The agency service account (user id + password, as e-Tax's 利用者識別番号 + 暗証番号).

Stored in the OS keyring only when the user opts in; never in files or settings. Card passwords
never come here: they are not service accounts and are never stored anywhere.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from types import ModuleType

from .errors import KeyringUnavailable

SERVICE = "jpki-desktop/agency-account"


@dataclass(frozen=True)
class ServiceAccount:
    user_id: str
    password: str

    def __repr__(self) -> str:  # keep the password out of logs and tracebacks
        return f"ServiceAccount(user_id={self.user_id!r}, password=***)"


class AccountStore:
    """One keyring entry per agency id. Every keyring failure becomes KeyringUnavailable."""

    def __init__(self, service: str = SERVICE) -> None:
        self.service = service

    def _keyring(self) -> ModuleType:
        try:
            # local import: slow (backend discovery) and may be broken; only for a stored account
            import keyring.backends.fail
        except Exception as exc:  # broken keyring install: the account can still be typed in
            raise KeyringUnavailable(type(exc).__name__) from None
        if isinstance(keyring.get_keyring(), keyring.backends.fail.Keyring):
            raise KeyringUnavailable("no keyring backend")
        return keyring

    def load(self, agency_id: str) -> ServiceAccount | None:
        kr = self._keyring()
        try:
            raw = kr.get_password(self.service, agency_id)
        except Exception as exc:
            raise KeyringUnavailable(type(exc).__name__) from None
        if not raw:
            return None
        try:
            data = json.loads(raw)
            return ServiceAccount(str(data["user_id"]), str(data["password"]))
        except (ValueError, KeyError, TypeError):
            return None

    def save(self, agency_id: str, account: ServiceAccount) -> None:
        """Call only after the user chose "remember this account"."""
        kr = self._keyring()
        value = json.dumps({"user_id": account.user_id, "password": account.password})
        try:
            kr.set_password(self.service, agency_id, value)
        except Exception as exc:
            raise KeyringUnavailable(type(exc).__name__) from None

    def forget(self, agency_id: str) -> bool:
        kr = self._keyring()
        try:
            kr.delete_password(self.service, agency_id)
        except Exception as exc:
            if type(exc).__name__ == "PasswordDeleteError":
                return False
            raise KeyringUnavailable(type(exc).__name__) from None
        return True

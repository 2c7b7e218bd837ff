"""User settings in an INI file (QSettings, user scope). Never a PIN or a password.

Assigning a default removes the key, so a changed default reaches users who never touched it.
"""

from __future__ import annotations

import enum
from typing import TypeVar

from PySide6.QtCore import QObject, QSettings, Signal

CONFIG_VERSION = 1
E = TypeVar("E", bound=enum.Enum)


class RevocationMode(str, enum.Enum):
    OCSP = "ocsp"  # ask the OCSP responder, fall back to the CRL
    CRL = "crl"  # download the CRL
    OFFLINE = "offline"  # cached CRL only, never the network


class ProxyMode(str, enum.Enum):
    SYSTEM = "system"
    NONE = "none"
    MANUAL = "manual"


DEFAULTS: dict[str, object] = {
    "language": "ja",
    "reader": "",  # "" = the first reader that holds a card
    "revocation_mode": RevocationMode.OCSP.value,
    "ocsp_url": "",  # "" = the responder named in the certificate
    "crl_url": "",
    "agency_url": "",  # "" = the endpoint named by the procedure
    "tsa_url": "",  # RFC 3161 time-stamping authority for signatures; "" = no timestamp
    "proxy_mode": ProxyMode.SYSTEM.value,
    "proxy_url": "",
    "card_cache": "on",  # "off": read every certificate from the card (card/cache.py)
}


class Settings(QObject):
    changed = Signal(str)  # key

    def __init__(self, path: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        if path is None:
            self._qs = QSettings(
                QSettings.Format.IniFormat,
                QSettings.Scope.UserScope,
                "jpki-desktop",
                "jpki-desktop",
            )
        else:
            self._qs = QSettings(path, QSettings.Format.IniFormat)
        if self._qs.value("config_version") is None:
            self._qs.setValue("config_version", CONFIG_VERSION)

    @property
    def file_name(self) -> str:
        return self._qs.fileName()

    def get(self, key: str) -> str:
        default = DEFAULTS[key]
        value = self._qs.value(f"setting/{key}", default)
        return str(value) if value is not None else str(default)

    def set(self, key: str, value: str) -> None:
        if key not in DEFAULTS:
            raise KeyError(key)
        if "pin" in key or "password" in key:  # belt and braces: card secrets are never stored
            raise ValueError("secrets are never stored")
        if self.get(key) == value:
            return
        if value == DEFAULTS[key]:
            self._qs.remove(f"setting/{key}")
        else:
            self._qs.setValue(f"setting/{key}", value)
        self._qs.sync()
        self.changed.emit(key)

    @property
    def language(self) -> str:
        return self.get("language")

    @property
    def reader(self) -> str | None:
        return self.get("reader") or None

    @property
    def card_cache(self) -> bool:
        return self.get("card_cache") != "off"

    def _choice(self, key: str, default: E) -> E:
        """The stored choice for `key` as `default`'s enum; `default` for anything else."""
        try:
            return type(default)(self.get(key))
        except ValueError:
            return default

    @property
    def revocation_mode(self) -> RevocationMode:
        return self._choice("revocation_mode", RevocationMode.OCSP)

    @property
    def proxy_mode(self) -> ProxyMode:
        return self._choice("proxy_mode", ProxyMode.SYSTEM)

"""A cache of the public, stable data of the cards seen: auth certificates and CA certificates.

A cached auth certificate is found by what the first READ BINARY of EF 000A already shows: the
certificate's length and serial number. It is used only when that first chunk holds the serial,
issuer, validity and subject (which together name one certificate) and equals the cached
certificate's first bytes; any difference means a full read. CA certificates read in
full (unknown ones) are kept so that next time their first bytes identify them like bundled ones.

Never cached: the signing certificate (name, address, birth date, sex), PINs, anything from the
card-info application. Files are written atomically with mode 0600; a damaged file is ignored.
`JPKI_CARD_CACHE=off` (or `0`, `no`, `false`) turns the cache off; so does passing no cache.
"""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path

import platformdirs

from ..fileio import atomic_write_bytes
from .der import certificate_serial, der_total_length, identity_within
from .errors import CardDataError

logger = logging.getLogger(__name__)

CACHE_ENV = "JPKI_CARD_CACHE"
_OFF = {"0", "off", "no", "false"}


def cache_enabled_by_env() -> bool:
    return os.environ.get(CACHE_ENV, "").strip().lower() not in _OFF


def default_cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir("jpki-desktop")) / "card"


def default_cache(enabled: bool = True) -> CardCache | None:
    """The user's card cache, or None when `enabled` is False or the environment turns it off."""
    if not enabled or not cache_enabled_by_env():
        return None
    return CardCache(default_cache_dir())


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:32]


def _complete_der(data: bytes) -> bool:
    try:
        return der_total_length(data) == len(data)
    except CardDataError:
        return False


class CardCache:
    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)

    def _auth_paths(self, total: int, serial: bytes) -> list[Path]:
        try:
            return sorted(self.directory.glob(f"auth-{total}-{serial.hex()}-*.der"))
        except OSError:
            return []

    def auth_certificate(self, head: bytes, total: int) -> bytes | None:
        """The cached auth certificate whose first bytes are `head` and whose length is `total`.

        File names carry the content's SHA-256, so a damaged file is never taken for the card's.
        """
        serial = certificate_serial(head)
        if serial is None or not identity_within(head):
            return None
        for path in self._auth_paths(total, serial):
            try:
                der = path.read_bytes()
            except OSError:
                continue
            if (
                len(der) == total
                and der.startswith(head)
                and path.stem.endswith(_digest(der))
                and _complete_der(der)
            ):
                return der
        logger.debug("card cache: no matching auth certificate %s; reading it", serial.hex())
        return None

    def store_auth_certificate(self, der: bytes) -> None:
        serial = certificate_serial(der)
        if serial is None or not _complete_der(der):
            return
        path = self.directory / f"auth-{len(der)}-{serial.hex()}-{_digest(der)}.der"
        self._write(path, der)
        for stale in self._auth_paths(len(der), serial):
            if stale != path:
                stale.unlink(missing_ok=True)

    def ca_certificates(self) -> tuple[bytes, ...]:
        try:
            paths = sorted(self.directory.glob("ca-*.der"))
        except OSError:
            return ()
        out = []
        for path in paths:
            try:
                der = path.read_bytes()
            except OSError:
                continue
            if _complete_der(der) and path.stem.endswith(_digest(der)):
                out.append(der)
        return tuple(out)

    def store_ca_certificate(self, der: bytes) -> None:
        if _complete_der(der):
            self._write(self.directory / f"ca-{_digest(der)}.der", der)

    def _write(self, path: Path, data: bytes) -> None:
        try:
            atomic_write_bytes(path, data, mode=0o600)
        except OSError as exc:  # a read-only or full cache never breaks a status read
            logger.debug("card cache: cannot write %s: %s", path.name, exc)

"""Bundled JPKI trust anchors: the public J-LIS CA certificates (package data, never fetched).

The PEM files are the real, public CA certificates of the 2015 and 2023 generations, taken from
jpki/myna `src/ta/*.pem`; their SHA-256 fingerprints were checked against the table in
jpki-card-protocol.md §6.2 before bundling, and are checked again on every load. The 2019
generation is not bundled (no text copy was available): it is still recognised by fingerprint
(signing CA) or serial (auth CA) when a card presents its CA certificate.

All generations share one DN: an issuer is chosen by signature, never by name.
"""

from __future__ import annotations

import enum
import hashlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from cryptography import x509
from cryptography.hazmat.primitives import serialization


class Generation(str, enum.Enum):
    G2015 = "2015"
    G2019 = "2019"
    G2023 = "2023"
    TEST = "test"  # JPKI-TEST hierarchy: test cards and our virtual card
    UNKNOWN = "unknown"


class Purpose(str, enum.Enum):
    SIGN = "sign"
    AUTH = "auth"


@dataclass(frozen=True)
class KnownCa:
    name: str  # J-LIS file name
    purpose: Purpose
    generation: Generation
    serial: int
    sha256: str | None  # of the DER; None where no trustworthy value is known
    resource: str | None  # bundled PEM file, if we ship it


KNOWN_CAS = (
    KnownCa(
        "authca01",
        Purpose.AUTH,
        Generation.G2015,
        0x01,
        "4dcfc4ca0aaf9fb2a3081b3f0c991c320b3acc008667a341eeaec5af1d58ca7d",
        "auth_ca_2015.pem",
    ),
    KnownCa("authca02", Purpose.AUTH, Generation.G2019, 0x0133C349, None, None),
    KnownCa(
        "authca03",
        Purpose.AUTH,
        Generation.G2023,
        0x06D18006,
        "64114f29620c24ed2631d46476a040e7ee740d956089c00b036a6a8118c322b5",
        "auth_ca_2023.pem",
    ),
    KnownCa(
        "signca01",
        Purpose.SIGN,
        Generation.G2015,
        0x01,
        "19645405a1fe14377434bd55957628ac4038557c542403a2243f21c706fc9355",
        "sign_ca_2015.pem",
    ),
    KnownCa(
        "signca02",
        Purpose.SIGN,
        Generation.G2019,
        0x0132C4AB,
        "79679c33e4cc9319440f1ad120a597ff1844e2ef217063adb176966fd5e6fbeb",
        None,
    ),
    KnownCa(
        "signca03",
        Purpose.SIGN,
        Generation.G2023,
        0x067C6A21,
        "d227f6cde11d35c5252178f106f843d24651944975413b539fa2fb68dbfa365f",
        "sign_ca_2023.pem",
    ),
)

JLIS_OU = "Japan Agency for Local Authority Information Systems"
OU_SIGN = "JPKI for digital signature"
OU_AUTH = "JPKI for user authentication"
TEST_ORGANIZATIONS = ("JPKI-TEST",)


class BundledAnchorTampered(Exception):
    """A bundled CA file no longer matches its pinned fingerprint (a broken install)."""

    def __init__(self, resource: str, actual: str) -> None:
        super().__init__(resource)
        self.resource = resource
        self.actual = actual


def fingerprint(cert: x509.Certificate) -> str:
    return hashlib.sha256(cert.public_bytes(serialization.Encoding.DER)).hexdigest()


@lru_cache(maxsize=1)
def bundled_anchors() -> tuple[x509.Certificate, ...]:
    """The real J-LIS CA certificates we ship, each checked against its pinned fingerprint."""
    out = []
    for ca in KNOWN_CAS:
        if ca.resource is None:
            continue
        pem = resources.files(__package__).joinpath(ca.resource).read_bytes()
        cert = x509.load_pem_x509_certificate(pem)
        actual = fingerprint(cert)
        if actual != ca.sha256:
            raise BundledAnchorTampered(ca.resource, actual)
        out.append(cert)
    return tuple(out)


def _attrs(name: x509.Name, oid: x509.ObjectIdentifier) -> list[str]:
    return [str(a.value) for a in name.get_attributes_for_oid(oid)]


def is_jlis_name(name: x509.Name) -> bool:
    from cryptography.x509.oid import NameOID

    return _attrs(name, NameOID.ORGANIZATION_NAME) == ["JPKI"] and JLIS_OU in _attrs(
        name, NameOID.ORGANIZATIONAL_UNIT_NAME
    )


def is_test_name(name: x509.Name) -> bool:
    from cryptography.x509.oid import NameOID

    return any(o in TEST_ORGANIZATIONS for o in _attrs(name, NameOID.ORGANIZATION_NAME))


def purpose_of_name(name: x509.Name) -> Purpose | None:
    from cryptography.x509.oid import NameOID

    units = _attrs(name, NameOID.ORGANIZATIONAL_UNIT_NAME)
    if OU_SIGN in units:
        return Purpose.SIGN
    if OU_AUTH in units:
        return Purpose.AUTH
    return None


def is_pinned(cert: x509.Certificate) -> bool:
    """A J-LIS CA certificate whose SHA-256 we know: as trustworthy as a bundled one (this is how
    a signing CA of the unbundled 2019 generation, read from the card, becomes an anchor)."""
    return fingerprint(cert) in {ca.sha256 for ca in KNOWN_CAS if ca.sha256}


def identify_ca(cert: x509.Certificate) -> KnownCa | None:
    """Which J-LIS CA this is: by fingerprint; for CAs without a known fingerprint (authca02),
    by J-LIS DN + purpose + serial (good enough for a label, never used for trust)."""
    fp = fingerprint(cert)
    for ca in KNOWN_CAS:
        if ca.sha256 == fp:
            return ca
    if is_jlis_name(cert.subject):
        purpose = purpose_of_name(cert.subject)
        for ca in KNOWN_CAS:
            if ca.sha256 is None and ca.purpose is purpose and ca.serial == cert.serial_number:
                return ca
    return None


def generation_of_ca(cert: x509.Certificate) -> Generation:
    known = identify_ca(cert)
    if known is not None:
        return known.generation
    return Generation.TEST if is_test_name(cert.subject) else Generation.UNKNOWN

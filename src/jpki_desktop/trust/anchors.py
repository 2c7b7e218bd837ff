"""Bundled JPKI trust anchors: the public J-LIS CA certificates (package data, never fetched).

The PEM files are the real, public CA certificates: the 2015 and 2023 generations taken from
jpki/myna `src/ta/*.pem`, and the 2019 signing CA (generation 02) from J-LIS's published copy
(shared/trust/jpki-sign-ca-2019.der, converted to PEM). Their SHA-256 fingerprints (of the DER)
were checked against the table in jpki-card-protocol.md §6.2 / shared/trust/README.md before
bundling, and are checked again on every load. No public copy of a 2019 *auth* CA is known: it
is still recognised by serial when a card presents it, never trusted.

All generations share one DN: an issuer is chosen by signature (its key), never by name alone;
name + authority key identifier only narrows the candidates (:func:`anchor_candidates`).
"""

from __future__ import annotations

import enum
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.x509.oid import NameOID


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
        "sign_ca_2019.pem",
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
    out: list[x509.Certificate] = []
    for ca in KNOWN_CAS:
        if ca.resource is None:
            continue
        pem = (
            resources.files(__package__ or "jpki_desktop.trust").joinpath(ca.resource).read_bytes()
        )
        cert = x509.load_pem_x509_certificate(pem)
        actual = fingerprint(cert)
        if actual != ca.sha256:
            raise BundledAnchorTampered(ca.resource, actual)
        out.append(cert)
    return tuple(out)


def _attrs(name: x509.Name, oid: x509.ObjectIdentifier) -> list[str]:
    return [str(a.value) for a in name.get_attributes_for_oid(oid)]


def is_jlis_name(name: x509.Name) -> bool:
    return _attrs(name, NameOID.ORGANIZATION_NAME) == ["JPKI"] and JLIS_OU in _attrs(
        name, NameOID.ORGANIZATIONAL_UNIT_NAME
    )


def is_test_name(name: x509.Name) -> bool:
    return any(o in TEST_ORGANIZATIONS for o in _attrs(name, NameOID.ORGANIZATION_NAME))


def purpose_of_name(name: x509.Name) -> Purpose | None:
    units = _attrs(name, NameOID.ORGANIZATIONAL_UNIT_NAME)
    if OU_SIGN in units:
        return Purpose.SIGN
    if OU_AUTH in units:
        return Purpose.AUTH
    return None


def is_pinned(cert: x509.Certificate) -> bool:
    """A J-LIS CA certificate whose SHA-256 we know: as trustworthy as a bundled one (a CA
    certificate read from the card is an anchor only if it passes this)."""
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


def signing_anchors() -> list[x509.Certificate]:
    """The bundled J-LIS signing CAs (the verifier's default roots)."""
    return [c for c in bundled_anchors() if purpose_of_name(c.subject) is Purpose.SIGN]


def _key_id(cert: x509.Certificate, ext: type[x509.ExtensionType]) -> bytes | None:
    try:
        value = cert.extensions.get_extension_for_class(ext).value
    except (x509.ExtensionNotFound, ValueError):
        return None
    if isinstance(value, x509.SubjectKeyIdentifier):
        return value.digest
    if isinstance(value, x509.AuthorityKeyIdentifier):
        return value.key_identifier
    return None


def anchor_candidates(
    cert: x509.Certificate, anchors: Iterable[x509.Certificate]
) -> list[x509.Certificate]:
    """Anchors that may have issued `cert`: same name, and, where both carry one, the
    certificate's authority key identifier equals the anchor's subject key identifier. Only
    a candidate; trust still needs the signature to verify (path validation)."""
    aki = _key_id(cert, x509.AuthorityKeyIdentifier)
    out = []
    for anchor in anchors:
        if anchor.subject != cert.issuer:
            continue
        ski = _key_id(anchor, x509.SubjectKeyIdentifier)
        if aki is not None and ski is not None and aki != ski:
            continue
        out.append(anchor)
    return out


def anchor_by_key_id(
    cert: x509.Certificate, anchors: Iterable[x509.Certificate]
) -> x509.Certificate | None:
    """The anchor named as the issuer by name AND key identifier (both present and equal):
    the CA a certificate claims, among same-DN generations. A claim, not trust."""
    aki = _key_id(cert, x509.AuthorityKeyIdentifier)
    if aki is None:
        return None
    for anchor in anchors:
        if anchor.subject == cert.issuer and _key_id(anchor, x509.SubjectKeyIdentifier) == aki:
            return anchor
    return None

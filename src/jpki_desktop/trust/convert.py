"""The one set of certificate conversions: cryptography <-> asn1crypto <-> DER/PEM.

pyhanko-certvalidator speaks asn1crypto, our code cryptography; both meet at DER.
"""

from __future__ import annotations

from typing import TypeAlias

from asn1crypto import cms
from asn1crypto import pem as asn1_pem
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization

AnyCert: TypeAlias = x509.Certificate | asn1_x509.Certificate | bytes

# What cryptography raises on first access to a damaged name or extension (it parses them
# lazily): a bad encoding, one extension twice, a general name of an unknown type.
DAMAGED_PARTS: tuple[type[Exception], ...] = (
    ValueError,
    x509.DuplicateExtension,
    x509.UnsupportedGeneralNameType,
)


def der_of(cert: AnyCert) -> bytes:
    """DER of a certificate in any of our forms (bytes may be DER or PEM)."""
    if isinstance(cert, x509.Certificate):
        return cert.public_bytes(serialization.Encoding.DER)
    if isinstance(cert, asn1_x509.Certificate):
        return bytes(cert.dump())
    if asn1_pem.detect(cert):
        _, _, der = asn1_pem.unarmor(cert)
        return bytes(der)
    return bytes(cert)


def pem_of(cert: AnyCert) -> bytes:
    return bytes(asn1_pem.armor("CERTIFICATE", der_of(cert)))


def to_asn1(cert: AnyCert) -> asn1_x509.Certificate:
    """For pyhanko-certvalidator. Raises ValueError for bytes that are no certificate."""
    if isinstance(cert, asn1_x509.Certificate):
        return cert
    loaded = asn1_x509.Certificate.load(der_of(cert))
    _ = loaded.native  # parse now: asn1crypto is lazy, damage must show here
    return loaded


def to_crypto(cert: AnyCert) -> x509.Certificate:
    """For our code. Raises ValueError for bytes that are no certificate."""
    if isinstance(cert, x509.Certificate):
        return cert
    try:
        return x509.load_der_x509_certificate(der_of(cert))
    except x509.InvalidVersion as exc:  # not a ValueError: a damaged version byte (fuzz)
        raise ValueError(f"certificate version: {exc}") from None


def fully_parsed(cert: x509.Certificate) -> x509.Certificate:
    """`cert` after reading what cryptography parses lazily (names, extensions, validity), so
    that a damaged certificate fails here with ValueError and not later, while printing."""
    _ = (cert.subject.rfc4514_string(), cert.issuer.rfc4514_string(), list(cert.extensions))
    _ = (cert.not_valid_before_utc, cert.not_valid_after_utc)
    return cert


def load_certificates(data: bytes) -> list[x509.Certificate]:
    """Every certificate in a PEM bundle, or the one DER certificate. ValueError otherwise."""
    if asn1_pem.detect(data):
        return [
            x509.load_der_x509_certificate(der)
            for kind, _, der in asn1_pem.unarmor(data, multiple=True)
            if kind == "CERTIFICATE"
        ]
    return [x509.load_der_x509_certificate(data)]


def embedded_certificates(signed_data: cms.SignedData) -> list[asn1_x509.Certificate]:
    """The X.509 certificates a CMS SignedData carries (other certificate choices left out)."""
    return [c.chosen for c in signed_data["certificates"] or [] if c.name == "certificate"]


def signer_certificate(
    sid: cms.SignerIdentifier, certs: list[asn1_x509.Certificate]
) -> asn1_x509.Certificate | None:
    """The certificate a SignerInfo's `sid` names (issuer and serial, or key identifier)."""
    for c in certs:
        if sid.name == "issuer_and_serial_number":
            if (
                c.issuer == sid.chosen["issuer"]
                and c.serial_number == sid.chosen["serial_number"].native
            ):
                return c
        elif c.key_identifier == sid.chosen.native:
            return c
    return None

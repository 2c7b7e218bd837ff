"""Read a JPKI certificate (protocol reference §6): kind, names, CA generation, validity and,
for the signing certificate, the six subjectAltName attributes (基本4情報 + substitute flags).

    cert = parse_certificate(der, issuers=[ca_der_from_card])
    cert.kind, cert.generation, cert.valid_until, cert.attributes.birth_date_wareki

Works for real J-LIS certificates and for the virtual card's JPKI-TEST certificates alike.
Anything else raises :class:`~.errors.NotJpkiCertificate` / :class:`~.errors.MalformedCertificate`.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from asn1crypto import core as asn1
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.x509.oid import AuthorityInformationAccessOID

from ..trust.anchors import (
    Generation,
    Purpose,
    bundled_anchors,
    fingerprint,
    generation_of_ca,
    is_jlis_name,
    is_test_name,
    purpose_of_name,
)
from ..trust.convert import DAMAGED_PARTS
from .dates import ERA_BY_DIGIT, Era, jst_date, last_valid_day, wareki
from .errors import CertProblem, MalformedCertificate, NotJpkiCertificate

OID_NAME = "1.2.392.200149.8.5.5.1"
OID_NAME_SUBST = "1.2.392.200149.8.5.5.2"
OID_SEX = "1.2.392.200149.8.5.5.3"
OID_BIRTH = "1.2.392.200149.8.5.5.4"
OID_ADDRESS = "1.2.392.200149.8.5.5.5"
OID_ADDRESS_SUBST = "1.2.392.200149.8.5.5.6"
SAN_OIDS = (OID_NAME, OID_NAME_SUBST, OID_SEX, OID_BIRTH, OID_ADDRESS, OID_ADDRESS_SUBST)

POLICY_KIND = {
    "1.2.392.200149.8.5.1.1.20": Purpose.SIGN,  # jpki-cp-sign-class20
    "1.2.392.200149.8.5.1.3.30": Purpose.AUTH,
    "1.2.392.200149.8.5.1.0.20": Purpose.SIGN,  # reported for JPKI test cards (single source)
}


class CertKind(str, enum.Enum):
    SIGN = "sign"  # 署名用電子証明書
    AUTH = "auth"  # 利用者証明用電子証明書
    SIGN_CA = "sign-ca"
    AUTH_CA = "auth-ca"

    @property
    def is_ca(self) -> bool:
        return self in (CertKind.SIGN_CA, CertKind.AUTH_CA)


class Sex(str, enum.Enum):
    MALE = "male"
    FEMALE = "female"
    OTHER = "other"  # unknown / not applicable

    @classmethod
    def from_code(cls, code: str) -> Sex | None:
        """Certificate codes 1/2/3, card-info AP (ISO 5218) codes 1/2/9/0."""
        return {"1": cls.MALE, "2": cls.FEMALE, "3": cls.OTHER, "9": cls.OTHER, "0": cls.OTHER}.get(
            code
        )


@dataclass(frozen=True)
class SignAttributes:
    """The basic four attributes as the signing certificate states them."""

    name: str  # family and given name separated by U+3000
    birth_date: dt.date
    birth_era: Era | None  # the era the certificate's digit states (None for 0 = unknown)
    birth_date_wareki: str  # e.g. 昭和60年6月30日
    sex: Sex
    sex_code: str
    address: str
    name_substitutes: tuple[bool, ...]  # True where the character is a substitute (代替文字)
    address_substitutes: tuple[bool, ...]


@dataclass(frozen=True)
class JpkiCertificate:
    kind: CertKind
    subject: str
    issuer: str
    generation: Generation
    serial: str  # upper-case hex
    not_before: dt.datetime  # aware, UTC
    not_after: dt.datetime
    valid_from: dt.date  # Japan calendar days
    valid_until: dt.date  # last day it can be used (notAfter is 23:59:59 JST on real certificates)
    sha256: str
    attributes: SignAttributes | None = None
    crl_urls: tuple[str, ...] = ()
    ocsp_urls: tuple[str, ...] = ()
    der: bytes = field(default=b"", repr=False)

    @property
    def x509(self) -> x509.Certificate:
        return x509.load_der_x509_certificate(self.der)


_Ext = TypeVar("_Ext", bound=x509.ExtensionType)


def _ext(cert: x509.Certificate, kind: type[_Ext]) -> _Ext | None:
    try:
        return cert.extensions.get_extension_for_class(kind).value
    except x509.ExtensionNotFound:
        return None


def _kind(cert: x509.Certificate) -> CertKind:
    bc = _ext(cert, x509.BasicConstraints)
    jpki_issuer = is_jlis_name(cert.issuer) or is_test_name(cert.issuer)
    if bc is not None and bc.ca:
        purpose = purpose_of_name(cert.subject)
        if purpose is None or not (is_jlis_name(cert.subject) or is_test_name(cert.subject)):
            raise NotJpkiCertificate(CertProblem.FOREIGN, "subject")
        return CertKind.SIGN_CA if purpose is Purpose.SIGN else CertKind.AUTH_CA
    policies: Iterable[x509.PolicyInformation] = _ext(cert, x509.CertificatePolicies) or []
    by_policy = {
        POLICY_KIND[p.policy_identifier.dotted_string]
        for p in policies
        if p.policy_identifier.dotted_string in POLICY_KIND
    }
    by_issuer = purpose_of_name(cert.issuer) if jpki_issuer else None
    if not by_policy and by_issuer is None:
        raise NotJpkiCertificate(CertProblem.FOREIGN, "policy")
    votes = set(by_policy)
    if by_issuer is not None:
        votes.add(by_issuer)
    ku = _ext(cert, x509.KeyUsage)
    if ku is not None:
        if ku.content_commitment:
            votes.add(Purpose.SIGN)
        elif ku.digital_signature:
            votes.add(Purpose.AUTH)
    if len(votes) != 1:
        raise MalformedCertificate(CertProblem.KIND_CONFLICT, "policy/keyUsage/issuer")
    return CertKind.SIGN if votes.pop() is Purpose.SIGN else CertKind.AUTH


def find_issuer(
    cert: x509.Certificate, candidates: Iterable[x509.Certificate]
) -> x509.Certificate | None:
    """The candidate whose key signed `cert` (names alone are ambiguous across generations)."""
    for ca in candidates:
        if ca.subject != cert.issuer:
            continue
        try:
            cert.verify_directly_issued_by(ca)
        except (InvalidSignature, ValueError, TypeError):  # TypeError: unsupported key type
            continue
        return ca
    return None


def generation_of(cert: x509.Certificate, issuers: Iterable[x509.Certificate] = ()) -> Generation:
    """The CA generation, found by verifying the signature with known CA keys (same DN for all)."""
    bc = _ext(cert, x509.BasicConstraints)
    if bc is not None and bc.ca:
        return generation_of_ca(cert)
    ca = find_issuer(cert, (*issuers, *bundled_anchors()))
    if ca is not None:
        return generation_of_ca(ca)
    return Generation.TEST if is_test_name(cert.issuer) else Generation.UNKNOWN


def _san_strings(cert: x509.Certificate) -> dict[str, str]:
    san = _ext(cert, x509.SubjectAlternativeName)
    found: dict[str, str] = {}
    for other in san.get_values_for_type(x509.OtherName) if san is not None else []:
        oid = other.type_id.dotted_string
        if oid not in SAN_OIDS:
            continue
        try:
            value = asn1.load(other.value)
            native = value.native
        # asn1crypto answers some damaged encodings with objects that have no .native
        except (ValueError, TypeError, AttributeError):
            raise MalformedCertificate(CertProblem.SAN_VALUE, oid) from None
        if isinstance(native, bytes):  # OCTET STRING: UTF-8 text (accepted by other parsers)
            try:
                native = native.decode("utf-8")
            except UnicodeDecodeError:
                raise MalformedCertificate(CertProblem.SAN_VALUE, oid) from None
        if not isinstance(native, str):
            raise MalformedCertificate(CertProblem.SAN_VALUE, oid)
        found[oid] = native
    return found


def _flags(text: str, oid: str) -> tuple[bool, ...]:
    if any(c not in "01" for c in text):
        raise MalformedCertificate(CertProblem.SUBSTITUTE_FLAGS, oid, text[:40])
    return tuple(c == "1" for c in text)


def parse_birth_date(text: str) -> tuple[dt.date, Era | None]:
    """`EYYYYMMDD` → (Gregorian date, era stated by the digit or None for 0)."""
    if len(text) != 9 or not text.isascii() or not text.isdigit():
        raise MalformedCertificate(CertProblem.BIRTH_DATE, OID_BIRTH, text[:20])
    digit = int(text[0])
    if digit != 0 and digit not in ERA_BY_DIGIT:
        raise MalformedCertificate(CertProblem.BIRTH_DATE, OID_BIRTH, text)
    try:
        day = dt.date(int(text[1:5]), int(text[5:7]), int(text[7:9]))
    except ValueError:
        raise MalformedCertificate(CertProblem.BIRTH_DATE, OID_BIRTH, text) from None
    return day, ERA_BY_DIGIT.get(digit)


def _sign_attributes(cert: x509.Certificate) -> SignAttributes:
    values = _san_strings(cert)
    for oid in SAN_OIDS:
        if oid not in values:
            raise MalformedCertificate(CertProblem.SAN_MISSING, oid)
    birth, era = parse_birth_date(values[OID_BIRTH])
    sex = Sex.from_code(values[OID_SEX])
    if sex is None:
        raise MalformedCertificate(CertProblem.SEX, OID_SEX, values[OID_SEX][:4])
    return SignAttributes(
        name=values[OID_NAME],
        birth_date=birth,
        birth_era=era,
        birth_date_wareki=wareki(birth),
        sex=sex,
        sex_code=values[OID_SEX],
        address=values[OID_ADDRESS],
        name_substitutes=_flags(values[OID_NAME_SUBST], OID_NAME_SUBST),
        address_substitutes=_flags(values[OID_ADDRESS_SUBST], OID_ADDRESS_SUBST),
    )


def _uris(cert: x509.Certificate) -> tuple[tuple[str, ...], tuple[str, ...]]:
    crl: list[str] = []
    for dp in _ext(cert, x509.CRLDistributionPoints) or []:
        crl += [
            n.value for n in dp.full_name or [] if isinstance(n, x509.UniformResourceIdentifier)
        ]
    ocsp = [
        d.access_location.value
        for d in _ext(cert, x509.AuthorityInformationAccess) or []
        if d.access_method == AuthorityInformationAccessOID.OCSP
        and isinstance(d.access_location, x509.UniformResourceIdentifier)
    ]
    return tuple(crl), tuple(ocsp)


def load_certificate(data: bytes) -> x509.Certificate:
    """DER or PEM → certificate; anything else is :class:`MalformedCertificate` (EMPTY for no
    bytes at all, else NOT_DER)."""
    if not data.strip():
        raise MalformedCertificate(CertProblem.EMPTY, "certificate")
    try:
        if data.lstrip().startswith(b"-----BEGIN"):
            return x509.load_pem_x509_certificate(data)
        return x509.load_der_x509_certificate(data)
    except (ValueError, TypeError, x509.InvalidVersion):  # InvalidVersion: no ValueError
        raise MalformedCertificate(CertProblem.NOT_DER, "certificate") from None


def parse_certificate(
    data: bytes | x509.Certificate, *, issuers: Iterable[bytes | x509.Certificate] = ()
) -> JpkiCertificate:
    """Parse a JPKI certificate. `issuers`: extra CA certificates (e.g. read from the card's CA
    EF) used only to name the generation; the bundled J-LIS CAs are always tried."""
    cert = data if isinstance(data, x509.Certificate) else load_certificate(data)
    cas = [c if isinstance(c, x509.Certificate) else load_certificate(c) for c in issuers]
    try:
        return _parse(cert, cas)
    except DAMAGED_PARTS:
        raise MalformedCertificate(CertProblem.NOT_DER, "names or extensions") from None


def _parse(cert: x509.Certificate, cas: list[x509.Certificate]) -> JpkiCertificate:
    kind = _kind(cert)
    not_before, not_after = cert.not_valid_before_utc, cert.not_valid_after_utc
    attributes = _sign_attributes(cert) if kind is CertKind.SIGN else None
    crl, ocsp = _uris(cert)
    return JpkiCertificate(
        kind=kind,
        subject=cert.subject.rfc4514_string(),
        issuer=cert.issuer.rfc4514_string(),
        generation=generation_of(cert, cas),
        serial=format(cert.serial_number, "X"),
        not_before=not_before,
        not_after=not_after,
        valid_from=jst_date(not_before),
        valid_until=last_valid_day(not_after),
        sha256=fingerprint(cert),
        attributes=attributes,
        crl_urls=crl,
        ocsp_urls=ocsp,
        der=cert.public_bytes(serialization.Encoding.DER),
    )

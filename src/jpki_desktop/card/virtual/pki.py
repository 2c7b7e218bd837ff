"""A generated test PKI with the JPKI certificate profile (protocol reference §6).

CA certificates are styled like J-LIS's but say TEST everywhere; the end-entity certificates
follow the real profile: the signing certificate carries the six subjectAltName otherNames
(era-coded birth date), critical key usage and policy; the auth certificate has no personal data.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TypedDict, Unpack

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from ...validity.certificate import (  # noqa: E402 - the profile's OIDs are defined once
    OID_ADDRESS,
    OID_ADDRESS_SUBST,
    OID_BIRTH,
    OID_NAME,
    OID_NAME_SUBST,
    OID_SEX,
)

# one implementation of the birthday and Japan-time rules (validity never imports card/)
from ...validity.dates import JST, end_of_day_jst, era_of, nth_birthday_after  # noqa: F401

POLICY_SIGN = "1.2.392.200149.8.5.1.1.20"
POLICY_AUTH = "1.2.392.200149.8.5.1.3.30"
CPS_URI = "http://www.jpki.go.jp/cps.html"


def era_coded_birth_date(d: dt.date) -> str:
    """`EYYYYMMDD`: era digit + Gregorian date, as in SAN 1.2.392.200149.8.5.5.4."""
    era = era_of(d)
    return f"{era.digit if era else 0}{d:%Y%m%d}"


@dataclass(frozen=True)
class Holder:
    """A fictitious card holder. Real names are never used for the virtual card."""

    name: str
    birth_date: dt.date
    sex: str  # "1" male, "2" female, "3"/"9" other codes
    address: str
    my_number: str
    municipality_code: str = "13999"


DEMO_HOLDER = Holder(
    name="見本　花子",
    birth_date=dt.date(1985, 6, 30),
    sex="2",
    address="東京都千代田区見本町一丁目２番３号",
    my_number="123456789018",
)


def new_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _ca_name(purpose: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "JP"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "JPKI-TEST"),
            x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, f"JPKI for {purpose}"),
            x509.NameAttribute(
                NameOID.ORGANIZATIONAL_UNIT_NAME, "jpki-desktop virtual card (not J-LIS)"
            ),
        ]
    )


def _jp_dirname(purpose_ja: str) -> x509.DirectoryName:
    return x509.DirectoryName(
        x509.Name(
            [
                x509.NameAttribute(NameOID.COUNTRY_NAME, "JP"),
                x509.NameAttribute(NameOID.ORGANIZATION_NAME, "公的個人認証サービス（試験用）"),
                x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, purpose_ja),
            ]
        )
    )


@dataclass
class Issued:
    cert: x509.Certificate
    key: rsa.RSAPrivateKey

    @property
    def der(self) -> bytes:
        return self.cert.public_bytes(serialization.Encoding.DER)


def issue_ca(
    purpose: str = "digital signature",
    *,
    not_before: dt.datetime | None = None,
    years: int = 10,
    key: rsa.RSAPrivateKey | None = None,
) -> Issued:
    """A self-signed test CA; `purpose` is "digital signature" or "user authentication"."""
    key = key or new_key()
    name = _ca_name(purpose)
    start = not_before or dt.datetime(2023, 7, 16, 1, 0, 0, tzinfo=dt.UTC)
    end = end_of_day_jst(start.date().replace(year=start.year + years) - dt.timedelta(days=1))
    ja = (
        "公的個人認証サービス署名用"
        if "signature" in purpose
        else "公的個人認証サービス利用者証明用"
    )
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number() >> 100)
        .not_valid_before(start)
        .not_valid_after(end)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(x509.SubjectAlternativeName([_jp_dirname(ja)]), critical=False)
        .add_extension(
            x509.CRLDistributionPoints(
                [x509.DistributionPoint([x509.DirectoryName(name)], None, None, None)]
            ),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    return Issued(cert, key)


def _utf8(value: str) -> bytes:
    raw = value.encode("utf-8")
    if len(raw) < 128:
        return bytes((0x0C, len(raw))) + raw
    n = (len(raw).bit_length() + 7) // 8
    return bytes((0x0C, 0x80 | n)) + len(raw).to_bytes(n, "big") + raw


def _other_name(oid: str, value: str) -> x509.OtherName:
    return x509.OtherName(x509.ObjectIdentifier(oid), _utf8(value))


@dataclass(frozen=True)
class RevocationPointers:
    """Optional URLs put into end-entity certificates (real JPKI EE certs carry DirNames)."""

    crl_url: str | None = None
    ocsp_url: str | None = None


def _ee_builder(
    ca: Issued,
    subject: x509.Name,
    key: rsa.RSAPrivateKey,
    not_before: dt.datetime,
    not_after: dt.datetime,
    pointers: RevocationPointers,
    serial: int | None,
) -> x509.CertificateBuilder:
    b = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(ca.cert.subject)
        .public_key(key.public_key())
        .serial_number(serial or (x509.random_serial_number() >> 128))
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca.key.public_key()), critical=False
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(x509.IssuerAlternativeName([_jp_dirname_issuer()]), critical=False)
    )
    if pointers.crl_url:
        b = b.add_extension(
            x509.CRLDistributionPoints(
                [
                    x509.DistributionPoint(
                        [x509.UniformResourceIdentifier(pointers.crl_url)], None, None, None
                    )
                ]
            ),
            critical=False,
        )
    if pointers.ocsp_url:
        b = b.add_extension(
            x509.AuthorityInformationAccess(
                [
                    x509.AccessDescription(
                        x509.oid.AuthorityInformationAccessOID.OCSP,
                        x509.UniformResourceIdentifier(pointers.ocsp_url),
                    )
                ]
            ),
            critical=False,
        )
    return b


def _jp_dirname_issuer() -> x509.DirectoryName:
    return x509.DirectoryName(
        x509.Name(
            [
                x509.NameAttribute(NameOID.COUNTRY_NAME, "JP"),
                x509.NameAttribute(NameOID.ORGANIZATION_NAME, "公的個人認証サービス（試験用）"),
            ]
        )
    )


def _policy(oid: str) -> x509.CertificatePolicies:
    return x509.CertificatePolicies([x509.PolicyInformation(x509.ObjectIdentifier(oid), [CPS_URI])])


class Issuance(TypedDict, total=False):
    """How an end-entity certificate is issued; defaults: a new key, no revocation pointers,
    a random serial number and the profile's test identifier (the CN)."""

    key: rsa.RSAPrivateKey
    pointers: RevocationPointers
    serial: int
    identifier: str


def _issue(
    ca: Issued,
    not_before: dt.datetime,
    not_after: dt.datetime,
    holder: Holder | None,
    how: Issuance,
) -> Issued:
    """A signing certificate when `holder` is given (the basic four in the subjectAltName),
    else a user authentication certificate (no personal data)."""
    signing = holder is not None
    key = how.get("key") or new_key()
    names = [x509.NameAttribute(NameOID.COUNTRY_NAME, "JP")]
    if signing:
        names += [
            x509.NameAttribute(NameOID.LOCALITY_NAME, "Tokyo-to"),
            x509.NameAttribute(NameOID.LOCALITY_NAME, "Chiyoda-ku"),
        ]
    default_cn = "TESTSIGN0000000000000000000" if signing else "TESTAUTH13999000000000A"
    names.append(x509.NameAttribute(NameOID.COMMON_NAME, how.get("identifier", default_cn)))
    builder = _ee_builder(
        ca,
        x509.Name(names),
        key,
        not_before,
        not_after,
        how.get("pointers", RevocationPointers()),
        how.get("serial"),
    )
    if holder is not None:
        builder = builder.add_extension(_holder_names(holder), critical=False)
    # digitalSignature on both; contentCommitment (non-repudiation) on the signing one only
    usage = x509.KeyUsage(True, signing, False, False, False, False, False, False, False)
    cert = (
        builder.add_extension(usage, critical=True)
        .add_extension(_policy(POLICY_SIGN if signing else POLICY_AUTH), critical=True)
        .sign(ca.key, hashes.SHA256())
    )
    return Issued(cert, key)


def _holder_names(holder: Holder) -> x509.SubjectAlternativeName:
    return x509.SubjectAlternativeName(
        [
            _other_name(OID_NAME, holder.name),
            _other_name(OID_BIRTH, era_coded_birth_date(holder.birth_date)),
            _other_name(OID_SEX, holder.sex),
            _other_name(OID_ADDRESS, holder.address),
            _other_name(OID_NAME_SUBST, "0" * len(holder.name)),
            _other_name(OID_ADDRESS_SUBST, "0" * len(holder.address)),
        ]
    )


def issue_signing_cert(
    ca: Issued,
    holder: Holder,
    not_before: dt.datetime,
    not_after: dt.datetime,
    **how: Unpack[Issuance],
) -> Issued:
    return _issue(ca, not_before, not_after, holder, how)


def issue_auth_cert(
    ca: Issued, not_before: dt.datetime, not_after: dt.datetime, **how: Unpack[Issuance]
) -> Issued:
    return _issue(ca, not_before, not_after, None, how)


@dataclass
class CardPki:
    """Everything the virtual card holds: both CAs, both end-entity certificates and keys."""

    holder: Holder
    issued: dt.date
    sign_ca: Issued
    auth_ca: Issued
    sign: Issued | None  # None for a holder under 15 at issue
    auth: Issued
    extra: dict[str, str] = field(default_factory=dict)


def generate_card_pki(
    holder: Holder = DEMO_HOLDER,
    issued: dt.date = dt.date(2024, 3, 15),
    *,
    sign_ca: Issued | None = None,
    auth_ca: Issued | None = None,
    not_after: dt.date | None = None,
    with_signing_cert: bool | None = None,
    pointers: RevocationPointers = RevocationPointers(),
) -> CardPki:
    """Issue a card's certificates: valid from `issued` to the holder's 5th birthday after it
    (end of day, Japan time), unless `not_after` says otherwise."""
    sign_ca = sign_ca or issue_ca("digital signature")
    auth_ca = auth_ca or issue_ca("user authentication")
    start = dt.datetime(issued.year, issued.month, issued.day, 1, 0, 0, tzinfo=dt.UTC)
    end = end_of_day_jst(not_after or nth_birthday_after(holder.birth_date, issued, 5))
    age = (
        issued.year
        - holder.birth_date.year
        - ((issued.month, issued.day) < (holder.birth_date.month, holder.birth_date.day))
    )
    if with_signing_cert is None:
        with_signing_cert = age >= 15
    sign = (
        issue_signing_cert(sign_ca, holder, start, end, pointers=pointers)
        if with_signing_cert
        else None
    )
    auth = issue_auth_cert(auth_ca, start, end, pointers=pointers)
    return CardPki(holder, issued, sign_ca, auth_ca, sign, auth)

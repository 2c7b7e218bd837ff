"""Certificate builders for validity tests: odd and foreign certificates the virtual card's PKI
never makes (custom SAN values, J-LIS-named CAs with our own keys, TLS-like certificates)."""

from __future__ import annotations

import datetime as dt

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from jpki_desktop.card.virtual.pki import Issued, _other_name, _utf8  # noqa: F401 (re-export)

T0 = dt.datetime(2024, 3, 15, 1, 0, tzinfo=dt.UTC)
T1 = dt.datetime(2029, 6, 30, 14, 59, 59, tzinfo=dt.UTC)

_KEY: list[rsa.RSAPrivateKey] = []


def key() -> rsa.RSAPrivateKey:
    """One shared key: these tests are about structure, not about key separation."""
    if not _KEY:
        _KEY.append(rsa.generate_private_key(public_exponent=65537, key_size=2048))
    return _KEY[0]


def jlis_name(purpose: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "JP"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "JPKI"),
            x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, f"JPKI for {purpose}"),
            x509.NameAttribute(
                NameOID.ORGANIZATIONAL_UNIT_NAME,
                "Japan Agency for Local Authority Information Systems",
            ),
        ]
    )


def ca(name: x509.Name, serial: int = 0x0133C349) -> Issued:
    k = key()
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(k.public_key())
        .serial_number(serial)
        .not_valid_before(T0 - dt.timedelta(days=365))
        .not_valid_after(T1 + dt.timedelta(days=365))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(k, hashes.SHA256())
    )
    return Issued(cert, k)


def ee(
    issuer: Issued,
    *,
    policy: str | None = "1.2.392.200149.8.5.1.1.20",
    sign_usage: bool = True,
    san: dict[str, bytes] | None = None,
    subject_cn: str = "X",
) -> x509.Certificate:
    b = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject_cn)]))
        .issuer_name(issuer.cert.subject)
        .public_key(key().public_key())
        .serial_number(12345)
        .not_valid_before(T0)
        .not_valid_after(T1)
        .add_extension(
            x509.KeyUsage(True, sign_usage, False, False, False, False, False, False, False),
            critical=True,
        )
    )
    if policy:
        b = b.add_extension(
            x509.CertificatePolicies([x509.PolicyInformation(x509.ObjectIdentifier(policy), None)]),
            critical=True,
        )
    if san:
        b = b.add_extension(
            x509.SubjectAlternativeName(
                [x509.OtherName(x509.ObjectIdentifier(oid), raw) for oid, raw in san.items()]
            ),
            critical=False,
        )
    return b.sign(issuer.key, hashes.SHA256())


def utf8(text: str) -> bytes:
    return _utf8(text)


def octet(text: str) -> bytes:
    raw = text.encode("utf-8")
    assert len(raw) < 128
    return bytes((0x04, len(raw))) + raw


def good_san(**override: bytes) -> dict[str, bytes]:
    values = {
        "1.2.392.200149.8.5.5.1": utf8("髙橋　一郎"),
        "1.2.392.200149.8.5.5.4": utf8("319850630"),
        "1.2.392.200149.8.5.5.3": utf8("1"),
        "1.2.392.200149.8.5.5.5": utf8("東京都千代田区見本町一丁目２番３号"),
        "1.2.392.200149.8.5.5.2": utf8("10000"),
        "1.2.392.200149.8.5.5.6": utf8("0" * 17),
    }
    values.update(override)
    return values

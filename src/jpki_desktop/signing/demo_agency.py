"""A demo agency: an RSA-2048 encryption certificate and key, so ``jpki --demo package`` and
``jpki --demo verify`` work on a fresh machine. Stored next to the demo card in the user data
directory (``demo-agency/agency.pem`` + ``agency.key``, mode 0600), generated on first use.
It says DEMO and TEST in its name; it is not any real agency's key.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from ..fileio import atomic_write_bytes

DEMO_RECIPIENT_ID = "demo-agency"


@dataclass(frozen=True)
class Agency:
    cert: x509.Certificate
    key: rsa.RSAPrivateKey
    directory: Path | None = None

    @property
    def cert_path(self) -> Path | None:
        return self.directory / "agency.pem" if self.directory else None

    @property
    def key_path(self) -> Path | None:
        return self.directory / "agency.key" if self.directory else None


def generate_agency(name: str = "jpki-desktop DEMO agency (TEST)", *, years: int = 10) -> Agency:
    """A self-signed encryption certificate (keyEncipherment) with a fresh RSA-2048 key."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "JP"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "jpki-desktop TEST"),
            x509.NameAttribute(NameOID.COMMON_NAME, name),
        ]
    )
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=365 * years))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, True, False, False, False, False, False, False),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return Agency(cert, key)


def default_dir() -> Path:
    env = os.environ.get("JPKI_DEMO_AGENCY")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_data_dir("jpki-desktop")) / "demo-agency"


def load_or_create(directory: Path | None = None) -> Agency:
    d = Path(directory) if directory else default_dir()
    cert_path, key_path = d / "agency.pem", d / "agency.key"
    if cert_path.exists() and key_path.exists():
        cert = x509.load_pem_x509_certificate(cert_path.read_bytes())
        key = serialization.load_pem_private_key(key_path.read_bytes(), password=None)
        if not isinstance(key, rsa.RSAPrivateKey):
            raise ValueError("demo agency key is not RSA")
        return Agency(cert, key, d)
    agency = generate_agency()
    atomic_write_bytes(
        key_path,
        agency.key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ),
        mode=0o600,
    )
    atomic_write_bytes(cert_path, agency.cert.public_bytes(serialization.Encoding.PEM))
    return Agency(agency.cert, agency.key, d)

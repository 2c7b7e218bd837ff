"""The demo agency's encryption key: an RSA-2048 certificate and key, so `jpki --demo package`
and `jpki --demo verify` work on a fresh machine. Stored in the demo agency's directory
(`agency.pem` + `agency.key`, mode 0600), generated on first use. It says DEMO and TEST in its
name; it is not any real agency's key.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from ..fileio import atomic_write_bytes
from .location import default_demo_agency_dir

DEMO_RECIPIENT_ID = "demo-agency"  # what `jpki --demo package` writes into submission.xml
CERT_FILE = "agency.pem"
KEY_FILE = "agency.key"


@dataclass(frozen=True)
class DemoEncryptionKey:
    """The certificate packages are encrypted to, and its private key."""

    cert: x509.Certificate
    key: rsa.RSAPrivateKey
    directory: Path | None = None

    @property
    def cert_path(self) -> Path | None:
        return self.directory / CERT_FILE if self.directory else None

    @property
    def key_path(self) -> Path | None:
        return self.directory / KEY_FILE if self.directory else None


def generate_encryption_key(
    name: str = "jpki-desktop DEMO agency (TEST)", *, years: int = 10
) -> DemoEncryptionKey:
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
    return DemoEncryptionKey(cert, key)


def ensure_encryption_key(directory: Path | None = None) -> DemoEncryptionKey:
    """Load the encryption key of the demo agency in `directory` (default: the user data
    directory), generating it on first use."""
    d = Path(directory) if directory else default_demo_agency_dir()
    cert_path, key_path = d / CERT_FILE, d / KEY_FILE
    if cert_path.exists() and key_path.exists():
        cert = x509.load_pem_x509_certificate(cert_path.read_bytes())
        # our own key file (0600): the RSA consistency check would hold the GIL ~100 ms, a
        # stall of the GUI thread while --demo starts
        key = serialization.load_pem_private_key(
            key_path.read_bytes(), password=None, unsafe_skip_rsa_key_validation=True
        )
        if not isinstance(key, rsa.RSAPrivateKey):
            raise ValueError("demo agency key is not RSA")
        return DemoEncryptionKey(cert, key, d)
    d.mkdir(parents=True, exist_ok=True)
    made = generate_encryption_key()
    atomic_write_bytes(
        key_path,
        made.key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ),
        mode=0o600,
    )
    atomic_write_bytes(cert_path, made.cert.public_bytes(serialization.Encoding.PEM))
    return DemoEncryptionKey(made.cert, made.key, d)

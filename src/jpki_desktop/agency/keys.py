"""Key material of the reference (demo) agency, generated once per data directory.

In `<agency dir>/` (see `encryption_key`, also used by `jpki --demo package` and `verify`):
    agency.pem / .key       RSA-2048, keyEncipherment: packages are encrypted to it
In `<agency dir>/keys/`:
    receipt.pem / .key      RSA-2048, digitalSignature: signs receipts and rejections
    tls-ca.pem              the test CA the client pins for the endpoint (its key is discarded)
    tls-server.pem / .key   the endpoint's TLS certificate for 127.0.0.1 and localhost
In `<agency dir>/url`: the base URL of the running demo agency (see `location`).

Everything says DEMO; none of it is a government certificate.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.asymmetric.types import (
    CertificatePublicKeyTypes,
    PrivateKeyTypes,
)
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from .encryption_key import CERT_FILE, KEY_FILE, ensure_encryption_key
from .location import default_demo_agency_dir

FILES = ("receipt.pem", "receipt.key", "tls-ca.pem", "tls-server.pem", "tls-server.key")


def _name(cn: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "JP"),
            x509.NameAttribute(
                NameOID.ORGANIZATION_NAME, "jpki-desktop DEMO agency (not a government body)"
            ),
            x509.NameAttribute(NameOID.COMMON_NAME, cn),
        ]
    )


def _builder(
    subject: x509.Name,
    issuer: x509.Name,
    public_key: CertificatePublicKeyTypes,
    now: dt.datetime,
    years: int,
) -> x509.CertificateBuilder:
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=365 * years))
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
    )


def _ku(**on: bool) -> x509.KeyUsage:
    names = (
        "digital_signature",
        "content_commitment",
        "key_encipherment",
        "data_encipherment",
        "key_agreement",
        "key_cert_sign",
        "crl_sign",
        "encipher_only",
        "decipher_only",
    )
    return x509.KeyUsage(*(on.get(n, False) for n in names))


def _self_signed_rsa(
    cn: str, usage: x509.KeyUsage, now: dt.datetime
) -> tuple[x509.Certificate, rsa.RSAPrivateKey]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    cert = (
        _builder(_name(cn), _name(cn), key.public_key(), now, 10)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(usage, critical=True)
        .sign(key, hashes.SHA256())
    )
    return cert, key


def _tls(now: dt.datetime) -> tuple[x509.Certificate, x509.Certificate, ec.EllipticCurvePrivateKey]:
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = _name("DEMO agency TLS CA")
    ca = (
        _builder(ca_name, ca_name, ca_key.public_key(), now, 10)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_ku(key_cert_sign=True, crl_sign=True), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    server = (
        _builder(_name("127.0.0.1"), ca_name, key.public_key(), now, 2)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_ku(digital_signature=True), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address("127.0.0.1")), x509.DNSName("localhost")]
            ),
            critical=False,
        )
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    return ca, server, key


def _cert_pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


def _key_pem(key: PrivateKeyTypes) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def _write(path: Path, data: bytes) -> None:
    path.write_bytes(data)
    os.chmod(path, 0o600 if path.suffix == ".key" else 0o644)


def _generate(directory: Path) -> None:
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    rec, rec_key = _self_signed_rsa(
        "DEMO agency receipts", _ku(digital_signature=True, content_commitment=True), now
    )
    ca, server, server_key = _tls(now)
    outputs = {
        "receipt.pem": _cert_pem(rec),
        "receipt.key": _key_pem(rec_key),
        "tls-ca.pem": _cert_pem(ca),
        "tls-server.pem": _cert_pem(server) + _cert_pem(ca),
        "tls-server.key": _key_pem(server_key),
    }
    for name, data in outputs.items():
        _write(directory / name, data)


def key_path(directory: Path, name: str) -> Path:
    """Where file `name` of the demo agency in `directory` lives."""
    return directory / ("keys" if name in FILES else "") / name


def _load_rsa_key(path: Path) -> rsa.RSAPrivateKey:
    # our own key file (0600): the RSA consistency check would hold the GIL ~100 ms, a stall
    # of the GUI thread while --demo starts
    key = serialization.load_pem_private_key(
        path.read_bytes(), None, unsafe_skip_rsa_key_validation=True
    )
    if not isinstance(key, rsa.RSAPrivateKey):
        raise ValueError(f"{path.name} is not an RSA key")
    return key


@dataclass(frozen=True)
class DemoAgencyKeys:
    """The demo agency's key material, read once (`ensure_demo_agency`)."""

    directory: Path  # the agency directory; generated material sits in ./keys
    encryption_cert: x509.Certificate
    encryption_key: rsa.RSAPrivateKey
    receipt_cert: x509.Certificate
    receipt_key: rsa.RSAPrivateKey
    tls_ca_pem: bytes

    def path(self, name: str) -> Path:
        return key_path(self.directory, name)


def ensure_key_files(directory: Path | None = None) -> Path:
    """Generate what is missing of the demo agency's material in `directory` (default: the
    user data directory) and return that directory; nothing is loaded.

    The receipt/TLS set is generated in a temporary folder and renamed into place in one step,
    so two processes starting at once never mix halves of two key sets.
    """
    base = Path(directory or default_demo_agency_dir())
    base.mkdir(parents=True, exist_ok=True)
    if not ((base / CERT_FILE).exists() and (base / KEY_FILE).exists()):
        ensure_encryption_key(base)  # the encryption key `jpki --demo package` also uses
    keys = base / "keys"
    if not keys.exists():
        tmp = Path(tempfile.mkdtemp(dir=base, prefix=".keys."))
        try:
            _generate(tmp)
            os.chmod(tmp, 0o700)
            os.rename(tmp, keys)
        except OSError:
            if not keys.exists():
                raise
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    missing = [f for f in FILES if not (keys / f).is_file()]
    if missing:
        raise FileNotFoundError(str(keys / missing[0]))
    return base


def ensure_demo_agency(directory: Path | None = None) -> DemoAgencyKeys:
    """Load the demo agency's keys, generating what is missing on first use."""
    base = ensure_key_files(directory)
    encryption = ensure_encryption_key(base)
    return DemoAgencyKeys(
        directory=base,
        encryption_cert=encryption.cert,
        encryption_key=encryption.key,
        receipt_cert=x509.load_pem_x509_certificate(key_path(base, "receipt.pem").read_bytes()),
        receipt_key=_load_rsa_key(key_path(base, "receipt.key")),
        tls_ca_pem=key_path(base, "tls-ca.pem").read_bytes(),
    )

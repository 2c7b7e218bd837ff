"""Verify a detached signature (.p7s), a signed XML, a package (.p7m) or a container (.asice).

With `demo`, a package without a key opens with the demo agency's key and the demo card's
signing CA is trusted; never for a real card.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import Encoding

from ..agency.encryption_key import ensure_encryption_key
from ..card.connect import demo_dir
from ..card.virtual.store import CardStore
from ..signing.errors import InvalidInput
from ..signing.verification.verdict import Kind, Verdict
from ..signing.verification.verify import sniff, verify_file
from ..trust.context import Revocation, RevocationMode
from .signing import load_certificates, load_private_key


def verify(
    path: Path,
    *,
    content: str | None = None,
    decrypt_key: rsa.RSAPrivateKey | None = None,
    decrypt_cert: x509.Certificate | None = None,
    trust_roots: Sequence[x509.Certificate] = (),
    revocation: Revocation = Revocation(),
    demo: bool = False,
    at_signing_time: bool = False,
) -> Verdict:
    """The verdict on `path`. A detached .p7s finds its content next to it by default.
    `at_signing_time`: the signer's path as of the signing time (a CA expired since)."""
    if content is None and path.suffix == ".p7s" and path.with_suffix("").is_file():
        content = str(path.with_suffix(""))
    if bool(decrypt_key) != bool(decrypt_cert):
        raise InvalidInput("decrypt_pair")
    roots = list(trust_roots)
    if demo:
        with open(path, "rb") as f:
            is_package = sniff(f.read(64)) is Kind.PACKAGE
        if decrypt_key is None and is_package:
            agency = ensure_encryption_key()
            decrypt_key, decrypt_cert = agency.key, agency.cert
        roots = roots or demo_roots()
    return verify_file(
        path,
        content=content,
        decrypt_key=decrypt_key,
        decrypt_cert=decrypt_cert,
        trust_roots=roots,
        revocation=revocation,
        at_signing_time=at_signing_time,
    )


def verify_with_files(
    path: Path,
    *,
    content: str | None = None,
    key_file: str | None = None,
    cert_file: str | None = None,
    trust_files: Sequence[str] = (),
    revocation: RevocationMode = RevocationMode.SOFT,
    crl_files: Sequence[str] = (),
    fetch_revocation: bool = False,
    demo: bool = False,
    at_signing_time: bool = False,
) -> Verdict:
    """`verify` with keys, certificates and CRLs given as file names (PEM or DER)."""
    if bool(key_file) != bool(cert_file):  # before any file is read
        raise InvalidInput("decrypt_pair")
    return verify(
        path,
        content=content,
        decrypt_key=load_private_key(key_file) if key_file else None,
        decrypt_cert=load_certificates(cert_file)[0] if cert_file else None,
        trust_roots=[c for f in trust_files for c in load_certificates(f)],
        revocation=Revocation(
            revocation, crls=tuple(crl_der(c) for c in crl_files), fetch=fetch_revocation
        ),
        demo=demo,
        at_signing_time=at_signing_time,
    )


def crl_der(path: str) -> bytes:
    data = Path(path).read_bytes()
    try:
        crl = (
            x509.load_pem_x509_crl(data) if b"-----BEGIN" in data else x509.load_der_x509_crl(data)
        )
    except ValueError:
        raise InvalidInput("crl_file", path) from None
    return crl.public_bytes(Encoding.DER)


def demo_roots() -> list[x509.Certificate]:
    """The demo card's signing CA (a test PKI), if the demo card exists."""
    store = CardStore(demo_dir())
    if not store.exists():
        return []
    _, pki, _ = store.load()
    return [pki.sign_ca.cert]

"""Helpers for the signing tests: the attacker's re-packer, CRLs, odd certificates.

The re-packer plays the attacker of signing-formats.md P6: nobody else can decrypt, but anyone
can *encrypt* to the agency, so forged containers arrive well-formed and must be stopped by
the manifest, the signature and the ZIP rules.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.serialization import Encoding

from jpki_desktop.agency.encryption_key import DemoEncryptionKey
from jpki_desktop.card.virtual.pki import CardPki, Issued, issue_signing_cert, new_key
from jpki_desktop.signing.packaging.envelope import EnvelopeWriter, decrypt_to
from jpki_desktop.signing.signers.raw import SoftwareSigner

FORM = '<DATA id="DATA" xmlns="urn:example:form"><NAME>見本　花子</NAME><AMOUNT>1000</AMOUNT></DATA>'.encode()


def expired_signer(pki: CardPki) -> SoftwareSigner:
    issued = issue_signing_cert(
        pki.sign_ca,
        pki.holder,
        dt.datetime(2020, 1, 1, tzinfo=dt.UTC),
        dt.datetime(2021, 1, 1, tzinfo=dt.UTC),
        key=new_key(),
    )
    return SoftwareSigner(issued.key, issued.cert, [pki.sign_ca.cert])


def crl_revoking(ca: Issued, *serials: int) -> bytes:
    now = dt.datetime.now(dt.UTC)
    b = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(ca.cert.subject)
        .last_update(now - dt.timedelta(hours=1))
        .next_update(now + dt.timedelta(days=1))
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca.key.public_key()), critical=False
        )
        .add_extension(x509.CRLNumber(1), critical=False)
    )
    for serial in serials:
        b = b.add_revoked_certificate(
            x509.RevokedCertificateBuilder()
            .serial_number(serial)
            .revocation_date(now - dt.timedelta(minutes=30))
            .build()
        )
    return b.sign(ca.key, hashes.SHA256()).public_bytes(Encoding.DER)


Entries = list[tuple[str, bytes]]


def open_package(p7m: Path, agency: DemoEncryptionKey) -> Entries:
    plain = io.BytesIO()
    with open(p7m, "rb") as f:
        decrypt_to(f, plain, agency.key, agency.cert)
    zf = zipfile.ZipFile(plain)
    return [(i.filename, zf.read(i)) for i in zf.infolist()]


def seal(
    entries: Entries, recipient: x509.Certificate, out: Path, *, deflate: set[str] = frozenset()
) -> Path:
    """Zip (in the given order, STORED unless named in `deflate`) and encrypt to `recipient`."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in entries:
            zf.writestr(
                zipfile.ZipInfo(name),
                data,
                zipfile.ZIP_DEFLATED if name in deflate else zipfile.ZIP_STORED,
            )
    with open(out, "wb") as f:
        w = EnvelopeWriter(f, recipient)
        w.write(buf.getvalue())
        w.close()
    return out


def replace(entries: Entries, name: str, data: bytes) -> Entries:
    assert any(n == name for n, _ in entries)
    return [(n, data if n == name else d) for n, d in entries]


def get(entries: Entries, name: str) -> bytes:
    return next(d for n, d in entries if n == name)


def sha1_signature(signer: SoftwareSigner, key, content: bytes) -> bytes:  # type: ignore[no-untyped-def]
    """An all-SHA-1 CAdES signature (pyHanko's in-memory signer; ours refuses SHA-1)."""
    import asyncio

    from asn1crypto import keys
    from cryptography.hazmat.primitives import serialization
    from pyhanko.sign.signers.pdf_cms import PdfCMSSignedAttributes, SimpleSigner
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    from jpki_desktop.trust.convert import to_asn1

    key_info = keys.PrivateKeyInfo.load(
        key.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    s = SimpleSigner(
        signing_cert=to_asn1(signer.certificate),
        signing_key=key_info,
        cert_registry=SimpleCertificateStore.from_certs([to_asn1(c) for c in signer.chain]),
    )
    attrs = PdfCMSSignedAttributes(signing_time=dt.datetime.now(dt.UTC))
    info = asyncio.run(
        s.async_sign_general_data(content, "sha1", use_cades=True, signed_attr_settings=attrs)
    )
    return bytes(info.dump())


def signer_without_non_repudiation(pki: CardPki) -> SoftwareSigner:
    key = new_key()
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(x509.oid.NameOID.COMMON_NAME, "no-nr")]))
        .issuer_name(pki.sign_ca.cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(
            x509.KeyUsage(True, False, False, False, False, False, False, False, False),
            critical=True,
        )
        .sign(pki.sign_ca.key, hashes.SHA256())
    )
    return SoftwareSigner(key, cert, [pki.sign_ca.cert])

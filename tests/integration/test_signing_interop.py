"""Independent implementations accept what the signing engine writes:
`openssl cms -verify` (.p7s and the package's inner signature), `openssl cms -decrypt` (.p7m),
`xmlsec1 --verify` (signed XML), `unzip -t` (the container), and the reverse direction
(OpenSSL's AuthEnvelopedData opened by our reader). One test signs through the real
pcscd + vpcd stack."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from jpki_desktop.agency.encryption_key import generate_encryption_key
from jpki_desktop.card.connect import open_reader
from jpki_desktop.card.jpki import JpkiSession
from jpki_desktop.card.pins import PinKind, prepare_pin
from jpki_desktop.signing.formats.cades import sign_detached
from jpki_desktop.signing.formats.xmldsig import sign_xml
from jpki_desktop.signing.packaging.envelope import decrypt_to
from jpki_desktop.signing.packaging.package import build_package
from jpki_desktop.signing.signers.card import CardSigner

pytestmark = pytest.mark.skipif(
    not (shutil.which("openssl") and shutil.which("xmlsec1") and shutil.which("unzip")),
    reason="openssl, xmlsec1 and unzip are installed by scripts/setup.sh",
)

ETAX_FORM = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<DATA id="DATA" xmlns="http://xml.e-tax.nta.go.jp/XSD/shotoku" xmlns:gen="http://xml.e-tax.nta.go.jp/XSD/general">'
    '<RSH0010 VR="1.0" id="RSH0010"><CATALOG id="CATALOG"><gen:x>1</gen:x></CATALOG>'
    '<CONTENTS id="CONTENTS"><IT VR="1.5" id="IT"><NAME>見本　花子</NAME><gen:zip>100-0001</gen:zip></IT></CONTENTS>'
    "</RSH0010></DATA>"
).encode()


def run(*cmd, **kw) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([str(c) for c in cmd], capture_output=True, timeout=60, **kw)


def pem(path: Path, *certs) -> Path:
    path.write_bytes(b"".join(c.public_bytes(serialization.Encoding.PEM) for c in certs))
    return path


@pytest.fixture(scope="module")
def agency():
    return generate_encryption_key("interop agency")


@pytest.fixture
def agency_files(tmp_path, agency):
    key = tmp_path / "agency.key"
    key.write_bytes(
        agency.key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return pem(tmp_path / "agency.pem", agency.cert), key


@pytest.fixture
def card_signer(channel):
    with prepare_pin(PinKind.SIGN, "ABC123") as pin:
        return CardSigner.unlock(JpkiSession(channel), pin)


def test_openssl_verifies_card_p7s_and_rejects_tampering(tmp_path, card_signer, pki):
    content = tmp_path / "doc.bin"
    content.write_bytes(b"any file at all\x00\xff" * 1000)
    sig = tmp_path / "doc.bin.p7s"
    with open(content, "rb") as f:
        sig.write_bytes(sign_detached(f, card_signer))
    ca = pem(tmp_path / "ca.pem", pki.sign_ca.cert)
    r = run(
        "openssl",
        "cms",
        "-verify",
        "-binary",
        "-inform",
        "DER",
        "-in",
        sig,
        "-content",
        content,
        "-CAfile",
        ca,
        "-out",
        "/dev/null",
    )
    assert r.returncode == 0, r.stderr
    printed = run(
        "openssl", "cms", "-cmsout", "-print", "-inform", "DER", "-in", sig
    ).stdout.decode()
    for attr in ("contentType", "messageDigest", "signingTime", "signingCertificateV2"):
        assert attr in printed
    content.write_bytes(b"changed")
    r = run(
        "openssl",
        "cms",
        "-verify",
        "-binary",
        "-inform",
        "DER",
        "-in",
        sig,
        "-content",
        content,
        "-CAfile",
        ca,
        "-out",
        "/dev/null",
    )
    assert r.returncode != 0


def _check_package(tmp_path, p7m, agency_files, ca_cert) -> Path:
    cert, key = agency_files
    plain = tmp_path / "pkg.asice"
    r = run(
        "openssl",
        "cms",
        "-decrypt",
        "-inform",
        "DER",
        "-in",
        p7m,
        "-recip",
        cert,
        "-inkey",
        key,
        "-out",
        plain,
    )
    assert r.returncode == 0, r.stderr
    assert run("unzip", "-t", plain).returncode == 0
    with zipfile.ZipFile(plain) as zf:
        assert zf.namelist()[0] == "mimetype"
        out = tmp_path / "pkg"
        zf.extractall(out)
    ca = pem(tmp_path / "ca.pem", ca_cert)
    r = run(
        "openssl",
        "cms",
        "-verify",
        "-binary",
        "-inform",
        "DER",
        "-in",
        out / "META-INF/signature001.p7s",
        "-content",
        out / "META-INF/ASiCManifest.xml",
        "-CAfile",
        ca,
        "-out",
        "/dev/null",
    )
    assert r.returncode == 0, r.stderr
    return out


def test_openssl_decrypts_package_and_verifies_inner_signature(
    tmp_path, card_signer, agency, agency_files, pki
):
    attachment = tmp_path / "添付.pdf"
    attachment.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 5000)
    p7m = tmp_path / "sub.p7m"
    build_package(
        ETAX_FORM,
        [attachment],
        procedure_id="RSH0010",
        recipient_cert=agency.cert,
        signer=card_signer,
        output=p7m,
    )
    out = _check_package(tmp_path, p7m, agency_files, pki.sign_ca.cert)
    assert (out / "attachments" / "添付.pdf").read_bytes() == attachment.read_bytes()


@pytest.mark.parametrize(
    "form,id_args",
    [
        (ETAX_FORM, ["--id-attr:id", "http://xml.e-tax.nta.go.jp/XSD/shotoku:DATA"]),
        ("<申請 xmlns='urn:example'><氏名>見本</氏名><空/></申請>".encode(), []),
    ],
)
def test_xmlsec1_verifies_signed_xml(tmp_path, card_signer, pki, form, id_args):
    signed = tmp_path / "signed.xml"
    signed.write_bytes(sign_xml(form, card_signer))
    ca = pem(tmp_path / "ca.pem", pki.sign_ca.cert)
    r = run("xmlsec1", "--verify", "--trusted-pem", ca, *id_args, signed)
    assert r.returncode == 0, r.stderr
    signed.write_bytes(signed.read_bytes().replace("見本".encode(), "別人".encode(), 1))
    assert run("xmlsec1", "--verify", "--trusted-pem", ca, *id_args, signed).returncode != 0


@pytest.mark.parametrize("stream", [False, True])
def test_our_reader_opens_openssl_auth_enveloped_data(tmp_path, agency, agency_files, stream):
    cert, _ = agency_files
    data = tmp_path / "plain.bin"
    data.write_bytes(bytes(range(256)) * 3000)
    r = run(
        "openssl",
        "cms",
        "-encrypt",
        "-binary",
        "-aes-256-gcm",
        "-outform",
        "DER",
        "-in",
        data,
        "-recip",
        cert,
        "-keyopt",
        "rsa_padding_mode:oaep",
        "-keyopt",
        "rsa_oaep_md:sha256",
        "-keyopt",
        "rsa_mgf1_md:sha256",
        *(["-stream"] if stream else []),
    )
    assert r.returncode == 0, r.stderr
    out = io.BytesIO()
    decrypt_to(io.BytesIO(r.stdout), out, agency.key, agency.cert)
    assert out.getvalue() == data.read_bytes()


@pytest.mark.pcsc
def test_package_signed_through_real_pcscd_is_accepted_by_openssl(
    tmp_path, pcscd, pcsc_card, agency, agency_files, pki
):
    card = pcsc_card.card
    with open_reader(pcscd.readers[0]) as oc, oc.channel.transaction():
        session = JpkiSession(oc.channel)
        with prepare_pin(PinKind.SIGN, "ABC123") as pin:
            signer = CardSigner.unlock(session, pin)
        p7m = tmp_path / "sub.p7m"
        build_package(
            ETAX_FORM,
            [],
            procedure_id="RSH0010",
            recipient_cert=agency.cert,
            signer=signer,
            output=p7m,
        )
    assert sum(1 for r in card.log if r.ins == 0x20 and r.lc > 0) == 1
    assert sum(1 for r in card.log if r.ins == 0x2A) == 1
    _check_package(tmp_path, p7m, agency_files, pki.sign_ca.cert)

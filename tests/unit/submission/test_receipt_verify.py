"""The reference agency's signed receipt is a signature `jpki verify` and `openssl cms -verify`
accept with the agency's trust anchor (its receipt certificate, or a CA above it); a tampered
receipt is not valid."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import subprocess
from pathlib import Path

import pytest
from asn1crypto import cms
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from jpki_desktop.agency.server import start_agency
from jpki_desktop.cli.main import main
from jpki_desktop.submission.signed_answer import open_answer, sign_answer
from support.agency_fixtures import (  # noqa: F401 (fixtures)
    FakeOpener,
    agency_dir,
    agency_keys_template,
    demo_catalogue,
    good_opened,
)


def jpki(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def openssl_verify(p7s: Path, anchor: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        ["openssl", "cms", "-verify", "-inform", "DER", "-in", str(p7s), "-CAfile", str(anchor)],
        capture_output=True,
        timeout=30,
    )


@pytest.fixture
def receipt(agency_dir, demo_catalogue, pki, monkeypatch, tmp_path, capsys) -> Path:
    """A receipt as the user has it: `jpki submit` to the running reference agency."""
    monkeypatch.setenv("JPKI_DEMO_AGENCY", str(agency_dir))
    opener = FakeOpener(good_opened(demo_catalogue, pki.sign.cert))
    package = tmp_path / "s.p7m"
    package.write_bytes(b"package bytes")
    store = tmp_path / "store"
    with start_agency(agency_dir, catalogue=demo_catalogue, opener=opener):
        code, _, err = jpki(
            capsys,
            "submit",
            str(package),
            "--procedure",
            "demo.city.change-of-address",
            "--store",
            str(store),
        )
    assert code == 0, err
    [answer] = store.glob("history/*/answer.p7s")
    return answer


def test_receipt_carries_signing_certificate_v2(receipt, agency_dir):
    signed = cms.ContentInfo.load(receipt.read_bytes())["content"]
    [si] = list(signed["signer_infos"])
    attrs = {a["type"].native: a["values"] for a in si["signed_attrs"]}
    ess = attrs["signing_certificate_v2"][0]["certs"][0]
    cert_der = (
        x509.load_pem_x509_certificate((agency_dir / "keys" / "receipt.pem").read_bytes())
    ).public_bytes(serialization.Encoding.DER)
    assert ess["cert_hash"].native == hashlib.sha256(cert_der).digest()
    assert (
        ess["issuer_serial"]["serial_number"].native
        == x509.load_der_x509_certificate(cert_der).serial_number
    )


def test_jpki_verify_and_openssl_accept_a_genuine_receipt(receipt, agency_dir, capsys):
    anchor = agency_dir / "keys" / "receipt.pem"
    code, out, err = jpki(capsys, "--json", "verify", str(receipt), "--trust", str(anchor))
    assert code == 0, out + err
    verdict = json.loads(out)
    assert verdict["ok"] and verdict["kind"] == "p7s" and verdict["findings"] == []
    assert "DEMO agency receipts" in verdict["signer"]["subject"]
    done = openssl_verify(receipt, anchor)
    assert done.returncode == 0, done.stderr
    assert b'"type":"receipt"' in done.stdout


def test_a_tampered_receipt_is_not_valid(receipt, agency_dir, capsys, tmp_path):
    anchor = agency_dir / "keys" / "receipt.pem"
    der = receipt.read_bytes()
    forged = tmp_path / "forged.p7s"
    forged.write_bytes(der.replace(b'"type":"receipt"', b'"type":"receipx"'))
    assert forged.read_bytes() != der
    code, out, _ = jpki(capsys, "--json", "verify", str(forged), "--trust", str(anchor))
    assert code == 9 and "content_mismatch" in json.loads(out)["reasons"]
    assert openssl_verify(forged, anchor).returncode != 0
    flipped = bytearray(der)
    flipped[-5] ^= 1  # inside the signature value
    forged.write_bytes(bytes(flipped))
    code, out, _ = jpki(capsys, "--json", "verify", str(forged), "--trust", str(anchor))
    assert code == 9 and "signature_invalid" in json.loads(out)["reasons"]
    assert openssl_verify(forged, anchor).returncode != 0


def test_another_anchor_does_not_make_a_receipt_valid(receipt, agency_keys_template, capsys):
    from jpki_desktop.agency.keys import ensure_demo_agency

    other = ensure_demo_agency(agency_keys_template.parent / "other-agency")
    anchor = other.path("receipt.pem")
    code, out, _ = jpki(capsys, "--json", "verify", str(receipt), "--trust", str(anchor))
    assert code == 9 and "untrusted" in json.loads(out)["reasons"]
    assert openssl_verify(receipt, anchor).returncode != 0


def _name(cn: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def test_a_receipt_certificate_issued_by_an_agency_ca_verifies_with_the_ca(tmp_path, capsys):
    now = dt.datetime.now(dt.UTC)
    ca_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ca = (
        x509.CertificateBuilder()
        .subject_name(_name("TEST agency CA"))
        .issuer_name(_name("TEST agency CA"))
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False),
            critical=True,
        )
        .sign(ca_key, hashes.SHA256())
    )
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name("TEST agency receipts"))
        .issuer_name(ca.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(True, True, False, False, False, False, False, False, False),
            critical=True,
        )
        .sign(ca_key, hashes.SHA256())
    )
    der = sign_answer({"type": "receipt", "n": 1}, key, cert)
    assert open_answer(der, cert) == {"type": "receipt", "n": 1}
    p7s, anchor = tmp_path / "r.p7s", tmp_path / "ca.pem"
    p7s.write_bytes(der)
    anchor.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    code, out, err = jpki(capsys, "verify", str(p7s), "--trust", str(anchor))
    assert code == 0, out + err
    assert openssl_verify(p7s, anchor).returncode == 0

"""Issue 15 items 11, 12 and 16: strict parsing of signed structures, unknown key types and
broken certificate names give a verdict with a reason (never "Unexpected error"), an expired
certificate in an XML signature is only cert_expired, and the CLI's input messages."""

from __future__ import annotations

import ast
import base64
import subprocess
from pathlib import Path

import pytest
from asn1crypto import cms
from cryptography.hazmat.primitives import serialization
from lxml import etree
from signing_helpers import expired_signer

from jpki_desktop.cli import exitcodes as X
from jpki_desktop.cli.main import main
from jpki_desktop.signing.formats.cades import sign_detached
from jpki_desktop.signing.formats.xmldsig import DS_NS, sign_xml
from jpki_desktop.signing.verification import cms_check
from jpki_desktop.signing.verification.ber import structure_problem
from jpki_desktop.signing.verification.verify import verify_bytes
from jpki_desktop.trust.reasons import Reason

SHA256_ALGID = bytes.fromhex("300d06096086480165030402010500")
CONTENT = b"signed content"


@pytest.fixture
def signed(tmp_path, soft_signer):
    content = tmp_path / "doc.txt"
    content.write_bytes(CONTENT)
    return sign_detached(CONTENT, soft_signer), content


def _openssl_accepts(p7s: bytes, content: Path, tmp_path: Path) -> bool:
    sig = tmp_path / "x.p7s"
    sig.write_bytes(p7s)
    r = subprocess.run(
        ["openssl", "cms", "-verify", "-binary", "-noverify", "-inform", "DER"]
        + ["-in", str(sig), "-content", str(content), "-out", "/dev/null"],
        capture_output=True,
    )
    return r.returncode == 0


@pytest.mark.parametrize("length", [0x0B, 0x0C, 0x0F])
def test_a_corrupted_length_in_a_digest_algorithm_is_malformed(signed, roots, tmp_path, length):
    p7s, content = signed
    assert _openssl_accepts(p7s, content, tmp_path)
    at = p7s.index(SHA256_ALGID)  # the first one: SignedData.digestAlgorithms
    bad = bytearray(p7s)
    bad[at + 1] = length
    assert not _openssl_accepts(bytes(bad), content, tmp_path)  # the independent verifier
    v = verify_bytes(bytes(bad), content=str(content), trust_roots=roots)
    assert not v.ok and v.reasons == (Reason.MALFORMED,)


def test_der_is_checked_where_der_is_required():
    good = bytes.fromhex("3006020101020102")
    assert structure_problem(good, der=True) is None
    non_minimal = bytes.fromhex("308106020101020102")  # length 6 written as 81 06
    assert structure_problem(non_minimal, der=False) is None  # BER allows it
    assert structure_problem(non_minimal, der=True) == "length_not_minimal"
    indefinite = bytes.fromhex("30800201010201020000")
    assert structure_problem(indefinite, der=False) is None
    assert structure_problem(indefinite, der=True) == "indefinite_length"
    assert structure_problem(bytes.fromhex("3007020101020102"), der=False)  # overflows
    assert structure_problem(bytes.fromhex("300602010102010200"), der=False) == "trailing_data"
    assert structure_problem(bytes.fromhex("3006020101020202"), der=False)  # inner overflow


def _replace_signer_cert(p7s: bytes, signer_serial: int, edit) -> bytes:  # type: ignore[no-untyped-def]
    info = cms.ContentInfo.load(p7s)
    for choice in info["content"]["certificates"]:
        if choice.chosen.serial_number == signer_serial:
            edit(choice.chosen)
    return info.dump(force=True)


def test_an_unknown_key_type_is_a_verdict(signed, pki, roots, tmp_path, monkeypatch, capsys):
    p7s, content = signed

    def unknown_key(cert):  # type: ignore[no-untyped-def]
        cert["tbs_certificate"]["subject_public_key_info"]["algorithm"]["algorithm"] = "1.2.3.4.5"

    bad = _replace_signer_cert(p7s, pki.sign.cert.serial_number, unknown_key)
    v = verify_bytes(bad, content=str(content), trust_roots=roots)
    assert not v.ok and Reason.WEAK_ALGORITHM in v.reasons
    sig = tmp_path / "doc.txt.p7s"
    sig.write_bytes(bad)
    code = main(["verify", str(sig), "--content", str(content), "--revocation", "none"])
    out, err = capsys.readouterr()
    assert code == X.INVALID and "Unexpected error" not in err
    assert "[weak_algorithm]" in out


def _broken_subject(pki) -> bytes:  # type: ignore[no-untyped-def]
    """The signing certificate with invalid UTF-8 in a UTF8String of its subject: cryptography
    loads it and fails only when the name is read ("error parsing asn1 value")."""
    der = pki.sign.cert.public_bytes(serialization.Encoding.DER)
    subject = pki.sign.cert.subject.public_bytes()
    at = subject.index(b"\x0c")  # the first UTF8String
    broken = bytearray(subject)
    broken[at + 2 : at + 4] = b"\xff\xfe"
    return der.replace(subject, bytes(broken))


def test_a_certificate_with_a_malformed_subject_gives_a_verdict(pki, tmp_path, capsys):
    cert = tmp_path / "broken.der"
    cert.write_bytes(_broken_subject(pki))
    code = main(["check", "--cert", str(cert), "--offline"])
    out, err = capsys.readouterr()
    assert code == X.INVALID, err
    assert "Unexpected error" not in err and "NOT VALID" in out


def test_an_xml_signature_with_a_malformed_signer_subject(
    soft_signer, pki, roots, tmp_path, capsys
):
    root = etree.fromstring(sign_xml(b"<DATA id='DATA'><A>1</A></DATA>", soft_signer))
    good = base64.b64encode(pki.sign.cert.public_bytes(serialization.Encoding.DER)).decode()
    for el in root.iter(f"{{{DS_NS}}}X509Certificate"):
        if "".join((el.text or "").split()) == good:
            el.text = base64.b64encode(_broken_subject(pki)).decode()
    xml = tmp_path / "form.xml"
    xml.write_bytes(etree.tostring(root))
    v = verify_bytes(xml.read_bytes(), trust_roots=roots)
    assert not v.ok and v.reasons
    code = main(["verify", str(xml), "--revocation", "none"])
    out, err = capsys.readouterr()
    assert code == X.INVALID and "Unexpected error" not in err, err


def test_an_expired_certificate_in_an_xml_signature_is_only_cert_expired(pki, roots):
    signer = expired_signer(pki)
    v = verify_bytes(sign_xml(b"<DATA id='DATA'><A>1</A></DATA>", signer), trust_roots=roots)
    assert v.reasons == (Reason.CERT_EXPIRED,)


def test_no_assert_for_type_checks_in_cms_check():
    tree = ast.parse(Path(cms_check.__file__).read_text("utf-8"))
    assert not [n for n in ast.walk(tree) if isinstance(n, ast.Assert)]


def test_empty_certificate_file_says_empty_file(tmp_path, capsys):
    empty = tmp_path / "empty.pem"
    empty.write_bytes(b"")
    code = main(["check", "--cert", str(empty), "--offline"])
    out, err = capsys.readouterr()
    assert code == X.INVALID
    assert "empty file" in out and "not a JPKI certificate" not in out


def test_decrypt_cert_without_key_does_not_say_nothing_was_signed(tmp_path, pki, capsys):
    cert = tmp_path / "agency.pem"
    cert.write_bytes(pki.sign_ca.cert.public_bytes(serialization.Encoding.PEM))
    pkg = tmp_path / "x.p7m"
    pkg.write_bytes(b"\x30\x03\x02\x01\x00")
    code = main(["verify", str(pkg), "--decrypt-cert", str(cert)])
    err = capsys.readouterr().err
    assert code == X.USAGE
    assert "Nothing was signed" not in err
    assert "Nothing was verified" in err and "--decrypt-key" in err

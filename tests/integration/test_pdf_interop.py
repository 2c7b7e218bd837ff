"""Independent verifiers accept the PDFs `sign-pdf` writes: poppler's `pdfsig` (signature
valid, whole document covered), `qpdf --check` (structure), `openssl cms -verify` on the CMS
extracted from /Contents over the /ByteRange bytes, `openssl ts -verify` on the PAdES
timestamp token. One PDF is signed through the real pcscd + vpcd stack with the CLI."""

from __future__ import annotations

import hashlib
import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from asn1crypto import cms
from cryptography.hazmat.primitives import serialization

from jpki_desktop.app import pdf as use_case
from jpki_desktop.card.jpki import JpkiSession
from jpki_desktop.card.pins import PinKind, prepare_pin
from jpki_desktop.cli.main import main
from jpki_desktop.signing.formats.pdf.profiles import Profile
from jpki_desktop.signing.formats.pdf.sign import PdfSignOptions, sign_pdf
from jpki_desktop.signing.formats.pdf.stamp import parse_visible
from jpki_desktop.signing.signers.card import CardSigner

sys.path.insert(0, str(Path(__file__).parents[1]))
from support.pdf_samples import contents_cms, write_pdf  # noqa: E402
from support.pdf_tsa import running_tsa  # noqa: E402

pytestmark = pytest.mark.skipif(
    not all(shutil.which(t) for t in ("pdfsig", "qpdf", "openssl")),
    reason="poppler-utils, qpdf and openssl are installed by scripts/setup.sh",
)
BR = re.compile(rb"/ByteRange \[(\d+) (\d+) (\d+) (\d+)\]")


def run(*cmd, **kw) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(c) for c in cmd], capture_output=True, text=True, timeout=120, **kw)


@pytest.fixture
def card_signer(channel):
    with prepare_pin(PinKind.SIGN, "ABC123") as pin:
        return CardSigner.unlock(JpkiSession(channel), pin)


def _pem(path: Path, *certs) -> Path:
    path.write_bytes(b"".join(c.public_bytes(serialization.Encoding.PEM) for c in certs))
    return path


def _extract(pdf: Path, index: int, tmp_path: Path) -> tuple[Path, Path]:
    """(CMS DER, signed bytes) of the index-th signature, as an outside verifier would."""
    data = pdf.read_bytes()
    a, b, c, d = map(int, list(BR.finditer(data))[index].groups())
    der = bytes.fromhex(data[a + b + 1 : c - 1].decode())
    der = contents_cms(der).dump()
    sig, content = tmp_path / f"sig{index}.der", tmp_path / f"signed{index}.bin"
    sig.write_bytes(der)
    content.write_bytes(data[a : a + b] + data[c : c + d])
    return sig, content


def _openssl_ok(sig: Path, content: Path, ca: Path) -> subprocess.CompletedProcess[str]:
    return run(
        "openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", sig,
        "-content", content, "-CAfile", ca, "-purpose", "any", "-out", "/dev/null",
    )  # fmt: skip


def _pdfsig(pdf: Path) -> list[str]:
    r = run("pdfsig", pdf)
    assert r.returncode == 0, r.stderr
    return re.split(r"Signature #\d+:", r.stdout)[1:]


def test_poppler_qpdf_and_openssl_accept_a_moj_signature(tmp_path, card_signer, pki):
    src = write_pdf(tmp_path / "in.pdf", pages=3)
    out = tmp_path / "signed.pdf"
    sign_pdf(src, out, card_signer, PdfSignOptions(visible=parse_visible("1:320,40,570,110")))
    (only,) = _pdfsig(out)
    assert "Signature is Valid" in only and "Total document signed" in only
    assert "adbe.pkcs7.detached" in only and "SHA-256" in only
    assert run("qpdf", "--check", out).returncode == 0
    ca = _pem(tmp_path / "ca.pem", pki.sign_ca.cert)
    sig, content = _extract(out, 0, tmp_path)
    r = _openssl_ok(sig, content, ca)
    assert r.returncode == 0, r.stderr
    content.write_bytes(content.read_bytes().replace(b"page 2", b"page 9"))
    assert _openssl_ok(sig, content, ca).returncode != 0


def test_co_signature_both_valid_for_poppler_and_openssl(tmp_path, card_signer, pki):
    src = write_pdf(tmp_path / "in.pdf")
    one, two = tmp_path / "one.pdf", tmp_path / "two.pdf"
    sign_pdf(src, one, card_signer)
    sign_pdf(one, two, card_signer)
    first, second = _pdfsig(two)
    assert "Signature is Valid" in first and "Not total document signed" in first
    assert "Signature is Valid" in second and "Total document signed" in second
    assert run("qpdf", "--check", two).returncode == 0
    ca = _pem(tmp_path / "ca.pem", pki.sign_ca.cert)
    for i in (0, 1):
        r = _openssl_ok(*_extract(two, i, tmp_path), ca)
        assert r.returncode == 0, r.stderr


def test_openssl_ts_verifies_the_pades_timestamp_token(tmp_path, card_signer, pki):
    src = write_pdf(tmp_path / "in.pdf")
    out = tmp_path / "pades.pdf"
    with running_tsa(tmp_path / "tsa") as tsa:
        req = use_case.PdfSignRequest(src, out, PdfSignOptions(Profile.PADES_B_T), tsa.url)
        stamper = use_case.probe_timestamper(req)
        use_case.sign_with(req, card_signer, stamper)
        tsa_dir = tsa.directory
    (only,) = _pdfsig(out)
    assert "Signature is Valid" in only and "ETSI.CAdES.detached" in only
    sig, content = _extract(out, 0, tmp_path)
    r = _openssl_ok(sig, content, _pem(tmp_path / "ca.pem", pki.sign_ca.cert))
    assert r.returncode == 0, r.stderr
    si = cms.ContentInfo.load(sig.read_bytes())["content"]["signer_infos"][0]
    token = si["unsigned_attrs"][0]["values"][0]
    (tmp_path / "token.der").write_bytes(token.dump())
    digest = hashlib.sha256(si["signature"].native).hexdigest()
    r = run(
        "openssl", "ts", "-verify", "-token_in", "-in", tmp_path / "token.der",
        "-digest", digest, "-CAfile", tsa_dir / "tsa-ca.pem", "-untrusted", tsa_dir / "tsa.pem",
    )  # fmt: skip
    assert r.returncode == 0 and "Verification: OK" in r.stdout, r.stdout + r.stderr
    wrong = hashlib.sha256(b"another signature").hexdigest()
    r = run(
        "openssl", "ts", "-verify", "-token_in", "-in", tmp_path / "token.der",
        "-digest", wrong, "-CAfile", tsa_dir / "tsa-ca.pem", "-untrusted", tsa_dir / "tsa.pem",
    )  # fmt: skip
    assert r.returncode != 0


@pytest.mark.pcsc
def test_sign_pdf_cli_through_real_pcscd(tmp_path, pcscd, pcsc_card, pki, monkeypatch, capsys):
    src = write_pdf(tmp_path / "in.pdf", pages=2)
    out = tmp_path / "signed.pdf"
    monkeypatch.setattr("sys.stdin", io.StringIO("abc123\n"))
    code = main(
        ["--reader", pcscd.readers[0], "sign-pdf", str(src), "-o", str(out), "--password-stdin"]
    )
    err = capsys.readouterr().err
    assert code == 0, err
    assert "氏名・住所・生年月日・性別" in err and "Anyone who receives this PDF" in err
    card = pcsc_card.card
    assert sum(1 for r in card.log if r.ins == 0x20 and r.lc > 0) == 1
    assert sum(1 for r in card.log if r.ins == 0x2A) == 1
    (only,) = _pdfsig(out)
    assert "Signature is Valid" in only and "Total document signed" in only
    code = main(["verify", str(out), "--trust", str(_pem(tmp_path / "ca.pem", pki.sign_ca.cert))])
    assert code == 0, capsys.readouterr()

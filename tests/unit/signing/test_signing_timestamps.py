"""RFC 3161 signature timestamps (CAdES-T) from a real TSA on 127.0.0.1 (``openssl ts -reply``):
signing, the independent verifiers (``openssl ts -verify``, ``openssl cms -verify``), our
verifier's checks and reasons, and what happens when the TSA is down, slow or lies."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from asn1crypto import cms
from cryptography.hazmat.primitives.serialization import Encoding
from signing_helpers import FORM, open_package

from jpki_desktop.cli import exitcodes as X
from jpki_desktop.cli.main import main
from jpki_desktop.signing.errors import TsaBadAnswer, TsaUnreachable
from jpki_desktop.signing.formats.cades import sign_detached
from jpki_desktop.signing.formats.timestamp import Rfc3161TimeStamper, default_post
from jpki_desktop.signing.packaging.package import build_package
from jpki_desktop.signing.verification.verdict import Reason
from jpki_desktop.signing.verification.verify import verify_bytes, verify_file
from jpki_desktop.trust.context import Revocation, RevocationMode
from support.tsa import TsaPki, TsaServer

NO_REVOCATION = Revocation(RevocationMode.NONE)
needs_openssl = pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl missing")


@pytest.fixture(scope="module")
def tsa_pki() -> TsaPki:
    return TsaPki.generate("trusted")


@pytest.fixture(scope="module")
def tsa(tsa_pki):
    with TsaServer("normal", tsa_pki) as server:
        yield server


@pytest.fixture
def content(tmp_path) -> Path:
    p = tmp_path / "doc.bin"
    p.write_bytes(b"a document\x00\xff" * 500)
    return p


def _sign(content: Path, signer, url: str) -> bytes:
    with open(content, "rb") as f:
        return sign_detached(f, signer, timestamper=Rfc3161TimeStamper(url))


def _signer_info(der: bytes) -> cms.SignerInfo:
    return cms.ContentInfo.load(der)["content"]["signer_infos"][0]


def _token(der: bytes) -> bytes:
    attrs = _signer_info(der)["unsigned_attrs"]
    (attr,) = [a for a in attrs if a["type"].native == "signature_time_stamp_token"]
    return attr["values"][0].dump()


def _with_token(der: bytes, token: bytes) -> bytes:
    """`der` with its signature timestamp replaced by `token` (bytes, parsed or not)."""
    info = cms.ContentInfo.load(der)
    si = info["content"]["signer_infos"][0]
    si["unsigned_attrs"] = cms.CMSAttributes(
        [
            cms.CMSAttribute(
                {"type": "signature_time_stamp_token", "values": [cms.ContentInfo.load(token)]}
            )
        ]
    )
    return info.dump()


def _pem(path: Path, *certs) -> Path:
    path.write_bytes(b"".join(c.public_bytes(Encoding.PEM) for c in certs))
    return path


def _verify(der: bytes, content: Path, roots) -> object:
    return verify_bytes(der, content=str(content), trust_roots=roots, revocation=NO_REVOCATION)


def _openssl_ts_verify(tmp_path: Path, token: bytes, signature: bytes, ca: Path):
    (tmp_path / "token.der").write_bytes(token)
    return subprocess.run(
        ["openssl", "ts", "-verify", "-in", str(tmp_path / "token.der"), "-token_in"]
        + ["-digest", hashlib.sha256(signature).hexdigest(), "-CAfile", str(ca)],
        capture_output=True,
        text=True,
        timeout=60,
    )


# -- the good case, checked by two independent verifiers and ours ----------------------------


@needs_openssl
def test_cades_t_is_accepted_by_openssl_ts_and_cms_and_by_our_verifier(
    tmp_path, content, soft_signer, pki, tsa, tsa_pki
):
    before = dt.datetime.now(dt.UTC)
    der = _sign(content, soft_signer, tsa.url)
    sig = tmp_path / "doc.bin.p7s"
    sig.write_bytes(der)
    token = _token(der)
    signature = _signer_info(der)["signature"].native
    tsa_ca = _pem(tmp_path / "tsa-ca.pem", tsa_pki.ca_cert)
    r = _openssl_ts_verify(tmp_path, token, signature, tsa_ca)
    assert r.returncode == 0 and "Verification: OK" in r.stdout, r.stdout + r.stderr
    ca = _pem(tmp_path / "ca.pem", pki.sign_ca.cert)
    r = subprocess.run(
        ["openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", str(sig)]
        + ["-content", str(content), "-CAfile", str(ca), "-out", "/dev/null"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 0, r.stderr
    v = _verify(der, content, [pki.sign_ca.cert, tsa_pki.ca_cert])
    assert v.ok, v.findings
    (stamp,) = v.timestamps
    assert stamp.ok and stamp.tsa == "CN=TSA-TEST trusted unit 1"
    assert stamp.time.utcoffset() == dt.timedelta(hours=9)  # Japan time
    assert before - dt.timedelta(seconds=5) <= stamp.time <= dt.datetime.now(dt.UTC)
    d = v.to_dict()
    assert d["timestamp"]["time"].endswith("+09:00") and d["timestamp"]["ok"] is True


def test_a_signature_without_timestamp_has_none(content, soft_signer, pki):
    with open(content, "rb") as f:
        der = sign_detached(f, soft_signer)
    v = _verify(der, content, [pki.sign_ca.cert])
    assert v.ok and v.timestamps == () and v.to_dict()["timestamp"] is None


# -- tampering: each case not valid, with its reason --------------------------------------------


@needs_openssl
def test_corrupted_token_is_not_valid(tmp_path, content, soft_signer, pki, tsa, tsa_pki):
    der = _sign(content, soft_signer, tsa.url)
    token = bytearray(_token(der))
    token[-20] ^= 0x01  # inside the TSA's signature value, at the end of the token
    tampered = _with_token(der, bytes(token))
    v = _verify(tampered, content, [pki.sign_ca.cert, tsa_pki.ca_cert])
    assert not v.ok and v.reasons == (Reason.TIMESTAMP_INVALID,)
    signature = _signer_info(der)["signature"].native
    tsa_ca = _pem(tmp_path / "tsa-ca.pem", tsa_pki.ca_cert)
    assert _openssl_ts_verify(tmp_path, bytes(token), signature, tsa_ca).returncode != 0


def test_garbage_in_the_timestamp_attribute_is_not_valid(content, soft_signer, pki, tsa, tsa_pki):
    der = _sign(content, soft_signer, tsa.url)
    token = _token(der)
    i = der.index(token)
    # same length, different bytes: the attribute stays in place and the CMS still parses
    damaged = der[:i] + token[:60] + bytes(len(token) - 60) + der[i + len(token) :]
    v = _verify(damaged, content, [pki.sign_ca.cert, tsa_pki.ca_cert])
    # zeroed bytes break the token's own DER: the strict parse of the whole CMS (issue 15,
    # item 11) calls the file malformed before the timestamp check sees the token
    assert not v.ok and {Reason.MALFORMED, Reason.TIMESTAMP_INVALID} & set(v.reasons), v.findings


@needs_openssl
def test_token_over_another_signature_is_not_valid(
    tmp_path, content, soft_signer, pki, tsa, tsa_pki
):
    der = _sign(content, soft_signer, tsa.url)
    other = tmp_path / "other.bin"
    other.write_bytes(b"another document")
    foreign = _token(_sign(other, soft_signer, tsa.url))
    tampered = _with_token(der, foreign)
    v = _verify(tampered, content, [pki.sign_ca.cert, tsa_pki.ca_cert])
    assert not v.ok and v.reasons == (Reason.TIMESTAMP_IMPRINT_MISMATCH,)
    signature = _signer_info(der)["signature"].native
    tsa_ca = _pem(tmp_path / "tsa-ca.pem", tsa_pki.ca_cert)
    r = _openssl_ts_verify(tmp_path, foreign, signature, tsa_ca)
    assert r.returncode != 0 and "message imprint mismatch" in (r.stdout + r.stderr)


def test_untrusted_tsa_is_not_valid(content, soft_signer, pki, tsa, tsa_pki):
    der = _sign(content, soft_signer, tsa.url)
    v = _verify(der, content, [pki.sign_ca.cert])  # the TSA root is not trusted
    assert not v.ok and v.reasons == (Reason.TIMESTAMP_UNTRUSTED,)
    assert v.findings[0].subject == "CN=TSA-TEST trusted unit 1"
    with TsaServer("normal", TsaPki.generate("rogue")) as rogue:
        der = _sign(content, soft_signer, rogue.url)
    v = _verify(der, content, [pki.sign_ca.cert, tsa_pki.ca_cert])  # another TSA's root
    assert not v.ok and v.reasons == (Reason.TIMESTAMP_UNTRUSTED,)
    assert v.timestamps[0].ok is False


# -- the TSA side: down, garbage, slow, lying: a typed error, nothing produced -----------------


def test_tsa_down_garbage_and_wrong_imprint_are_typed_errors(content, soft_signer):
    for mode, error, what in [
        ("down", TsaUnreachable, "ConnectFailed"),
        ("garbage", TsaBadAnswer, "not_a_timestamp_response"),
        ("wrong_imprint", TsaBadAnswer, "imprint"),
    ]:
        with TsaServer(mode) as server, pytest.raises(error) as info:
            _sign(content, soft_signer, server.url)
        assert info.value.what == what and info.value.url == server.url


def test_slow_tsa_times_out_within_the_bound(content, soft_signer):
    with TsaServer("slow", delay=4.0) as server:
        stamper = Rfc3161TimeStamper(server.url, functools.partial(default_post, timeout=0.5))
        with open(content, "rb") as f, pytest.raises(TsaUnreachable) as info:
            sign_detached(f, soft_signer, timestamper=stamper)
    assert info.value.what == "timeout"


def test_the_request_goes_through_the_one_injected_post(content, soft_signer, tsa, pki, tsa_pki):
    calls = []

    def post(url: str, body: bytes, content_type: str) -> bytes:
        calls.append((url, content_type))
        return default_post(url, body, content_type)

    with open(content, "rb") as f:
        der = sign_detached(f, soft_signer, timestamper=Rfc3161TimeStamper(tsa.url, post))
    assert calls == [(tsa.url, "application/timestamp-query")]
    assert _verify(der, content, [pki.sign_ca.cert, tsa_pki.ca_cert]).ok


def test_oversized_answer_is_refused(content, soft_signer, tsa):
    stamper = Rfc3161TimeStamper(tsa.url, functools.partial(default_post, max_bytes=100))
    with open(content, "rb") as f, pytest.raises(TsaBadAnswer) as info:
        sign_detached(f, soft_signer, timestamper=stamper)
    assert info.value.what == "too_large"


# -- the package's signature -----------------------------------------------------------------


@needs_openssl
def test_package_signature_is_cades_t(tmp_path, soft_signer, agency, pki, tsa, tsa_pki):
    out = tmp_path / "sub.p7m"
    build_package(
        FORM,
        [],
        procedure_id="TEST-0001",
        recipient_cert=agency.cert,
        signer=soft_signer,
        output=out,
        timestamper=Rfc3161TimeStamper(tsa.url),
    )
    v = verify_file(
        out,
        decrypt_key=agency.key,
        decrypt_cert=agency.cert,
        trust_roots=[pki.sign_ca.cert, tsa_pki.ca_cert],
        revocation=NO_REVOCATION,
    )
    assert v.ok, v.findings
    assert len(v.timestamps) == 1 and v.timestamps[0].ok
    entries = dict(open_package(out, agency))
    p7s = entries["META-INF/signature001.p7s"]
    signature = _signer_info(p7s)["signature"].native
    tsa_ca = _pem(tmp_path / "tsa-ca.pem", tsa_pki.ca_cert)
    assert _openssl_ts_verify(tmp_path, _token(p7s), signature, tsa_ca).returncode == 0
    v = verify_file(
        out,
        decrypt_key=agency.key,
        decrypt_cert=agency.cert,
        trust_roots=[pki.sign_ca.cert],
        revocation=NO_REVOCATION,
    )
    assert v.reasons == (Reason.TIMESTAMP_UNTRUSTED,)


def test_package_with_tsa_down_leaves_no_file(tmp_path, soft_signer, agency):
    out = tmp_path / "sub.p7m"
    with TsaServer("down") as server, pytest.raises(TsaUnreachable):
        build_package(
            FORM,
            [],
            procedure_id="TEST-0001",
            recipient_cert=agency.cert,
            signer=soft_signer,
            output=out,
            timestamper=Rfc3161TimeStamper(server.url),
        )
    assert list(tmp_path.iterdir()) == []


# -- the CLI: --tsa for sign and package, --trust for the TSA root ----------------------------


@pytest.fixture
def demo(tmp_path, monkeypatch):
    monkeypatch.setenv("JPKI_DEMO_STATE", str(tmp_path / "card"))
    monkeypatch.setenv("JPKI_DEMO_AGENCY", str(tmp_path / "agency"))
    work = tmp_path / "work"
    work.mkdir()
    (work / "form.xml").write_bytes("<DATA id='DATA'><NAME>見本</NAME></DATA>".encode())
    monkeypatch.chdir(work)
    return work


def jpki(monkeypatch, capsys, *argv, stdin="ABC123\n"):
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_sign_with_tsa_then_verify_with_both_roots(demo, monkeypatch, capsys, tsa, tsa_pki):
    code, _, err = jpki(
        monkeypatch, capsys, "--demo", "sign", "form.xml", "--tsa", tsa.url, "--password-stdin"
    )
    assert code == 0, err
    _, ca_pem, _ = jpki(monkeypatch, capsys, "--demo", "cert", "sign-ca", "--pem")
    (demo / "ca.pem").write_text(ca_pem)
    _pem(demo / "tsa.pem", tsa_pki.ca_cert)
    code, out, _ = jpki(
        monkeypatch, capsys, "verify", "form.xml.p7s", "--trust", "ca.pem", "--trust", "tsa.pem"
    )
    assert code == X.OK and "timestamp: " in out and "+09:00 by CN=TSA-TEST trusted" in out, out
    code, out, _ = jpki(
        monkeypatch, capsys, "--json", "verify", "form.xml.p7s", "--trust", "ca.pem"
    )
    v = json.loads(out)
    assert code == X.INVALID and v["reasons"] == ["timestamp_untrusted"]
    assert v["timestamp"]["ok"] is False


@pytest.mark.parametrize("mode", ["down", "garbage"])
def test_cli_tsa_failure_is_a_clear_error_before_the_card(demo, monkeypatch, capsys, mode):
    with TsaServer(mode) as server:
        code, _, err = jpki(
            monkeypatch,
            capsys,
            "--demo",
            "sign",
            "form.xml",
            "--tsa",
            server.url,
            "--password-stdin",
            stdin="WRONG1\n",  # would cost a try if it reached the card
        )
    assert code == X.ERROR and "No timestamp from the time-stamping authority" in err
    assert "Nothing was written" in err and "Traceback" not in err
    assert sorted(p.name for p in demo.iterdir()) == ["form.xml"]
    _, out, _ = jpki(monkeypatch, capsys, "--demo", "--json", "pin", "status")
    assert json.loads(out)["sign"]["remaining"] == 5


def test_cli_package_with_tsa(demo, monkeypatch, capsys, tsa, tsa_pki):
    code, _, err = jpki(
        monkeypatch,
        capsys,
        "--demo",
        "package",
        "--procedure",
        "P1",
        "--form",
        "form.xml",
        "--tsa",
        tsa.url,
        "-o",
        "out.p7m",
        "--password-stdin",
    )
    assert code == 0, err
    _pem(demo / "tsa.pem", tsa_pki.ca_cert)
    _, ca_pem, _ = jpki(monkeypatch, capsys, "--demo", "cert", "sign-ca", "--pem")
    (demo / "ca.pem").write_text(ca_pem)
    code, out, _ = jpki(
        monkeypatch,
        capsys,
        "--demo",
        "--json",
        "verify",
        "out.p7m",
        "--trust",
        "ca.pem",
        "--trust",
        "tsa.pem",
    )
    v = json.loads(out)
    assert code == X.OK and v["timestamp"]["ok"], v

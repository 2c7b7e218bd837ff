"""Through the real stack (pyscard -> private pcscd -> vpcd -> virtual card): a CAdES-T
signature with a token from the openssl TSA on 127.0.0.1, and a dead certificate refused after
the one VERIFY with no COMPUTE DIGITAL SIGNATURE in the card's own command log."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import subprocess

import pytest
from asn1crypto import cms
from cryptography.hazmat.primitives.serialization import Encoding

from jpki_desktop.card.connect import open_reader
from jpki_desktop.card.jpki import JpkiSession
from jpki_desktop.card.pins import PinKind, prepare_pin
from jpki_desktop.signing.errors import CertificateUnusable
from jpki_desktop.signing.formats.cades import sign_detached
from jpki_desktop.signing.formats.timestamp import Rfc3161TimeStamper
from jpki_desktop.signing.signers.card import CardSigner, preflight
from jpki_desktop.signing.verification.verify import verify_file
from jpki_desktop.trust.context import Revocation, RevocationMode
from support.tsa import TsaServer

VERIFY, SIGN = 0x20, 0x2A


def _count(card, ins):
    return sum(1 for r in card.log if r.ins == ins and r.lc > 0)


@pytest.mark.pcsc
@pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl missing")
def test_cades_t_signed_through_pcscd(tmp_path, pcscd, pcsc_card, pki):
    content = tmp_path / "doc.bin"
    content.write_bytes(b"signed through pcscd" * 100)
    with TsaServer() as tsa, open_reader(pcscd.readers[0]) as oc, oc.channel.transaction():
        session = JpkiSession(oc.channel)
        preflight(session)
        with prepare_pin(PinKind.SIGN, "ABC123") as pin:
            signer = CardSigner.unlock(session, pin)
        with open(content, "rb") as f:
            der = sign_detached(f, signer, timestamper=Rfc3161TimeStamper(tsa.url))
        tsa_ca = tmp_path / "tsa-ca.pem"
        tsa_ca.write_bytes(tsa.pki.ca_pem())
        roots = [pki.sign_ca.cert, tsa.pki.ca_cert]
    assert _count(pcsc_card.card, VERIFY) == 1 and _count(pcsc_card.card, SIGN) == 1
    (tmp_path / "doc.bin.p7s").write_bytes(der)
    v = verify_file(
        tmp_path / "doc.bin.p7s",
        content=content,
        trust_roots=roots,
        revocation=Revocation(RevocationMode.NONE),
    )
    assert v.ok and v.timestamps[0].ok, v.findings
    si = cms.ContentInfo.load(der)["content"]["signer_infos"][0]
    token = next(
        a for a in si["unsigned_attrs"] if a["type"].native == "signature_time_stamp_token"
    )
    (tmp_path / "token.der").write_bytes(token["values"][0].dump())
    r = subprocess.run(
        ["openssl", "ts", "-verify", "-in", str(tmp_path / "token.der"), "-token_in"]
        + ["-digest", hashlib.sha256(si["signature"].native).hexdigest()]
        + ["-CAfile", str(tsa_ca)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 0 and "Verification: OK" in r.stdout, r.stdout + r.stderr
    ca = tmp_path / "ca.pem"
    ca.write_bytes(pki.sign_ca.cert.public_bytes(Encoding.PEM))
    r = subprocess.run(
        ["openssl", "cms", "-verify", "-binary", "-inform", "DER"]
        + ["-in", str(tmp_path / "doc.bin.p7s"), "-content", str(content)]
        + ["-CAfile", str(ca), "-out", "/dev/null"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 0, r.stderr


@pytest.mark.pcsc
def test_dead_certificate_refused_through_pcscd_before_any_signature(pcscd, pcsc_card, pki):
    past = pki.sign.cert.not_valid_after_utc + dt.timedelta(days=1)
    with open_reader(pcscd.readers[0]) as oc, oc.channel.transaction():
        session = JpkiSession(oc.channel)
        preflight(session, now=past)  # the CA is still valid then
        with prepare_pin(PinKind.SIGN, "ABC123") as pin, pytest.raises(CertificateUnusable) as e:
            CardSigner.unlock(session, pin, now=past, crls=())
        assert session.pin_status(PinKind.SIGN).remaining == 5
    assert e.value.problem == "expired"
    assert _count(pcsc_card.card, VERIFY) == 1
    assert not any(r.ins == SIGN for r in pcsc_card.card.log)  # no COMPUTE DIGITAL SIGNATURE

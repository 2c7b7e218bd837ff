"""XML co-signatures: a second (and third) enveloped signature on a signed form, e.g. the
taxpayer then the tax accountant. Every signature verifies on its own, with ``xmlsec1`` and
with our verifier, which reports each one in order and what it covers."""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.serialization import Encoding

from jpki_desktop.card.virtual.pki import Holder, generate_card_pki
from jpki_desktop.cli import exitcodes as X
from jpki_desktop.cli.main import main
from jpki_desktop.signing.formats.xmldsig import sign_xml
from jpki_desktop.signing.signers.raw import SoftwareSigner
from jpki_desktop.signing.verification.verdict import Reason
from jpki_desktop.signing.verification.verify import verify_bytes
from jpki_desktop.trust.context import Revocation, RevocationMode

NO_REVOCATION = Revocation(RevocationMode.NONE)
DS = "http://www.w3.org/2000/09/xmldsig#"
ETAX_FORM = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<DATA id="DATA" xmlns="http://xml.e-tax.nta.go.jp/XSD/shotoku" '
    'xmlns:gen="http://xml.e-tax.nta.go.jp/XSD/general">'
    '<RSH0010 VR="1.0" id="RSH0010"><CONTENTS id="CONTENTS"><IT VR="1.5" id="IT">'
    "<NAME>見本　花子</NAME><gen:zip>100-0001</gen:zip></IT></CONTENTS></RSH0010></DATA>"
).encode()
PLAIN_FORM = "<申請 xmlns='urn:example'><氏名>見本</氏名><空/></申請>".encode()
ETAX_ID = ["--id-attr:id", "http://xml.e-tax.nta.go.jp/XSD/shotoku:DATA"]
SIG_ID = ["--id-attr:Id", f"{DS}:Signature"]
needs_xmlsec1 = pytest.mark.skipif(shutil.which("xmlsec1") is None, reason="xmlsec1 missing")


@pytest.fixture(scope="module")
def accountant():
    """A second signer with its own CA (the tax accountant)."""
    holder = Holder("税理士　太郎", dt.date(1970, 4, 1), "1", "東京都港区見本1-1", "123456789018")
    pki = generate_card_pki(holder)
    return SoftwareSigner(pki.sign.key, pki.sign.cert, [pki.sign_ca.cert]), pki.sign_ca.cert


@pytest.fixture
def taxpayer(soft_signer, pki):
    return soft_signer, pki.sign_ca.cert


def _verify(xml: bytes, roots):
    return verify_bytes(xml, trust_roots=roots, revocation=NO_REVOCATION)


def _xmlsec1(tmp_path: Path, xml: bytes, ca, *args: str) -> subprocess.CompletedProcess[str]:
    doc = tmp_path / "doc.xml"
    doc.write_bytes(xml)
    pem = tmp_path / "ca.pem"
    pem.write_bytes(ca.public_bytes(Encoding.PEM))
    return subprocess.run(
        ["xmlsec1", "--verify", "--trusted-pem", str(pem), *args, str(doc)],
        capture_output=True,
        text=True,
        timeout=60,
    )


@needs_xmlsec1
@pytest.mark.parametrize(("form", "ids"), [(ETAX_FORM, ETAX_ID), (PLAIN_FORM, [])])
def test_cosigned_form_both_signatures_verify_with_xmlsec1(
    tmp_path, taxpayer, accountant, form, ids
):
    (s1, ca1), (s2, ca2) = taxpayer, accountant
    one = sign_xml(form, s1)
    two = sign_xml(one, s2)
    # the first signature is untouched, byte for byte
    assert one[one.index(b"<ds:SignedInfo>") : one.index(b"</ds:KeyInfo>")] in two
    r = _xmlsec1(tmp_path, two, ca1, *ids, *SIG_ID)
    assert r.returncode == 0 and "OK" in r.stderr, r.stderr
    r = _xmlsec1(tmp_path, two, ca2, *ids, *SIG_ID, "--node-id", "signature-2")
    assert r.returncode == 0 and "OK" in r.stderr, r.stderr
    # each against the other's CA: not trusted
    assert _xmlsec1(tmp_path, two, ca2, *ids, *SIG_ID).returncode != 0
    assert _xmlsec1(tmp_path, two, ca1, *ids, *SIG_ID, "--node-id", "signature-2").returncode
    # a changed form breaks both
    tampered = two.replace("見本".encode(), "別人".encode(), 1)
    assert _xmlsec1(tmp_path, tampered, ca1, *ids, *SIG_ID).returncode != 0
    r = _xmlsec1(tmp_path, tampered, ca2, *ids, *SIG_ID, "--node-id", "signature-2")
    assert r.returncode != 0


def test_verifier_reports_every_signature_in_order_and_what_it_covers(taxpayer, accountant):
    (s1, ca1), (s2, ca2) = taxpayer, accountant
    three = sign_xml(sign_xml(sign_xml(ETAX_FORM, s1), s2), s1)
    v = _verify(three, [ca1, ca2])
    assert v.ok, v.findings
    assert [(s.index, s.covers, s.ok) for s in v.signatures] == [
        (1, ("document",), True),
        (2, ("document", "signature 1"), True),
        (3, ("document", "signature 1", "signature 2"), True),
    ]
    assert [s.serial for s in v.signatures] == [
        format(c.certificate.serial_number, "X") for c in (s1, s2, s1)
    ]
    d = v.to_dict()
    assert [s["covers"] for s in d["signatures"]][1] == ["document", "signature 1"]
    assert v.signer_cert == s1.certificate  # the first signer, as before


def test_second_signer_untrusted_is_named(taxpayer, accountant):
    (s1, ca1), (s2, _) = taxpayer, accountant
    v = _verify(sign_xml(sign_xml(ETAX_FORM, s1), s2), [ca1])
    assert not v.ok and v.reasons == (Reason.UNTRUSTED,)
    assert [f.subject for f in v.findings] == ["signature 2"]
    assert [s.ok for s in v.signatures] == [True, False]


def test_tampering_is_attributed_to_the_right_signatures(taxpayer, accountant):
    (s1, ca1), (s2, ca2) = taxpayer, accountant
    one = sign_xml(ETAX_FORM, s1)
    two = sign_xml(one, s2)
    v = _verify(two.replace("見本".encode(), "別人".encode(), 1), [ca1, ca2])
    assert [(f.reason, f.subject) for f in v.findings] == [
        (Reason.DIGEST_MISMATCH, "form"),
        (Reason.DIGEST_MISMATCH, "signature 2: form"),
    ]
    # the first signature value altered: signature 1 invalid, and signature 2, which covers
    # signature 1, no longer matches what it signed
    start = two.index(b"<ds:SignatureValue>") + len(b"<ds:SignatureValue>")
    flipped = two[:start] + (b"A" if two[start : start + 1] != b"A" else b"B") + two[start + 1 :]
    v = _verify(flipped, [ca1, ca2])
    assert (Reason.SIGNATURE_INVALID, "") in [(f.reason, f.subject) for f in v.findings]
    assert (Reason.DIGEST_MISMATCH, "signature 2: form") in [
        (f.reason, f.subject) for f in v.findings
    ]
    # the co-signature cut out: what is left is the first signature alone, still valid
    cut = two[: two.index(b"<ds:Object>")] + two[two.rindex(b"</ds:Object>") + 12 :]
    v = _verify(cut, [ca1, ca2])
    assert v.ok and len(v.signatures) == 1


def test_a_signature_outside_the_chain_is_refused(taxpayer, accountant):
    (s1, ca1), (s2, ca2) = taxpayer, accountant
    two = sign_xml(sign_xml(ETAX_FORM, s1), s2)
    # move the co-signature into the form body (a wrapping attempt)
    start = two.index(b'<ds:Signature Id="signature-2"')
    end = two.index(b"</ds:Signature>", start) + len(b"</ds:Signature>")
    sig2 = two[start:end]
    moved = (two[:start] + two[end:]).replace(b"<NAME>", b"<NAME>" + sig2, 1)
    v = _verify(moved, [ca1, ca2])
    assert not v.ok and v.reasons == (Reason.MALFORMED,)


def test_cli_sign_xml_twice_then_verify(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("JPKI_DEMO_STATE", str(tmp_path / "card"))
    monkeypatch.chdir(tmp_path)
    (tmp_path / "form.xml").write_bytes(ETAX_FORM)

    def jpki(*argv: str) -> tuple[int, str, str]:
        monkeypatch.setattr("sys.stdin", io.StringIO("ABC123\n"))
        code = main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    assert jpki("--demo", "sign-xml", "form.xml", "-o", "one.xml", "--password-stdin")[0] == 0
    code, out, err = jpki("--demo", "sign-xml", "one.xml", "-o", "two.xml", "--password-stdin")
    assert code == 0 and "(co-signature 2)" in out, err
    code, out, _ = jpki("--demo", "verify", "two.xml")
    assert code == X.OK, out
    assert "signature 2: " in out and "covers document, signature 1 (valid)" in out
    code, out, _ = jpki("--demo", "--json", "verify", "two.xml")
    assert [s["index"] for s in json.loads(out)["signatures"]] == [1, 2]

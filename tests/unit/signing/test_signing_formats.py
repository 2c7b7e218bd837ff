"""Detached CAdES, enveloped XMLDSig, the envelope and the ZIP writer: round trips and rejects."""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile

import asn1crypto.tsp  # noqa: F401
import pytest
from asn1crypto import cms
from signing_helpers import FORM, expired_signer

from jpki_desktop.signing.errors import (
    DecryptionFailed,
    InvalidInput,
    MalformedEnvelope,
    RecipientCertUnsuitable,
    SignatureCheckFailed,
    UnsupportedAlgorithm,
    WrongRecipient,
)
from jpki_desktop.signing.formats.cades import sign_detached
from jpki_desktop.signing.formats.xmldsig import sign_xml
from jpki_desktop.signing.packaging import zipstream
from jpki_desktop.signing.packaging.envelope import EnvelopeWriter, decrypt_to
from jpki_desktop.signing.signers.raw import SoftwareSigner
from jpki_desktop.signing.verification.verdict import Kind, Reason
from jpki_desktop.signing.verification.verify import verify_file


def test_cades_has_the_four_signed_attributes_and_the_chain(soft_signer, pki):
    when = dt.datetime(2025, 5, 1, 12, 0, tzinfo=dt.UTC)
    der = sign_detached(b"content", soft_signer, signing_time=when)
    sd = cms.ContentInfo.load(der)["content"]
    assert sd["encap_content_info"]["content"].native is None  # detached
    attrs = {a["type"].native: a["values"][0].native for a in sd["signer_infos"][0]["signed_attrs"]}
    assert set(attrs) == {
        "content_type",
        "message_digest",
        "signing_time",
        "signing_certificate_v2",
    }
    assert attrs["signing_time"] == when
    certs = {c.chosen.sha256 for c in sd["certificates"]}
    assert len(certs) == 2  # signer + signing CA


def test_p7s_round_trip_and_tampered_content(tmp_path, soft_signer, roots):
    data = tmp_path / "doc.bin"
    data.write_bytes(os.urandom(3 * 1024 * 1024 + 7))
    sig = tmp_path / "doc.bin.p7s"
    with open(data, "rb") as f:
        sig.write_bytes(sign_detached(f, soft_signer))
    v = verify_file(sig, content=data, trust_roots=roots)
    assert v.ok and v.kind is Kind.P7S and v.signing_time is not None
    assert verify_file(sig, trust_roots=roots).reasons == (Reason.CONTENT_REQUIRED,)
    data.write_bytes(data.read_bytes()[:-1] + b"X")
    assert verify_file(sig, content=data, trust_roots=roots).reasons == (Reason.CONTENT_MISMATCH,)
    sig.write_bytes(sig.read_bytes()[:-20])
    assert verify_file(sig, content=data, trust_roots=roots).reasons == (Reason.MALFORMED,)


def test_p7s_expired_at_signing(tmp_path, pki, roots):
    signer = expired_signer(pki)
    content = tmp_path / "c.txt"
    content.write_bytes(b"x")
    sig = tmp_path / "c.p7s"
    sig.write_bytes(
        sign_detached(b"x", signer, signing_time=dt.datetime(2022, 1, 1, tzinfo=dt.UTC))
    )
    v = verify_file(sig, content=content, trust_roots=roots)
    assert Reason.EXPIRED_AT_SIGNING in v.reasons and Reason.SIGNATURE_INVALID not in v.reasons


def test_signer_refuses_sha1_and_checks_key_against_certificate(soft_signer, pki):
    with pytest.raises(UnsupportedAlgorithm):
        sign_detached(b"x", soft_signer, digest_algorithm="sha1")
    mismatched = SoftwareSigner(pki.auth.key, pki.sign.cert, [pki.sign_ca.cert])
    with pytest.raises(SignatureCheckFailed):
        sign_detached(b"x", mismatched)


def test_xml_round_trip_with_root_id(soft_signer, roots, tmp_path):
    signed = sign_xml(FORM, soft_signer)
    assert b'URI="#DATA"' in signed and b"rsa-sha256" in signed and b"X509Certificate" in signed
    p = tmp_path / "f.xml"
    p.write_bytes(signed)
    v = verify_file(p, trust_roots=roots)
    assert v.ok and v.kind is Kind.XML, v.findings
    p.write_bytes(signed.replace(b"1000", b"9000"))
    assert verify_file(p, trust_roots=roots).reasons == (Reason.DIGEST_MISMATCH,)


def test_xml_without_id_references_the_whole_document(soft_signer, roots, tmp_path):
    signed = sign_xml("<申請 xmlns='urn:x'><氏名>見本</氏名></申請>".encode(), soft_signer)
    assert b'URI=""' in signed
    p = tmp_path / "f.xml"
    p.write_bytes(signed)
    assert verify_file(p, trust_roots=roots).ok


def test_xml_weak_algorithm_and_bad_input(soft_signer, roots, tmp_path):
    signed = sign_xml(FORM, soft_signer)
    p = tmp_path / "weak.xml"
    p.write_bytes(signed.replace(b"xmldsig-more#rsa-sha256", b"xmldsig#rsa-sha1"))
    assert verify_file(p, trust_roots=roots).reasons == (Reason.WEAK_ALGORITHM,)
    # a signature somewhere else than the co-signature chain (e.g. wrapped in a form field)
    wrapped = signed.replace(
        b"<NAME>", b"<NAME><ds:Signature xmlns:ds='http://www.w3.org/2000/09/xmldsig#'/>"
    )
    with pytest.raises(InvalidInput) as exc:
        sign_xml(wrapped, soft_signer)
    assert exc.value.what == "xml_signature_layout"
    with pytest.raises(InvalidInput) as exc:
        sign_xml(b'<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>', soft_signer)
    assert exc.value.what == "xml_doctype"
    with pytest.raises(InvalidInput):
        sign_xml(b"<a>", soft_signer)


def test_envelope_round_trip_segments_and_errors(agency, other_agency):
    data = os.urandom(200_000)
    buf = io.BytesIO()
    w = EnvelopeWriter(buf, agency.cert)
    for i in range(0, len(data), 777):  # many small writes are gathered into segments
        w.write(data[i : i + 777])
    w.close()
    out = io.BytesIO()
    assert decrypt_to(io.BytesIO(buf.getvalue()), out, agency.key, agency.cert) == len(data)
    assert out.getvalue() == data
    with pytest.raises(WrongRecipient):
        decrypt_to(io.BytesIO(buf.getvalue()), io.BytesIO(), other_agency.key, other_agency.cert)
    flipped = bytearray(buf.getvalue())
    flipped[-30] ^= 1  # inside the tag
    with pytest.raises(DecryptionFailed):
        decrypt_to(io.BytesIO(bytes(flipped)), io.BytesIO(), agency.key, agency.cert)
    with pytest.raises(MalformedEnvelope):
        decrypt_to(io.BytesIO(buf.getvalue()[:-3]), io.BytesIO(), agency.key, agency.cert)


def test_recipient_certificate_checks(pki):
    with pytest.raises(RecipientCertUnsuitable) as exc:
        EnvelopeWriter(io.BytesIO(), pki.sign.cert)  # a signing cert has no keyEncipherment
    assert exc.value.reason == "no_key_encipherment"


@pytest.mark.parametrize("limit", [zipstream.ZIP64_LIMIT, 100])
def test_zip_writer_is_read_by_zipfile_including_zip64(monkeypatch, limit):
    monkeypatch.setattr(zipstream, "ZIP64_LIMIT", limit)
    out = io.BytesIO()
    z = zipstream.ZipStreamWriter(out, dt.datetime(2026, 1, 2, 3, 4, 6))
    z.add_bytes("mimetype", b"application/vnd.etsi.asic-e+zip")
    z.add_bytes("form.xml", b"<a>" + b"x" * 5000 + b"</a>", compress=True)
    payload = os.urandom(300_000)
    seen = []
    assert z.add_stream(
        "attachments/添付.pdf", io.BytesIO(payload), len(payload), observe=seen.append, chunk=65536
    ) == len(payload)
    z.close()
    data = out.getvalue()
    assert data[30:38] == b"mimetype" and data[38:69] == b"application/vnd.etsi.asic-e+zip"
    zf = zipfile.ZipFile(io.BytesIO(data))
    assert zf.testzip() is None
    assert zf.read("attachments/添付.pdf") == payload
    assert zf.infolist()[0].compress_type == zipfile.ZIP_STORED
    assert sum(len(c) for c in seen) == len(payload)
    with pytest.raises(ValueError):
        z.add_bytes("form.xml", b"dup")

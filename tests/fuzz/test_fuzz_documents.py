"""Certificates, CMS / XML signatures and packages (the verifier's verify_bytes), agency
receipts, procedure files and the ASiC manifest / submission parsers."""

from __future__ import annotations

import json

import pytest
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509 import InvalidVersion
from hypothesis import example, given, settings
from hypothesis import strategies as st

from jpki_desktop.agency.encryption_key import generate_encryption_key
from jpki_desktop.procedures.errors import ProcedureError
from jpki_desktop.procedures.loader import parse_procedure
from jpki_desktop.signing.formats.cades import sign_detached
from jpki_desktop.signing.formats.xmldsig import sign_xml
from jpki_desktop.signing.packaging.asic import parse_manifest, parse_submission
from jpki_desktop.signing.packaging.package import build_package
from jpki_desktop.signing.signers.raw import SoftwareSigner
from jpki_desktop.signing.verification.verdict import Verdict
from jpki_desktop.signing.verification.verify import verify_bytes
from jpki_desktop.submission.errors import SubmissionError
from jpki_desktop.submission.receipt import answer_from_payload
from jpki_desktop.submission.signed_answer import open_answer, sign_answer
from jpki_desktop.validity.certificate import parse_certificate
from jpki_desktop.validity.errors import ValidityError

from .conftest import outcome

FORM = '<DATA id="DATA" xmlns="urn:example:form"><NAME>見本　花子</NAME></DATA>'.encode()


def mutate(data: bytes, flips, cut) -> bytes:
    b = bytearray(data)
    for pos, value in flips:
        b[pos % len(b)] = value
    return bytes(b[:cut] if cut is not None else b)


mutations = st.tuples(
    st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), max_size=6),
    st.none() | st.integers(0, 5000),
)


@pytest.fixture(scope="module")
def seeds(pki, tmp_path_factory):
    signer = SoftwareSigner(pki.sign.key, pki.sign.cert, [pki.sign_ca.cert])
    agency = generate_encryption_key("fuzz agency")
    out = tmp_path_factory.mktemp("fuzz") / "p.p7m"
    build_package(
        FORM, [], procedure_id="demo.fuzz", recipient_cert=agency.cert, signer=signer, output=out
    )
    return {
        "roots": [pki.sign_ca.cert],
        "certs": [c.public_bytes(Encoding.DER) for c in (pki.sign.cert, pki.auth.cert)],
        "p7s": sign_detached(b"content", signer),
        "xml": sign_xml(FORM, signer),
        "package": out.read_bytes(),
        "agency": agency,
        "answer": sign_answer(
            {"type": "receipt", "receipt_number": "R-1", "submission_id": "s1"},
            agency.key,
            agency.cert,
        ),
    }


@settings(settings.get_profile("fuzz"), max_examples=1000)
@given(m=mutations, which=st.integers(0, 1), junk=st.binary(max_size=200))
@example(m=([(210, 0)], None), which=0, junk=b"")  # found by this suite: subject tag 0
def test_certificates(seeds, m, which, junk):
    for data in (mutate(seeds["certs"][which], *m), junk):
        outcome(lambda d=data: parse_certificate(d), (ValidityError,))


@settings(settings.get_profile("fuzz"), max_examples=250)
@given(m=mutations, kind=st.sampled_from(["p7s", "xml"]))
@example(m=([(72, 1)], None), kind="p7s")  # found by this suite: certificate version byte
def test_signatures(seeds, m, kind):
    v = outcome(lambda: verify_bytes(mutate(seeds[kind], *m), trust_roots=seeds["roots"]), ())
    assert isinstance(v, Verdict)


@settings(settings.get_profile("fuzz"), max_examples=150)
@given(m=mutations)
def test_packages(seeds, m):
    agency = seeds["agency"]
    data = mutate(seeds["package"], *m)
    v = outcome(
        lambda: verify_bytes(
            data, decrypt_key=agency.key, decrypt_cert=agency.cert, trust_roots=seeds["roots"]
        ),
        (),
    )
    assert isinstance(v, Verdict)


@settings(settings.get_profile("fuzz"), max_examples=100)
@given(data=st.binary(max_size=400))
def test_verify_random_bytes(data):
    assert isinstance(outcome(lambda: verify_bytes(data), ()), Verdict)


@settings(settings.get_profile("fuzz"), max_examples=400)
@given(m=mutations)
def test_receipts(seeds, m):
    data = mutate(seeds["answer"], *m)
    outcome(lambda: open_answer(data, seeds["agency"].cert), (SubmissionError,))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda kids: (
        st.lists(kids, max_size=4) | st.dictionaries(st.text(max_size=12), kids, max_size=5)
    ),
    max_leaves=6,
)
receipt_keys = st.sampled_from(
    [
        "type",
        "receipt_number",
        "received_at",
        "submission_id",
        "procedure_id",
        "agency_id",
        "manifest_sha256",
        "package_sha256",
        "code",
        "message_ja",
        "message_en",
        "details",
    ]
)


@settings(settings.get_profile("fuzz"), max_examples=400)
@given(
    payload=st.dictionaries(
        receipt_keys,
        json_values | st.sampled_from(["receipt", "rejection", "2025-01-01T00:00:00+09:00"]),
        max_size=11,
    )
)
def test_receipt_payloads(payload):
    outcome(lambda: answer_from_payload(payload), (SubmissionError,))


@pytest.fixture(scope="module")
def procedure_seed():
    from importlib.resources import files

    text = files("jpki_desktop.resources.procedures").joinpath("demo-general-application.json")
    return json.loads(text.read_text(encoding="utf-8"))


def _poke(obj, path, value):
    """Replace one nested value (by a path of indexes) with `value`."""
    if not path or not isinstance(obj, (dict, list)) or not obj:
        return value
    keys = list(obj) if isinstance(obj, dict) else list(range(len(obj)))
    k = keys[path[0] % len(keys)]
    copy = dict(obj) if isinstance(obj, dict) else list(obj)
    copy[k] = _poke(obj[k], path[1:], value)
    return copy


@settings(settings.get_profile("fuzz"), max_examples=600)
@given(path=st.lists(st.integers(0, 50), max_size=5), value=json_values)
def test_procedure_files(procedure_seed, path, value):
    data = _poke(procedure_seed, path, value)
    outcome(lambda: parse_procedure(data), (ProcedureError,))


xml_like = st.builds(
    lambda a, b, c: a + b + c,
    st.sampled_from([b"", b"<?xml version='1.0'?>", b"<!DOCTYPE x [<!ENTITY a 'b'>]>"]),
    st.sampled_from(
        [
            b"<ASiCManifest xmlns='http://uri.etsi.org/02918/v1.2.1#'><SigReference URI='META-INF/signature001.p7s'/><DataObjectReference URI='form.xml'><DigestValue>AA==</DigestValue></DataObjectReference></ASiCManifest>",
            b"<submission xmlns='urn:jpki-desktop:submission:1'><procedure>x</procedure></submission>",
            b"<a>",
            b"",
        ]
    ),
    st.binary(max_size=80),
)


@settings(settings.get_profile("fuzz"), max_examples=1000)
@given(data=xml_like | st.binary(max_size=200))
def test_asic_manifest_and_submission(data):
    # parse errors of these two are ValueError (lxml's XMLSyntaxError is one), turned into
    # a "malformed" verdict by the verifier
    outcome(lambda: parse_manifest(data), (ValueError,))
    outcome(lambda: parse_submission(data), (ValueError,))

from __future__ import annotations

import datetime as dt
import subprocess

import pytest
from cryptography.hazmat.primitives import serialization

from jpki_desktop.submission.errors import AnswerInvalid
from jpki_desktop.submission.receipt import Receipt, Rejection, verify_answer
from jpki_desktop.submission.signed_answer import is_signed_answer, open_answer, sign_answer
from support.agency_fixtures import agency_keys_template  # noqa: F401

NOW = dt.datetime(2025, 3, 1, 1, 2, 3, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def keys(agency_keys_template):
    from jpki_desktop.agency.keys import ensure_demo_agency

    return ensure_demo_agency(agency_keys_template)


def receipt_payload(**over):
    p = {
        "type": "receipt",
        "receipt_number": "DEMO-20250301-000001",
        "received_at": NOW.isoformat(),
        "submission_id": "sub-1",
        "procedure_id": "demo.x",
        "agency_id": "demo.a",
        "manifest_sha256": "aa" * 32,
        "package_sha256": "bb" * 32,
    }
    p.update(over)
    return p


def test_round_trip_and_openssl_agrees(keys, tmp_path):
    der = sign_answer(receipt_payload(), keys.receipt_key, keys.receipt_cert, now=NOW)
    assert is_signed_answer(der)
    assert open_answer(der, keys.receipt_cert)["receipt_number"] == "DEMO-20250301-000001"
    (tmp_path / "r.p7s").write_bytes(der)
    (tmp_path / "ca.pem").write_bytes(keys.receipt_cert.public_bytes(serialization.Encoding.PEM))
    out = subprocess.run(
        [
            "openssl",
            "cms",
            "-verify",
            "-inform",
            "DER",
            "-in",
            str(tmp_path / "r.p7s"),
            "-CAfile",
            str(tmp_path / "ca.pem"),
            "-purpose",
            "any",
        ],
        capture_output=True,
    )
    assert out.returncode == 0, out.stderr
    assert b'"receipt_number":"DEMO-20250301-000001"' in out.stdout


def test_tampered_content_or_signature_is_refused(keys):
    der = sign_answer(receipt_payload(), keys.receipt_key, keys.receipt_cert, now=NOW)
    forged = der.replace(b"DEMO-20250301-000001", b"DEMO-20250301-000002")
    with pytest.raises(AnswerInvalid) as e:
        open_answer(forged, keys.receipt_cert)
    assert e.value.problem == "digest-mismatch"
    flipped = bytearray(der)
    flipped[-5] ^= 1  # inside the signature value (last field)
    with pytest.raises(AnswerInvalid) as e:
        open_answer(bytes(flipped), keys.receipt_cert)
    assert e.value.problem == "bad-signature"
    with pytest.raises(AnswerInvalid) as e:
        open_answer(b"not cms at all", keys.receipt_cert)
    assert e.value.problem == "not-cms"
    assert not is_signed_answer(b"{}")


def test_other_signer_is_refused(keys, tmp_path):
    from jpki_desktop.agency.keys import ensure_demo_agency

    other = ensure_demo_agency(tmp_path / "o")
    der = sign_answer(receipt_payload(), other.receipt_key, other.receipt_cert, now=NOW)
    with pytest.raises(AnswerInvalid) as e:
        open_answer(der, keys.receipt_cert)
    assert e.value.problem == "wrong-signer"


def test_answer_must_be_about_this_package(keys):
    der = sign_answer(receipt_payload(), keys.receipt_key, keys.receipt_cert, now=NOW)
    r = verify_answer(
        der,
        keys.receipt_cert,
        package_sha256="bb" * 32,
        submission_id="sub-1",
        manifest_sha256="aa" * 32,
    )
    assert isinstance(r, Receipt) and r.received_at == NOW
    for kwargs, problem in [
        ({"package_sha256": "cc" * 32}, "package-mismatch"),
        ({"package_sha256": "bb" * 32, "submission_id": "sub-2"}, "submission-id-mismatch"),
        ({"package_sha256": "bb" * 32, "manifest_sha256": "dd" * 32}, "manifest-mismatch"),
    ]:
        with pytest.raises(AnswerInvalid) as e:
            verify_answer(der, keys.receipt_cert, **kwargs)
        assert e.value.problem == problem
    # same signed content, encrypted again: accepted only when id and manifest are known
    r = verify_answer(
        der,
        keys.receipt_cert,
        package_sha256="cc" * 32,
        submission_id="sub-1",
        manifest_sha256="aa" * 32,
    )
    assert r.receipt_number == "DEMO-20250301-000001"


def test_rejection_payload(keys):
    payload = {
        "type": "rejection",
        "code": "applicant-mismatch",
        "message_ja": "一致しません",
        "message_en": "no match",
        "rejected_at": NOW.isoformat(),
        "package_sha256": "bb" * 32,
        "details": ["name"],
    }
    der = sign_answer(payload, keys.receipt_key, keys.receipt_cert, now=NOW)
    r = verify_answer(der, keys.receipt_cert, package_sha256="bb" * 32)
    assert isinstance(r, Rejection) and r.details == ("name",) and r.message("en") == "no match"
    bad = sign_answer({**payload, "rejected_at": "yesterday"}, keys.receipt_key, keys.receipt_cert)
    with pytest.raises(AnswerInvalid) as e:
        verify_answer(bad, keys.receipt_cert, package_sha256="bb" * 32)
    assert e.value.problem == "bad-content"


def test_signing_certificate_v2_naming_another_certificate_is_refused(keys, tmp_path, monkeypatch):
    from asn1crypto import x509 as asn1_x509

    from jpki_desktop.agency.keys import ensure_demo_agency
    from jpki_desktop.submission import signed_answer

    other = ensure_demo_agency(tmp_path / "o")
    other_asn1 = asn1_x509.Certificate.load(
        other.receipt_cert.public_bytes(serialization.Encoding.DER)
    )
    real = signed_answer._signing_certificate_v2
    monkeypatch.setattr(signed_answer, "_signing_certificate_v2", lambda _c: real(other_asn1))
    der = sign_answer(receipt_payload(), keys.receipt_key, keys.receipt_cert, now=NOW)
    with pytest.raises(AnswerInvalid) as e:
        open_answer(der, keys.receipt_cert)  # signature fine, attribute names someone else
    assert (e.value.problem, e.value.detail) == ("wrong-signer", "signing-certificate-v2")

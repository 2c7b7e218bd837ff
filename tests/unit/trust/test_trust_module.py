"""The one trust module: bundled anchors (J-LIS 2019 signing CA included), the chain logic
across same-DN generations, validation as of a past time, one reason vocabulary."""

from __future__ import annotations

import dataclasses
import datetime as dt
import tempfile
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.x509.oid import NameOID

from jpki_desktop.card.virtual.pki import _utf8, generate_card_pki, issue_ca, new_key
from jpki_desktop.signing.formats.cades import sign_detached
from jpki_desktop.signing.signers.raw import SoftwareSigner
from jpki_desktop.signing.verification import verdict
from jpki_desktop.signing.verification.verify import verify_bytes
from jpki_desktop.trust import anchors
from jpki_desktop.trust.anchors import (
    BundledAnchorTampered,
    Generation,
    anchor_by_key_id,
    anchor_candidates,
    bundled_anchors,
    fingerprint,
    generation_of_ca,
    signing_anchors,
)
from jpki_desktop.trust.context import Revocation, RevocationMode, trust_roots
from jpki_desktop.trust.paths import (
    TrustContext,
    extended_usage_findings,
    key_usage_findings,
    validate_path,
)
from jpki_desktop.trust.reasons import Finding, Reason
from jpki_desktop.validity import check as own_check
from jpki_desktop.validity.check import Outcome, check_certificate
from support.damaged_certs import with_extensions_repeated

# shared/trust/README.md: jpki-sign-ca-2019.der, generation 02, serial 0132C4AB
FP_2019 = "79679c33e4cc9319440f1ad120a597ff1844e2ef217063adb176966fd5e6fbeb"
SKI_2019 = bytes.fromhex("4DE017DE4B7F473DCD867A62D38B134ACE83558A")


def _ca_2019() -> x509.Certificate:
    return next(c for c in bundled_anchors() if fingerprint(c) == FP_2019)


def test_the_2019_signing_ca_is_bundled_and_a_signing_anchor():
    ca = _ca_2019()
    assert ca.serial_number == 0x0132C4AB
    assert generation_of_ca(ca) is Generation.G2019
    assert ca.not_valid_before_utc.year == 2019 and ca.not_valid_after_utc.year == 2029
    assert ca in signing_anchors()
    assert ca in trust_roots(anchors.Purpose.SIGN)
    assert ca not in trust_roots(anchors.Purpose.AUTH)
    # --trust replaces the bundled roots
    other = issue_ca().cert
    assert trust_roots(anchors.Purpose.SIGN, replace=[other]) == [other]


def test_every_bundled_anchor_is_fingerprint_checked_on_load(monkeypatch):
    bundled_anchors.cache_clear()
    try:
        wrong = tuple(
            dataclasses.replace(ca, sha256="00" * 32) if ca.resource == "sign_ca_2019.pem" else ca
            for ca in anchors.KNOWN_CAS
        )
        monkeypatch.setattr(anchors, "KNOWN_CAS", wrong)
        with pytest.raises(BundledAnchorTampered) as e:
            bundled_anchors()
        assert e.value.resource == "sign_ca_2019.pem" and e.value.actual == FP_2019
    finally:
        monkeypatch.undo()
        bundled_anchors.cache_clear()
    assert FP_2019 in {fingerprint(c) for c in bundled_anchors()}


def _claiming_2019(aki: bytes | None) -> x509.Certificate:
    """A JPKI-shaped signing certificate naming the 2019 CA as issuer, signed by another key."""
    ca = _ca_2019()
    key = new_key()
    now = dt.datetime.now(dt.UTC)
    b = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "X")]))
        .issuer_name(ca.subject)
        .public_key(key.public_key())
        .serial_number(4242)
        .not_valid_before(now - dt.timedelta(days=10))
        .not_valid_after(now + dt.timedelta(days=300))
        .add_extension(
            x509.KeyUsage(True, True, False, False, False, False, False, False, False), True
        )
        .add_extension(
            x509.CertificatePolicies(
                [x509.PolicyInformation(x509.ObjectIdentifier("1.2.392.200149.8.5.1.1.20"), None)]
            ),
            True,
        )
    )
    san = {
        "1.2.392.200149.8.5.5.1": "見本　花子",
        "1.2.392.200149.8.5.5.2": "00000",
        "1.2.392.200149.8.5.5.3": "2",
        "1.2.392.200149.8.5.5.4": "319850630",
        "1.2.392.200149.8.5.5.5": "東京都千代田区見本町一丁目２番３号",
        "1.2.392.200149.8.5.5.6": "0" * 17,
    }
    b = b.add_extension(
        x509.SubjectAlternativeName(
            [x509.OtherName(x509.ObjectIdentifier(k), _utf8(v)) for k, v in san.items()]
        ),
        False,
    )
    if aki is not None:
        b = b.add_extension(x509.AuthorityKeyIdentifier(aki, None, None), False)
    return b.sign(key, hashes.SHA256())


def test_the_issuer_is_matched_by_name_and_key_identifier_never_by_name_alone():
    claimed = _claiming_2019(SKI_2019)
    roots = signing_anchors()
    # three signing anchors share the DN; the key identifier singles out 2019's
    assert len([r for r in roots if r.subject == claimed.issuer]) == 3
    assert anchor_candidates(claimed, roots) == [_ca_2019()]
    assert anchor_by_key_id(claimed, roots) == _ca_2019()
    assert anchor_by_key_id(_claiming_2019(None), roots) is None
    assert len(anchor_candidates(_claiming_2019(None), roots)) == 3
    assert anchor_candidates(_claiming_2019(b"\x01" * 20), roots) == []
    # a claim is not trust: the 2019 CA's key did not sign it, so the path is broken
    ctx = TrustContext(tuple(roots))
    findings = validate_path(claimed, {"non_repudiation"}, dt.datetime.now(dt.UTC), ctx)
    assert {f.reason for f in findings} & {Reason.BAD_PATH, Reason.UNTRUSTED}


def test_jpki_check_judges_a_certificate_claiming_the_2019_ca_by_its_bundled_key():
    now = dt.datetime.now(dt.UTC)
    r = check_certificate(_claiming_2019(SKI_2019), now=now)
    # before the 2019 CA was bundled this was "could not check" (anchor missing)
    assert r.outcome is Outcome.INVALID and r.reason is Reason.BAD_PATH
    # an unknown J-LIS key id stays "could not check", never "not valid"
    r = check_certificate(_claiming_2019(b"\x01" * 20), now=now)
    assert r.outcome is Outcome.UNCHECKED and r.reason is Reason.ANCHOR_MISSING


@pytest.fixture(scope="module")
def pki_2015():
    """A test hierarchy shaped like J-LIS 2015: the CA expired (2025-10-19), the signing
    certificate issued 2019-03 and expired with the holder's 5th birthday."""
    ca = issue_ca(not_before=dt.datetime(2015, 10, 20, 2, 40, tzinfo=dt.UTC), years=10)
    return generate_card_pki(issued=dt.date(2019, 3, 1), sign_ca=ca)


def test_a_signature_made_while_the_2015_ca_was_valid_validates_as_of_its_signing_time(pki_2015):
    ca = pki_2015.sign_ca.cert
    assert ca.not_valid_after_utc < dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    signed_at = dt.datetime(2023, 5, 1, 3, 0, tzinfo=dt.UTC)
    assert pki_2015.sign.cert.not_valid_after_utc > signed_at
    signer = SoftwareSigner(pki_2015.sign.key, pki_2015.sign.cert, [ca])
    p7s = sign_detached(b"form", signer, signing_time=signed_at)
    later = dt.datetime(2026, 1, 10, tzinfo=dt.UTC)
    common = dict(trust_roots=[ca], revocation=Revocation(RevocationMode.NONE), now=later)
    with tempfile.TemporaryDirectory() as d:
        content = Path(d) / "form"
        content.write_bytes(b"form")
        today = verify_bytes(p7s, content=str(content), **common)
        then = verify_bytes(p7s, content=str(content), at_signing_time=True, **common)
    assert Reason.CERT_EXPIRED in today.reasons  # as of now: expired
    assert then.ok, then.findings  # as of its signing time: valid
    # the path itself, at both moments, through the one trust API
    ctx = TrustContext((ca,))
    assert validate_path(pki_2015.sign.cert, {"non_repudiation"}, signed_at, ctx) == []
    late = validate_path(pki_2015.sign.cert, {"non_repudiation"}, later, ctx)
    assert [f.reason for f in late] == [Reason.CERT_EXPIRED]


def test_one_reason_vocabulary():
    assert verdict.Reason is Reason and own_check.Reason is Reason
    assert verdict.Finding is Finding


def test_a_timestamping_certificate_path_for_tsa_checks(pki):
    ca = issue_ca()
    key = new_key()
    now = dt.datetime.now(dt.UTC)
    tsa = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "test TSA")]))
        .issuer_name(ca.cert.subject)
        .public_key(key.public_key())
        .serial_number(7)
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(
            x509.KeyUsage(True, False, False, False, False, False, False, False, False), True
        )
        .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.TIME_STAMPING]), True)
        .sign(ca.key, hashes.SHA256())
    )
    ctx = TrustContext((ca.cert,))
    tsa_use = dict(extended_usage={"time_stamping"})
    assert validate_path(tsa, {"digital_signature"}, now, ctx, **tsa_use) == []
    wrong = validate_path(pki.sign.cert, set(), now, TrustContext((pki.sign_ca.cert,)), **tsa_use)
    assert [f.reason for f in wrong] == [Reason.KEY_USAGE]
    # another root of the same name (test CAs share one DN, as J-LIS generations do): its
    # key did not sign the TSA certificate, so the path is broken
    other = validate_path(tsa, set(), now, TrustContext((pki.sign_ca.cert,)), **tsa_use)
    assert [f.reason for f in other] == [Reason.BAD_PATH]


def test_usage_findings_tell_a_missing_usage_from_a_damaged_extension(pki):
    sign = pki.sign.cert
    assert key_usage_findings(sign, ["digital_signature", "non_repudiation"]) == []
    auth = pki.auth.cert  # digitalSignature only
    assert key_usage_findings(auth, ["non_repudiation"]) == [
        Finding(Reason.KEY_USAGE, "non_repudiation")
    ]
    assert extended_usage_findings(sign, ["time_stamping"]) == [
        Finding(Reason.KEY_USAGE, "extended_key_usage absent")
    ]
    twice = x509.load_der_x509_certificate(with_extensions_repeated(pki.sign.der))
    assert key_usage_findings(twice, ["digital_signature"]) == [
        Finding(Reason.MALFORMED, "key_usage")
    ]
    assert extended_usage_findings(twice, ["time_stamping"]) == [
        Finding(Reason.MALFORMED, "extended_key_usage")
    ]

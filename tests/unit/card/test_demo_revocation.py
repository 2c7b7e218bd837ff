"""Issue 13, item 13: the demo card's validity check can succeed — a real CRL and OCSP
responder for the test PKI on 127.0.0.1, checked by the same code as a real card."""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest

from jpki_desktop.card.virtual.revocation import DemoRevocationService
from jpki_desktop.validity.check import Basis, Outcome, check_certificate
from jpki_desktop.validity.revocation import CrlCache, Endpoints, Method


@pytest.fixture(autouse=True)
def own_crl_cache(tmp_path, monkeypatch):
    """The session's shared CRL cache must not keep the revoking CRL below: signing reads
    cached CRLs and would then refuse the session's card in later tests."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))


@pytest.fixture
def service(pki):
    s = DemoRevocationService(pki).start()
    yield s
    s.stop()


def _check(pki, service, der, purpose, *, prefer=Method.OCSP):
    return check_certificate(
        der,
        now=dt.datetime.now(dt.UTC),
        endpoints=Endpoints(
            ocsp_urls=(service.ocsp_url,), crl_urls=(service.crl_url(purpose),), prefer=prefer
        ),
        extra_roots=[pki.auth_ca.cert, pki.sign_ca.cert],
        cache=CrlCache(),
    )


def test_demo_certificates_check_valid_online(pki, service):
    for issued, purpose in ((pki.auth, "auth"), (pki.sign, "sign")):
        r = _check(pki, service, issued.der, purpose)
        assert r.outcome is Outcome.VALID and r.basis is Basis.OCSP_ONLINE, (purpose, r)
    assert service.requests.count("POST /ocsp") == 2
    assert service.base_url.startswith("http://127.0.0.1:")


def test_crl_path_works_too(pki, service):
    r = _check(pki, service, pki.sign.der, "sign", prefer=Method.CRL)
    assert r.outcome is Outcome.VALID and r.basis is Basis.CRL_ONLINE, r


def test_a_revoked_demo_certificate_is_reported_revoked(pki, service):
    service.revoked.add(pki.sign.cert.serial_number)
    assert _check(pki, service, pki.sign.der, "sign").outcome is Outcome.REVOKED
    r = _check(pki, service, pki.sign.der, "sign", prefer=Method.CRL)
    assert r.outcome is Outcome.REVOKED


def test_openssl_accepts_the_ocsp_answer(pki, service, tmp_path):
    """An independent client: openssl ocsp asks our responder and verifies its signature."""
    (tmp_path / "ca.pem").write_bytes(pki.auth_ca.cert.public_bytes(_pem()))
    (tmp_path / "leaf.pem").write_bytes(pki.auth.cert.public_bytes(_pem()))
    out = subprocess.run(
        [
            "openssl",
            "ocsp",
            "-issuer",
            tmp_path / "ca.pem",
            "-cert",
            tmp_path / "leaf.pem",
            "-url",
            service.ocsp_url,
            "-CAfile",
            tmp_path / "ca.pem",
            "-timeout",
            "5",
        ],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert "Response verify OK" in out.stderr + out.stdout, out
    assert ": good" in out.stdout


def _pem():
    from cryptography.hazmat.primitives.serialization import Encoding

    return Encoding.PEM

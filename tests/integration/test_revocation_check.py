"""check_certificate() against the real CRL server and OCSP responder on 127.0.0.1."""

from __future__ import annotations

import datetime as dt
import socket
import time

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.x509.oid import NameOID
from test_revocation_servers import NOW, closed_port_url, revocation_pki, servers  # noqa: F401

from jpki_desktop.validity.check import Basis, Outcome, Reason, check_certificate
from jpki_desktop.validity.revocation import CrlCache, Endpoints, Method

OCSP_ONLY = dict(use_certificate_pointers=False)


def check(p, issued, *, now=NOW, endpoints=Endpoints(), cache=None, offline=False, demo=True):
    roots = [p.pki.auth_ca.cert, p.pki.sign_ca.cert] if demo else []
    return check_certificate(
        issued.der, now=now, endpoints=endpoints, extra_roots=roots, cache=cache, offline=offline
    )


# -- conclusive answers -------------------------------------------------------------------------


def test_ocsp_good_is_valid_and_stamped_online(servers):
    r = check(servers, servers.pki.auth)
    assert r.outcome is Outcome.VALID and r.basis is Basis.OCSP_ONLINE
    assert r.checked_at == NOW and r.url == servers.server.ocsp_url
    assert r.generation.value == "test" and "JPKI-TEST" in r.anchor
    assert servers.server.behaviour.requests == ["POST /ocsp"]  # OCSP first, no CRL needed


def test_ocsp_revoked(servers):
    r = check(servers, servers.revoked)
    assert r.outcome is Outcome.REVOKED and r.basis is Basis.OCSP_ONLINE
    assert r.revoked_at == NOW - dt.timedelta(days=3) and r.revocation_reason == "keyCompromise"


def test_ocsp_unknown_is_unchecked_never_valid(servers):
    r = check(
        servers,
        servers.unknown,
        endpoints=Endpoints(ocsp_urls=(servers.server.ocsp_url,), **OCSP_ONLY),
    )
    assert r.outcome is Outcome.UNCHECKED and r.reason is Reason.STATUS_UNKNOWN
    assert [(a.method, a.problem) for a in r.attempts] == [(Method.OCSP, "status_unknown")]


def test_crl_good_and_revoked(servers, tmp_path):
    cache = CrlCache(tmp_path)
    ep = Endpoints(prefer=Method.CRL)
    good = check(servers, servers.pki.auth, endpoints=ep, cache=cache)
    assert good.outcome is Outcome.VALID and good.basis is Basis.CRL_ONLINE
    assert good.crl_this_update == NOW - dt.timedelta(hours=2) and good.crl_fetched_at == NOW
    bad = check(servers, servers.revoked, endpoints=ep, cache=cache)
    assert bad.outcome is Outcome.REVOKED and bad.basis is Basis.CRL_ONLINE
    assert (
        bad.revoked_at == NOW - dt.timedelta(days=3)
        and bad.revocation_reason == "affiliationChanged"
    )
    assert len(list(tmp_path.glob("*.crl"))) == 1  # the validated CRL was cached


def test_crl_knows_nothing_of_unknown_so_it_is_valid_by_crl(servers):
    # a CRL lists revocations only: a certificate of this CA that is absent is not revoked
    r = check(servers, servers.unknown, endpoints=Endpoints(prefer=Method.CRL))
    assert r.outcome is Outcome.VALID and r.basis is Basis.CRL_ONLINE


def test_signing_certificate_checked_for_non_repudiation(servers):
    servers.server.ca = servers.pki.sign_ca
    servers.server.issued = [servers.pki.sign.cert]
    servers.server.behaviour.known = {servers.pki.sign.cert.serial_number}
    try:
        r = check(servers, servers.pki.sign)
        assert r.outcome is Outcome.VALID and r.kind.value == "sign"
    finally:
        servers.server.ca = servers.pki.auth_ca
        servers.server.issued = [
            c.cert
            for c in (
                servers.pki.auth,
                servers.revoked,
                servers.unknown,
                servers.bare,
                servers.bare_revoked,
            )
        ]


# -- certificates without URLs (the real JPKI profile): configured endpoints ----------------------


@pytest.mark.parametrize("method", [Method.OCSP, Method.CRL])
def test_configured_endpoint_for_certificate_without_pointers(servers, method):
    url = servers.server.ocsp_url if method is Method.OCSP else servers.server.crl_url
    ep = Endpoints(ocsp_urls=(url,)) if method is Method.OCSP else Endpoints(crl_urls=(url,))
    basis = Basis.OCSP_ONLINE if method is Method.OCSP else Basis.CRL_ONLINE
    good, bad = (
        check(servers, servers.bare, endpoints=ep),
        check(servers, servers.bare_revoked, endpoints=ep),
    )
    assert (good.outcome, good.basis) == (Outcome.VALID, basis)
    assert (bad.outcome, bad.basis) == (Outcome.REVOKED, basis)


@pytest.mark.parametrize("mode", ["forged", "stale"])
def test_configured_ocsp_endpoint_still_judged_strictly(servers, mode):
    servers.server.behaviour.ocsp = mode
    r = check(servers, servers.bare, endpoints=Endpoints(ocsp_urls=(servers.server.ocsp_url,)))
    assert r.outcome is Outcome.UNCHECKED and r.attempts[0].problem == "unusable"


def test_bare_certificate_without_configuration_is_no_endpoint(servers):
    r = check(servers, servers.bare)
    assert r.outcome is Outcome.UNCHECKED and r.reason is Reason.NO_ENDPOINT


# -- responders down or lying: never "valid" -------------------------------------------------------


@pytest.mark.parametrize(
    "crl,ocsp,problems",
    [
        ("garbage", "garbage", ["garbage", "garbage"]),
        ("http500", "http500", ["http_status", "http_status"]),
        ("forged", "forged", ["unusable", "unusable"]),
        ("stale", "stale", ["unusable", "stale"]),
        ("garbage", "try_later", ["ocsp_refused", "garbage"]),
    ],
)
def test_bad_answers_give_unchecked(servers, crl, ocsp, problems):
    servers.server.behaviour.crl, servers.server.behaviour.ocsp = crl, ocsp
    r = check(servers, servers.pki.auth)
    assert r.outcome is Outcome.UNCHECKED and r.basis is Basis.NONE
    assert [a.problem for a in r.attempts if a.problem != "not_cached"] == problems


def test_revoked_certificate_with_forged_ocsp_good_is_not_valid(servers):
    servers.server.behaviour.ocsp = "forged"
    servers.server.behaviour.known.add(servers.revoked.cert.serial_number)
    servers.server.behaviour.revoked.clear()  # the forger claims "good"
    servers.server.behaviour.crl = "http500"
    assert check(servers, servers.revoked).outcome is Outcome.UNCHECKED


def test_garbage_ocsp_falls_back_to_crl(servers):
    servers.server.behaviour.ocsp = "garbage"
    r = check(servers, servers.revoked)
    assert r.outcome is Outcome.REVOKED and r.basis is Basis.CRL_ONLINE
    assert r.attempts[0].problem == "garbage"


def test_responder_down(servers):
    ep = Endpoints(
        ocsp_urls=(closed_port_url("/ocsp"),), crl_urls=(closed_port_url("/crl"),), **OCSP_ONLY
    )
    r = check(servers, servers.pki.auth, endpoints=ep)
    assert r.outcome is Outcome.UNCHECKED and r.reason is Reason.RESPONDER_FAILED
    assert {a.problem for a in r.attempts} == {"unreachable", "not_cached"}


def test_responder_that_never_answers_times_out(servers):
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(1)  # the kernel accepts; nobody ever answers
    try:
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/ocsp"
        started = time.monotonic()
        r = check(
            servers,
            servers.pki.auth,
            endpoints=Endpoints(ocsp_urls=(url,), timeout=0.5, **OCSP_ONLY),
        )
        assert time.monotonic() - started < 10  # bounded, not a hang (not a speed assertion)
        assert r.outcome is Outcome.UNCHECKED and r.attempts[0].problem == "timeout"
    finally:
        silent.close()


def test_no_endpoint_at_all(servers):
    r = check(servers, servers.pki.auth, endpoints=Endpoints(use_certificate_pointers=False))
    assert r.outcome is Outcome.UNCHECKED and r.reason is Reason.NO_ENDPOINT and r.attempts == ()


def test_non_http_endpoint_is_refused(servers):
    r = check(
        servers,
        servers.pki.auth,
        endpoints=Endpoints(crl_urls=("file:///etc/passwd",), **OCSP_ONLY),
    )
    assert r.outcome is Outcome.UNCHECKED and r.attempts[0].problem == "bad_url"


# -- the cache --------------------------------------------------------------------------------------


def test_cached_crl_answers_offline_and_says_so(servers, tmp_path):
    cache = CrlCache(tmp_path)
    ep = Endpoints(prefer=Method.CRL)
    assert check(servers, servers.pki.auth, endpoints=ep, cache=cache).basis is Basis.CRL_ONLINE
    servers.server.behaviour.crl = servers.server.behaviour.ocsp = "http500"  # server trouble later
    later = NOW + dt.timedelta(hours=6)
    r = check(servers, servers.pki.auth, now=later, endpoints=ep, cache=cache)
    assert r.outcome is Outcome.VALID and r.basis is Basis.CRL_CACHED
    assert r.checked_at == later and r.crl_this_update == NOW - dt.timedelta(hours=2)
    assert r.crl_fetched_at == NOW
    requests = len(servers.server.behaviour.requests)
    offline = check(servers, servers.revoked, now=later, endpoints=ep, cache=cache, offline=True)
    assert offline.outcome is Outcome.REVOKED and offline.basis is Basis.CRL_CACHED
    assert len(servers.server.behaviour.requests) == requests  # offline: nothing sent


def test_stale_cached_crl_proves_revoked_but_never_valid(servers, tmp_path):
    cache = CrlCache(tmp_path)
    check(servers, servers.pki.auth, endpoints=Endpoints(prefer=Method.CRL), cache=cache)
    much_later = NOW + dt.timedelta(days=5)  # past nextUpdate
    good = check(servers, servers.pki.auth, now=much_later, cache=cache, offline=True)
    assert good.outcome is Outcome.UNCHECKED and good.reason is Reason.STALE_CACHE
    bad = check(servers, servers.revoked, now=much_later, cache=cache, offline=True)
    assert bad.outcome is Outcome.REVOKED and bad.basis is Basis.CRL_CACHED


def test_offline_without_cache(servers, tmp_path):
    r = check(servers, servers.pki.auth, cache=CrlCache(tmp_path), offline=True)
    assert r.outcome is Outcome.UNCHECKED and r.reason is Reason.RESPONDER_FAILED
    assert [a.problem for a in r.attempts] == ["not_cached"]


def test_corrupt_cache_is_no_answer(servers, tmp_path):
    cache = CrlCache(tmp_path)
    check(servers, servers.pki.auth, endpoints=Endpoints(prefer=Method.CRL), cache=cache)
    for f in tmp_path.glob("*.crl"):
        f.write_bytes(b"broken")
    r = check(servers, servers.pki.auth, cache=cache, offline=True)
    assert r.outcome is Outcome.UNCHECKED


# -- path problems ----------------------------------------------------------------------------------


def test_test_ca_is_trusted_only_when_given(servers):
    r = check(servers, servers.pki.auth, demo=False)
    assert r.outcome is Outcome.INVALID and r.reason is Reason.UNTRUSTED
    assert servers.server.behaviour.requests == []  # nothing asked for an untrusted path


def test_expired_and_not_yet_valid(servers):
    assert (
        check(servers, servers.pki.auth, now=dt.datetime(2028, 7, 1, tzinfo=dt.UTC)).reason
        is Reason.CERT_EXPIRED
    )
    assert (
        check(servers, servers.pki.auth, now=dt.datetime(2024, 3, 14, tzinfo=dt.UTC)).reason
        is Reason.CERT_NOT_YET_VALID
    )


def test_foreign_and_garbage_certificates(servers):
    from jpki_desktop.card.virtual.pki import new_key

    key = new_key()
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "example.org")])
    foreign = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(NOW - dt.timedelta(days=1))
        .not_valid_after(NOW + dt.timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    r = check_certificate(foreign, now=NOW)
    assert r.outcome is Outcome.INVALID and r.reason is Reason.NOT_JPKI
    assert check_certificate(b"junk", now=NOW).reason is Reason.NOT_JPKI


def test_jlis_named_issuer_we_cannot_verify_is_unchecked_not_invalid():
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parents[1] / "unit" / "validity"))
    import validity_certs as C

    ca02 = C.ca(C.jlis_name("user authentication"), serial=0x0133C349)  # a 2019-like auth CA
    cert = C.ee(ca02, policy="1.2.392.200149.8.5.1.3.30", sign_usage=False)
    r = check_certificate(cert, now=NOW, card_cas=[ca02.cert])  # not pinned: never trusted
    assert r.outcome is Outcome.UNCHECKED and r.reason is Reason.ANCHOR_MISSING
    assert r.generation.value == "2019"  # named from the card's CA, but not trusted for that


def test_card_cas_are_trusted_only_when_pinned(servers):
    r = check_certificate(servers.pki.auth.der, now=NOW, card_cas=[servers.pki.auth_ca.cert])
    assert r.outcome is Outcome.INVALID and r.reason is Reason.UNTRUSTED


def test_ca_certificate_is_not_an_own_certificate(servers):
    r = check_certificate(servers.pki.auth_ca.der, now=NOW, extra_roots=[servers.pki.auth_ca.cert])
    assert r.outcome is Outcome.INVALID


def test_result_json(servers):
    j = check(servers, servers.revoked).to_json()
    assert j["outcome"] == "revoked" and j["basis"] == "ocsp_online"
    assert j["checked_at"] == NOW.isoformat() and j["kind"] == "auth"


def test_check_works_inside_a_running_event_loop(servers):
    import asyncio

    async def inside():
        return check(servers, servers.pki.auth)

    assert asyncio.run(inside()).outcome is Outcome.VALID

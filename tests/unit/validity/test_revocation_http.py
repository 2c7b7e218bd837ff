"""CRL/OCSP fetching goes through the one HTTP client: a dripping service ends at --timeout
(issue 15 item 2), a redirect to ftp:// is refused without connecting (item 14), and the
proxy setting with credentials applies (issue 10 item 3)."""

from __future__ import annotations

import datetime as dt
import socket
import time

import pytest
from cryptography.hazmat.primitives import serialization

from jpki_desktop.cli.main import build_parser, main
from jpki_desktop.net.http import HttpSettings
from jpki_desktop.validity.check import Outcome, check_certificate
from jpki_desktop.validity.revocation import Endpoints, Method
from support.http_servers import BasicAuthProxy, drip_body, fixed, redirect_to, serve

NOW = dt.datetime(2026, 6, 1, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def files(tmp_path_factory, pki):
    d = tmp_path_factory.mktemp("rev")
    (d / "auth.pem").write_bytes(pki.auth.cert.public_bytes(serialization.Encoding.PEM))
    (d / "ca.pem").write_bytes(pki.auth_ca.cert.public_bytes(serialization.Encoding.PEM))
    return d


@pytest.mark.parametrize("option", ["--crl-url", "--ocsp-url"])
def test_jpki_check_against_a_dripping_service_ends_at_the_timeout(files, option, capsys):
    build_parser()  # import every command first: the figure is the exchange, not imports
    with serve(drip_body()) as server:
        start = time.monotonic()
        code = main(
            [
                "check",
                "--cert",
                str(files / "auth.pem"),
                "--ca",
                str(files / "ca.pem"),
                "--no-cert-pointers",
                option,
                server.url + "x",
                "--prefer",
                "crl" if option == "--crl-url" else "ocsp",
                "--timeout",
                "3",
                "--at",
                "2026-06-01T00:00:00+00:00",
            ]
        )
        took = time.monotonic() - start
    out = capsys.readouterr().out
    assert code == 10, out
    assert 2.9 < took < 5.5, took
    assert "COULD NOT CHECK" in out and "timeout (no complete answer within 3 s)" in out


def test_a_crl_redirect_to_ftp_is_refused_without_connecting(pki):
    ftp = socket.socket()
    ftp.bind(("127.0.0.1", 0))
    ftp.listen(1)
    ftp.settimeout(0.3)
    try:
        with serve(redirect_to(f"ftp://127.0.0.1:{ftp.getsockname()[1]}/ca.crl")) as server:
            r = check_certificate(
                pki.auth.cert,
                now=NOW,
                extra_roots=[pki.auth_ca.cert],
                endpoints=Endpoints(
                    crl_urls=(server.url,), use_certificate_pointers=False, prefer=Method.CRL
                ),
            )
        assert r.outcome is Outcome.UNCHECKED
        assert [a.problem for a in r.attempts][0] == "bad_url"
        with pytest.raises(TimeoutError):
            ftp.accept()  # never contacted: no "USER anonymous"
    finally:
        ftp.close()


def test_crl_fetching_uses_the_proxy_with_its_credentials(pki):
    crl = b"not a crl"  # what the proxy relays is enough to show the route
    with serve(fixed(200, crl)) as origin, BasicAuthProxy("bob", "pw") as proxy:
        endpoints = Endpoints(
            crl_urls=(origin.url + "ca.crl",),
            use_certificate_pointers=False,
            prefer=Method.CRL,
            http=HttpSettings(proxy=proxy.url("bob", "pw")),
        )
        r = check_certificate(
            pki.auth.cert, now=NOW, extra_roots=[pki.auth_ca.cert], endpoints=endpoints
        )
        assert proxy.seen == [("GET", origin.url + "ca.crl", True)]
        assert [a.problem for a in r.attempts] == ["garbage", "not_cached"]
        bad = Endpoints(
            crl_urls=(origin.url + "ca.crl",),
            use_certificate_pointers=False,
            prefer=Method.CRL,
            http=HttpSettings(proxy=proxy.url("bob", "nope")),
        )
        r = check_certificate(pki.auth.cert, now=NOW, extra_roots=[pki.auth_ca.cert], endpoints=bad)
        assert r.attempts[0].problem == "proxy"
        assert origin.connections == 1  # the refused request never reached the origin

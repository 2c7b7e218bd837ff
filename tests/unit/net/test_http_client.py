"""The one HTTP client against misbehaving servers on 127.0.0.1 (issue 15 items 2 and 14)."""

from __future__ import annotations

import io
import socket
import time

import pytest

from jpki_desktop.net import HttpClient, HttpSettings, proxy_for
from jpki_desktop.net.errors import (
    BadScheme,
    ConnectFailed,
    HttpStatusError,
    ProxyAuthRequired,
    ResponseTooLarge,
    TimedOut,
    TlsVerifyFailed,
    TooManyRedirects,
)
from support.http_servers import (
    BasicAuthProxy,
    drip_body,
    drip_headers,
    fixed,
    huge,
    read_request,
    redirect_to,
    self_signed_tls,
    serve,
    silent,
)

NO_ENV = HttpSettings(use_environment_proxy=False)


def client(**kw: object) -> HttpClient:
    return HttpClient(HttpSettings(use_environment_proxy=False, **kw))  # type: ignore[arg-type]


def test_get_and_post_round_trip() -> None:
    got: list[tuple[str, dict[str, str], bytes]] = []

    def echo(sock: socket.socket) -> None:
        line, headers, body = read_request(sock)
        got.append((line, headers, body))
        sock.sendall(b"HTTP/1.1 201 Created\r\nContent-Length: 4\r\nX-A: b\r\n\r\npong")

    with serve(echo) as s:
        r = client().get(s.url + "a?b=1", headers={"X-Test": "1"})
        assert (r.status, r.body, r.headers["x-a"]) == (201, b"pong", "b")
        seen: list[tuple[int, int]] = []
        r = client().post(
            s.url + "p",
            io.BytesIO(b"x" * 200_000),
            content_type="application/x-test",
            progress=lambda a, b: seen.append((a, b)),
        )
        assert r.status == 201
    assert got[0][0] == "GET /a?b=1 HTTP/1.1" and got[0][1]["x-test"] == "1"
    assert got[1][0] == "POST /p HTTP/1.1" and got[1][2] == b"x" * 200_000
    assert got[1][1]["content-type"] == "application/x-test"
    assert seen[-1] == (200_000, 200_000)


@pytest.mark.parametrize("handler", [drip_body(), drip_headers()], ids=["body", "headers"])
def test_a_dripping_server_fails_at_the_deadline(handler) -> None:
    with serve(handler) as s:
        start = time.monotonic()
        with pytest.raises(TimedOut) as e:
            client().get(s.url, timeout=2)
        took = time.monotonic() - start
    assert e.value.timeout == 2
    assert 1.9 < took < 3.5, took


def test_a_silent_server_times_out() -> None:
    with serve(silent) as s:
        start = time.monotonic()
        with pytest.raises(TimedOut):
            client().post(s.url, b"req", content_type="a/b", timeout=1)
        assert time.monotonic() - start < 2.5


def test_a_silent_tls_server_times_out_in_the_handshake() -> None:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)  # accepts TCP, never answers the TLS handshake
    try:
        start = time.monotonic()
        with pytest.raises(TimedOut):
            client().get(f"https://127.0.0.1:{listener.getsockname()[1]}/", timeout=0.5)
        assert time.monotonic() - start < 2
    finally:
        listener.close()


@pytest.mark.parametrize("declare", [True, False], ids=["content-length", "until-close"])
def test_a_huge_answer_is_refused(declare: bool) -> None:
    with serve(huge(5_000_000, declare)) as s:
        with pytest.raises(ResponseTooLarge) as e:
            client(max_response_bytes=1_000_000).get(s.url)
        assert e.value.limit == 1_000_000
        # the per-call limit wins over the settings'
        assert len(client().get(s.url, max_bytes=6_000_000).body) == 5_000_000


def test_a_redirect_to_ftp_is_refused_without_connecting() -> None:
    ftp = socket.socket()
    ftp.bind(("127.0.0.1", 0))
    ftp.listen(1)
    ftp.settimeout(0.5)
    try:
        with serve(redirect_to(f"ftp://127.0.0.1:{ftp.getsockname()[1]}/x.crl")) as s:
            with pytest.raises(BadScheme) as e:
                client().get(s.url)
        assert e.value.scheme == "ftp"
        with pytest.raises(TimeoutError):
            ftp.accept()  # nobody ever connected (no "USER anonymous")
    finally:
        ftp.close()


def test_redirects_are_followed_a_bounded_number_of_times() -> None:
    with serve(fixed(200, b"final")) as target:
        with serve(redirect_to(target.url + "x", 301)) as hop:
            r = client().get(hop.url)
            assert (r.status, r.body, r.url) == (200, b"final", target.url + "x")
            # POST is never redirected automatically
            assert client().post(hop.url, b"", content_type="a/b").status == 301

    def loop(sock: socket.socket) -> None:
        read_request(sock)
        sock.sendall(b"HTTP/1.1 302 Found\r\nLocation: /again\r\nContent-Length: 0\r\n\r\n")

    with serve(loop) as s:
        with pytest.raises(TooManyRedirects) as e:
            client(max_redirects=3).get(s.url)
        assert e.value.limit == 3
        assert s.connections == 4


def test_status_is_data_until_asked() -> None:
    with serve(fixed(503, b"busy")) as s:
        r = client().get(s.url)
        assert (r.status, r.body) == (503, b"busy")
        with pytest.raises(HttpStatusError) as e:
            r.raise_for_status()
        assert e.value.status == 503


def test_refused_connection() -> None:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    with pytest.raises(ConnectFailed) as e:
        client().get(f"http://127.0.0.1:{port}/")
    assert e.value.port == port


def test_untrusted_tls_certificate_is_refused(tmp_path) -> None:
    ctx, cert_pem = self_signed_tls(tmp_path)
    with serve(fixed(200, b"secret"), tls=ctx) as s:
        with pytest.raises(TlsVerifyFailed):
            client().get(s.url)
        # trusting that very certificate on purpose works, by file or by data
        assert client(ca_file=cert_pem).get(s.url).body == b"secret"
        assert client(ca_pem=cert_pem.read_bytes()).get(s.url).body == b"secret"


def test_proxy_with_basic_credentials_for_http_and_https(tmp_path) -> None:
    ctx, cert_pem = self_signed_tls(tmp_path)
    with (
        BasicAuthProxy("alice", "s3cr:t") as proxy,
        serve(fixed(200, b"plain")) as plain,
        serve(fixed(200, b"tunnelled"), tls=ctx) as tls,
    ):
        good = proxy.url("alice", "s3cr%3At")  # percent-encoded ':' in the password
        r = client(proxy=good).get(plain.url + "crl")
        assert r.body == b"plain"
        r = client(proxy=good, ca_file=cert_pem).post(tls.url, b"q", content_type="a/b")
        assert r.body == b"tunnelled"
        assert proxy.seen == [
            ("GET", plain.url + "crl", True),
            ("CONNECT", f"127.0.0.1:{tls.port}", True),
        ]
        for url in (plain.url, tls.url):
            with pytest.raises(ProxyAuthRequired) as e:
                client(proxy=proxy.url("alice", "wrong"), ca_file=cert_pem).get(url)
            assert e.value.proxy == f"127.0.0.1:{proxy.port}"
            assert "wrong" not in str(e.value)
            with pytest.raises(ProxyAuthRequired):
                client(proxy=proxy.url(), ca_file=cert_pem).get(url)


def test_environment_proxy_rules(monkeypatch) -> None:
    monkeypatch.setenv("https_proxy", "http://u:p@proxy.example:3128")
    monkeypatch.setenv("http_proxy", "http://plain.example:80")
    monkeypatch.setenv("no_proxy", "intra.example")
    s = HttpSettings()
    p = proxy_for("https", "agency.example.jp", s)
    assert p is not None and (p.host, p.port) == ("proxy.example", 3128)
    assert p.authorization == "Basic dTpw"
    http_proxy = proxy_for("http", "crl.example.jp", s)
    assert http_proxy is not None and http_proxy.host == "plain.example"
    assert proxy_for("https", "127.0.0.1", s) is None  # never the environment's for loopback
    assert proxy_for("https", "intra.example", s) is None
    assert proxy_for("https", "agency.example.jp", NO_ENV) is None
    explicit = proxy_for("https", "127.0.0.1", HttpSettings(proxy="http://p:1"))
    assert explicit is not None and (explicit.host, explicit.port) == ("p", 1)

"""Submission transport: through a proxy (CONNECT), timeouts, https only (on the one HTTP
client, whose own rules are tested in tests/unit/net)."""

from __future__ import annotations

import socket

import pytest

from jpki_desktop.agency.server import start_agency
from jpki_desktop.net.http import HttpSettings as TransportSettings
from jpki_desktop.submission.client import ClientSettings, SubmissionClient
from jpki_desktop.submission.client import post_package as post_file
from jpki_desktop.submission.errors import Undelivered
from jpki_desktop.submission.receipt import Receipt
from jpki_desktop.submission.store import SubmissionStore
from support.agency_fixtures import (  # noqa: F401
    FakeOpener,
    agency_dir,
    agency_keys_template,
    demo_catalogue,
    good_opened,
)
from support.http_servers import BasicAuthProxy


@pytest.fixture
def proxy():
    with BasicAuthProxy("clerk", "pw") as server:
        yield server


def test_submission_through_a_configured_proxy(agency_dir, demo_catalogue, tmp_path, pki, proxy):
    opener = FakeOpener(good_opened(demo_catalogue, pki.sign.cert))
    package = tmp_path / "p.p7m"
    package.write_bytes(b"bytes" * 1000)
    with start_agency(agency_dir, catalogue=demo_catalogue, opener=opener) as agency:
        settings = ClientSettings(
            transport=TransportSettings(timeout=5, proxy=proxy.url("clerk", "pw"))
        )
        c = SubmissionClient(
            demo_catalogue, SubmissionStore(tmp_path / "s"), settings, accounts=None
        )
        answer = c.submit(package, demo_catalogue.get("demo.city.change-of-address"))
        assert isinstance(answer, Receipt)
        assert proxy.seen == [("CONNECT", f"127.0.0.1:{agency.port}", True)]


def test_silent_endpoint_times_out(tmp_path):
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)  # accepts the TCP connection, never answers the TLS handshake
    try:
        f = tmp_path / "p"
        f.write_bytes(b"x")
        with pytest.raises(Undelivered) as e:
            post_file(
                f"https://127.0.0.1:{listener.getsockname()[1]}/",
                f,
                {},
                pinned_ca_pem=None,
                settings=TransportSettings(timeout=0.3),
            )
        assert e.value.reason == "timeout"
    finally:
        listener.close()


def test_only_https(tmp_path):
    f = tmp_path / "p"
    f.write_bytes(b"x")
    with pytest.raises(Undelivered) as e:
        post_file("http://127.0.0.1:1/", f, {}, pinned_ca_pem=None)
    assert e.value.reason == "protocol"

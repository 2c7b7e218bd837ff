"""Store files and what servers answer (issue 15: "store files, HTTP answers"): the outbox and
history listings with damaged meta.json / answer.json, CRL and OCSP bodies, RFC 3161 answers,
and raw HTTP responses from a local server on 127.0.0.1 — each a listing, a verdict or a
typed error, never a traceback or a hang."""

from __future__ import annotations

import datetime as dt
import json
import socket
import threading
from pathlib import Path

import pytest
from cryptography.x509 import ocsp
from hypothesis import given, settings
from hypothesis import strategies as st

from jpki_desktop.net.errors import HttpError
from jpki_desktop.net.http import HttpClient, HttpSettings
from jpki_desktop.signing.errors import TimestampError
from jpki_desktop.signing.formats.timestamp import Rfc3161TimeStamper
from jpki_desktop.submission.store import SubmissionStore
from jpki_desktop.trust.aio import run_sync
from jpki_desktop.validity.revocation import FetchError, parse_crl

from .conftest import outcome

NOW = dt.datetime(2026, 12, 1, tzinfo=dt.UTC)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=12,
)
store_bytes = st.one_of(
    st.binary(max_size=300),
    json_values.map(lambda v: json.dumps(v).encode()),
    st.just(b"\xef\xbb\xbf{}"),
    st.just(b""),
)


@settings(max_examples=400)
@given(meta=store_bytes, answer=store_bytes, where=st.sampled_from(["outbox", "history"]))
def test_store_listings_survive_any_file(tmp_path_factory, meta, answer, where):
    root = tmp_path_factory.mktemp("store")
    entry = root / where / "20261201T000000Z-x"
    entry.mkdir(parents=True)
    (entry / "meta.json").write_bytes(meta)
    (entry / "package.p7m").write_bytes(b"p")
    if where == "history":
        (entry / "answer.json").write_bytes(answer)
    store = SubmissionStore(root)
    listing = outcome(
        lambda: store.scan_outbox() if where == "outbox" else store.scan_history(), ()
    )
    assert len(listing.entries) + len(listing.damaged) == 1  # listed or named, never lost
    assert (entry / "meta.json").read_bytes() == meta  # never overwritten


@settings(max_examples=1500)
@given(st.binary(max_size=600))
def test_crl_bodies(body):
    outcome(lambda: parse_crl("http://127.0.0.1/crl", body, NOW), (FetchError,))


@settings(max_examples=1500)
@given(st.binary(max_size=600))
def test_ocsp_bodies(body):
    outcome(lambda: ocsp.load_der_ocsp_response(body), (ValueError,))


@settings(max_examples=1500)
@given(st.binary(max_size=600))
def test_tsa_answers(body):
    stamper = Rfc3161TimeStamper("http://127.0.0.1/tsa", post=lambda _u, _b, _t: body)
    outcome(lambda: run_sync(stamper.async_timestamp(b"\x00" * 32, "sha256")), (TimestampError,))


class _RawServer:
    """Answers every connection with the bytes it is given, then closes (127.0.0.1 only)."""

    def __init__(self) -> None:
        self.answer = b""
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}/x"
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                conn.settimeout(2)
                try:
                    conn.recv(65536)
                    conn.sendall(self.answer)
                except OSError:
                    pass


@pytest.fixture(scope="module")
def raw_server():
    server = _RawServer()
    yield server
    server.sock.close()


head = st.sampled_from(
    [
        b"",
        b"HTTP/1.1 200 OK\r\n",
        b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n",
        b"HTTP/1.0 302 Found\r\nLocation: ftp://x/\r\n\r\n",
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n",
    ]
)


@settings(max_examples=300)
@given(prefix=head, tail=st.binary(max_size=200))
def test_raw_http_answers(raw_server, prefix, tail):
    raw_server.answer = prefix + tail
    client = HttpClient(HttpSettings(timeout=2, max_response_bytes=4096))
    outcome(lambda: client.get(raw_server.url), (HttpError,))

"""The reference agency endpoint: HTTPS on 127.0.0.1 only, in a background thread.

    agency = start_agency(directory, port=0)     # .url, .stop()
    POST {url}/v1/submissions   body: the .p7m; answer: signed receipt (200) or rejection (4xx)
    GET  {url}/procedures       the procedures it serves (JSON)

For the demo and the tests; not a production service (one lock serialises submissions).
"""

from __future__ import annotations

import json
import logging
import os
import ssl
import tempfile
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from ..card.connect import demo_dir
from ..card.virtual.store import CardStore
from ..procedures import Catalogue, load_catalogue
from ..signing.certcheck import Revocation
from .accounts import AccountBook
from .keys import DemoAgencyKeys, ensure_demo_agency
from .location import HOST, announce_url, withdraw_url
from .opener import Opener, signing_opener
from .resolver import reference_resolver
from .service import ReferenceAgency

log = logging.getLogger(__name__)

SUBMIT_PATH = "/v1/submissions"
MAX_PACKAGE_BYTES = 64 * 1024 * 1024
READ_TIMEOUT = 30.0


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    service: ReferenceAgency
    incoming: Path

    def handle_error(self, request: Any, client_address: Any) -> None:
        # TLS refusals etc.: not a crash
        log.debug("connection from %s ended with an error", client_address, exc_info=True)


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"
    timeout = READ_TIMEOUT

    def log_message(self, format: str, *args: object) -> None:
        log.info("%s %s", self.address_string(), format % args)

    def _send(
        self, status: int, content_type: str, body: bytes, headers: dict[str, str] | None = None
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        if self.path.rstrip("/") == "/procedures":
            body = json.dumps(
                describe_procedures(self.server.service), ensure_ascii=False, indent=1
            ).encode("utf-8")
            self._send(200, "application/json; charset=utf-8", body)
        else:
            self._send(404, "application/json", b'{"error":"not-found"}')

    def do_POST(self) -> None:
        if self.path.rstrip("/") != SUBMIT_PATH:
            self._send(404, "application/json", b'{"error":"not-found"}')
            return
        try:
            length = int(self.headers.get("Content-Length", ""))
        except ValueError:
            self._send(411, "application/json", b'{"error":"length-required"}')
            return
        fd, name = tempfile.mkstemp(dir=self.server.incoming, suffix=".p7m")
        path = Path(name)
        try:
            too_large = length > MAX_PACKAGE_BYTES
            with os.fdopen(fd, "wb") as f:
                remaining = length
                while remaining > 0:
                    chunk = self.rfile.read(min(remaining, 1024 * 1024))
                    if not chunk:
                        raise ConnectionError("body shorter than Content-Length")
                    remaining -= len(chunk)
                    if not too_large:
                        f.write(chunk)
            try:
                response = self.server.service.handle_submission(
                    path, dict(self.headers.items()), too_large=too_large
                )
            except Exception:  # our bug or a full disk: say so, the client keeps the package queued
                log.exception("submission could not be processed")
                self._send(500, "application/json", b'{"error":"internal"}')
                return
            self._send(response.status, response.content_type, response.body, response.headers)
        finally:
            path.unlink(missing_ok=True)


def describe_procedures(service: ReferenceAgency) -> list[dict[str, Any]]:
    out = []
    for p in service.served():
        agency = service.catalogue.resolve(p.agency)
        out.append(
            {
                "id": p.id,
                "version": p.version,
                "name": {"ja": p.name.ja, "en": p.name.en},
                "agency": p.agency.id,
                "endpoint_path": SUBMIT_PATH,
                "encryption_cert": agency.encryption_cert.public_bytes(
                    serialization.Encoding.PEM
                ).decode(),
                "receipt_cert": agency.receipt_cert.public_bytes(
                    serialization.Encoding.PEM
                ).decode(),
            }
        )
    return out


@dataclass
class RunningAgency:
    url: str
    port: int
    directory: Path
    service: ReferenceAgency
    keys: DemoAgencyKeys
    _server: _Server
    _thread: threading.Thread

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)
        withdraw_url(self.directory, self.url)

    def __enter__(self) -> RunningAgency:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def demo_trust_roots() -> list[x509.Certificate]:
    """The demo virtual card's signing CA (the card is created on first use, like `--demo`)."""
    _, pki = CardStore(demo_dir()).load_or_create()
    return [pki.sign_ca.cert]


def start_agency(
    directory: Path | None = None,
    port: int = 0,
    *,
    catalogue: Catalogue | None = None,
    trust_roots: Sequence[x509.Certificate] | None = None,
    opener: Opener | None = None,
    revocation: Revocation | None = None,
    accounts: AccountBook | None = None,
) -> RunningAgency:
    """Start the demo agency on https://127.0.0.1:<port> (0: any free port) in a thread.

    Keys are generated in `directory` on first use; `catalogue` defaults to the built-in
    procedures resolved against this agency; `trust_roots` defaults to the demo card's signing
    CA; `opener` defaults to the signing engine's verifier.
    """
    keys = ensure_demo_agency(directory)
    directory = keys.directory
    catalogue = catalogue or load_catalogue(resolver=reference_resolver(directory))
    if opener is None:
        roots = list(trust_roots) if trust_roots is not None else demo_trust_roots()
        opener = signing_opener(keys.encryption_key, keys.encryption_cert, roots, revocation)
    if accounts is None:
        accounts = AccountBook(directory / "accounts.json")
        accounts.ensure_demo_account()
    service = ReferenceAgency(
        directory,
        catalogue,
        encryption_cert=keys.encryption_cert,
        receipt_key=keys.receipt_key,
        receipt_cert=keys.receipt_cert,
        opener=opener,
        accounts=accounts,
    )
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    ctx.load_cert_chain(keys.path("tls-server.pem"), keys.path("tls-server.key"))
    server = _Server((HOST, port), _Handler)
    server.socket = ctx.wrap_socket(server.socket, server_side=True, do_handshake_on_connect=False)
    server.service = service
    server.incoming = directory / "incoming"
    server.incoming.mkdir(parents=True, exist_ok=True)
    real_port = server.server_address[1]
    url = f"https://{HOST}:{real_port}"
    thread = threading.Thread(
        target=server.serve_forever, args=(0.05,), name=f"demo-agency:{real_port}", daemon=True
    )
    thread.start()
    announce_url(directory, url)
    return RunningAgency(url, real_port, directory, service, keys, server, thread)

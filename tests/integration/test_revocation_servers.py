"""A real CRL HTTP server and a real OCSP responder on 127.0.0.1 (threads in the test process),
built with cryptography's CRL/OCSP builders, plus the test PKI whose certificates point at them.

Other revocation test modules import `RevocationServer`, `PkiWithServer` and the fixtures from
here; the tests at the bottom check the servers themselves.
"""

from __future__ import annotations

import datetime as dt
import socket
import threading
import urllib.request
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.x509 import ocsp

from jpki_desktop.card.virtual.pki import (
    CardPki,
    Issued,
    RevocationPointers,
    generate_card_pki,
    issue_auth_cert,
    issue_ca,
    new_key,
)

NOW = dt.datetime(2025, 6, 1, 3, 0, tzinfo=dt.UTC)  # all checks happen "now"


@dataclass
class Behaviour:
    """What the servers answer; tests flip these."""

    crl: str = "good"  # good | garbage | http500 | forged | stale
    ocsp: str = "good"  # good | garbage | http500 | try_later | forged | stale
    revoked: set[int] = field(default_factory=set)
    known: set[int] = field(default_factory=set)  # OCSP answers "unknown" for other serials
    crl_this_update: dt.datetime = NOW - dt.timedelta(hours=2)
    crl_next_update: dt.datetime = NOW + dt.timedelta(days=1)
    requests: list[str] = field(default_factory=list)


class RevocationServer:
    def __init__(self) -> None:
        self.behaviour = Behaviour()
        self.ca: Issued | None = None
        self.forger = issue_ca("user authentication")  # same DN style, other key
        self.issued: list[x509.Certificate] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # keep test output clean
                pass

            def _send(self, code: int, body: bytes, ctype: str) -> None:
                self.send_response(code)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self) -> None:
                outer.behaviour.requests.append(f"GET {self.path}")
                if self.path != "/crl":
                    return self._send(404, b"", "text/plain")
                code, body = outer.crl_answer()
                self._send(code, body, "application/pkix-crl")

            def do_POST(self) -> None:
                outer.behaviour.requests.append(f"POST {self.path}")
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                code, out = outer.ocsp_answer(body)
                self._send(code, out, "application/ocsp-response")

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def crl_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/crl"

    @property
    def ocsp_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/ocsp"

    def start(self) -> RevocationServer:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    # -- answers --------------------------------------------------------------------------

    def build_crl(
        self, signer: Issued, this_update: dt.datetime, next_update: dt.datetime
    ) -> bytes:
        b = (
            x509.CertificateRevocationListBuilder()
            .issuer_name(self.ca.cert.subject)
            .last_update(this_update)
            .next_update(next_update)
            .add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(signer.key.public_key()), False
            )
            .add_extension(x509.CRLNumber(7), False)
        )
        for serial in sorted(self.behaviour.revoked):
            entry = (
                x509.RevokedCertificateBuilder()
                .serial_number(serial)
                .revocation_date(NOW - dt.timedelta(days=3))
                .add_extension(x509.CRLReason(x509.ReasonFlags.affiliation_changed), False)
                .build()
            )
            b = b.add_revoked_certificate(entry)
        return b.sign(signer.key, hashes.SHA256()).public_bytes(serialization.Encoding.DER)

    def crl_answer(self) -> tuple[int, bytes]:
        mode, b = self.behaviour.crl, self.behaviour
        if mode == "garbage":
            return 200, b"<html>maintenance</html>"
        if mode == "http500":
            return 500, b"oops"
        if mode == "forged":
            return 200, self.build_crl(self.forger, b.crl_this_update, b.crl_next_update)
        if mode == "stale":
            return 200, self.build_crl(
                self.ca, NOW - dt.timedelta(days=10), NOW - dt.timedelta(days=3)
            )
        return 200, self.build_crl(self.ca, b.crl_this_update, b.crl_next_update)

    def ocsp_answer(self, body: bytes) -> tuple[int, bytes]:
        mode = self.behaviour.ocsp
        if mode == "garbage":
            return 200, b"\x30\x03\x0a\x01"  # truncated DER
        if mode == "http500":
            return 500, b""
        if mode == "try_later":
            return 200, ocsp.OCSPResponseBuilder.build_unsuccessful(
                ocsp.OCSPResponseStatus.TRY_LATER
            ).public_bytes(serialization.Encoding.DER)
        req = ocsp.load_der_ocsp_request(body)
        serial = req.serial_number
        cert = self.lookup(serial)
        if cert is None:  # never issued by this CA at all
            return 200, ocsp.OCSPResponseBuilder.build_unsuccessful(
                ocsp.OCSPResponseStatus.UNAUTHORIZED
            ).public_bytes(serialization.Encoding.DER)
        if serial in self.behaviour.revoked:
            status, when = ocsp.OCSPCertStatus.REVOKED, NOW - dt.timedelta(days=3)
        elif serial in self.behaviour.known:
            status, when = ocsp.OCSPCertStatus.GOOD, None
        else:
            status, when = ocsp.OCSPCertStatus.UNKNOWN, None
        this, nxt = NOW - dt.timedelta(hours=1), NOW + dt.timedelta(hours=12)
        if mode == "stale":
            this, nxt = NOW - dt.timedelta(days=5), NOW - dt.timedelta(days=4)
        signer = self.forger if mode == "forged" else self.ca
        builder = (
            ocsp.OCSPResponseBuilder()
            .add_response(
                cert=cert,
                issuer=self.ca.cert,
                algorithm=hashes.SHA1(),
                cert_status=status,
                this_update=this,
                next_update=nxt,
                revocation_time=when,
                revocation_reason=x509.ReasonFlags.key_compromise if when else None,
            )
            .responder_id(ocsp.OCSPResponderEncoding.HASH, signer.cert)
        )
        return 200, builder.sign(signer.key, hashes.SHA256()).public_bytes(
            serialization.Encoding.DER
        )

    def lookup(self, serial: int) -> x509.Certificate | None:
        """cryptography's builder wants the certificate itself to form the CertID."""
        return next((c for c in self.issued if c.serial_number == serial), None)


@dataclass
class PkiWithServer:
    server: RevocationServer
    pki: CardPki
    revoked: Issued  # a second auth certificate, listed as revoked
    unknown: Issued  # issued by the same CA, never registered with the responder
    bare: Issued  # like real JPKI certificates: no CRL/OCSP URL inside (good)
    bare_revoked: Issued  # no URL inside, listed as revoked

    @property
    def pointers(self) -> RevocationPointers:
        return RevocationPointers(self.server.crl_url, self.server.ocsp_url)


def closed_port_url(path: str) -> str:
    """A URL on 127.0.0.1 where nothing listens."""
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return f"http://127.0.0.1:{port}{path}"


@pytest.fixture(scope="module")
def revocation_pki():
    server = RevocationServer().start()
    pointers = RevocationPointers(server.crl_url, server.ocsp_url)
    pki = generate_card_pki(pointers=pointers)
    start = dt.datetime(2024, 3, 15, 1, tzinfo=dt.UTC)
    end = dt.datetime(2028, 6, 30, 14, 59, 59, tzinfo=dt.UTC)
    revoked = issue_auth_cert(
        pki.auth_ca, start, end, key=new_key(), pointers=pointers, serial=0x5EED01
    )
    unknown = issue_auth_cert(
        pki.auth_ca, start, end, key=revoked.key, pointers=pointers, serial=0x5EED02
    )
    bare = issue_auth_cert(pki.auth_ca, start, end, key=revoked.key, serial=0x5EED03)
    bare_revoked = issue_auth_cert(pki.auth_ca, start, end, key=revoked.key, serial=0x5EED04)
    server.ca = pki.auth_ca
    server.issued = [pki.auth.cert, revoked.cert, unknown.cert, bare.cert, bare_revoked.cert]
    yield PkiWithServer(server, pki, revoked, unknown, bare, bare_revoked)
    server.stop()


@pytest.fixture
def servers(revocation_pki):
    """Fresh behaviour for every test: good CRL and OCSP, one revoked serial."""
    p = revocation_pki
    p.server.behaviour = Behaviour(
        revoked={p.revoked.cert.serial_number, p.bare_revoked.cert.serial_number},
        known={c.cert.serial_number for c in (p.pki.auth, p.revoked, p.bare, p.bare_revoked)},
    )
    return p


# -- the servers themselves -----------------------------------------------------------------


def test_crl_server_serves_a_crl_signed_by_the_ca(servers):
    der = urllib.request.urlopen(servers.server.crl_url, timeout=5).read()
    crl = x509.load_der_x509_crl(der)
    assert crl.is_signature_valid(servers.pki.auth_ca.cert.public_key())
    assert (
        crl.get_revoked_certificate_by_serial_number(servers.revoked.cert.serial_number) is not None
    )
    assert crl.get_revoked_certificate_by_serial_number(servers.pki.auth.cert.serial_number) is None


@pytest.mark.parametrize(
    "which,status",
    [
        ("good", ocsp.OCSPCertStatus.GOOD),
        ("revoked", ocsp.OCSPCertStatus.REVOKED),
        ("unknown", ocsp.OCSPCertStatus.UNKNOWN),
    ],
)
def test_ocsp_responder_answers_each_status(servers, which, status):
    cert = {"good": servers.pki.auth, "revoked": servers.revoked, "unknown": servers.unknown}[
        which
    ].cert
    req = (
        ocsp.OCSPRequestBuilder()
        .add_certificate(cert, servers.pki.auth_ca.cert, hashes.SHA1())
        .build()
    )
    http = urllib.request.Request(
        servers.server.ocsp_url,
        data=req.public_bytes(serialization.Encoding.DER),
        headers={"Content-Type": "application/ocsp-request"},
    )
    resp = ocsp.load_der_ocsp_response(urllib.request.urlopen(http, timeout=5).read())
    assert resp.certificate_status is status and resp.serial_number == cert.serial_number


def test_certificates_point_at_the_servers(servers):
    from jpki_desktop.validity.certificate import parse_certificate

    c = parse_certificate(servers.revoked.der)
    assert c.crl_urls == (servers.server.crl_url,) and c.ocsp_urls == (servers.server.ocsp_url,)

"""The demo card's revocation service: a CRL and OCSP responder for the test PKI, on 127.0.0.1.

J-LIS answers revocation questions only for licensed verifiers, so without this the demo's
validity check could only ever say "could not check". In demo mode the app starts this service
and points the check at it; every answer is signed by the virtual card's own test CAs, so the
check runs its real path (fetch, signature, freshness) and shows "valid", stamped as a demo.
Nothing here is used for a real card.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from asn1crypto import keys
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.x509 import ocsp

from .pki import CardPki, Issued
from .store import CardStore, demo_dir

MAX_REQUEST = 16 * 1024  # an OCSP request for one certificate is a few hundred bytes
VALIDITY = dt.timedelta(hours=12)  # how long an answer is fresh


class DemoRevocationService:
    """`start()` serves GET /crl/auth, GET /crl/sign and POST /ocsp; `stop()` ends it.

    `revoked` holds serial numbers to answer as revoked (demo scenarios and tests)."""

    def __init__(
        self, pki: CardPki, *, clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC)
    ) -> None:
        self.pki = pki
        self.clock = clock
        self.revoked: set[int] = set()
        self.requests: list[str] = []
        self._cas = {"auth": pki.auth_ca, "sign": pki.sign_ca}
        self._issued = {c.cert.serial_number: c for c in (pki.auth, pki.sign) if c is not None}
        service = self

        class Handler(BaseHTTPRequestHandler):
            timeout = 5  # a client that stalls is dropped, never held

            def log_message(self, *args: object) -> None:
                pass

            def _send(self, code: int, body: bytes, ctype: str) -> None:
                self.send_response(code)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self) -> None:  # noqa: N802 - http.server API
                service.requests.append(f"GET {self.path}")
                ca = service._cas.get(self.path.removeprefix("/crl/"))
                if not self.path.startswith("/crl/") or ca is None:
                    return self._send(404, b"", "text/plain")
                self._send(200, service.crl(ca), "application/pkix-crl")

            def do_POST(self) -> None:  # noqa: N802
                service.requests.append(f"POST {self.path}")
                length = int(self.headers.get("Content-Length") or 0)
                if self.path != "/ocsp" or not 0 < length <= MAX_REQUEST:
                    return self._send(400, b"", "text/plain")
                self._send(200, service.ocsp(self.rfile.read(length)), "application/ocsp-response")

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, name="demo-revocation", daemon=True
        )

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._httpd.server_address[1]}"

    @property
    def ocsp_url(self) -> str:
        return f"{self.base_url}/ocsp"

    def crl_url(self, purpose: str) -> str:
        """`purpose`: "auth" or "sign" (each CA publishes its own list)."""
        return f"{self.base_url}/crl/{purpose}"

    def endpoints(self, purpose: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(OCSP URLs, CRL URLs) for a certificate of `purpose` ("auth" or "sign")."""
        return (self.ocsp_url,), (self.crl_url(purpose),)

    def start(self) -> DemoRevocationService:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    # -- answers ----------------------------------------------------------------------------

    def crl(self, ca: Issued) -> bytes:
        now = self.clock()
        builder = (
            x509.CertificateRevocationListBuilder()
            .issuer_name(ca.cert.subject)
            .last_update(now - dt.timedelta(minutes=5))
            .next_update(now + VALIDITY)
            .add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(ca.key.public_key()), False
            )
            .add_extension(x509.CRLNumber(int(now.timestamp())), False)
        )
        for serial in sorted(self.revoked):
            issued = self._issued.get(serial)
            if issued is not None and issued.cert.issuer != ca.cert.subject:
                continue
            builder = builder.add_revoked_certificate(
                x509.RevokedCertificateBuilder()
                .serial_number(serial)
                .revocation_date(now - dt.timedelta(days=1))
                .build()
            )
        return builder.sign(ca.key, hashes.SHA256()).public_bytes(serialization.Encoding.DER)

    def _issuer_of(self, request: ocsp.OCSPRequest) -> Issued | None:
        for ca in self._cas.values():
            spki = ca.cert.public_key().public_bytes(
                serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
            )
            digest = hashlib.new(request.hash_algorithm.name, _subject_public_key(spki)).digest()
            if digest == request.issuer_key_hash:
                return ca
        return None

    def ocsp(self, body: bytes) -> bytes:
        try:
            request = ocsp.load_der_ocsp_request(body)
        except ValueError:
            return _unsuccessful(ocsp.OCSPResponseStatus.MALFORMED_REQUEST)
        ca = self._issuer_of(request)
        issued = self._issued.get(request.serial_number)
        if ca is None or issued is None or issued.cert.issuer != ca.cert.subject:
            return _unsuccessful(ocsp.OCSPResponseStatus.UNAUTHORIZED)
        now = self.clock()
        revoked = request.serial_number in self.revoked
        builder = (
            ocsp.OCSPResponseBuilder()
            .add_response(
                cert=issued.cert,
                issuer=ca.cert,
                algorithm=hashes.SHA1(),
                cert_status=ocsp.OCSPCertStatus.REVOKED if revoked else ocsp.OCSPCertStatus.GOOD,
                this_update=now - dt.timedelta(minutes=5),
                next_update=now + VALIDITY,
                revocation_time=now - dt.timedelta(days=1) if revoked else None,
                revocation_reason=x509.ReasonFlags.affiliation_changed if revoked else None,
            )
            .responder_id(ocsp.OCSPResponderEncoding.HASH, ca.cert)
        )
        return builder.sign(ca.key, hashes.SHA256()).public_bytes(serialization.Encoding.DER)


def _subject_public_key(spki_der: bytes) -> bytes:
    """The BIT STRING contents of a SubjectPublicKeyInfo (what an OCSP issuerKeyHash covers)."""
    return bytes(keys.PublicKeyInfo.load(spki_der)["public_key"].contents[1:])


def _unsuccessful(status: ocsp.OCSPResponseStatus) -> bytes:
    return ocsp.OCSPResponseBuilder.build_unsuccessful(status).public_bytes(
        serialization.Encoding.DER
    )


def for_demo_card(state: Path | None = None) -> DemoRevocationService:
    """The service for the persistent demo card (the same store `--demo` opens). Not started."""
    _card, pki = CardStore(state or demo_dir()).load_or_create()
    return DemoRevocationService(pki)

"""A real RFC 3161 time-stamping authority on 127.0.0.1 for the tests.

The tokens are made by ``openssl ts -reply`` (not by our code), behind a small
``http.server`` handler. The TSA key and certificate (extended key usage timeStamping,
critical) are issued by a test TSA CA generated here; openssl's ``ts`` configuration lives in a
temporary directory.

Modes (what a client meets in the field):

* ``normal``: a granted token over the requested imprint;
* ``down``: nothing listens on the port (connection refused);
* ``garbage``: HTTP 200 with bytes that are not a TimeStampResp;
* ``slow``: answers only after ``delay`` seconds (longer than any client timeout in the tests);
* ``wrong_imprint``: a genuine token, with the client's nonce, over ANOTHER imprint;
* an untrusted TSA is simply a second server with its own CA (``TsaPki.generate("other")``).
"""

from __future__ import annotations

import datetime as dt
import http.server
import os
import socket
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from asn1crypto import algos, tsp
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

MODES = ("normal", "down", "garbage", "slow", "wrong_imprint")


@dataclass(frozen=True)
class TsaPki:
    ca_cert: x509.Certificate
    cert: x509.Certificate
    key: rsa.RSAPrivateKey

    @classmethod
    def generate(cls, label: str = "test") -> TsaPki:
        now = dt.datetime.now(dt.UTC).replace(microsecond=0)
        ca_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, f"TSA-TEST {label} root CA")])
        ca_cert = (
            x509.CertificateBuilder()
            .subject_name(ca_name)
            .issuer_name(ca_name)
            .public_key(ca_key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(
                x509.KeyUsage(False, False, False, False, False, True, True, False, False),
                critical=True,
            )
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), False)
            .sign(ca_key, hashes.SHA256())
        )
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        cert = (
            x509.CertificateBuilder()
            .subject_name(
                x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, f"TSA-TEST {label} unit 1")])
            )
            .issuer_name(ca_name)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=1825))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(
                x509.KeyUsage(True, True, False, False, False, False, False, False, False),
                critical=True,
            )
            .add_extension(
                x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True
            )
            .add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), False
            )
            .sign(ca_key, hashes.SHA256())
        )
        return cls(ca_cert, cert, key)

    def ca_pem(self) -> bytes:
        return self.ca_cert.public_bytes(serialization.Encoding.PEM)


def _config(d: Path, pki: TsaPki) -> Path:
    (d / "tsa.pem").write_bytes(pki.cert.public_bytes(serialization.Encoding.PEM))
    (d / "ca.pem").write_bytes(pki.ca_pem())
    (d / "tsa.key").write_bytes(
        pki.key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    (d / "serial").write_text("01\n")
    conf = d / "ts.cnf"
    conf.write_text(
        f"""
[ tsa ]
default_tsa = tsa_config1

[ tsa_config1 ]
dir = {d}
serial = $dir/serial
crypto_device = builtin
signer_cert = $dir/tsa.pem
certs = $dir/ca.pem
signer_key = $dir/tsa.key
signer_digest = sha256
default_policy = 1.3.6.1.4.1.99999.1.1
other_policies = 1.3.6.1.4.1.99999.1.2
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = yes
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256
"""
    )
    return conf


def _other_imprint(query: bytes) -> bytes:
    """The same request (nonce included) over a different imprint."""
    req = tsp.TimeStampReq.load(query)
    algo = req["message_imprint"]["hash_algorithm"]["algorithm"].native
    size = len(req["message_imprint"]["hashed_message"].native)
    fields = {
        "version": 1,
        "message_imprint": tsp.MessageImprint(
            {
                "hash_algorithm": algos.DigestAlgorithm({"algorithm": algo}),
                "hashed_message": os.urandom(size),
            }
        ),
        "cert_req": True,
    }
    if req["nonce"].native is not None:
        fields["nonce"] = req["nonce"].native
    return tsp.TimeStampReq(fields).dump()


class TsaServer:
    """``with TsaServer(mode) as tsa: tsa.url``; ``tsa.requests`` counts POSTs answered."""

    def __init__(self, mode: str = "normal", pki: TsaPki | None = None, delay: float = 5.0):
        if mode not in MODES:
            raise ValueError(mode)
        self.mode = mode
        self.pki = pki or TsaPki.generate()
        self.delay = delay
        self.requests = 0
        self._dir = Path(tempfile.mkdtemp(prefix="jpki-test-tsa-"))
        self._conf = _config(self._dir, self.pki)
        self._lock = threading.Lock()
        self._httpd: http.server.ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self.url = ""

    def reply(self, query: bytes) -> bytes:
        """Run ``openssl ts -reply`` on a DER TimeStampReq; returns the DER TimeStampResp."""
        with self._lock:  # openssl updates the serial file
            q = self._dir / "query.tsq"
            r = self._dir / "reply.tsr"
            q.write_bytes(query)
            subprocess.run(
                ["openssl", "ts", "-reply", "-config", str(self._conf), "-section", "tsa_config1"]
                + ["-queryfile", str(q), "-out", str(r)],
                check=True,
                capture_output=True,
                timeout=30,
            )
            return r.read_bytes()

    def _handler(self) -> type[http.server.BaseHTTPRequestHandler]:
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server's name)
                length = int(self.headers.get("Content-Length") or 0)
                query = self.rfile.read(length)
                if server.mode == "slow":
                    time.sleep(server.delay)
                if server.mode == "garbage":
                    body = b"<html>Service Unavailable</html>" + os.urandom(64)
                elif server.mode == "wrong_imprint":
                    body = server.reply(_other_imprint(query))
                else:
                    body = server.reply(query)
                server.requests += 1
                try:
                    self.send_response(200)
                    self.send_header("Content-Type", "application/timestamp-reply")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except OSError:  # the client gave up (slow mode)
                    pass

            def log_message(self, *args: object) -> None:
                pass

        return Handler

    def start(self) -> TsaServer:
        if self.mode == "down":
            s = socket.socket()
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
            s.close()  # nothing listens there any more: connection refused
            self.url = f"http://127.0.0.1:{port}/tsa"
            return self
        self._httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()
        self.url = f"http://127.0.0.1:{self._httpd.server_address[1]}/tsa"
        return self

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None

    def __enter__(self) -> TsaServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

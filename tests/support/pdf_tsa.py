"""A real RFC 3161 time-stamping authority on 127.0.0.1 for the PDF tests: `openssl ts -reply`
signs every token (not our code), behind a small http.server handler.

    with running_tsa(tmp_path) as tsa:
        tsa.url, tsa.ca_cert, tsa.mode = "garbage"   # modes: ok, garbage, error

The TSA key and certificate (critical extendedKeyUsage timeStamping) are issued by a test TSA
root generated here.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import http.server
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

OPENSSL_CONF = """
[ tsa ]
default_tsa = tsa_config
[ tsa_config ]
dir = {dir}
serial = $dir/serial
crypto_device = builtin
signer_cert = $dir/tsa.pem
certs = $dir/tsa-ca.pem
signer_key = $dir/tsa.key
signer_digest = sha256
default_policy = 1.2.3.4.1
other_policies = 1.2.3.4.5
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = yes
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256
"""


def _name(cn: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "JP"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "jpki-desktop TEST TSA"),
            x509.NameAttribute(NameOID.COMMON_NAME, cn),
        ]
    )


def _pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


def make_tsa_pki(directory: Path) -> tuple[x509.Certificate, x509.Certificate]:
    """(root, tsa cert); writes tsa.pem, tsa.key, tsa-ca.pem, serial and openssl.cnf."""
    now = dt.datetime.now(dt.UTC) - dt.timedelta(days=1)
    root_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    root = (
        x509.CertificateBuilder()
        .subject_name(_name("TEST TSA Root"))
        .issuer_name(_name("TEST TSA Root"))
        .public_key(root_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + dt.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False),
            critical=True,
        )
        .sign(root_key, hashes.SHA256())
    )
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name("TEST TSA"))
        .issuer_name(root.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + dt.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(True, True, False, False, False, False, False, False, False),
            critical=True,
        )
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
        .sign(root_key, hashes.SHA256())
    )
    (directory / "tsa.pem").write_bytes(_pem(cert))
    (directory / "tsa-ca.pem").write_bytes(_pem(root))
    (directory / "tsa.key").write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    (directory / "serial").write_text("01\n")
    (directory / "openssl.cnf").write_text(OPENSSL_CONF.format(dir=directory))
    return root, cert


@dataclass
class Tsa:
    url: str
    ca_cert: x509.Certificate
    cert: x509.Certificate
    directory: Path
    mode: str = "ok"  # ok | garbage | error
    requests: list[bytes] = field(default_factory=list)


def _handler(tsa: Tsa) -> type[http.server.BaseHTTPRequestHandler]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_POST(self) -> None:  # noqa: N802
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            tsa.requests.append(body)
            if tsa.mode == "error":
                self.send_response(503)
                self.end_headers()
                return
            if tsa.mode == "garbage":
                reply = b"\x30\x03\x02\x01\x07not a timestamp"
            else:
                with tempfile.TemporaryDirectory() as d:
                    q, r = Path(d) / "q.tsq", Path(d) / "r.tsr"
                    q.write_bytes(body)
                    done = subprocess.run(
                        [
                            "openssl",
                            "ts",
                            "-reply",
                            "-config",
                            str(tsa.directory / "openssl.cnf"),
                            "-queryfile",
                            str(q),
                            "-out",
                            str(r),
                        ],
                        capture_output=True,
                        timeout=30,
                    )
                    if done.returncode != 0:
                        self.send_response(500)
                        self.end_headers()
                        return
                    reply = r.read_bytes()
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(reply)))
            self.end_headers()
            self.wfile.write(reply)

    return Handler


@contextlib.contextmanager
def running_tsa(directory: Path) -> Iterator[Tsa]:
    directory.mkdir(parents=True, exist_ok=True)
    root, cert = make_tsa_pki(directory)
    tsa = Tsa("", root, cert, directory)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _handler(tsa))
    tsa.url = f"http://127.0.0.1:{server.server_address[1]}/tsa"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield tsa
    finally:
        server.shutdown()
        server.server_close()
        thread.join(10)

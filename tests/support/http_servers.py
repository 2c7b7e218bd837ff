"""Hostile and helpful HTTP servers on 127.0.0.1 for the HTTP client tests.

Each is a context manager yielding an object with `.port` (and `.url`); all bind to 127.0.0.1
only and stop their threads on exit.

* ``serve(handler)``: a raw TCP server; ``handler(sock)`` speaks whatever it likes;
* ``drip_body`` / ``drip_headers`` / ``silent`` / ``huge`` / ``redirect_to`` / ``fixed``:
  handlers for the usual misbehaviours;
* ``BasicAuthProxy``: a tiny HTTP proxy (absolute-form requests and CONNECT tunnels) that
  demands Basic credentials and records what it was asked.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import ipaddress
import socket
import socketserver
import ssl
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

Handler = Callable[[socket.socket], None]


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True
    block_on_close = False

    def __init__(self, handler: Handler, tls: ssl.SSLContext | None) -> None:
        self.handler, self.tls = handler, tls
        self.connections = 0
        super().__init__(("127.0.0.1", 0), _Handler)

    @property
    def port(self) -> int:
        return self.server_address[1]

    @property
    def url(self) -> str:
        return f"{'https' if self.tls else 'http'}://127.0.0.1:{self.port}/"


class _Handler(socketserver.BaseRequestHandler):
    def handle(self) -> None:
        server: _Server = self.server  # type: ignore[assignment]
        server.connections += 1
        sock = self.request
        try:
            if server.tls is not None:
                sock = server.tls.wrap_socket(sock, server_side=True)
            server.handler(sock)
        except (OSError, ssl.SSLError):
            pass


@contextlib.contextmanager
def serve(handler: Handler, tls: ssl.SSLContext | None = None) -> Iterator[_Server]:
    server = _Server(handler, tls)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def read_request(sock: socket.socket) -> tuple[str, dict[str, str], bytes]:
    """Request line, headers (lower-case names) and body (by Content-Length)."""
    f = sock.makefile("rb")
    line = f.readline().decode("latin-1").strip()
    headers: dict[str, str] = {}
    while (h := f.readline()) not in (b"\r\n", b"\n", b""):
        name, _, value = h.decode("latin-1").partition(":")
        headers[name.strip().lower()] = value.strip()
    body = f.read(int(headers.get("content-length", "0") or 0))
    return line, headers, body


def fixed(status: int, body: bytes, extra: str = "") -> Handler:
    def handler(sock: socket.socket) -> None:
        read_request(sock)
        head = f"HTTP/1.1 {status} X\r\nContent-Length: {len(body)}\r\n{extra}Connection: close\r\n\r\n"
        sock.sendall(head.encode() + body)

    return handler


def drip_body(interval: float = 1.0, length: int = 10_000) -> Handler:
    """200 with a large Content-Length, then one byte per `interval`."""

    def handler(sock: socket.socket) -> None:
        read_request(sock)
        sock.sendall(f"HTTP/1.1 200 OK\r\nContent-Length: {length}\r\n\r\n".encode())
        for _ in range(length):
            sock.sendall(b"x")
            time.sleep(interval)

    return handler


def drip_headers(interval: float = 1.0) -> Handler:
    """The status line and headers one byte at a time, for ever."""

    def handler(sock: socket.socket) -> None:
        read_request(sock)
        head = b"HTTP/1.1 200 OK\r\n" + b"X-Slow: " + b"y" * 100_000
        for i in range(len(head)):
            sock.sendall(head[i : i + 1])
            time.sleep(interval)

    return handler


def silent(sock: socket.socket) -> None:
    """Accept, read, never answer (until the client gives up)."""
    sock.settimeout(30)
    with contextlib.suppress(OSError):
        while sock.recv(65536):
            pass


def huge(size: int, declare: bool = True) -> Handler:
    """A `size`-byte answer; with declare=False no Content-Length (read until close)."""

    def handler(sock: socket.socket) -> None:
        read_request(sock)
        length = f"Content-Length: {size}\r\n" if declare else ""
        sock.sendall(f"HTTP/1.1 200 OK\r\n{length}Connection: close\r\n\r\n".encode())
        block = b"z" * 65536
        sent = 0
        while sent < size:
            n = min(len(block), size - sent)
            sock.sendall(block[:n])
            sent += n

    return handler


def redirect_to(location: str, status: int = 302) -> Handler:
    return fixed(status, b"", f"Location: {location}\r\n")


def self_signed_tls(directory: Path, name: str = "127.0.0.1") -> tuple[ssl.SSLContext, Path]:
    """A server context with a fresh self-signed certificate (trusted by nobody), and the
    certificate's PEM file (to trust it on purpose)."""
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address(name))]), False
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = directory / "tls-cert.pem", directory / "tls-key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert_path, key_path)
    return ctx, cert_path


class BasicAuthProxy:
    """An HTTP proxy on 127.0.0.1 that wants `Proxy-Authorization: Basic user:password`.

    Plain http: forwards absolute-form requests; https: CONNECT tunnels. `.seen` records
    (method, target, authorized) for every request it got."""

    def __init__(self, user: str, password: str) -> None:
        self.expected = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()
        self.seen: list[tuple[str, str, bool]] = []
        self._cm = serve(self._handle)
        self.server: _Server | None = None

    def __enter__(self) -> BasicAuthProxy:
        self.server = self._cm.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self._cm.__exit__(None, None, None)

    @property
    def port(self) -> int:
        assert self.server is not None
        return self.server.port

    def url(self, user: str | None = None, password: str | None = None) -> str:
        auth = f"{user}:{password}@" if user is not None else ""
        return f"http://{auth}127.0.0.1:{self.port}"

    def _handle(self, sock: socket.socket) -> None:
        f = sock.makefile("rb", buffering=0)
        line = f.readline().decode("latin-1").strip()
        headers: dict[str, str] = {}
        while (h := f.readline()) not in (b"\r\n", b"\n", b""):
            name, _, value = h.decode("latin-1").partition(":")
            headers[name.strip().lower()] = value.strip()
        method, target, _ = line.split(" ", 2)
        ok = headers.get("proxy-authorization") == self.expected
        self.seen.append((method, target, ok))
        if not ok:
            sock.sendall(
                b"HTTP/1.1 407 Proxy Authentication Required\r\n"
                b'Proxy-Authenticate: Basic realm="test"\r\nContent-Length: 0\r\n\r\n'
            )
            return
        if method == "CONNECT":
            host, port = target.rsplit(":", 1)
            upstream = socket.create_connection((host, int(port)), timeout=10)
            sock.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
            _pump_both(sock, upstream)
            return
        # absolute-form: forward as origin-form to the named server
        parts = urlsplit(target)
        upstream = socket.create_connection((parts.hostname, parts.port or 80), timeout=10)
        body = (
            f.read(int(headers.get("content-length", "0") or 0))
            if "content-length" in headers
            else b""
        )
        headers.pop("proxy-authorization", None)
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        head = f"{method} {path} HTTP/1.1\r\n" + "".join(
            f"{k}: {v}\r\n" for k, v in headers.items()
        )
        upstream.sendall(head.encode("latin-1") + b"\r\n" + body)
        _pump_both(sock, upstream)


def _pump_both(a: socket.socket, b: socket.socket) -> None:
    def pump(src: socket.socket, dst: socket.socket) -> None:
        try:
            while data := src.recv(65536):
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)

    t = threading.Thread(target=pump, args=(b, a), daemon=True)
    t.start()
    pump(a, b)
    t.join(5)

"""The one HTTP client: submission, CRL/OCSP fetching and RFC 3161 timestamp requests.

    client = HttpClient(HttpSettings(proxy="http://user:pw@proxy:3128", timeout=10))
    answer = client.get("http://crl.example/ca.crl", max_bytes=64 * MiB)
    answer = client.post(url, body, content_type="application/ocsp-request")

Promises, each tested against servers on 127.0.0.1:

* the timeout bounds the WHOLE exchange (connect, proxy tunnel, TLS handshake, request body,
  headers and body), so a server that drips one byte a second fails at the deadline;
* an answer larger than ``max_bytes`` is refused (by Content-Length before reading, else while
  reading);
* only http and https, on every hop; GET follows at most ``max_redirects`` redirects, POST none
  (the caller sees the 3xx answer);
* TLS certificates and host names are always verified (system roots, or pinned CA data/file);
* a proxy (explicit, or the environment's ``http_proxy``/``https_proxy``/``no_proxy``, never for
  loopback) is used for http (absolute-form request) and https (CONNECT tunnel), with Basic
  Proxy-Authorization when its URL carries ``user:password@``.

Every failure is a typed :mod:`.errors` exception carrying data. Standard library only
(``http.client`` + ``ssl``): the request shapes here do not justify a dependency.
"""

from __future__ import annotations

import base64
import http.client
import io
import os
import socket
import ssl
import time
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from .errors import (
    BadScheme,
    ConnectFailed,
    DnsFailed,
    HttpError,
    HttpStatusError,
    ProtocolFailed,
    ProxyAuthRequired,
    ProxyError,
    ProxyRefused,
    ProxyUnreachable,
    ResponseTooLarge,
    TimedOut,
    TlsFailed,
    TlsVerifyFailed,
    TooManyRedirects,
)

MiB = 1024 * 1024
CHUNK = 64 * 1024
LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
REDIRECTS = frozenset({301, 302, 303, 307, 308})
MAX_HEADER_LINES = 100
MAX_LINE = 65536

Progress = Callable[[int, int], None]  # (bytes sent, total bytes)


@dataclass(frozen=True)
class HttpSettings:
    proxy: str | None = None  # URL, may carry user:password@; None: the environment's
    use_environment_proxy: bool = True
    timeout: float = 30.0  # seconds for the whole exchange
    max_response_bytes: int = 32 * MiB
    ca_file: Path | None = None  # trusted CA(s) instead of the system roots
    ca_pem: bytes | None = None  # the same given as data (e.g. a procedure file's pinned CA)
    max_redirects: int = 5
    user_agent: str = "jpki-desktop"


@dataclass(frozen=True)
class HttpResponse:
    status: int
    headers: Mapping[str, str]  # names in lower case
    body: bytes
    url: str  # the URL that answered (after redirects)

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "")

    def raise_for_status(self) -> HttpResponse:
        if not 200 <= self.status < 300:
            raise HttpStatusError(self.url, self.status)
        return self


@dataclass(frozen=True)
class Proxy:
    host: str
    port: int
    authorization: str | None = field(default=None, repr=False)  # "Basic …"

    @property
    def display(self) -> str:
        return f"{self.host}:{self.port}"


def parse_proxy(url: str) -> Proxy:
    """`http://[user:password@]host[:port]` (a bare `host:port` is taken as http)."""
    parts = urllib.parse.urlsplit(url if "://" in url else f"http://{url}")
    if parts.scheme.lower() != "http" or not parts.hostname:
        raise ProxyError(
            url.rsplit("@", 1)[-1], url.rsplit("@", 1)[-1], detail="unsupported proxy URL"
        )
    auth = None
    if parts.username is not None:
        user = urllib.parse.unquote(parts.username)
        password = urllib.parse.unquote(parts.password or "")
        token = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
        auth = f"Basic {token}"
    try:
        port = parts.port or 8080
    except ValueError:
        raise ProxyError(parts.hostname, parts.hostname, detail="bad proxy port") from None
    return Proxy(parts.hostname, port, auth)


def proxy_for(scheme: str, host: str, settings: HttpSettings) -> Proxy | None:
    """An explicit proxy always applies; the environment's never for loopback or no_proxy."""
    url = settings.proxy
    if url is None and settings.use_environment_proxy:
        bypass = urllib.request.proxy_bypass_environment  # type: ignore[attr-defined]
        if host in LOOPBACK or bypass(host):
            return None
        url = urllib.request.getproxies_environment().get(scheme)
    return parse_proxy(url) if url else None


@dataclass(frozen=True)
class _Target:
    url: str
    scheme: str
    host: str
    port: int
    path: str  # origin-form request target

    @property
    def host_header(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        default = 443 if self.scheme == "https" else 80
        return host if self.port == default else f"{host}:{self.port}"


def _target(url: str) -> _Target:
    parts = urllib.parse.urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise BadScheme(url, scheme)
    if not parts.hostname:
        raise ProtocolFailed(url, detail="no host in URL")
    try:
        port = parts.port or (443 if scheme == "https" else 80)
    except ValueError:
        raise ProtocolFailed(url, detail="bad port in URL") from None
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return _Target(url, scheme, parts.hostname, port, path)


class _Deadline:
    def __init__(self, url: str, timeout: float) -> None:
        self.url, self.timeout = url, timeout
        self.end = time.monotonic() + timeout

    def left(self) -> float:
        remaining = self.end - time.monotonic()
        if remaining <= 0:
            raise TimedOut(self.url, self.timeout)
        return remaining

    def arm(self, sock: socket.socket) -> None:
        sock.settimeout(self.left())


class _DeadlineRaw(io.RawIOBase):
    """Socket reads that never outlive the exchange's deadline (a per-read timeout alone lets
    a server dripping one byte a second go on for ever)."""

    def __init__(self, sock: socket.socket, deadline: _Deadline) -> None:
        self._sock, self._deadline = sock, deadline

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        self._deadline.arm(self._sock)
        return self._sock.recv_into(buffer)


class _DeadlineSocket:
    """What http.client.HTTPResponse needs of a socket: makefile('rb')."""

    def __init__(self, sock: socket.socket, deadline: _Deadline) -> None:
        self._sock, self._deadline = sock, deadline

    def makefile(self, mode: str = "rb", *args: Any, **kwargs: Any) -> io.BufferedReader:
        return io.BufferedReader(_DeadlineRaw(self._sock, self._deadline))


class _Connection(http.client.HTTPConnection):
    """An HTTPConnection over a socket we opened (direct, proxied or tunnelled) whose responses
    are read under the deadline."""

    def __init__(self, sock: socket.socket, deadline: _Deadline) -> None:
        super().__init__("unused.invalid")
        self.sock = sock
        self._deadline = deadline

    def connect(self) -> None:  # the socket is always given
        raise ProtocolFailed(self._deadline.url, detail="connection closed")

    def close(self) -> None:
        # http.client closes the socket as soon as the headers say "Connection: close", before
        # the body is read (its makefile() keeps the fd alive; ours does not): the exchange
        # closes the socket itself when it is done.
        self.sock = None
        super().close()

    def getresponse(self) -> http.client.HTTPResponse:
        self.response_class = self._response  # type: ignore[assignment]
        return super().getresponse()

    def _response(self, sock: socket.socket, method: str | None = None) -> http.client.HTTPResponse:
        return http.client.HTTPResponse(
            _DeadlineSocket(sock, self._deadline),  # type: ignore[arg-type]
            method=method,
        )


def _read_head(reader: io.BufferedReader[Any], url: str) -> tuple[int, dict[str, str]]:
    """Status line and headers of an answer (used for the proxy's CONNECT answer)."""
    line = reader.readline(MAX_LINE)
    try:
        _, status, *_ = line.decode("latin-1").split(" ", 2)
        code = int(status)
    except ValueError:
        raise ProtocolFailed(url, detail="not an HTTP answer from the proxy") from None
    headers: dict[str, str] = {}
    for _ in range(MAX_HEADER_LINES):
        line = reader.readline(MAX_LINE)
        if line in (b"\r\n", b"\n", b""):
            return code, headers
        name, _, value = line.decode("latin-1").partition(":")
        headers[name.strip().lower()] = value.strip()
    raise ProtocolFailed(url, detail="too many header lines from the proxy")


class HttpClient:
    def __init__(self, settings: HttpSettings = HttpSettings()) -> None:
        self.settings = settings
        self._tls: ssl.SSLContext | None = None

    # -- public API --------------------------------------------------------------------------

    def get(
        self,
        url: str,
        *,
        timeout: float | None = None,
        max_bytes: int | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> HttpResponse:
        """GET, following at most ``max_redirects`` http(s) redirects within one deadline."""
        deadline = _Deadline(url, timeout if timeout is not None else self.settings.timeout)
        limit = max_bytes if max_bytes is not None else self.settings.max_response_bytes
        sent_headers = dict(headers or {})
        current = url
        for _ in range(self.settings.max_redirects + 1):
            target = _target(current)
            answer = self._exchange("GET", target, None, 0, sent_headers, deadline, limit, None)
            location = answer.headers.get("location")
            if answer.status not in REDIRECTS or not location:
                return answer
            following = urllib.parse.urljoin(current, location)
            _target(following)  # refuse ftp:// and the like before connecting anywhere
            if urllib.parse.urlsplit(following).hostname != target.host:
                sent_headers.pop("Authorization", None)  # never hand credentials to another host
            current = following
        raise TooManyRedirects(url, self.settings.max_redirects)

    def post(
        self,
        url: str,
        body: bytes | BinaryIO,
        *,
        content_type: str,
        timeout: float | None = None,
        max_bytes: int | None = None,
        headers: Mapping[str, str] | None = None,
        progress: Progress | None = None,
    ) -> HttpResponse:
        """POST `body` (bytes, or a binary file streamed from its current position). Redirects
        are not followed: a 3xx answer is returned as it is."""
        deadline = _Deadline(url, timeout if timeout is not None else self.settings.timeout)
        limit = max_bytes if max_bytes is not None else self.settings.max_response_bytes
        target = _target(url)
        if isinstance(body, bytes | bytearray | memoryview):
            source: BinaryIO = io.BytesIO(bytes(body))
            total = len(body)
        else:
            source = body
            start = source.tell()
            total = source.seek(0, os.SEEK_END) - start
            source.seek(start)
        all_headers = {**(headers or {}), "Content-Type": content_type}
        return self._exchange(
            "POST", target, (source, total), total, all_headers, deadline, limit, progress
        )

    # -- one request on one connection ------------------------------------------------------

    def _context(self) -> ssl.SSLContext:
        if self._tls is None:
            s = self.settings
            ctx = ssl.create_default_context(
                cafile=str(s.ca_file) if s.ca_file else None,
                cadata=s.ca_pem.decode("ascii") if s.ca_pem else None,
            )
            ctx.minimum_version = ssl.TLSVersion.TLSv1_2
            self._tls = ctx  # check_hostname and CERT_REQUIRED are the defaults; never relaxed
        return self._tls

    def _exchange(
        self,
        method: str,
        target: _Target,
        body: tuple[BinaryIO, int] | None,
        total: int,
        headers: Mapping[str, str],
        deadline: _Deadline,
        limit: int,
        progress: Progress | None,
    ) -> HttpResponse:
        proxy = proxy_for(target.scheme, target.host, self.settings)
        sock = self._open(target, proxy, deadline)
        conn = _Connection(sock, deadline)
        try:
            request_target = target.path
            all_headers = {
                "Host": target.host_header,
                "User-Agent": self.settings.user_agent,
                "Connection": "close",
                **headers,
            }
            if proxy is not None and target.scheme == "http":
                request_target = target.url  # absolute-form through a plain HTTP proxy
                if proxy.authorization:
                    all_headers["Proxy-Authorization"] = proxy.authorization
            if body is not None:
                all_headers["Content-Length"] = str(total)
            deadline.arm(sock)
            conn.request(
                method,
                request_target,
                body=None
                if body is None
                else self._chunks(body[0], total, sock, deadline, progress),
                headers=all_headers,
                encode_chunked=False,
            )
            response = conn.getresponse()
            if proxy is not None and target.scheme == "http" and response.status == 407:
                raise ProxyAuthRequired(target.url, proxy.display)
            return self._read(target, response, limit)
        except HttpError:
            raise
        except TimeoutError:
            raise TimedOut(target.url, deadline.timeout) from None
        except ssl.SSLError as exc:
            raise TlsFailed(target.url, detail=exc.reason or type(exc).__name__) from None
        except (http.client.HTTPException, ValueError) as exc:
            if isinstance(exc, ConnectionError):  # RemoteDisconnected is both
                raise ConnectFailed(
                    target.url, target.host, target.port, detail="connection lost"
                ) from None
            raise ProtocolFailed(target.url, detail=type(exc).__name__) from None
        except OSError as exc:
            raise ConnectFailed(
                target.url,
                target.host,
                target.port,
                detail=f"connection lost ({type(exc).__name__})",
            ) from None
        finally:
            conn.close()
            sock.close()

    @staticmethod
    def _chunks(
        source: BinaryIO,
        total: int,
        sock: socket.socket,
        deadline: _Deadline,
        progress: Progress | None,
    ) -> Iterator[bytes]:
        sent = 0
        while sent < total:
            chunk = source.read(min(CHUNK, total - sent))
            if not chunk:
                break
            deadline.arm(sock)  # sendall's timeout bounds each chunk; the deadline bounds all
            yield chunk
            sent += len(chunk)
            if progress is not None:
                progress(sent, total)

    def _read(
        self, target: _Target, response: http.client.HTTPResponse, limit: int
    ) -> HttpResponse:
        headers = {k.lower(): v for k, v in response.getheaders()}
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise ResponseTooLarge(target.url, limit)
        parts: list[bytes] = []
        size = 0
        while True:
            piece = response.read(min(CHUNK, limit + 1 - size))
            if not piece:
                break
            parts.append(piece)
            size += len(piece)
            if size > limit:
                raise ResponseTooLarge(target.url, limit)
        return HttpResponse(response.status, headers, b"".join(parts), target.url)

    # -- sockets -----------------------------------------------------------------------------

    def _open(self, target: _Target, proxy: Proxy | None, deadline: _Deadline) -> socket.socket:
        if proxy is None:
            sock = self._connect(target.url, target.host, target.port, deadline, None)
        else:
            sock = self._connect(target.url, proxy.host, proxy.port, deadline, proxy)
            if target.scheme == "https":
                try:
                    self._tunnel(sock, target, proxy, deadline)
                except BaseException:
                    sock.close()
                    raise
        if target.scheme != "https":
            return sock
        try:
            tls = self._context().wrap_socket(
                sock, server_hostname=target.host, do_handshake_on_connect=False
            )
            deadline.arm(tls)
            tls.do_handshake()
            return tls
        except ssl.SSLCertVerificationError as exc:
            sock.close()
            raise TlsVerifyFailed(
                target.url, target.host, detail=exc.verify_message or "certificate verify failed"
            ) from None
        except ssl.SSLError as exc:
            sock.close()
            raise TlsFailed(target.url, detail=exc.reason or type(exc).__name__) from None
        except TimeoutError:
            sock.close()
            raise TimedOut(target.url, deadline.timeout) from None
        except OSError as exc:
            sock.close()
            raise ConnectFailed(
                target.url,
                target.host,
                target.port,
                detail=f"TLS handshake failed ({type(exc).__name__})",
            ) from None

    @staticmethod
    def _connect(
        url: str, host: str, port: int, deadline: _Deadline, proxy: Proxy | None
    ) -> socket.socket:
        try:
            return socket.create_connection((host, port), timeout=deadline.left())
        except socket.gaierror:
            if proxy is not None:
                raise ProxyUnreachable(
                    url, proxy.display, detail=f"cannot resolve proxy {host}"
                ) from None
            raise DnsFailed(url, host) from None
        except TimeoutError:
            raise TimedOut(url, deadline.timeout) from None
        except OSError as exc:
            if proxy is not None:
                raise ProxyUnreachable(url, proxy.display) from None
            raise ConnectFailed(
                url, host, port, detail=f"{type(exc).__name__} {host}:{port}"
            ) from None

    @staticmethod
    def _tunnel(sock: socket.socket, target: _Target, proxy: Proxy, deadline: _Deadline) -> None:
        authority = f"{target.host_header if ':' in target.host else target.host}:{target.port}"
        lines = [f"CONNECT {authority} HTTP/1.1", f"Host: {authority}"]
        if proxy.authorization:
            lines.append(f"Proxy-Authorization: {proxy.authorization}")
        try:
            deadline.arm(sock)
            sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))
            # unbuffered: not one byte of the server's TLS answer may be read here
            reader = io.BufferedReader(_DeadlineRaw(sock, deadline), buffer_size=1)
            status, _ = _read_head(reader, target.url)
        except TimeoutError:
            raise TimedOut(target.url, deadline.timeout) from None
        except OSError:
            raise ProxyUnreachable(
                target.url, proxy.display, detail="proxy closed the connection"
            ) from None
        if status == 407:
            raise ProxyAuthRequired(target.url, proxy.display)
        if status != 200:
            raise ProxyRefused(target.url, proxy.display, status)

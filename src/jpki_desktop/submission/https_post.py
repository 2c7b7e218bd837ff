"""One HTTPS POST of a package file: streamed from disk with progress, pinned or system TLS
roots, TLS 1.2+, timeouts, an optional HTTP proxy (CONNECT). Standard library only
(http.client + ssl): a single request shape does not justify a dependency."""

from __future__ import annotations

import http.client
import os
import ssl
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .errors import Undelivered

CHUNK = 64 * 1024
MAX_RESPONSE_BYTES = 512 * 1024
LOOPBACK = {"127.0.0.1", "localhost", "::1"}

Progress = Callable[[int, int], None]  # (bytes sent, total bytes)


@dataclass(frozen=True)
class TransportSettings:
    timeout: float = 30.0  # seconds, per connect and per read
    proxy: str | None = None  # "http://host:port"; None: the https_proxy environment variable
    use_environment_proxy: bool = True


@dataclass
class HttpAnswer:
    status: int
    content_type: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)


def tls_context(pinned_ca_pem: bytes | None) -> ssl.SSLContext:
    """Pinned CA(s) for the endpoint, or the system's roots. Hostname is always checked."""
    if pinned_ca_pem is not None:
        ctx = ssl.create_default_context(cadata=pinned_ca_pem.decode("ascii"))
    else:
        ctx = ssl.create_default_context()
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    return ctx


def _proxy_for(host: str, settings: TransportSettings) -> tuple[str, int] | None:
    """An explicit proxy setting always applies; the environment's never for loopback."""
    url = settings.proxy
    if url is None and settings.use_environment_proxy:
        # proxy_bypass_environment is public but missing from typeshed's stubs
        if host in LOOPBACK or urllib.request.proxy_bypass_environment(host):  # type: ignore[attr-defined]
            return None
        url = urllib.request.getproxies_environment().get("https")
    if not url:
        return None
    parsed = urllib.parse.urlsplit(url if "://" in url else f"http://{url}")
    if not parsed.hostname:
        return None
    return parsed.hostname, parsed.port or 8080


def _chunks(path: Path, total: int, progress: Progress | None) -> Iterator[bytes]:
    sent = 0
    with open(path, "rb") as f:
        while True:
            chunk = f.read(CHUNK)
            if not chunk:
                break
            sent += len(chunk)
            yield chunk
            if progress is not None:
                progress(sent, total)


def post_file(
    url: str,
    path: Path,
    headers: dict[str, str],
    *,
    pinned_ca_pem: bytes | None,
    settings: TransportSettings = TransportSettings(),
    progress: Progress | None = None,
) -> HttpAnswer:
    """POST the file at `path` to `url`. Network and TLS failures raise Undelivered."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme != "https" or not parts.hostname:
        raise Undelivered("protocol", "endpoint is not an https URL")
    host, port = parts.hostname, parts.port or 443
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    total = os.path.getsize(path)
    ctx = tls_context(pinned_ca_pem)
    proxy = _proxy_for(host, settings)
    if proxy is None:
        conn = http.client.HTTPSConnection(host, port, timeout=settings.timeout, context=ctx)
    else:
        conn = http.client.HTTPSConnection(
            proxy[0], proxy[1], timeout=settings.timeout, context=ctx
        )
        conn.set_tunnel(host, port)
    try:
        conn.request(
            "POST",
            target,
            body=_chunks(path, total, progress),
            headers={**headers, "Content-Length": str(total)},
        )
        response = conn.getresponse()
        body = response.read(MAX_RESPONSE_BYTES + 1)
        if len(body) > MAX_RESPONSE_BYTES:
            raise Undelivered("protocol", "answer too large", status=response.status)
        return HttpAnswer(
            response.status,
            response.getheader("Content-Type", "") or "",
            body,
            {k.lower(): v for k, v in response.getheaders()},
        )
    except ssl.SSLCertVerificationError as exc:
        raise Undelivered("tls", exc.verify_message or "certificate verify failed") from None
    except ssl.SSLError as exc:
        raise Undelivered("tls", exc.reason or type(exc).__name__) from None
    except TimeoutError:
        raise Undelivered("timeout", f"no answer within {settings.timeout:g} s") from None
    except (http.client.HTTPException, OSError) as exc:
        raise Undelivered("unreachable", type(exc).__name__) from None
    finally:
        conn.close()


def get_json_bytes(
    url: str, *, pinned_ca_pem: bytes | None, settings: TransportSettings = TransportSettings()
) -> bytes:
    """GET (used for the agency's procedure list)."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme != "https" or not parts.hostname:
        raise Undelivered("protocol", "endpoint is not an https URL")
    conn = http.client.HTTPSConnection(
        parts.hostname,
        parts.port or 443,
        timeout=settings.timeout,
        context=tls_context(pinned_ca_pem),
    )
    try:
        conn.request("GET", parts.path or "/")
        response = conn.getresponse()
        body = response.read(4 * 1024 * 1024)
        if response.status != 200:
            raise Undelivered(
                "server-error" if response.status >= 500 else "protocol", status=response.status
            )
        return body
    except ssl.SSLCertVerificationError as exc:
        raise Undelivered("tls", exc.verify_message or "certificate verify failed") from None
    except ssl.SSLError as exc:
        raise Undelivered("tls", exc.reason or type(exc).__name__) from None
    except TimeoutError:
        raise Undelivered("timeout") from None
    except (http.client.HTTPException, OSError) as exc:
        raise Undelivered("unreachable", type(exc).__name__) from None
    finally:
        conn.close()

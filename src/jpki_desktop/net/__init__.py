"""Network access for the core: the one HTTP client (:mod:`.http`) and its typed errors.

from jpki_desktop.net import HttpClient, HttpSettings
HttpClient(HttpSettings(proxy=..., timeout=10)).get(url, max_bytes=...)
"""

from __future__ import annotations

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
from .http import HttpClient, HttpResponse, HttpSettings, MiB, Progress, Proxy, proxy_for

__all__ = [
    "BadScheme",
    "ConnectFailed",
    "DnsFailed",
    "HttpClient",
    "HttpError",
    "HttpResponse",
    "HttpSettings",
    "HttpStatusError",
    "MiB",
    "Progress",
    "ProtocolFailed",
    "Proxy",
    "ProxyAuthRequired",
    "ProxyError",
    "ProxyRefused",
    "ProxyUnreachable",
    "ResponseTooLarge",
    "TimedOut",
    "TlsFailed",
    "TlsVerifyFailed",
    "TooManyRedirects",
    "proxy_for",
]

"""Network access for the core: the one HTTP client (:mod:`.http`) and its typed errors
(:mod:`.errors`).

from jpki_desktop.net import HttpClient, HttpSettings
HttpClient(HttpSettings(proxy=..., timeout=10)).get(url, max_bytes=...)
"""

from __future__ import annotations

from . import errors
from .http import HttpClient, HttpResponse, HttpSettings, MiB, Progress, Proxy, proxy_for

__all__ = [
    "HttpClient",
    "HttpResponse",
    "HttpSettings",
    "MiB",
    "Progress",
    "Proxy",
    "errors",
    "proxy_for",
]

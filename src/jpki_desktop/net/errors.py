"""Typed HTTP errors. Each carries data (the URL, the host, the limit…), never a sentence: the
CLI (cli/errors.py) and the GUI (ui/messages.py) phrase them."""

from __future__ import annotations


class HttpError(Exception):
    """Base class: the exchange with `url` failed (no usable answer)."""

    def __init__(self, url: str, detail: str = "") -> None:
        super().__init__(f"{url}: {detail}" if detail else url)
        self.url = url
        self.detail = detail


class BadScheme(HttpError):
    """Only http and https are spoken, on every hop (a redirect to ftp:// is refused)."""

    def __init__(self, url: str, scheme: str) -> None:
        super().__init__(url, f"scheme {scheme!r}")
        self.scheme = scheme


class DnsFailed(HttpError):
    def __init__(self, url: str, host: str) -> None:
        super().__init__(url, f"cannot resolve {host}")
        self.host = host


class ConnectFailed(HttpError):
    """Connection refused, reset or unreachable."""

    def __init__(self, url: str, host: str, port: int, detail: str = "") -> None:
        super().__init__(url, detail or f"cannot connect to {host}:{port}")
        self.host = host
        self.port = port


class ProxyError(HttpError):
    """The proxy could not be used. `proxy` is host:port (never its credentials)."""

    def __init__(self, url: str, proxy: str, detail: str = "") -> None:
        super().__init__(url, detail or f"proxy {proxy}")
        self.proxy = proxy


class ProxyUnreachable(ProxyError):
    pass


class ProxyAuthRequired(ProxyError):
    """The proxy answered 407: credentials missing or wrong."""

    def __init__(self, url: str, proxy: str) -> None:
        super().__init__(url, proxy, f"proxy {proxy} wants other credentials (HTTP 407)")


class ProxyRefused(ProxyError):
    """The proxy refused the tunnel or the request with another status."""

    def __init__(self, url: str, proxy: str, status: int) -> None:
        super().__init__(url, proxy, f"proxy {proxy} answered {status}")
        self.status = status


class TlsVerifyFailed(HttpError):
    """The server's certificate was refused (untrusted, wrong host name, expired)."""

    def __init__(self, url: str, host: str, detail: str = "") -> None:
        super().__init__(url, detail or "certificate verify failed")
        self.host = host


class TlsFailed(HttpError):
    """Another TLS failure (handshake, protocol version)."""


class TimedOut(HttpError):
    """The whole exchange (connect, request, headers, body) did not finish within `timeout`."""

    def __init__(self, url: str, timeout: float) -> None:
        super().__init__(url, f"no complete answer within {timeout:g} s")
        self.timeout = timeout


class ResponseTooLarge(HttpError):
    def __init__(self, url: str, limit: int) -> None:
        super().__init__(url, f"answer larger than {limit} bytes")
        self.limit = limit


class TooManyRedirects(HttpError):
    def __init__(self, url: str, limit: int) -> None:
        super().__init__(url, f"more than {limit} redirects")
        self.limit = limit


class ProtocolFailed(HttpError):
    """The server's answer is not HTTP this client can read."""


class HttpStatusError(HttpError):
    """Raised by :meth:`HttpResponse.raise_for_status` for a status other than 2xx."""

    def __init__(self, url: str, status: int) -> None:
        super().__init__(url, f"HTTP {status}")
        self.status = status

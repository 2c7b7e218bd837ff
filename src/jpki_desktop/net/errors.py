"""Typed HTTP errors. Each carries data (the URL, the host, the limit…), never a sentence: the
CLI (cli/errors.py) and the GUI (ui/messages.py) phrase them."""

from __future__ import annotations

from dataclasses import KW_ONLY, field
from typing import ClassVar

from ..typed_error import TypedError


class HttpError(TypedError):
    """Base class: the exchange with `url` failed (no usable answer); `detail` says how.

    `detail` is the caller's (by keyword: what the socket or the parser said); when it is not
    given it is made from `_detail`, the class's template over its fields."""

    url: str
    _: KW_ONLY
    detail: str = ""
    _detail: ClassVar[str] = ""
    _text = ("{url}", "{detail}")

    def __post_init__(self) -> None:
        if not self.detail:  # not given, or not a parameter of this class
            self.detail = self._detail.format_map(vars(self))
        super().__post_init__()


class BadScheme(HttpError):
    """Only http and https are spoken, on every hop (a redirect to ftp:// is refused)."""

    scheme: str
    _detail = "scheme {scheme!r}"


class ServerUnreachable(HttpError):
    """Base class: the server `host` could not be reached, by its name or by a connection (a
    proxy that cannot be reached is a :class:`ProxyUnreachable`)."""

    host: str


class DnsFailed(ServerUnreachable):
    """The host name does not resolve."""

    _detail = "cannot resolve {host}"


class ConnectFailed(ServerUnreachable):
    """Connection refused, reset or unreachable."""

    port: int
    _detail = "cannot connect to {host}:{port}"


class ProxyError(HttpError):
    """The proxy could not be used. `proxy` is host:port (never its credentials)."""

    proxy: str
    _detail = "proxy {proxy}"


class ProxyUnreachable(ProxyError):
    pass


class ProxyAuthRequired(ProxyError):
    """The proxy answered 407: credentials missing or wrong."""

    detail: str = field(init=False, default="")  # always made from _detail
    _detail = "proxy {proxy} wants other credentials (HTTP 407)"


class ProxyRefused(ProxyError):
    """The proxy refused the tunnel or the request with another status."""

    detail: str = field(init=False, default="")  # always made from _detail
    status: int
    _detail = "proxy {proxy} answered {status}"


class TlsError(HttpError):
    """Base class: TLS with the server failed, on its certificate or on the protocol."""


class TlsVerifyFailed(TlsError):
    """The server's certificate was refused (untrusted, wrong host name, expired)."""

    host: str
    _detail = "certificate verify failed"


class TlsFailed(TlsError):
    """Another TLS failure (handshake, protocol version)."""


class TimedOut(HttpError):
    """The whole exchange (connect, request, headers, body) did not finish within `timeout`."""

    timeout: float
    _detail = "no complete answer within {timeout:g} s"


class LimitExceeded(HttpError):
    """Base class: the answer went past `limit`, a bound this client sets (HttpSettings's
    max_response_bytes, max_redirects), so the client stopped."""

    limit: int


class ResponseTooLarge(LimitExceeded):
    """The answer is larger than `limit` bytes; the rest was not read."""

    _detail = "answer larger than {limit} bytes"


class TooManyRedirects(LimitExceeded):
    """More than `limit` redirects."""

    _detail = "more than {limit} redirects"


class ProtocolFailed(HttpError):
    """The server's answer is not HTTP this client can read."""


class HttpStatusError(HttpError):
    """Raised by :meth:`HttpResponse.raise_for_status` for a status other than 2xx."""

    status: int
    _detail = "HTTP {status}"

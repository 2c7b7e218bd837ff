"""Fetch revocation data (CRL over HTTP, OCSP over HTTP POST) and keep CRLs in a local cache.

Synchronous, through the one HTTP client (:mod:`jpki_desktop.net.http`: the proxy setting with
its credentials, a timeout bounding the whole exchange, a size cap, only http/https on every
hop and a bounded number of redirects). Every failure is a :class:`FetchError` with a problem
code — a responder that is down or answers garbage never
turns into a "good" answer. Whether the data is *trustworthy* (signature, freshness, status) is
decided by pyhanko-certvalidator in :mod:`.check`, not here.

Endpoints come from :class:`Endpoints` (configured URLs first, then the certificate's own CRL
distribution point / OCSP URLs). Real JPKI end-entity certificates carry no URLs, and J-LIS
serves revocation status only to licensed verifiers, so for a real card an endpoint must be
configured (e.g. a platform operator's), otherwise the check says "could not check".
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.x509 import ocsp

from ..fileio import atomic_write_bytes
from ..net import errors as N
from ..net.http import HttpClient, HttpSettings
from .errors import ValidityError

MAX_CRL_BYTES = 64 * 1024 * 1024
MAX_OCSP_BYTES = 1024 * 1024


class Method(str, enum.Enum):
    OCSP = "ocsp"
    CRL = "crl"


@dataclass(frozen=True)
class Endpoints:
    """Where to ask. Configured URLs are tried before the certificate's own pointers."""

    ocsp_urls: tuple[str, ...] = ()
    crl_urls: tuple[str, ...] = ()
    use_certificate_pointers: bool = True
    prefer: Method = Method.OCSP
    timeout: float = 10.0  # seconds for each whole exchange
    http: HttpSettings = field(default_factory=HttpSettings)  # proxy (the timeout is above)


class FetchProblem(str, enum.Enum):
    BAD_URL = "bad_url"  # not http(s), here or in a redirect
    UNREACHABLE = "unreachable"  # connection refused, DNS, TLS refused
    TIMEOUT = "timeout"  # no complete answer in time (slow or silent server)
    PROXY = "proxy"  # the proxy is down, refused, or wants other credentials
    HTTP_STATUS = "http_status"  # answered, but not 200 (or too many redirects)
    TOO_LARGE = "too_large"
    GARBAGE = "garbage"  # not a CRL / OCSP response
    OCSP_REFUSED = "ocsp_refused"  # a well-formed OCSP error status (tryLater, unauthorized, …)


class FetchError(ValidityError):
    def __init__(self, problem: FetchProblem, url: str, detail: str = "") -> None:
        super().__init__(f"{problem.value} {url} {detail}".strip())
        self.problem = problem
        self.url = url
        self.detail = detail


@dataclass(frozen=True)
class FetchedCrl:
    url: str
    der: bytes
    fetched_at: dt.datetime
    this_update: dt.datetime
    next_update: dt.datetime | None
    from_cache: bool = False


@dataclass(frozen=True)
class FetchedOcsp:
    url: str
    der: bytes
    fetched_at: dt.datetime


def _problem(exc: N.HttpError) -> FetchProblem:
    if isinstance(exc, N.BadScheme):
        return FetchProblem.BAD_URL
    if isinstance(exc, N.TimedOut):
        return FetchProblem.TIMEOUT
    if isinstance(exc, N.ProxyError):
        return FetchProblem.PROXY
    if isinstance(exc, N.ResponseTooLarge):
        return FetchProblem.TOO_LARGE
    if isinstance(exc, N.TooManyRedirects | N.HttpStatusError):
        return FetchProblem.HTTP_STATUS
    if isinstance(exc, N.ProtocolFailed):
        return FetchProblem.GARBAGE
    return FetchProblem.UNREACHABLE


def _http(
    url: str,
    *,
    timeout: float,
    limit: int,
    body: bytes | None = None,
    content_type: str = "",
    http: HttpSettings | None = None,
) -> bytes:
    client = HttpClient(http or HttpSettings())
    try:
        if body is None:
            answer = client.get(url, timeout=timeout, max_bytes=limit)
        else:
            answer = client.post(
                url, body, content_type=content_type, timeout=timeout, max_bytes=limit
            )
    except N.HttpError as exc:
        raise FetchError(_problem(exc), url, exc.detail) from None
    if answer.status != 200:
        raise FetchError(FetchProblem.HTTP_STATUS, url, str(answer.status))
    return answer.body


def parse_crl(
    url: str, der: bytes, fetched_at: dt.datetime, *, from_cache: bool = False
) -> FetchedCrl:
    try:
        crl = x509.load_der_x509_crl(der)
        this_update, next_update = crl.last_update_utc, crl.next_update_utc
    except ValueError:
        try:  # some servers send PEM
            crl = x509.load_pem_x509_crl(der)
            der = crl.public_bytes(serialization.Encoding.DER)
            this_update, next_update = crl.last_update_utc, crl.next_update_utc
        except ValueError:
            raise FetchError(FetchProblem.GARBAGE, url, "not a CRL") from None
    return FetchedCrl(url, der, fetched_at, this_update, next_update, from_cache)


def fetch_crl(
    url: str,
    *,
    now: dt.datetime,
    timeout: float = 10.0,
    limit: int = MAX_CRL_BYTES,
    http: HttpSettings | None = None,
) -> FetchedCrl:
    return parse_crl(url, _http(url, timeout=timeout, limit=limit, http=http), now)


def ocsp_request(cert: x509.Certificate, issuer: x509.Certificate) -> bytes:
    req = ocsp.OCSPRequestBuilder().add_certificate(cert, issuer, hashes.SHA1()).build()
    return req.public_bytes(serialization.Encoding.DER)


def fetch_ocsp(
    url: str,
    cert: x509.Certificate,
    issuer: x509.Certificate,
    *,
    now: dt.datetime,
    timeout: float = 10.0,
    http: HttpSettings | None = None,
) -> FetchedOcsp:
    der = _http(
        url,
        timeout=timeout,
        limit=MAX_OCSP_BYTES,
        body=ocsp_request(cert, issuer),
        content_type="application/ocsp-request",
        http=http,
    )
    try:
        resp = ocsp.load_der_ocsp_response(der)
    except ValueError:
        raise FetchError(FetchProblem.GARBAGE, url, "not an OCSP response") from None
    if resp.response_status is not ocsp.OCSPResponseStatus.SUCCESSFUL:
        raise FetchError(FetchProblem.OCSP_REFUSED, url, resp.response_status.name.lower())
    return FetchedOcsp(url, der, now)


class CrlCache:
    """CRLs by URL in the user cache directory, each with the time it was fetched."""

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = Path(directory) if directory else default_cache_dir()

    def _paths(self, url: str) -> tuple[Path, Path]:
        key = hashlib.sha256(url.encode("utf-8")).hexdigest()[:32]
        return self.directory / f"{key}.crl", self.directory / f"{key}.json"

    def store(self, fetched: FetchedCrl) -> None:
        crl_path, meta_path = self._paths(fetched.url)
        atomic_write_bytes(crl_path, fetched.der)
        meta = {"url": fetched.url, "fetched_at": fetched.fetched_at.isoformat()}
        atomic_write_bytes(meta_path, json.dumps(meta).encode("utf-8"))

    def load(self, url: str) -> FetchedCrl | None:
        """The cached CRL for `url`, or None (absent or unreadable: a broken cache is no answer)."""
        crl_path, meta_path = self._paths(url)
        try:
            meta = json.loads(meta_path.read_text("utf-8"))
            fetched_at = dt.datetime.fromisoformat(meta["fetched_at"])
            if meta.get("url") != url:
                return None
            return parse_crl(url, crl_path.read_bytes(), fetched_at, from_cache=True)
        except (OSError, ValueError, KeyError, TypeError, FetchError):
            return None


def default_cache_dir() -> Path:
    return platformdirs.user_cache_path("jpki-desktop") / "revocation"

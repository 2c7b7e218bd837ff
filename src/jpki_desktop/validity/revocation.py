"""Fetch revocation data (CRL over HTTP, OCSP over HTTP POST) and keep CRLs in a local cache.

Synchronous, stdlib HTTP (urllib) with a timeout and a size cap; only http/https. Every failure
is a :class:`FetchError` with a problem code — a responder that is down or answers garbage never
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
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.x509 import ocsp

from ..fileio import atomic_write_bytes
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
    timeout: float = 10.0


class FetchProblem(str, enum.Enum):
    BAD_URL = "bad_url"  # not http(s)
    UNREACHABLE = "unreachable"  # connection refused, DNS, timeout
    HTTP_STATUS = "http_status"  # answered, but not 200
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


def _http(
    url: str, *, timeout: float, limit: int, body: bytes | None = None, content_type: str = ""
) -> bytes:
    scheme = urllib.parse.urlsplit(url).scheme.lower()
    if scheme not in ("http", "https"):
        raise FetchError(FetchProblem.BAD_URL, url)
    req = urllib.request.Request(url, data=body, method="POST" if body is not None else "GET")
    if content_type:
        req.add_header("Content-Type", content_type)
    req.add_header("User-Agent", "jpki-desktop")
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 (scheme checked)
            if resp.status != 200:
                raise FetchError(FetchProblem.HTTP_STATUS, url, str(resp.status))
            data = resp.read(limit + 1)
    except urllib.error.HTTPError as exc:
        raise FetchError(FetchProblem.HTTP_STATUS, url, str(exc.code)) from None
    except (urllib.error.URLError, OSError, ValueError) as exc:  # refused, timeout, reset, bad host
        raise FetchError(FetchProblem.UNREACHABLE, url, type(exc).__name__) from None
    if len(data) > limit:
        raise FetchError(FetchProblem.TOO_LARGE, url)
    return data


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
    url: str, *, now: dt.datetime, timeout: float = 10.0, limit: int = MAX_CRL_BYTES
) -> FetchedCrl:
    return parse_crl(url, _http(url, timeout=timeout, limit=limit), now)


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
) -> FetchedOcsp:
    der = _http(
        url,
        timeout=timeout,
        limit=MAX_OCSP_BYTES,
        body=ocsp_request(cert, issuer),
        content_type="application/ocsp-request",
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
    import platformdirs

    return platformdirs.user_cache_path("jpki-desktop") / "revocation"

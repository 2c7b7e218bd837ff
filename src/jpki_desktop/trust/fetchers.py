"""pyhanko-certvalidator fetchers on the one HTTP client (proxy, credentials, whole-exchange
timeouts, size caps, http(s)-only redirects), instead of its own aiohttp/requests backends.

CRLs (from the certificates' distribution points) and OCSP (from their AIA) are fetched;
issuer certificates (AIA caIssuers) are not: JPKI certificates carry none, and chains come
from the signature or the bundled anchors.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator, Awaitable, Callable, Iterable
from typing import Any, TypeAlias

from asn1crypto import cms, crl, ocsp, pem, x509
from pyhanko_certvalidator import errors
from pyhanko_certvalidator.authority import Authority
from pyhanko_certvalidator.fetchers.api import (
    CertificateFetcher,
    CRLFetcher,
    FetcherBackend,
    Fetchers,
    FetchLimits,
    OCSPFetcher,
)
from pyhanko_certvalidator.fetchers.common_utils import (
    FetchBudget,
    FetchKind,
    crl_job_results_as_completed,
    enumerate_delivery_point_urls,
    format_ocsp_request,
    ocsp_job_get_earliest,
    process_ocsp_response_data,
    queue_fetch_task,
)
from pyhanko_certvalidator.util import get_ocsp_urls, get_relevant_crl_dps, issuer_serial

from ..net.errors import HttpError
from ..net.http import HttpClient, HttpSettings, MiB

MAX_CRL_BYTES = 64 * MiB
MAX_OCSP_BYTES = 1 * MiB
AnyCert: TypeAlias = x509.Certificate | cms.AttributeCertificateV2


class _Fetching:
    def __init__(self, client: HttpClient, budget: FetchBudget) -> None:
        self._client, self._budget = client, budget
        self._results: dict[Any, Any] = {}
        self._events: dict[Any, asyncio.Event] = {}

    async def _once(self, tag: object, job: Callable[[], Awaitable[Any]]) -> Any:
        return await queue_fetch_task(self._results, self._events, tag, job)

    def _done(self) -> list[tuple[Any, Any]]:
        return [(k, v) for k, v in self._results.items() if not isinstance(v, Exception)]


class HttpCrlFetcher(CRLFetcher, _Fetching):
    def __init__(self, client: HttpClient, budget: FetchBudget) -> None:
        _Fetching.__init__(self, client, budget)
        self._by_cert: dict[Any, list[crl.CertificateList]] = {}

    async def fetch(self, cert: AnyCert, *, use_deltas: Any = True) -> list[crl.CertificateList]:
        key = issuer_serial(cert)
        if key not in self._by_cert:
            jobs = (
                self._one(url)
                for point in get_relevant_crl_dps(cert, use_deltas=use_deltas)
                for url in enumerate_delivery_point_urls(point)
            )
            self._by_cert[key] = [
                c
                async for c in crl_job_results_as_completed(jobs)  # type: ignore[no-untyped-call]
            ]
        return self._by_cert[key]

    async def _one(self, url: str) -> crl.CertificateList:
        async def job() -> crl.CertificateList:
            self._budget.charge(FetchKind.CRL)
            try:
                answer = await asyncio.to_thread(
                    self._client.get,
                    url,
                    max_bytes=MAX_CRL_BYTES,
                    headers={"Accept": "application/pkix-crl"},
                )
                data = answer.raise_for_status().body
                if pem.detect(data):
                    _, _, data = pem.unarmor(data)
                return crl.CertificateList.load(data)
            except (HttpError, ValueError) as exc:
                raise errors.CRLFetchError(f"Failure to fetch CRL from URL {url}") from exc

        return await self._once(url, job)

    def fetched_crls(self) -> Iterable[crl.CertificateList]:
        return {v for _, v in self._done()}

    def fetched_crls_for_cert(self, cert: AnyCert) -> Iterable[crl.CertificateList]:
        return self._by_cert[issuer_serial(cert)]


class HttpOcspFetcher(OCSPFetcher, _Fetching):
    async def fetch(self, cert: AnyCert, authority: Authority) -> ocsp.OCSPResponse:
        tag = (issuer_serial(cert), authority.hashable)
        return await self._once(tag, lambda: self._fetch(cert, authority))

    async def _fetch(self, cert: AnyCert, authority: Authority) -> ocsp.OCSPResponse:
        request = format_ocsp_request(cert, authority, certid_hash_algo="sha1", request_nonces=True)
        urls = get_ocsp_urls(cert)
        if not urls:
            raise errors.OCSPFetchError("No URLs to fetch OCSP responses from")
        return await ocsp_job_get_earliest(  # type: ignore[no-untyped-call]
            self._one(url, request) for url in urls
        )

    async def _one(self, url: str, request: ocsp.OCSPRequest) -> ocsp.OCSPResponse:
        self._budget.charge(FetchKind.OCSP)
        try:
            answer = await asyncio.to_thread(
                self._client.post,
                url,
                request.dump(),
                content_type="application/ocsp-request",
                max_bytes=MAX_OCSP_BYTES,
                headers={"Accept": "application/ocsp-response"},
            )
            return process_ocsp_response_data(
                answer.raise_for_status().body, ocsp_request=request, ocsp_url=url
            )
        except (HttpError, ValueError) as exc:
            raise errors.OCSPFetchError(f"Failed to fetch OCSP response from {url}") from exc

    def fetched_responses(self) -> Iterable[ocsp.OCSPResponse]:
        return {v for _, v in self._done()}

    def fetched_responses_for_cert(self, cert: AnyCert) -> Iterable[ocsp.OCSPResponse]:
        target = issuer_serial(cert)
        return {v for (subject, _), v in self._done() if subject == target}


class NoCertificateFetcher(CertificateFetcher):
    """Issuer certificates are never fetched (see the module docstring)."""

    async def fetch_cert_issuers(self, cert: AnyCert) -> AsyncGenerator[x509.Certificate, None]:
        for _ in ():
            yield _

    async def fetch_crl_issuers(
        self, certificate_list: crl.CertificateList
    ) -> AsyncGenerator[x509.Certificate, None]:
        for _ in ():
            yield _

    def fetched_certs(self) -> Iterable[x509.Certificate]:
        return ()


class HttpFetcherBackend(FetcherBackend):
    def __init__(self, settings: HttpSettings, limits: FetchLimits | None = None) -> None:
        self.client, self.limits = HttpClient(settings), limits or FetchLimits()

    def get_fetchers(self) -> Fetchers:
        budget = FetchBudget(self.limits)
        return Fetchers(
            ocsp_fetcher=HttpOcspFetcher(self.client, budget),
            crl_fetcher=HttpCrlFetcher(self.client, budget),
            cert_fetcher=NoCertificateFetcher(),
        )

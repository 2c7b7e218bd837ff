"""Own-certificate validity check (自己の電子証明書の有効性確認).

    result = check_certificate(der, now=now, endpoints=Endpoints(ocsp_urls=(...,)))
    result.outcome  -> valid / revoked / invalid / unchecked
    result.basis    -> ocsp_online / crl_online / crl_cached / none   (+ checked_at, crl_this_update)

1. Path: the certificate must chain (by signature) to a trust anchor — the bundled J-LIS CAs, plus
   `extra_roots` (the virtual card's test CA in demo mode) — and be within its validity at `now`.
2. Revocation through pyhanko-certvalidator with revocation_mode="require": OCSP and CRL from
   the configured endpoints and the certificate's own pointers, each answer validated (signature,
   freshness, status). A CRL that validated is cached; when every responder fails (or `offline`),
   a cached CRL still fresh at `now` answers, stamped with its date. A stale cached CRL can still
   prove "revoked" (revocation is final), never "valid".
3. Anything inconclusive — responder down, garbage, unknown status, forged or stale data — is
   UNCHECKED, never VALID.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any, cast

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric.types import CertificateIssuerPublicKeyTypes
from cryptography.x509 import ocsp
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator import errors as cv
from pyhanko_certvalidator.path import ValidationPath
from pyhanko_certvalidator.revinfo.validate_ocsp import verify_ocsp_response

from ..trust.aio import run_sync
from ..trust.anchors import Generation, anchor_by_key_id, generation_of_ca, is_jlis_name
from ..trust.context import Revocation, RevocationMode, trust_roots, validation_context
from ..trust.convert import to_asn1
from ..trust.paths import PATH_ERRORS, key_usage_findings, path_finding, validated_path
from ..trust.reasons import Reason
from .certificate import CertKind, JpkiCertificate, find_issuer, load_certificate, parse_certificate
from .errors import CertificateError, CertProblem
from .revocation import CrlCache, Endpoints, FetchedCrl, FetchError, Method, fetch_crl, fetch_ocsp

__all__ = ["Basis", "CheckResult", "Outcome", "Reason", "check_certificate"]


class Outcome(str, enum.Enum):
    VALID = "valid"
    REVOKED = "revoked"
    INVALID = "invalid"  # no path to a trust anchor, expired, not yet valid, not JPKI
    UNCHECKED = "unchecked"  # the revocation status could not be established


class Basis(str, enum.Enum):
    """What the revocation verdict rests on: a live OCSP answer, a CRL fetched now, a saved
    CRL still within its nextUpdate (offline), or nothing."""

    OCSP_ONLINE = "ocsp_online"
    CRL_ONLINE = "crl_online"
    CRL_CACHED = "crl_cached"
    NONE = "none"


@dataclass(frozen=True)
class Attempt:
    method: Method
    url: str
    problem: str  # a FetchProblem value, or unusable / status_unknown / stale / not_cached
    detail: str = ""  # e.g. "no complete answer within 3 s"


@dataclass(frozen=True)
class CheckResult:
    outcome: Outcome
    checked_at: dt.datetime
    basis: Basis = Basis.NONE
    reason: Reason | None = None
    detail: str | None = None  # more on the reason (e.g. "empty" for an empty file)
    url: str | None = None  # where the deciding answer came from
    crl_this_update: dt.datetime | None = None
    crl_next_update: dt.datetime | None = None
    crl_fetched_at: dt.datetime | None = None
    revoked_at: dt.datetime | None = None
    revocation_reason: str | None = None
    kind: CertKind | None = None
    serial: str | None = None
    generation: Generation | None = None
    anchor: str | None = None  # subject of the trust anchor the path ends in
    attempts: tuple[Attempt, ...] = ()

    def to_json(self) -> dict[str, object]:
        def plain(v: object) -> object:
            if isinstance(v, enum.Enum):
                return v.value
            if isinstance(v, dt.datetime):
                return v.isoformat()
            if isinstance(v, dict):
                return {k: plain(x) for k, x in v.items()}
            if isinstance(v, (list, tuple)):
                return [plain(x) for x in v]
            return v

        return {k: plain(x) for k, x in asdict(self).items()}


class _Validator:
    """The certificate's path (certvalidator, through the one trust context factory)."""

    def __init__(
        self,
        cert: x509.Certificate,
        kind: CertKind,
        roots: list[x509.Certificate],
        now: dt.datetime,
    ):
        self.leaf, self.roots, self.now = cert, roots, now
        self.usage = {"non_repudiation"} if kind is CertKind.SIGN else {"digital_signature"}
        self.path: ValidationPath | None = None

    def _context(
        self, crls: Iterable[bytes] = (), ocsps: Iterable[bytes] = (), require: bool = True
    ) -> ValidationContext:
        policy = Revocation(RevocationMode.REQUIRE, tuple(crls), tuple(ocsps))
        return validation_context(self.roots, self.now, revocation=policy, require=require)

    def run(self, *, crls: Iterable[bytes] = (), require: bool = True) -> None:
        path = validated_path(self.leaf, self._context(crls, require=require))
        if not require:
            self.path = path

    def run_ocsp(self, der: bytes) -> None:
        """Judge one OCSP response for the leaf on the already validated path. Called directly
        because certvalidator only consults OCSP for certificates with an AIA OCSP URL, and
        real JPKI certificates carry none (the endpoint is configured instead)."""
        if self.path is None:  # run(require=False) has not validated the path
            raise cv.ValidationError("no validated path to judge the OCSP response on")
        run_sync(verify_ocsp_response(to_asn1(self.leaf), self.path, self._context(ocsps=[der])))


def _path_problem(validator: _Validator) -> Reason | None:
    problems = key_usage_findings(validator.leaf, validator.usage)
    if problems:
        return problems[0].reason
    try:
        validator.run(require=False)
    except PATH_ERRORS as exc:
        return path_finding(exc).reason
    return None


def _crl_entry(der: bytes, serial: int) -> tuple[dt.datetime | None, str | None]:
    entry = x509.load_der_x509_crl(der).get_revoked_certificate_by_serial_number(serial)
    if entry is None:
        return None, None
    try:
        reason = entry.extensions.get_extension_for_class(x509.CRLReason).value.reason.value
    except x509.ExtensionNotFound:
        reason = None
    return entry.revocation_date_utc, reason


class _Checker:
    def __init__(
        self,
        cert: JpkiCertificate,
        issuer: x509.Certificate,
        validator: _Validator,
        endpoints: Endpoints,
        cache: CrlCache | None,
        now: dt.datetime,
    ) -> None:
        self.cert, self.issuer, self.validator = cert, issuer, validator
        self.endpoints, self.cache, self.now = endpoints, cache, now
        self.attempts: list[Attempt] = []

    def urls(self, method: Method) -> list[str]:
        configured = self.endpoints.ocsp_urls if method is Method.OCSP else self.endpoints.crl_urls
        own = (
            (self.cert.ocsp_urls if method is Method.OCSP else self.cert.crl_urls)
            if self.endpoints.use_certificate_pointers
            else ()
        )
        return list(dict.fromkeys((*configured, *own)))

    def result(self, outcome: Outcome, basis: Basis, url: str, **kw: Any) -> dict[str, Any]:
        return dict(outcome=outcome, basis=basis, url=url, **kw)

    def try_ocsp(self, url: str) -> dict[str, Any] | None:
        try:
            fetched = fetch_ocsp(
                url,
                self.cert.x509,
                self.issuer,
                now=self.now,
                timeout=self.endpoints.timeout,
                http=self.endpoints.http,
            )
        except FetchError as exc:
            self.attempts.append(Attempt(Method.OCSP, url, exc.problem.value, exc.detail))
            return None
        try:
            self.validator.run_ocsp(fetched.der)
            return self.result(Outcome.VALID, Basis.OCSP_ONLINE, url)
        except cv.RevokedError:
            resp = ocsp.load_der_ocsp_response(fetched.der)
            reason = resp.revocation_reason.value if resp.revocation_reason else None
            return self.result(
                Outcome.REVOKED,
                Basis.OCSP_ONLINE,
                url,
                revoked_at=resp.revocation_time_utc,
                revocation_reason=reason,
            )
        except (cv.OCSPValidationError, cv.ValidationError, ValueError):
            resp = ocsp.load_der_ocsp_response(fetched.der)
            unknown = any(
                r.certificate_status is ocsp.OCSPCertStatus.UNKNOWN for r in resp.responses
            )
            self.attempts.append(
                Attempt(Method.OCSP, url, "status_unknown" if unknown else "unusable")
            )
            return None

    def judge_crl(self, fetched: FetchedCrl, basis: Basis) -> dict[str, Any] | None:
        stamp = dict(
            crl_this_update=fetched.this_update,
            crl_next_update=fetched.next_update,
            crl_fetched_at=fetched.fetched_at,
        )
        try:
            self.validator.run(crls=[fetched.der])
            return self.result(Outcome.VALID, basis, fetched.url, **stamp)
        except cv.RevokedError:
            at, why = _crl_entry(fetched.der, self.cert.x509.serial_number)
            return self.result(
                Outcome.REVOKED, basis, fetched.url, revoked_at=at, revocation_reason=why, **stamp
            )
        except cv.StaleRevinfoError:
            crl = x509.load_der_x509_crl(fetched.der)
            # find_issuer verified the certificate with this key, so it is an issuer key type
            issuer_key = cast(CertificateIssuerPublicKeyTypes, self.issuer.public_key())
            if crl.is_signature_valid(issuer_key):
                at, why = _crl_entry(fetched.der, self.cert.x509.serial_number)
                if at is not None:  # a revocation never expires
                    return self.result(
                        Outcome.REVOKED,
                        basis,
                        fetched.url,
                        revoked_at=at,
                        revocation_reason=why,
                        **stamp,
                    )
            self.attempts.append(Attempt(Method.CRL, fetched.url, "stale"))
        except (cv.ValidationError, cv.PathValidationError, ValueError):
            self.attempts.append(Attempt(Method.CRL, fetched.url, "unusable"))
        return None

    def try_crl(self, url: str) -> dict[str, Any] | None:
        try:
            fetched = fetch_crl(
                url, now=self.now, timeout=self.endpoints.timeout, http=self.endpoints.http
            )
        except FetchError as exc:
            self.attempts.append(Attempt(Method.CRL, url, exc.problem.value, exc.detail))
            return None
        answer = self.judge_crl(fetched, Basis.CRL_ONLINE)
        if answer is not None and self.cache is not None:
            self.cache.store(fetched)  # only CRLs that validated
        return answer

    def try_cached(self, url: str) -> dict[str, Any] | None:
        cached = self.cache.load(url) if self.cache is not None else None
        if cached is None:
            self.attempts.append(Attempt(Method.CRL, url, "not_cached"))
            return None
        return self.judge_crl(cached, Basis.CRL_CACHED)

    def decide(self, offline: bool) -> dict[str, Any]:
        order = (
            [Method.OCSP, Method.CRL]
            if self.endpoints.prefer is Method.OCSP
            else [Method.CRL, Method.OCSP]
        )
        if not offline:
            for method in order:
                for url in self.urls(method):
                    answer = self.try_ocsp(url) if method is Method.OCSP else self.try_crl(url)
                    if answer is not None:
                        return answer
        for url in self.urls(Method.CRL):
            answer = self.try_cached(url)
            if answer is not None:
                return answer
        problems = {a.problem for a in self.attempts}
        if not self.urls(Method.OCSP) and not self.urls(Method.CRL):
            reason = Reason.NO_ENDPOINT
        elif "status_unknown" in problems:
            reason = Reason.STATUS_UNKNOWN
        elif "stale" in problems:
            reason = Reason.STALE_CACHE
        else:
            reason = Reason.RESPONDER_FAILED
        return dict(outcome=Outcome.UNCHECKED, basis=Basis.NONE, reason=reason)


def _load_all(certs: Iterable[bytes | x509.Certificate]) -> list[x509.Certificate]:
    return [c if isinstance(c, x509.Certificate) else load_certificate(c) for c in certs]


def check_certificate(
    cert: bytes | x509.Certificate | JpkiCertificate,
    *,
    now: dt.datetime,
    endpoints: Endpoints = Endpoints(),
    extra_roots: Iterable[bytes | x509.Certificate] = (),
    card_cas: Iterable[bytes | x509.Certificate] = (),
    cache: CrlCache | None = None,
    offline: bool = False,
) -> CheckResult:
    """Is this JPKI certificate valid and unrevoked at `now`? Never raises for network trouble.

    `extra_roots` are trusted as given (demo/test hierarchies only). `card_cas` are the CA
    certificates read from the card: only those whose fingerprint is pinned are trusted."""
    extra, cas = _load_all(extra_roots), _load_all(card_cas)
    try:
        parsed = (
            cert
            if isinstance(cert, JpkiCertificate)
            else parse_certificate(cert, issuers=[*extra, *cas])
        )
    except CertificateError as exc:
        detail = exc.problem.value if exc.problem is CertProblem.EMPTY else None
        return CheckResult(Outcome.INVALID, now, reason=Reason.NOT_JPKI, detail=detail)
    base: dict[str, Any] = dict(
        kind=parsed.kind, serial=parsed.serial, generation=parsed.generation
    )
    roots = trust_roots(extra=extra, card_cas=cas)
    issuer = find_issuer(parsed.x509, roots)
    if not parsed.kind.is_ca and issuer is None and anchor_by_key_id(parsed.x509, roots):
        # it names one of our anchors (name + key identifier), whose key did not sign it
        return CheckResult(Outcome.INVALID, now, reason=Reason.BAD_PATH, **base)
    if not parsed.kind.is_ca and issuer is None and is_jlis_name(parsed.x509.issuer):
        return CheckResult(Outcome.UNCHECKED, now, reason=Reason.ANCHOR_MISSING, **base)
    if parsed.kind.is_ca or issuer is None:
        return CheckResult(Outcome.INVALID, now, reason=Reason.UNTRUSTED, **base)
    base["anchor"] = issuer.subject.rfc4514_string()
    base["generation"] = generation_of_ca(issuer)
    validator = _Validator(parsed.x509, parsed.kind, roots, now)
    problem = _path_problem(validator)
    if problem is not None:
        return CheckResult(Outcome.INVALID, now, reason=problem, **base)
    checker = _Checker(parsed, issuer, validator, endpoints, cache, now)
    answer = checker.decide(offline)
    return CheckResult(checked_at=now, attempts=tuple(checker.attempts), **base, **answer)

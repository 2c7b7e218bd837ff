"""Certificate path validation at a given time, answered in the one reason vocabulary.

    context = TrustContext(roots=trust_roots(Purpose.SIGN), revocation=Revocation(...))
    findings = validate_path(cert, {"non_repudiation"}, at_time, context)   # [] when valid

Path building, signatures, validity periods, algorithm policy and CRL/OCSP processing are
pyhanko-certvalidator's. Key usage is checked here first, so that a certificate for another
use is reported as KEY_USAGE rather than as a broken path. `at_time` may lie in the past:
a signature made while a now-expired CA (e.g. J-LIS 2015) was valid validates as of then.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeVar

from cryptography import x509
from cryptography.x509.oid import ExtendedKeyUsageOID
from pyhanko_certvalidator import CertificateValidator, ValidationContext
from pyhanko_certvalidator import errors as cv
from pyhanko_certvalidator.path import ValidationPath

from ..net.http import HttpSettings
from .aio import run_sync
from .context import Revocation, RevocationMode, validation_context
from .convert import DAMAGED_PARTS, AnyCert, to_asn1, to_crypto
from .reasons import Finding, Reason

# certvalidator's key usage names -> cryptography's KeyUsage attributes
KEY_USAGE_ATTRIBUTES = {
    "digital_signature": "digital_signature",
    "non_repudiation": "content_commitment",
    "key_encipherment": "key_encipherment",
    "key_cert_sign": "key_cert_sign",
    "crl_sign": "crl_sign",
}


@dataclass(frozen=True)
class TrustContext:
    """What a validation trusts and how it treats revocation; the moment is chosen per call."""

    roots: tuple[x509.Certificate, ...]
    intermediates: tuple[x509.Certificate, ...] = ()
    revocation: Revocation = Revocation(RevocationMode.NONE)
    http: HttpSettings | None = None  # for fetching (proxy, timeout)

    def at(self, moment: dt.datetime, *, require: bool | None = None) -> ValidationContext:
        return validation_context(
            self.roots,
            moment,
            intermediates=self.intermediates,
            revocation=self.revocation,
            require=require,
            http=self.http,
        )


def key_usage_findings(cert: x509.Certificate, usage: Iterable[str]) -> list[Finding]:
    wanted = [u for u in usage if u in KEY_USAGE_ATTRIBUTES]
    if not wanted:
        return []
    ku, problems = _usage_extension(cert, x509.KeyUsage)
    if ku is None:
        return problems
    return [
        Finding(Reason.KEY_USAGE, u) for u in wanted if not getattr(ku, KEY_USAGE_ATTRIBUTES[u])
    ]


EXTENDED_USAGES = {"time_stamping": ExtendedKeyUsageOID.TIME_STAMPING}


def extended_usage_findings(cert: x509.Certificate, usages: Iterable[str]) -> list[Finding]:
    """`usages`: names of EXTENDED_USAGES or dotted OIDs (e.g. ``time_stamping`` for a TSA)."""
    wanted = [EXTENDED_USAGES.get(u) or x509.ObjectIdentifier(u) for u in usages]
    if not wanted:
        return []
    eku, problems = _usage_extension(cert, x509.ExtendedKeyUsage)
    if eku is None:
        return problems
    return [Finding(Reason.KEY_USAGE, o.dotted_string) for o in wanted if o not in eku]


_Usage = TypeVar("_Usage", x509.KeyUsage, x509.ExtendedKeyUsage)

# the findings for a usage extension that is absent, or present but damaged
_USAGE_PROBLEMS = {
    x509.KeyUsage: ("absent", "key_usage"),
    x509.ExtendedKeyUsage: ("extended_key_usage absent", "extended_key_usage"),
}


def _usage_extension(
    cert: x509.Certificate, kind: type[_Usage]
) -> tuple[_Usage | None, list[Finding]]:
    absent, damaged = _USAGE_PROBLEMS[kind]
    try:
        return cert.extensions.get_extension_for_class(kind).value, []
    except x509.ExtensionNotFound:
        return None, [Finding(Reason.KEY_USAGE, absent)]
    except DAMAGED_PARTS:
        return None, [Finding(Reason.MALFORMED, damaged)]


def validated_path(cert: AnyCert, context: ValidationContext) -> ValidationPath:
    """The validated path; raises pyhanko-certvalidator's errors (for callers that need them,
    e.g. the own-certificate check telling a stale CRL from a revocation)."""
    validator = CertificateValidator(to_asn1(cert), validation_context=context)
    return run_sync(validator.async_validate_path())


def path_finding(exc: Exception) -> Finding:
    """A certvalidator (or parse) error as a finding."""
    if isinstance(exc, cv.RevokedError):
        return Finding(Reason.REVOKED, exc.revocation_dt.isoformat() if exc.revocation_dt else "")
    if isinstance(exc, cv.InsufficientRevinfoError):
        return Finding(Reason.REVOCATION_UNKNOWN)
    if isinstance(exc, cv.ExpiredError):
        return Finding(Reason.CERT_EXPIRED, exc.expired_dt.isoformat())
    if isinstance(exc, cv.NotYetValidError):
        return Finding(Reason.CERT_NOT_YET_VALID, exc.valid_from.isoformat())
    if isinstance(exc, cv.DisallowedAlgorithmError):
        return Finding(Reason.WEAK_ALGORITHM, "certificate_path")
    if isinstance(exc, cv.PathBuildingError):
        return Finding(Reason.UNTRUSTED)
    return Finding(Reason.BAD_PATH)


PATH_ERRORS = (
    cv.PathBuildingError,
    cv.PathValidationError,
    cv.InvalidCertificateError,
    cv.DisallowedAlgorithmError,
    ValueError,  # a certificate asn1crypto cannot parse
    TypeError,
)


def validate_path(
    cert: AnyCert,
    usage: Iterable[str],
    at_time: dt.datetime,
    context: TrustContext,
    *,
    require: bool | None = None,
    extended_usage: Iterable[str] = (),
) -> list[Finding]:
    """Findings for `cert` at `at_time` (empty: a valid path to one of the context's roots).
    `usage`: certvalidator key usage names (``non_repudiation``, ``digital_signature``…);
    `extended_usage`: e.g. ``{"time_stamping"}`` for a TSA certificate."""
    crypto = to_crypto(cert)
    findings = key_usage_findings(crypto, usage) + extended_usage_findings(crypto, extended_usage)
    if not context.roots:
        return findings + [Finding(Reason.NO_TRUST_ANCHOR)]
    try:
        validated_path(cert, context.at(at_time, require=require))
    except PATH_ERRORS as exc:
        return findings + [path_finding(exc)]
    return findings


def validate_with_revocation(
    cert: AnyCert, usage: Iterable[str], at_time: dt.datetime, context: TrustContext
) -> tuple[list[Finding], bool]:
    """(findings, revocation_checked) under the context's revocation policy.

    SOFT with revocation data (or fetching) first validates as REQUIRE, so that
    ``revocation_checked`` is true only when the data really covered the certificate; if it
    did not, the path is validated again without insisting on revocation."""
    mode = context.revocation.mode
    if not context.roots:
        return validate_path(cert, usage, at_time, context), False
    strict_first = mode is RevocationMode.REQUIRE or (
        mode is RevocationMode.SOFT and context.revocation.has_data
    )
    if strict_first:
        findings = validate_path(cert, usage, at_time, context, require=True)
        reasons = {f.reason for f in findings}
        if Reason.REVOCATION_UNKNOWN not in reasons or mode is RevocationMode.REQUIRE:
            return findings, Reason.REVOCATION_UNKNOWN not in reasons and (
                not reasons - {Reason.KEY_USAGE} or Reason.REVOKED in reasons
            )
    # no data, or data that did not cover the certificate: the path alone (nothing fetched)
    quiet = TrustContext(
        context.roots,
        context.intermediates,
        Revocation(mode, context.revocation.crls, context.revocation.ocsps, fetch=False),
        context.http,
    )
    findings = validate_path(cert, usage, at_time, quiet, require=False)
    return findings, any(f.reason is Reason.REVOKED for f in findings)

"""Is the signer certificate a JPKI signing certificate we trust, now?

Path to a trusted JPKI signing CA (same-DN generations are matched by key), key usage
nonRepudiation, validity at `now`, no SHA-1 in the path, and revocation per a policy. Path
building and CRL/OCSP processing are pyhanko-certvalidator's; revocation data is passed in or
fetched. An empty trust list falls back to the J-LIS signing roots bundled in
``jpki_desktop/validity/trust`` (never to the operating system's TLS roots).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from dataclasses import dataclass

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from pyhanko_certvalidator import CertificateValidator, ValidationContext
from pyhanko_certvalidator import errors as cv_errors

from ._aio import run_sync
from .verdict import Finding, Reason


class RevocationMode(str, enum.Enum):
    NONE = "none"  # do not check
    SOFT = "soft"  # use what is available; no data is not an error
    REQUIRE = "require"  # no conclusive revocation data is a rejection (REVOCATION_UNKNOWN)


@dataclass(frozen=True)
class Revocation:
    mode: RevocationMode = RevocationMode.SOFT
    crls: tuple[bytes, ...] = ()  # DER CRLs (e.g. the J-LIS CRL an agency receives)
    ocsps: tuple[bytes, ...] = ()  # DER OCSP responses
    fetch: bool = False  # fetch CRLs/OCSP named in the certificates (network)


def bundled_signing_roots() -> list[x509.Certificate]:
    """J-LIS signing-CA roots shipped by the validity package (fingerprint-checked there)."""
    try:
        from ..validity.trust import Purpose, bundled_anchors, purpose_of_name
    except ImportError:
        return []
    return [c for c in bundled_anchors() if purpose_of_name(c.subject) is Purpose.SIGN]


def _asn1(cert: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


def key_usage_findings(cert: x509.Certificate) -> list[Finding]:
    try:
        ku = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        return [Finding(Reason.KEY_USAGE, "absent")]
    return [] if ku.content_commitment else [Finding(Reason.KEY_USAGE, "non_repudiation")]


def _validate(
    cert: x509.Certificate,
    intermediates: Sequence[x509.Certificate],
    roots: Sequence[x509.Certificate],
    revocation: Revocation,
    now: dt.datetime,
    *,
    require: bool,
    fetch: bool,
) -> None:
    with_data = revocation.mode is not RevocationMode.NONE
    context = ValidationContext(
        trust_roots=[_asn1(r) for r in roots],
        other_certs=[_asn1(c) for c in intermediates],
        moment=now,
        crls=list(revocation.crls) if with_data else [],
        ocsps=list(revocation.ocsps) if with_data else [],
        allow_fetching=fetch,
        revocation_mode="require" if require else "soft-fail",
    )
    run_sync(CertificateValidator(_asn1(cert), validation_context=context).async_validate_path())


def check_certificate(
    cert: x509.Certificate,
    intermediates: Sequence[x509.Certificate],
    trust_roots: Sequence[x509.Certificate],
    revocation: Revocation,
    now: dt.datetime,
) -> tuple[list[Finding], bool]:
    """(findings, revocation_checked). Key usage is checked independently of the path.

    SOFT with revocation data (or fetching) first tries as REQUIRE, so that
    ``revocation_checked`` is true only when the data really covered the certificate; if it
    did not, the path is validated again without revocation.
    """
    findings = key_usage_findings(cert)
    roots = list(trust_roots) or bundled_signing_roots()
    if not roots:
        return findings + [Finding(Reason.NO_TRUST_ANCHOR)], False
    mode = revocation.mode
    has_data = bool(revocation.crls or revocation.ocsps or revocation.fetch)
    fetch = revocation.fetch and mode is not RevocationMode.NONE
    try:
        if mode is RevocationMode.REQUIRE or (mode is RevocationMode.SOFT and has_data):
            try:
                _validate(cert, intermediates, roots, revocation, now, require=True, fetch=fetch)
                return findings, True
            except cv_errors.InsufficientRevinfoError:
                if mode is RevocationMode.REQUIRE:
                    return findings + [Finding(Reason.REVOCATION_UNKNOWN)], False
        _validate(cert, intermediates, roots, revocation, now, require=False, fetch=False)
    except cv_errors.RevokedError as exc:
        return findings + [
            Finding(Reason.REVOKED, exc.revocation_dt.isoformat() if exc.revocation_dt else "")
        ], True
    except cv_errors.InsufficientRevinfoError:
        return findings + [Finding(Reason.REVOCATION_UNKNOWN)], False
    except cv_errors.ExpiredError as exc:
        return findings + [Finding(Reason.CERT_EXPIRED, exc.expired_dt.isoformat())], False
    except cv_errors.NotYetValidError as exc:
        return findings + [Finding(Reason.CERT_NOT_YET_VALID, exc.valid_from.isoformat())], False
    except cv_errors.DisallowedAlgorithmError:
        return findings + [Finding(Reason.WEAK_ALGORITHM, "certificate_path")], False
    except (
        cv_errors.PathBuildingError,
        cv_errors.PathValidationError,
        cv_errors.InvalidCertificateError,
    ):
        return findings + [Finding(Reason.UNTRUSTED)], False
    return findings, False

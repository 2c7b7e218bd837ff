"""Verify every signature of a PDF: integrity, signature value, coverage and later changes (pyHanko's
difference analysis), the signer's trust path (pyhanko-certvalidator), the RFC 3161 signature
timestamp, and our own structural checks of ``/ByteRange`` and ``/Contents``.

Never raises for bad input: problems are typed :class:`~..verdict.Finding` values in the
returned :class:`~..verdict.Verdict` (kind ``pdf``, one
:class:`~..verdict.PdfSignatureReport` per signature, in file order).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Sequence
from typing import BinaryIO

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields
from pyhanko.sign.ades.report import AdESFailure, AdESIndeterminate, AdESSubIndic
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation import async_validate_pdf_signature
from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature
from pyhanko.sign.validation.settings import KeyUsageConstraints
from pyhanko.sign.validation.status import PdfSignatureStatus, SignatureCoverageLevel

from ....trust.aio import run_sync
from ....trust.context import Revocation, RevocationMode
from ....trust.convert import to_crypto
from ....trust.paths import key_usage_findings
from ...verification.cms_check import STRONG_DIGESTS
from ...verification.verdict import Finding, Kind, PdfSignatureReport, Reason, Verdict
from .inspect import PARSE_ERRORS, open_reader
from .trust import validation_context

_I = AdESIndeterminate
_EXPIRED: set[AdESSubIndic] = {_I.EXPIRED, _I.OUT_OF_BOUNDS_NO_POE, _I.OUT_OF_BOUNDS_NOT_REVOKED}
_NOT_YET: set[AdESSubIndic] = {_I.NOT_YET_VALID, AdESFailure.NOT_YET_VALID}
_REVOKED: set[AdESSubIndic] = {AdESFailure.REVOKED, _I.REVOKED_NO_POE, _I.REVOKED_CA_NO_POE}
_WEAK: set[AdESSubIndic] = {_I.CRYPTO_CONSTRAINTS_FAILURE, _I.CRYPTO_CONSTRAINTS_FAILURE_NO_POE}
_UNKNOWN: set[AdESSubIndic] = {_I.TRY_LATER, _I.REVOCATION_OUT_OF_BOUNDS_NO_POE}
_HEX = frozenset(b"0123456789abcdefABCDEF \t\r\n")
# pyHanko logs a full traceback at WARNING for every signer it cannot trust; the verdict
# carries the reason, and a citizen-facing tool must not print tracebacks.
for _name in ("pyhanko.sign.validation.generic_cms", "pyhanko.sign.validation.pdf_embedded"):
    logging.getLogger(_name).setLevel(logging.ERROR)


def verify_pdf(
    path: str | os.PathLike[str],
    *,
    trust_roots: Sequence[x509.Certificate] = (),
    revocation: Revocation | None = None,
    now: dt.datetime | None = None,
) -> Verdict:
    revocation = revocation or Revocation()
    moment = now or dt.datetime.now(dt.UTC)
    with open(path, "rb") as f:
        try:
            reader = open_reader(f)
        except Exception as exc:  # noqa: BLE001 - PdfRefused(not_pdf / damaged)
            return Verdict(Kind.PDF, (Finding(Reason.MALFORMED, getattr(exc, "reason", "pdf")),))
        if reader.encrypted:
            return Verdict(Kind.PDF, (Finding(Reason.MALFORMED, "encrypted"),))
        try:
            signatures = list(reader.embedded_regular_signatures)
            # filled signature fields pyHanko could not read (unknown /SubFilter, no /ByteRange…)
            filled = [n for n, _v, _r in fields.enumerate_sig_fields(reader, filled_status=True)]
        except PARSE_ERRORS as exc:
            return Verdict(Kind.PDF, (Finding(Reason.MALFORMED, type(exc).__name__),))
        unreadable = sorted(set(filled) - {str(s.field_name) for s in signatures})
        broken = tuple(Finding(Reason.MALFORMED, f"signature {n}") for n in unreadable)
        if not signatures:
            return Verdict(Kind.PDF, broken or (Finding(Reason.PDF_UNSIGNED),))
        total = reader.xrefs.total_revisions
        size = os.fstat(f.fileno()).st_size
        reports = tuple(
            _check_one(f, reader, sig, total, size, trust_roots, revocation, moment)
            for sig in sorted(signatures, key=lambda s: s.signed_revision)
        )
    findings = broken + tuple(Finding(x.reason, r.field) for r in reports for x in r.findings)
    first = reports[0]
    checked = revocation.mode is not RevocationMode.NONE and bool(
        revocation.crls or revocation.ocsps or revocation.fetch
    )
    return Verdict(
        Kind.PDF,
        findings,
        first.signer_cert,
        first.signing_time,
        revocation_checked=checked and all(r.ok for r in reports),
        pdf_signatures=reports,
    )


def _check_one(
    f: BinaryIO,
    reader: PdfFileReader,
    sig: EmbeddedPdfSignature,
    total_revisions: int,
    size: int,
    trust_roots: Sequence[x509.Certificate],
    revocation: Revocation,
    now: dt.datetime,
) -> PdfSignatureReport:
    field = str(sig.field_name or "")
    findings: list[Finding] = []
    revision = sig.signed_revision
    after = max(0, total_revisions - 1 - revision)
    subfilter = str(sig.sig_object.get("/SubFilter", ""))
    cert: x509.Certificate | None = None
    try:
        cert = to_crypto(sig.signer_cert)
    except (ValueError, TypeError, KeyError, AttributeError):
        findings.append(Finding(Reason.SIGNER_CERT_MISSING))
    name = _text(sig.sig_object.get("/Name")) or (_cn(sig.signer_cert) if cert else "")
    findings += _structure(f, sig, size)
    if after == 0 and not findings and _unsigned_tail(f, sig, size):
        findings.append(Finding(Reason.PDF_TRAILING_DATA))
    base = dict(
        field=field,
        revision=revision + 1,
        revisions_after=after,
        subfilter=subfilter,
        signer_name=name,
        signer_cert=cert,
    )
    if cert is None or any(x.reason is Reason.PDF_BYTE_RANGE for x in findings):
        return PdfSignatureReport(modification="unknown", findings=tuple(findings), **base)
    if sig.md_algorithm not in STRONG_DIGESTS:
        findings.append(Finding(Reason.WEAK_ALGORITHM, sig.md_algorithm))
    findings += key_usage_findings(cert, {"non_repudiation"})
    others = [to_crypto(c) for c in sig.other_embedded_certs]
    context = validation_context(trust_roots, revocation, now, other_certs=others)
    try:
        status = run_sync(
            async_validate_pdf_signature(
                sig,
                signer_validation_context=context,
                ts_validation_context=context,
                key_usage_settings=KeyUsageConstraints(key_usage=set()),  # checked above
            )
        )
    except PARSE_ERRORS as exc:
        findings.append(Finding(Reason.MALFORMED, type(exc).__name__))
        return PdfSignatureReport(modification="unknown", findings=tuple(findings), **base)
    except Exception as exc:  # noqa: BLE001 - pyHanko's SignatureValidationError & co.
        findings.append(Finding(Reason.SIGNATURE_INVALID, type(exc).__name__))
        return PdfSignatureReport(modification="unknown", findings=tuple(findings), **base)
    findings += _status_findings(status, cert)
    ts = status.timestamp_validity
    return PdfSignatureReport(
        modification=_modification(status),
        signing_time=status.signer_reported_dt,
        timestamp_time=ts.timestamp if ts is not None else None,
        timestamp_ok=None if ts is None else bool(ts.intact and ts.valid and ts.trusted),
        trust_path=_path(status),
        findings=tuple(dict.fromkeys(findings)),
        **base,
    )


def _structure(f: BinaryIO, sig: EmbeddedPdfSignature, size: int) -> list[Finding]:
    """/ByteRange from 0, its one gap exactly the /Contents hex string; /Contents = one DER
    value followed by zero bytes only."""
    br = [int(v) for v in sig.byte_range] if len(sig.byte_range) == 4 else []
    if (
        len(br) != 4
        or br[0] != 0
        or min(br) < 0
        or br[2] <= br[1]
        or br[2] + br[3] > size
        or br[2] - br[1] > 4 * 1024 * 1024
    ):
        return [Finding(Reason.PDF_BYTE_RANGE, "layout")]
    f.seek(br[1])
    gap = f.read(br[2] - br[1])
    if not (gap[:1] == b"<" and gap[-1:] == b">" and set(gap[1:-1]) <= _HEX):
        return [Finding(Reason.PDF_BYTE_RANGE, "gap")]
    try:
        in_gap = bytes.fromhex(gap[1:-1].decode("ascii"))
    except ValueError:
        return [Finding(Reason.PDF_BYTE_RANGE, "gap")]
    contents = sig.pkcs7_content
    if in_gap != contents:
        return [Finding(Reason.PDF_BYTE_RANGE, "not_contents")]
    der_len = _der_length(contents)
    if der_len is None:
        return [Finding(Reason.PDF_CONTENTS, "der")]
    if contents[der_len:].strip(b"\x00"):
        return [Finding(Reason.PDF_CONTENTS, "padding")]
    return []


def _unsigned_tail(f: BinaryIO, sig: EmbeddedPdfSignature, size: int) -> bool:
    """Bytes after the last signature's range that are not a revision (pyHanko accepts them)."""
    end = int(sig.byte_range[2]) + int(sig.byte_range[3])
    if end >= size:
        return False
    f.seek(end)
    return bool(f.read(min(size - end, 64 * 1024)).strip()) or size - end > 64 * 1024


def _der_length(data: bytes) -> int | None:
    if len(data) < 2 or data[0] != 0x30:
        return None
    first = data[1]
    if first < 0x80:
        return 2 + first
    n = first & 0x7F
    if n == 0 or n > 4 or len(data) < 2 + n:
        return None
    length = int.from_bytes(data[2 : 2 + n], "big")
    total = 2 + n + length
    return total if total <= len(data) else None


def _status_findings(status: PdfSignatureStatus, cert: x509.Certificate) -> list[Finding]:
    out: list[Finding] = []
    indic = status.trust_problem_indic
    if not status.intact:
        out.append(Finding(Reason.CONTENT_MISMATCH, "byte_range_digest"))
    elif not status.valid:
        if indic in _WEAK:
            out.append(Finding(Reason.WEAK_ALGORITHM, "signature"))
        else:
            out.append(Finding(Reason.SIGNATURE_INVALID))
    elif not status.trusted:  # trust is judged only for an intact, valid signature
        out.append(_trust_finding(indic, cert))
    if status.coverage is SignatureCoverageLevel.UNCLEAR:
        out.append(Finding(Reason.PDF_BYTE_RANGE, "coverage"))
    elif status.coverage is SignatureCoverageLevel.CONTIGUOUS_BLOCK_FROM_START:
        out.append(Finding(Reason.PDF_TRAILING_DATA, "revision"))
    level = status.modification_level
    if (
        level is ModificationLevel.OTHER
        or level is None
        and status.coverage is not (SignatureCoverageLevel.ENTIRE_FILE)
    ):
        if status.coverage is not SignatureCoverageLevel.CONTIGUOUS_BLOCK_FROM_START:
            out.append(Finding(Reason.PDF_MODIFIED))
    elif status.docmdp_ok is False:
        out.append(Finding(Reason.PDF_DOCMDP))
    when = status.signer_reported_dt
    if when is not None and status.timestamp_validity is None:
        if when > cert.not_valid_after_utc:
            out.append(Finding(Reason.EXPIRED_AT_SIGNING, when.isoformat()))
    ts = status.timestamp_validity
    if ts is not None:
        if not (ts.intact and ts.valid):
            out.append(Finding(Reason.TIMESTAMP_INVALID))
        elif not ts.trusted:
            out.append(Finding(Reason.TIMESTAMP_UNTRUSTED))
    return out


def _trust_finding(indic: AdESSubIndic | None, cert: x509.Certificate) -> Finding:
    if indic in _REVOKED:
        return Finding(Reason.REVOKED)
    if indic in _EXPIRED:
        return Finding(Reason.CERT_EXPIRED, cert.not_valid_after_utc.isoformat())
    if indic in _NOT_YET:
        return Finding(Reason.CERT_NOT_YET_VALID, cert.not_valid_before_utc.isoformat())
    if indic in _WEAK:
        return Finding(Reason.WEAK_ALGORITHM, "certificate_path")
    if indic in _UNKNOWN:
        return Finding(Reason.REVOCATION_UNKNOWN)
    return Finding(Reason.UNTRUSTED)


def _modification(status: PdfSignatureStatus) -> str:
    level = status.modification_level
    return "unknown" if level is None else level.name.lower()


def _path(status: PdfSignatureStatus) -> tuple[str, ...]:
    path = status.validation_path
    if path is None:
        return ()
    certs = list(path.iter_certs(include_root=True))
    return tuple(_cn(c) for c in reversed(certs))


def _cn(cert: asn1_x509.Certificate) -> str:
    native = cert.subject.native
    for key in ("common_name", "organizational_unit_name", "organization_name"):
        value = native.get(key) if isinstance(native, dict) else None
        if isinstance(value, list):
            value = value[0] if value else None
        if value:
            return str(value)
    return str(cert.subject.human_friendly)


def _text(value: object) -> str:
    if isinstance(value, (generic.TextStringObject, str)):
        return str(value).strip()
    if isinstance(value, generic.ByteStringObject):
        return bytes(value).decode("latin-1").strip()
    return ""

"""Check the RFC 3161 signature timestamps (CAdES-T) of one CMS SignerInfo.

For every id-aa-signatureTimeStampToken unsigned attribute: the token parses, its imprint is
the hash of THIS signature value (a token lifted from another signature fails here), its own
signature verifies, and its TSA certificate has a path to a trusted root with the
timeStamping extended key usage, at `now`. The TSA root is trusted through the same roots as
the signer (the verifier's ``--trust``). Signature and path checks are pyHanko's
(``validate_tst_signed_data``); the imprint is compared here so that a mismatch gets its own
reason. A token that fails any check makes the signature not valid: it is never ignored.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from asn1crypto import cms, core, tsp
from cryptography import x509
from pyhanko.sign.validation.errors import SignatureValidationError
from pyhanko.sign.validation.generic_cms import validate_tst_signed_data
from pyhanko_certvalidator import ValidationContext

from ...trust.aio import run_sync
from ...trust.context import validation_context
from ...trust.convert import to_crypto
from .verdict import Finding, Reason, TimestampInfo

JST = dt.timezone(dt.timedelta(hours=9), "JST")
STRONG = ("sha256", "sha384", "sha512")
PARSE_ERRORS = (ValueError, TypeError, KeyError, IndexError, AttributeError, OverflowError)
_PYHANKO_LOG = logging.getLogger("pyhanko.sign.validation.generic_cms")


@contextlib.contextmanager
def _quiet_pyhanko() -> Iterator[None]:
    """pyHanko logs an untrusted TSA path as an error with a traceback; it is a finding here."""
    level = _PYHANKO_LOG.level
    _PYHANKO_LOG.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        _PYHANKO_LOG.setLevel(level)


@dataclass(frozen=True)
class TimestampCheck:
    findings: tuple[Finding, ...] = ()
    timestamps: tuple[TimestampInfo, ...] = ()


def _tokens(signer_info: cms.SignerInfo) -> list[object]:
    attrs = signer_info["unsigned_attrs"]
    if isinstance(attrs, core.Void):  # no unsigned attributes (never call .native: slow)
        return []
    tokens: list[object] = []
    for attr in attrs:
        if attr["type"].dotted == "1.2.840.113549.1.9.16.2.14":  # signatureTimeStampToken
            tokens.extend(attr["values"])
    return tokens


def _tsa_subject(sd: cms.SignedData) -> str:
    try:
        sid = sd["signer_infos"][0]["sid"]
        for choice in sd["certificates"] or []:
            c = choice.chosen
            if sid.name == "issuer_and_serial_number" and c.serial_number == (
                sid.chosen["serial_number"].native
            ):
                return to_crypto(c).subject.rfc4514_string()
    except PARSE_ERRORS:
        pass
    return ""


def _context(roots: Sequence[x509.Certificate], now: dt.datetime) -> ValidationContext:
    # the one factory; no revocation data for the TSA certificate (soft, nothing fetched)
    return validation_context(roots, now)


def _check_one(
    token: object, signature: bytes, roots: Sequence[x509.Certificate], now: dt.datetime
) -> tuple[list[Finding], TimestampInfo | None]:
    try:
        if isinstance(token, core.Any):
            token = token.parse(cms.ContentInfo)
        assert isinstance(token, cms.ContentInfo)
        if token["content_type"].native != "signed_data":
            return [Finding(Reason.TIMESTAMP_INVALID, "not_signed_data")], None
        sd = token["content"]
        info = sd["encap_content_info"]["content"].parsed
        if not isinstance(info, tsp.TSTInfo):
            return [Finding(Reason.TIMESTAMP_INVALID, "not_tst_info")], None
        gen_time = info["gen_time"].native
        algo = info["message_imprint"]["hash_algorithm"]["algorithm"].native
        imprint = info["message_imprint"]["hashed_message"].native
    except PARSE_ERRORS:
        return [Finding(Reason.TIMESTAMP_INVALID, "malformed")], None
    stamp = TimestampInfo(gen_time.astimezone(JST), _tsa_subject(sd), str(algo), False)
    if algo not in STRONG:
        return [Finding(Reason.WEAK_ALGORITHM, f"timestamp {algo}")], stamp
    findings: list[Finding] = []
    if hashlib.new(algo, signature).digest() != imprint:
        findings.append(Finding(Reason.TIMESTAMP_IMPRINT_MISMATCH, stamp.time.isoformat()))
    try:
        with _quiet_pyhanko():
            status = run_sync(
                validate_tst_signed_data(sd, _context(roots, now), lambda _algo: imprint)
            )
    except (SignatureValidationError, *PARSE_ERRORS) as exc:
        return findings + [Finding(Reason.TIMESTAMP_INVALID, type(exc).__name__)], stamp
    if not (status["intact"] and status["valid"]):
        findings.append(Finding(Reason.TIMESTAMP_INVALID, "signature"))
    elif status["trust_problem_indic"] is not None or status["validation_path"] is None:
        findings.append(Finding(Reason.TIMESTAMP_UNTRUSTED, stamp.tsa))
    return findings, TimestampInfo(stamp.time, stamp.tsa, stamp.hash_algorithm, not findings)


def check_timestamps(
    signer_info: cms.SignerInfo, trust_roots: Sequence[x509.Certificate], now: dt.datetime
) -> TimestampCheck:
    """Findings and the judged timestamps of one SignerInfo (none: not CAdES-T, no findings)."""
    try:
        tokens = _tokens(signer_info)
        signature = signer_info["signature"].native
    except PARSE_ERRORS:
        return TimestampCheck((Finding(Reason.TIMESTAMP_INVALID, "unsigned_attrs"),))
    findings: list[Finding] = []
    stamps: list[TimestampInfo] = []
    for token in tokens:
        found, stamp = _check_one(token, signature, trust_roots, now)
        findings += found
        if stamp is not None:
            stamps.append(stamp)
    return TimestampCheck(tuple(findings), tuple(stamps))

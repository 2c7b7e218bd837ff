"""Receipts (受付) and rejections (不受理) as the client sees them, after verification."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from cryptography import x509

from .errors import AnswerInvalid
from .signed_answer import open_answer

# rejection codes the reference agency uses (an agency may add its own)
REJECTION_CODES = (
    "decryption-failed",  # not encrypted to this agency, or altered in transit
    "package-invalid",  # container rules broken (files outside the manifest, digests, ...)
    "signature-invalid",  # the signature does not verify
    "signer-untrusted",  # no path to a JPKI signing CA
    "certificate-revoked",
    "certificate-expired",
    "wrong-procedure",  # the package names another procedure or agency
    "form-invalid",  # the form does not match the procedure's template or rules
    "applicant-mismatch",  # the form's applicant is not the certificate holder
    "submission-id-reused",  # same submission id, different content
    "too-large",
)


def _time(value: Any) -> dt.datetime:
    try:
        t = dt.datetime.fromisoformat(str(value))
    except ValueError:
        raise AnswerInvalid("bad-content", "time") from None
    if t.tzinfo is None:
        raise AnswerInvalid("bad-content", "time without zone")
    return t


def _str(payload: dict[str, Any], key: str, *, optional: bool = False) -> str:
    value = payload.get(key)
    if value is None and optional:
        return ""
    if not isinstance(value, str) or (not value and not optional):
        raise AnswerInvalid("bad-content", key)
    return value


@dataclass(frozen=True)
class Receipt:
    """The agency accepted the submission (到達/受付)."""

    receipt_number: str
    received_at: dt.datetime
    submission_id: str
    procedure_id: str
    agency_id: str
    manifest_sha256: str
    package_sha256: str
    signed: bytes = field(repr=False, default=b"")  # the CMS exactly as received, for the record

    accepted = True


@dataclass(frozen=True)
class Rejection:
    """The agency refused the submission and says why (a code plus ja/en text)."""

    code: str
    message_ja: str
    message_en: str
    rejected_at: dt.datetime
    package_sha256: str
    submission_id: str = ""  # empty when the package could not even be opened
    procedure_id: str = ""
    agency_id: str = ""
    details: tuple[str, ...] = ()
    signed: bytes = field(repr=False, default=b"")

    accepted = False

    def message(self, lang: str = "ja") -> str:
        return self.message_en if lang.startswith("en") else self.message_ja


Answer = Receipt | Rejection


def answer_from_payload(payload: dict[str, Any], signed: bytes = b"") -> Answer:
    kind = payload.get("type")
    if kind == "receipt":
        return Receipt(
            receipt_number=_str(payload, "receipt_number"),
            received_at=_time(payload.get("received_at")),
            submission_id=_str(payload, "submission_id"),
            procedure_id=_str(payload, "procedure_id"),
            agency_id=_str(payload, "agency_id"),
            manifest_sha256=_str(payload, "manifest_sha256"),
            package_sha256=_str(payload, "package_sha256"),
            signed=signed,
        )
    if kind == "rejection":
        details = payload.get("details") or []
        if not isinstance(details, list) or not all(isinstance(d, str) for d in details):
            raise AnswerInvalid("bad-content", "details")
        return Rejection(
            code=_str(payload, "code"),
            message_ja=_str(payload, "message_ja", optional=True),
            message_en=_str(payload, "message_en", optional=True),
            rejected_at=_time(payload.get("rejected_at")),
            package_sha256=_str(payload, "package_sha256"),
            submission_id=_str(payload, "submission_id", optional=True),
            procedure_id=_str(payload, "procedure_id", optional=True),
            agency_id=_str(payload, "agency_id", optional=True),
            details=tuple(details),
            signed=signed,
        )
    raise AnswerInvalid("bad-content", "type")


def verify_answer(
    signed: bytes,
    receipt_cert: x509.Certificate,
    *,
    package_sha256: str,
    submission_id: str | None = None,
    manifest_sha256: str | None = None,
) -> Answer:
    """Check the signature against the pinned certificate, then that the answer is about THIS
    package (digest of the bytes sent; submission id and manifest digest when known)."""
    answer = answer_from_payload(open_answer(signed, receipt_cert), signed)
    if submission_id and answer.submission_id and answer.submission_id != submission_id:
        raise AnswerInvalid("submission-id-mismatch")
    if (
        isinstance(answer, Receipt)
        and manifest_sha256
        and answer.manifest_sha256 != manifest_sha256
    ):
        raise AnswerInvalid("manifest-mismatch")
    if answer.package_sha256 != package_sha256:
        # A repeat of an accepted submission that was encrypted again has new bytes but the same
        # signed content: the agency answers with the original receipt. Accept that only when
        # we know the submission id and manifest digest and both match (checked above).
        same_content = isinstance(answer, Receipt) and bool(submission_id and manifest_sha256)
        if not same_content:
            raise AnswerInvalid("package-mismatch")
    return answer

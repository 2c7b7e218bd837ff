"""What the verifier returns: a frozen :class:`Verdict` with typed reasons (data, no sentences)."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes

from ...trust.reasons import Finding, Reason
from ..packaging.asic import Submission

__all__ = ["INCONCLUSIVE", "Finding", "Kind", "Reason", "Verdict"]  # Reason: the one vocabulary


class Kind(str, enum.Enum):
    P7S = "p7s"  # detached (or attached) CAdES / CMS signature
    XML = "xml"  # enveloped XMLDSig
    PDF = "pdf"  # signed PDF (one or more signatures, see Verdict.pdf_signatures)
    PACKAGE = "package"  # encrypted ASiC-E submission (.p7m)
    CONTAINER = "container"  # a decrypted ASiC-E container (.asice)
    UNKNOWN = "unknown"


INCONCLUSIVE = frozenset(
    {Reason.REVOCATION_UNKNOWN, Reason.DECRYPT_KEY_REQUIRED, Reason.CONTENT_REQUIRED}
)


@dataclass(frozen=True)
class TimestampInfo:
    """One RFC 3161 signature timestamp as the verifier judged it."""

    time: dt.datetime  # genTime, in Japan time (+09:00)
    tsa: str  # the TSA certificate's subject (RFC 4514), "" when unreadable
    hash_algorithm: str
    ok: bool  # imprint, token signature and TSA path all good

    def to_dict(self) -> dict[str, Any]:
        return {
            "time": self.time.isoformat(),
            "tsa": self.tsa,
            "hash_algorithm": self.hash_algorithm,
            "ok": self.ok,
        }


@dataclass(frozen=True)
class SignatureInfo:
    """One signature of a co-signed document (XML), in signing order."""

    index: int  # 1-based
    signer: str  # subject (RFC 4514) of the signer's certificate, "" when absent
    serial: str  # the signer certificate's serial (hex), "" when absent
    covers: tuple[str, ...]  # "document", then "signature 1" ... for later co-signatures
    ok: bool

    def to_dict(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "signer": self.signer,
            "serial": self.serial,
            "covers": list(self.covers),
            "ok": self.ok,
        }


@dataclass(frozen=True)
class PdfSignatureReport:
    """One signature of a PDF, in file order. Times are aware datetimes (UTC or as found)."""

    field: str  # the signature field's name
    revision: int  # 1-based revision the signature belongs to
    revisions_after: int  # incremental updates appended after it (0: covers the whole file)
    modification: str  # later changes: none, lta_updates, form_filling, annotations, other
    subfilter: str  # e.g. /adbe.pkcs7.detached, /ETSI.CAdES.detached
    signer_name: str  # /Name of the signature, else the certificate's CN
    signer_cert: x509.Certificate | None = None
    signing_time: dt.datetime | None = None  # what the signer claims (signing-time, else /M)
    timestamp_time: dt.datetime | None = None  # from the RFC 3161 signature timestamp
    timestamp_ok: bool | None = None  # None: the signature carries no timestamp
    trust_path: tuple[str, ...] = ()  # subjects, signer first, anchor last
    findings: tuple[Finding, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.findings

    @property
    def whole_document(self) -> bool:
        return self.revisions_after == 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "field": self.field,
            "ok": self.ok,
            "revision": self.revision,
            "revisions_after": self.revisions_after,
            "whole_document": self.whole_document,
            "modification": self.modification,
            "subfilter": self.subfilter,
            "signer_name": self.signer_name,
            "signer_sha256": None
            if self.signer_cert is None
            else self.signer_cert.fingerprint(hashes.SHA256()).hex(),
            "signing_time": self.signing_time.isoformat() if self.signing_time else None,
            "timestamp_time": self.timestamp_time.isoformat() if self.timestamp_time else None,
            "timestamp_ok": self.timestamp_ok,
            "trust_path": list(self.trust_path),
            "reasons": list(dict.fromkeys(f.reason.value for f in self.findings)),
            "findings": [{"reason": f.reason.value, "subject": f.subject} for f in self.findings],
        }


@dataclass(frozen=True)
class Verdict:
    kind: Kind
    findings: tuple[Finding, ...] = ()
    signer_cert: x509.Certificate | None = None
    signing_time: dt.datetime | None = None
    submission: Submission | None = None
    form_xml: bytes | None = None
    manifest_sha256_hex: str | None = None
    revocation_checked: bool = False
    files: tuple[str, ...] = field(default=())  # container entries covered by the signature
    timestamps: tuple[TimestampInfo, ...] = ()  # signature timestamps (CAdES-T), in order
    signatures: tuple[SignatureInfo, ...] = ()  # every XML signature, in order (co-signatures)
    pdf_signatures: tuple[PdfSignatureReport, ...] = ()  # Kind.PDF: every signature, in order

    @property
    def ok(self) -> bool:
        return not self.findings

    @property
    def reasons(self) -> tuple[Reason, ...]:
        return tuple(dict.fromkeys(f.reason for f in self.findings))

    @property
    def inconclusive(self) -> bool:
        """Rejected only because a check could not be completed (exit code 10 in the CLI)."""
        return bool(self.findings) and all(f.reason in INCONCLUSIVE for f in self.findings)

    def to_dict(self) -> dict[str, Any]:
        cert = self.signer_cert
        sub = self.submission
        return {
            "ok": self.ok,
            "kind": self.kind.value,
            "reasons": [r.value for r in self.reasons],
            "findings": [{"reason": f.reason.value, "subject": f.subject} for f in self.findings],
            "signer": None
            if cert is None
            else {
                "subject": cert.subject.rfc4514_string(),
                "serial": format(cert.serial_number, "X"),
                "sha256": cert.fingerprint(hashes.SHA256()).hex(),
                "not_after": cert.not_valid_after_utc.isoformat(),
            },
            "signing_time": self.signing_time.isoformat() if self.signing_time else None,
            "revocation_checked": self.revocation_checked,
            "submission": None
            if sub is None
            else {
                "procedure": sub.procedure,
                "recipient": sub.recipient,
                "id": sub.id,
                "created": sub.created.isoformat(),
            },
            "manifest_sha256": self.manifest_sha256_hex,
            "files": list(self.files),
            "timestamp": self.timestamps[0].to_dict() if self.timestamps else None,
            "timestamps": [t.to_dict() for t in self.timestamps],
            "signatures": [s.to_dict() for s in self.signatures],
            "pdf_signatures": [s.to_dict() for s in self.pdf_signatures],
        }

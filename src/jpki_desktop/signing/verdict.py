"""What the verifier returns: a frozen :class:`Verdict` with typed reasons (data, no sentences)."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes

from .asic import Submission


class Kind(str, enum.Enum):
    P7S = "p7s"  # detached (or attached) CAdES / CMS signature
    XML = "xml"  # enveloped XMLDSig
    PDF = "pdf"  # signed PDF (one or more signatures, see Verdict.pdf_signatures)
    PACKAGE = "package"  # encrypted ASiC-E submission (.p7m)
    CONTAINER = "container"  # a decrypted ASiC-E container (.asice)
    UNKNOWN = "unknown"


class Reason(str, enum.Enum):
    """Why a file is rejected. Each finding carries one of these and an optional subject."""

    MALFORMED = "malformed"  # truncated or unparseable input
    CONTENT_REQUIRED = "content_required"  # a detached .p7s without its content
    DECRYPT_KEY_REQUIRED = "decrypt_key_required"  # an encrypted package without the agency key
    WRONG_RECIPIENT = "wrong_recipient"  # not encrypted to the given certificate
    DECRYPTION_FAILED = "decryption_failed"  # key does not fit, or ciphertext/tag altered
    ZIP_MIMETYPE = "zip_mimetype"  # mimetype missing, not first, compressed or wrong value
    ZIP_UNSAFE_PATH = "zip_unsafe_path"  # absolute, "..", backslash, duplicate, link, encrypted
    ZIP_LIMITS = "zip_limits"  # too many entries, too large, compression ratio (zip bomb)
    MANIFEST_INVALID = "manifest_invalid"
    SUBMISSION_INVALID = "submission_invalid"
    RECIPIENT_MISMATCH = "recipient_mismatch"  # signed for another agency, re-encrypted to us
    MISSING_FILE = "missing_file"  # listed in the manifest, absent from the container
    UNLISTED_FILE = "unlisted_file"  # in the container, not covered by the signed manifest
    DIGEST_MISMATCH = "digest_mismatch"  # a file differs from its signed digest
    CONTENT_MISMATCH = "content_mismatch"  # the signed content (message-digest) differs
    SIGNATURE_INVALID = "signature_invalid"  # the signature value does not verify
    SIGNED_ATTRIBUTES = "signed_attributes"  # required attribute missing or inconsistent
    SIGNER_CERT_MISSING = "signer_cert_missing"
    WEAK_ALGORITHM = "weak_algorithm"  # SHA-1/MD5, RSA < 2048, unknown algorithms
    NO_TRUST_ANCHOR = "no_trust_anchor"  # no trust roots given and none bundled
    UNTRUSTED = "untrusted"  # no path to a trusted JPKI signing CA
    KEY_USAGE = "key_usage"  # signer certificate lacks nonRepudiation
    CERT_EXPIRED = "cert_expired"  # at validation time
    CERT_NOT_YET_VALID = "cert_not_yet_valid"
    EXPIRED_AT_SIGNING = "expired_at_signing"  # signing-time outside the certificate validity
    REVOKED = "revoked"
    REVOCATION_UNKNOWN = "revocation_unknown"  # policy requires revocation data we do not have
    # PDF signatures (subject: the signature field name)
    PDF_UNSIGNED = "pdf_unsigned"  # a PDF without any signature
    PDF_BYTE_RANGE = "pdf_byte_range"  # /ByteRange not from 0, or not excluding exactly /Contents
    PDF_CONTENTS = "pdf_contents"  # /Contents not a DER CMS padded with zeros only
    PDF_MODIFIED = "pdf_modified"  # a later revision changes what was signed (pages, content)
    PDF_TRAILING_DATA = "pdf_trailing_data"  # bytes after the signed revision that are no revision
    PDF_DOCMDP = "pdf_docmdp"  # changes beyond what the certification signature allows
    TIMESTAMP_INVALID = "timestamp_invalid"  # signature timestamp token broken or not over it
    TIMESTAMP_UNTRUSTED = "timestamp_untrusted"  # no path from the TSA to a trusted root


INCONCLUSIVE = frozenset(
    {Reason.REVOCATION_UNKNOWN, Reason.DECRYPT_KEY_REQUIRED, Reason.CONTENT_REQUIRED}
)


@dataclass(frozen=True)
class Finding:
    reason: Reason
    subject: str = ""  # e.g. a file name, an algorithm, a date (ISO 8601)


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
            "pdf_signatures": [s.to_dict() for s in self.pdf_signatures],
        }

"""The one reason vocabulary: why a signature, a certificate or a trust path is not valid (or
could not be checked). Shared by the verifier (signing/verification/verify.py), the own-certificate check
(validity/check.py, ``jpki check``) and timestamp checks. Values are stable: they appear in
``--json`` output and the front ends phrase each one (cli/, ui/*_texts.py)."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Reason(str, enum.Enum):
    # -- the input ---------------------------------------------------------------------------
    MALFORMED = "malformed"  # truncated, unparseable or not strict DER where DER is required
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
    # -- the signature -----------------------------------------------------------------------
    CONTENT_MISMATCH = "content_mismatch"  # the signed content (message-digest) differs
    SIGNATURE_INVALID = "signature_invalid"  # the signature value does not verify
    SIGNED_ATTRIBUTES = "signed_attributes"  # required attribute missing or inconsistent
    SIGNER_CERT_MISSING = "signer_cert_missing"
    WEAK_ALGORITHM = "weak_algorithm"  # SHA-1/MD5, RSA < 2048, unknown algorithms or key types
    EXPIRED_AT_SIGNING = "expired_at_signing"  # signing-time outside the certificate validity
    # -- the certificate and its path ---------------------------------------------------------
    NOT_JPKI = "not_jpki"  # not a JPKI certificate (own-certificate check)
    NO_TRUST_ANCHOR = "no_trust_anchor"  # no trust roots given and none bundled
    UNTRUSTED = "untrusted"  # no path to a trusted JPKI CA
    ANCHOR_MISSING = "anchor_missing"  # a J-LIS-named issuer we cannot verify (2019 auth CA)
    BAD_PATH = "bad_path"  # a path exists but does not validate (signature, constraints)
    KEY_USAGE = "key_usage"  # e.g. a signer certificate without nonRepudiation
    CERT_EXPIRED = "cert_expired"  # at validation time
    CERT_NOT_YET_VALID = "cert_not_yet_valid"
    # -- revocation --------------------------------------------------------------------------
    REVOKED = "revoked"
    REVOCATION_UNKNOWN = "revocation_unknown"  # policy requires revocation data we do not have
    NO_ENDPOINT = "no_endpoint"  # no OCSP/CRL service known for the certificate
    RESPONDER_FAILED = "responder_failed"  # no service gave a usable answer
    STATUS_UNKNOWN = "status_unknown"  # the OCSP responder does not know the certificate
    STALE_CACHE = "stale_cache"  # only an out-of-date cached CRL, and no service answered
    # -- PDF signatures (subject: the signature field name) -----------------------------------
    PDF_UNSIGNED = "pdf_unsigned"  # a PDF without any signature
    PDF_BYTE_RANGE = "pdf_byte_range"  # /ByteRange not from 0, or not excluding exactly /Contents
    PDF_CONTENTS = "pdf_contents"  # /Contents not a DER CMS padded with zeros only
    PDF_MODIFIED = "pdf_modified"  # a later revision changes what was signed (pages, content)
    PDF_TRAILING_DATA = "pdf_trailing_data"  # bytes after the signed revision that are no revision
    PDF_DOCMDP = "pdf_docmdp"  # changes beyond what the certification signature allows
    # -- RFC 3161 timestamps -------------------------------------------------------------------
    TIMESTAMP_INVALID = "timestamp_invalid"  # a timestamp token is damaged or its signature fails
    TIMESTAMP_IMPRINT_MISMATCH = "timestamp_imprint_mismatch"  # token over another signature
    TIMESTAMP_UNTRUSTED = "timestamp_untrusted"  # no path from the TSA to a trusted root


@dataclass(frozen=True)
class Finding:
    reason: Reason
    subject: str = ""  # e.g. a file name, an algorithm, a date (ISO 8601)

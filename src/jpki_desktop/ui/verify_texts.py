"""Verifier reasons in words (the signing core returns typed reasons, no sentences)."""

from __future__ import annotations

from ..signing.verification.grade import Grade
from ..signing.verification.verdict import Kind, Reason
from .theme import Tone
from .words import QT_TRANSLATE_NOOP, Words

kind_text = Words[Kind](
    "Verify",
    {
        Kind.P7S: QT_TRANSLATE_NOOP("Verify", "Detached signature (.p7s)"),
        Kind.XML: QT_TRANSLATE_NOOP("Verify", "Signed XML"),
        Kind.PACKAGE: QT_TRANSLATE_NOOP("Verify", "Encrypted submission package (.p7m)"),
        Kind.CONTAINER: QT_TRANSLATE_NOOP("Verify", "Signed container (.asice)"),
        Kind.PDF: QT_TRANSLATE_NOOP("Verify", "Signed PDF"),
        Kind.UNKNOWN: QT_TRANSLATE_NOOP("Verify", "Unknown format"),
    },
)


reason_text = Words[Reason](
    "Verify",
    {
        Reason.MALFORMED: QT_TRANSLATE_NOOP(
            "Verify", "The file is damaged or not in a format this program reads."
        ),
        Reason.CONTENT_REQUIRED: QT_TRANSLATE_NOOP(
            "Verify",
            "This signature is stored apart from the signed file: choose the signed file too.",
        ),
        Reason.DECRYPT_KEY_REQUIRED: QT_TRANSLATE_NOOP(
            "Verify",
            "The package is encrypted for the agency: only the agency can open and check it.",
        ),
        Reason.WRONG_RECIPIENT: QT_TRANSLATE_NOOP(
            "Verify", "The package is encrypted for someone else."
        ),
        Reason.DECRYPTION_FAILED: QT_TRANSLATE_NOOP(
            "Verify", "The package could not be decrypted (wrong key, or it was altered)."
        ),
        Reason.ZIP_MIMETYPE: QT_TRANSLATE_NOOP(
            "Verify", "The container's type marker is missing or wrong."
        ),
        Reason.ZIP_UNSAFE_PATH: QT_TRANSLATE_NOOP(
            "Verify", "The container holds a file with an unsafe name."
        ),
        Reason.ZIP_LIMITS: QT_TRANSLATE_NOOP(
            "Verify", "The container is too large or too compressed (possible zip bomb)."
        ),
        Reason.MANIFEST_INVALID: QT_TRANSLATE_NOOP(
            "Verify", "The list of signed files is damaged."
        ),
        Reason.SUBMISSION_INVALID: QT_TRANSLATE_NOOP(
            "Verify", "The submission details are damaged."
        ),
        Reason.RECIPIENT_MISMATCH: QT_TRANSLATE_NOOP("Verify", "It was signed for another agency."),
        Reason.MISSING_FILE: QT_TRANSLATE_NOOP("Verify", "A signed file is missing."),
        Reason.UNLISTED_FILE: QT_TRANSLATE_NOOP(
            "Verify", "It contains a file that the signature does not cover."
        ),
        Reason.DIGEST_MISMATCH: QT_TRANSLATE_NOOP("Verify", "A file was changed after signing."),
        Reason.CONTENT_MISMATCH: QT_TRANSLATE_NOOP(
            "Verify", "The signed content was changed after signing."
        ),
        Reason.SIGNATURE_INVALID: QT_TRANSLATE_NOOP(
            "Verify", "The signature value is not correct."
        ),
        Reason.SIGNED_ATTRIBUTES: QT_TRANSLATE_NOOP(
            "Verify", "The signature's attributes are missing or inconsistent."
        ),
        Reason.SIGNER_CERT_MISSING: QT_TRANSLATE_NOOP(
            "Verify", "The signer's certificate is missing."
        ),
        Reason.WEAK_ALGORITHM: QT_TRANSLATE_NOOP(
            "Verify", "A weak algorithm was used (for example SHA-1)."
        ),
        Reason.NO_TRUST_ANCHOR: QT_TRANSLATE_NOOP(
            "Verify", "No trusted JPKI certificate authority is available."
        ),
        Reason.UNTRUSTED: QT_TRANSLATE_NOOP(
            "Verify", "The signer's certificate was not issued by the JPKI signing CA."
        ),
        Reason.KEY_USAGE: QT_TRANSLATE_NOOP(
            "Verify", "The signer's certificate is not meant for signing."
        ),
        Reason.CERT_EXPIRED: QT_TRANSLATE_NOOP("Verify", "The signer's certificate has expired."),
        Reason.CERT_NOT_YET_VALID: QT_TRANSLATE_NOOP(
            "Verify", "The signer's certificate is not valid yet."
        ),
        Reason.EXPIRED_AT_SIGNING: QT_TRANSLATE_NOOP(
            "Verify", "The certificate was not valid at the time of signing."
        ),
        Reason.REVOKED: QT_TRANSLATE_NOOP("Verify", "The signer's certificate has been revoked."),
        Reason.REVOCATION_UNKNOWN: QT_TRANSLATE_NOOP(
            "Verify", "Whether the certificate was revoked could not be checked."
        ),
        Reason.PDF_UNSIGNED: QT_TRANSLATE_NOOP("Verify", "This PDF holds no signature."),
        Reason.PDF_BYTE_RANGE: QT_TRANSLATE_NOOP(
            "Verify", "The signature does not cover the whole file except itself."
        ),
        Reason.PDF_CONTENTS: QT_TRANSLATE_NOOP(
            "Verify", "The signature data in the PDF was altered."
        ),
        Reason.PDF_MODIFIED: QT_TRANSLATE_NOOP(
            "Verify", "The PDF was changed after signing (pages or content)."
        ),
        Reason.PDF_TRAILING_DATA: QT_TRANSLATE_NOOP(
            "Verify", "Unsigned data was added to the end of the PDF."
        ),
        Reason.PDF_DOCMDP: QT_TRANSLATE_NOOP(
            "Verify", "The PDF was changed beyond what its certification allows."
        ),
        Reason.TIMESTAMP_INVALID: QT_TRANSLATE_NOOP(
            "Verify", "The timestamp is damaged or does not belong to this signature."
        ),
        Reason.TIMESTAMP_UNTRUSTED: QT_TRANSLATE_NOOP(
            "Verify", "The timestamp was not issued by a trusted time-stamping service."
        ),
    },
)


GRADE_TONE = {
    Grade.VALID: Tone.OK,
    Grade.VALID_WITH_WARNINGS: Tone.WARN,
    Grade.UNKNOWN: Tone.WARN,
    Grade.NOT_VALID: Tone.DANGER,
}


grade_text = Words[Grade](
    "Verify",
    {
        Grade.VALID: QT_TRANSLATE_NOOP("Verify", "Valid signature (revocation checked)."),
        Grade.VALID_WITH_WARNINGS: QT_TRANSLATE_NOOP(
            "Verify",
            "Valid signature, but revocation was not checked: the certificate may have been "
            "revoked (for example after a move).",
        ),
        Grade.UNKNOWN: QT_TRANSLATE_NOOP("Verify", "Could not be fully checked."),
        Grade.NOT_VALID: QT_TRANSLATE_NOOP("Verify", "Not valid."),
    },
)

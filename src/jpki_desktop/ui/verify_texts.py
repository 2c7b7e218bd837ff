"""Verifier reasons in words (the signing core returns typed reasons, no sentences)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..signing.verification.grade import Grade
from ..signing.verification.verdict import Kind, Reason
from .theme import Tone

translate = QCoreApplication.translate


def kind_text(kind: Kind) -> str:
    return {
        Kind.P7S: translate("Verify", "Detached signature (.p7s)"),
        Kind.XML: translate("Verify", "Signed XML"),
        Kind.PACKAGE: translate("Verify", "Encrypted submission package (.p7m)"),
        Kind.CONTAINER: translate("Verify", "Signed container (.asice)"),
        Kind.PDF: translate("Verify", "Signed PDF"),
        Kind.UNKNOWN: translate("Verify", "Unknown format"),
    }[kind]


def reason_text(reason: Reason) -> str:
    return {
        Reason.MALFORMED: translate(
            "Verify", "The file is damaged or not in a format this program reads."
        ),
        Reason.CONTENT_REQUIRED: translate(
            "Verify",
            "This signature is stored apart from the signed file: choose the signed file too.",
        ),
        Reason.DECRYPT_KEY_REQUIRED: translate(
            "Verify",
            "The package is encrypted for the agency: only the agency can open and check it.",
        ),
        Reason.WRONG_RECIPIENT: translate("Verify", "The package is encrypted for someone else."),
        Reason.DECRYPTION_FAILED: translate(
            "Verify", "The package could not be decrypted (wrong key, or it was altered)."
        ),
        Reason.ZIP_MIMETYPE: translate(
            "Verify", "The container's type marker is missing or wrong."
        ),
        Reason.ZIP_UNSAFE_PATH: translate(
            "Verify", "The container holds a file with an unsafe name."
        ),
        Reason.ZIP_LIMITS: translate(
            "Verify", "The container is too large or too compressed (possible zip bomb)."
        ),
        Reason.MANIFEST_INVALID: translate("Verify", "The list of signed files is damaged."),
        Reason.SUBMISSION_INVALID: translate("Verify", "The submission details are damaged."),
        Reason.RECIPIENT_MISMATCH: translate("Verify", "It was signed for another agency."),
        Reason.MISSING_FILE: translate("Verify", "A signed file is missing."),
        Reason.UNLISTED_FILE: translate(
            "Verify", "It contains a file that the signature does not cover."
        ),
        Reason.DIGEST_MISMATCH: translate("Verify", "A file was changed after signing."),
        Reason.CONTENT_MISMATCH: translate(
            "Verify", "The signed content was changed after signing."
        ),
        Reason.SIGNATURE_INVALID: translate("Verify", "The signature value is not correct."),
        Reason.SIGNED_ATTRIBUTES: translate(
            "Verify", "The signature's attributes are missing or inconsistent."
        ),
        Reason.SIGNER_CERT_MISSING: translate("Verify", "The signer's certificate is missing."),
        Reason.WEAK_ALGORITHM: translate(
            "Verify", "A weak algorithm was used (for example SHA-1)."
        ),
        Reason.NO_TRUST_ANCHOR: translate(
            "Verify", "No trusted JPKI certificate authority is available."
        ),
        Reason.UNTRUSTED: translate(
            "Verify", "The signer's certificate was not issued by the JPKI signing CA."
        ),
        Reason.KEY_USAGE: translate("Verify", "The signer's certificate is not meant for signing."),
        Reason.CERT_EXPIRED: translate("Verify", "The signer's certificate has expired."),
        Reason.CERT_NOT_YET_VALID: translate(
            "Verify", "The signer's certificate is not valid yet."
        ),
        Reason.EXPIRED_AT_SIGNING: translate(
            "Verify", "The certificate was not valid at the time of signing."
        ),
        Reason.REVOKED: translate("Verify", "The signer's certificate has been revoked."),
        Reason.REVOCATION_UNKNOWN: translate(
            "Verify", "Whether the certificate was revoked could not be checked."
        ),
        Reason.PDF_UNSIGNED: translate("Verify", "This PDF holds no signature."),
        Reason.PDF_BYTE_RANGE: translate(
            "Verify", "The signature does not cover the whole file except itself."
        ),
        Reason.PDF_CONTENTS: translate("Verify", "The signature data in the PDF was altered."),
        Reason.PDF_MODIFIED: translate(
            "Verify", "The PDF was changed after signing (pages or content)."
        ),
        Reason.PDF_TRAILING_DATA: translate(
            "Verify", "Unsigned data was added to the end of the PDF."
        ),
        Reason.PDF_DOCMDP: translate(
            "Verify", "The PDF was changed beyond what its certification allows."
        ),
        Reason.TIMESTAMP_INVALID: translate(
            "Verify", "The timestamp is damaged or does not belong to this signature."
        ),
        Reason.TIMESTAMP_UNTRUSTED: translate(
            "Verify", "The timestamp was not issued by a trusted time-stamping service."
        ),
    }[reason]


GRADE_TONE = {
    Grade.VALID: Tone.OK,
    Grade.VALID_WITH_WARNINGS: Tone.WARN,
    Grade.UNKNOWN: Tone.WARN,
    Grade.NOT_VALID: Tone.DANGER,
}


def grade_text(g: Grade) -> str:
    return {
        Grade.VALID: translate("Verify", "Valid signature (revocation checked)."),
        Grade.VALID_WITH_WARNINGS: translate(
            "Verify",
            "Valid signature, but revocation was not checked: the certificate may have been "
            "revoked (for example after a move).",
        ),
        Grade.UNKNOWN: translate("Verify", "Could not be fully checked."),
        Grade.NOT_VALID: translate("Verify", "Not valid."),
    }[g]

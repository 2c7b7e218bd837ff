"""Sentences for signing errors and verifier reasons (the signing commands and cli/errors.py)."""

from __future__ import annotations

from ..signing import errors as S
from ..signing.verdict import Reason
from . import exitcodes as X

INPUT_TEXT = {
    "procedure_id": "the procedure id may hold letters, digits and . _ : - / (up to 128)",
    "submission_id": "the submission id may hold letters, digits and . _ : - / (up to 128)",
    "form_not_well_formed": "the form is not well-formed XML",
    "form_doctype": "the form declares a DOCTYPE, which is refused",
    "form_too_large": "the form is too large",
    "xml_not_well_formed": "the file is not well-formed XML",
    "xml_doctype": "the XML declares a DOCTYPE, which is refused",
    "xml_too_large": "the XML file is too large",
    "xml_already_signed": "the XML already holds a signature",
    "attachment_not_a_file": "an attachment is not a readable file",
    "attachment_name": "an attachment name cannot be used in a package",
    "attachment_duplicate_name": "two attachments have the same name",
    "certificate_file": "not a PEM or DER certificate",
    "key_file": "not an unencrypted PEM or DER RSA private key",
    "recipient_missing": "give the agency's encryption certificate with --to",
    "decrypt_pair": "give both --decrypt-key and --decrypt-cert",
    "crl_file": "not a PEM or DER CRL",
}

RECIPIENT_TEXT = {
    "not_rsa": "it has no RSA key",
    "key_too_small": "its RSA key is shorter than 2048 bits",
    "no_key_encipherment": "it is not an encryption certificate (no keyEncipherment)",
    "expired": "it has expired",
    "not_yet_valid": "it is not valid yet",
}


def describe_signing(exc: BaseException) -> tuple[str, int]:
    if isinstance(exc, S.InvalidInput):
        text = INPUT_TEXT.get(exc.what, exc.what)
        return f"Nothing was signed: {text}{f' ({exc.subject})' if exc.subject else ''}.", X.USAGE
    if isinstance(exc, S.NoSigningCertificate):
        return (
            "This card has no signing certificate (it is not issued to holders under 15). "
            "Ask your municipal office if you need one."
        ), X.ERROR
    if isinstance(exc, S.SignatureCheckFailed):
        return (
            "The card's signature does not match the certificate read from the same card. "
            "Nothing was written. Re-insert the card and retry."
        ), X.ERROR
    if isinstance(exc, S.UnsupportedAlgorithm):
        return f"Refused algorithm: {exc.name}.", X.ERROR
    if isinstance(exc, S.AttachmentChanged):
        return (
            f"{exc.path} changed while it was being packaged; nothing was written. Retry.",
            X.ERROR,
        )
    if isinstance(exc, S.RecipientCertUnsuitable):
        why = RECIPIENT_TEXT.get(exc.reason, exc.reason)
        return f"The agency certificate cannot be used: {why}. Nothing was written.", X.USAGE
    if isinstance(exc, S.EnvelopeError):
        return "The package could not be opened with this key.", X.INVALID
    return f"Signing failed: {type(exc).__name__}", X.ERROR


REASON_TEXT = {
    Reason.MALFORMED: "damaged, truncated or not a format this tool reads",
    Reason.CONTENT_REQUIRED: "a detached signature: give the signed file with --content",
    Reason.DECRYPT_KEY_REQUIRED: "an encrypted package: give --decrypt-key and --decrypt-cert",
    Reason.WRONG_RECIPIENT: "not encrypted to this certificate",
    Reason.DECRYPTION_FAILED: "the key does not open it, or it was altered",
    Reason.ZIP_MIMETYPE: "the container's mimetype entry is missing, not first, or wrong",
    Reason.ZIP_UNSAFE_PATH: "unsafe entry name in the container",
    Reason.ZIP_LIMITS: "container exceeds size/ratio limits (possible zip bomb)",
    Reason.MANIFEST_INVALID: "the signed manifest is missing or invalid",
    Reason.SUBMISSION_INVALID: "submission.xml is missing, unsigned or invalid",
    Reason.RECIPIENT_MISMATCH: "signed for another recipient, then re-encrypted",
    Reason.MISSING_FILE: "a signed file is missing",
    Reason.UNLISTED_FILE: "a file is not covered by the signature",
    Reason.DIGEST_MISMATCH: "a file differs from what was signed",
    Reason.CONTENT_MISMATCH: "the content differs from what the signature covers",
    Reason.SIGNATURE_INVALID: "the signature value does not verify",
    Reason.SIGNED_ATTRIBUTES: "a required signed attribute is missing or wrong",
    Reason.SIGNER_CERT_MISSING: "the signer's certificate is not included",
    Reason.WEAK_ALGORITHM: "a refused algorithm (SHA-1, MD5, short RSA key...)",
    Reason.NO_TRUST_ANCHOR: "no trust roots (give --trust)",
    Reason.UNTRUSTED: "the signer's certificate does not chain to a trusted JPKI signing CA",
    Reason.KEY_USAGE: "the signer's certificate is not for signatures (nonRepudiation)",
    Reason.CERT_EXPIRED: "the signer's certificate has expired",
    Reason.CERT_NOT_YET_VALID: "the signer's certificate is not valid yet",
    Reason.EXPIRED_AT_SIGNING: "the signer's certificate had expired when it was used",
    Reason.REVOKED: "the signer's certificate is revoked",
    Reason.REVOCATION_UNKNOWN: "revocation status could not be established (policy: require)",
}

"""Sentences for signing errors and verifier reasons (the signing commands and cli/errors.py)."""

from __future__ import annotations

import datetime as dt

from ..app.times import japan_time
from ..signing import errors as S
from ..signing.verification.verdict import Reason
from . import exitcodes as X
from .sentences import aside

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
    "xml_signature_layout": "the XML holds a signature outside the signature chain (it cannot be co-signed)",
    "attachment_not_a_file": "an attachment is not a readable file",
    "attachment_name": "an attachment name cannot be used in a package",
    "attachment_duplicate_name": "two attachments have the same name",
    "certificate_file": "not a PEM or DER certificate",
    "key_file": "not an unencrypted PEM or DER RSA private key",
    "recipient_missing": "give the agency's encryption certificate with --to",
    "decrypt_pair": "give both --decrypt-key and --decrypt-cert",
    "crl_file": "not a PEM or DER CRL",
    "tsa_required": "the pades-b-t profile needs a time-stamping authority: give --tsa URL",
    "tsa_unused": "the moj profile carries no timestamp: give --profile pades-b-t with --tsa",
    "output_is_input": "the output must be a new file; the input PDF is never modified",
    "visible_spec": "--visible takes PAGE:X1,Y1,X2,Y2 (page from 1, points, at least 10 x 10)",
}

PDF_TEXT = {
    "not_pdf": "it is not a PDF file",
    "damaged": "the PDF is damaged (its structure cannot be read); re-save it from the program that made it",
    "encrypted": "the PDF is encrypted or password-protected; save an unprotected copy first",
    "certified_no_changes": "the PDF is certified with 'no changes allowed'; any signature would break it",
    "page_out_of_range": "the PDF has no such page",
    "bad_box": "the stamp rectangle lies outside the page",
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
        return f"Nothing was signed: {text}{aside(exc.subject)}.", X.USAGE
    if isinstance(exc, S.PdfRefused):
        why = PDF_TEXT.get(exc.reason, exc.reason) + aside(exc.detail)
        return f"Nothing was signed and the card was not used: {why}.", X.PIN_REFUSED
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
    if isinstance(exc, S.TimestampError):
        return describe_timestamp(exc), X.ERROR
    if isinstance(exc, S.CertificateUnusable):
        return describe_unusable(exc), X.INVALID  # a check said "not valid"; nothing signed
    if isinstance(exc, S.EnvelopeError):
        return "The package could not be opened with this key.", X.INVALID
    return f"Signing failed: {type(exc).__name__}", X.ERROR


TSA_TEXT = {
    "timeout": "it did not answer in time",
    "scheme": "the address must start with http:// or https://",
    "not_a_timestamp_response": "its answer is not an RFC 3161 timestamp response",
    "nonce": "its answer was made for another request",
    "imprint": "its token is over other data than this signature",
    "token_signature": "its token's signature does not verify",
    "token": "its token is damaged",
    "too_large": "its answer is far too large",
}


def describe_timestamp(exc: S.TimestampError) -> str:
    if isinstance(exc, S.TsaUnreachable):
        why = TSA_TEXT.get(exc.what, f"no connection ({exc.what})")
    elif isinstance(exc, S.TsaRefused):
        why = f"it refused the request (status {exc.what})"
    else:
        why = TSA_TEXT.get(exc.what, exc.what)
    return (
        f"No timestamp from the time-stamping authority {exc.url}: {why}. Nothing was written. "
        "Check the --tsa address and your network or proxy, or sign without --tsa."
    )


def _day(when: dt.datetime | None) -> str:
    return japan_time(when, seconds=False, missing="?")


def describe_unusable(exc: S.CertificateUnusable) -> str:
    now = _day(exc.now)
    clock = f"this computer's clock says {now}"
    if exc.problem == "expired":
        return (
            f"Nothing was signed: your signing certificate expired on {_day(exc.not_after)} "
            f"({clock}). Renew it at your municipal office (bring the card). If the date is "
            "wrong, correct the computer's clock and retry."
        )
    if exc.problem == "revoked":
        return (
            f"Nothing was signed: your signing certificate was revoked on {_day(exc.revoked_at)} "
            "(a move, a name change or a request revokes it). Get a new one at your municipal "
            "office."
        )
    if exc.problem == "not_yet_valid":
        return (
            f"Nothing was signed: your signing certificate is valid only from "
            f"{_day(exc.not_before)}, but {clock}. Correct the computer's clock and retry."
        )
    whose = "the card's signing CA certificate"
    if exc.problem == "ca_expired":
        return (
            f"Nothing was sent to the card: {whose} expired on {_day(exc.not_after)} ({clock}), "
            "so no signature made now can be valid. Check the computer's clock; if it is "
            "right, renew your certificate at your municipal office."
        )
    return (
        f"Nothing was sent to the card: {whose} is valid only from {_day(exc.not_before)}, "
        f"but {clock}. Correct the computer's clock and retry."
    )


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
    Reason.PDF_UNSIGNED: "the PDF holds no signature",
    Reason.PDF_BYTE_RANGE: "/ByteRange does not cover the file except exactly the signature",
    Reason.PDF_CONTENTS: "/Contents is not a DER signature padded with zeros only",
    Reason.PDF_MODIFIED: "a later revision changed what was signed (pages or content)",
    Reason.PDF_TRAILING_DATA: "unsigned bytes follow the signed part of the file",
    Reason.PDF_DOCMDP: "later changes exceed what the certification signature allows",
    Reason.TIMESTAMP_INVALID: "a timestamp token is damaged or its signature does not verify",
    Reason.TIMESTAMP_IMPRINT_MISMATCH: "a timestamp token belongs to another signature",
    Reason.TIMESTAMP_UNTRUSTED: "the time-stamping authority is not trusted (give its root with --trust)",
}

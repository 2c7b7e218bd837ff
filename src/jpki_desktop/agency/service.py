"""The reference agency's decisions: open, verify, match the applicant, answer.

Receiver policy follows the signing formats note §5.3: decrypt; container, manifest and
signature checks and the certificate path (the verifier); then the business binding: the
signed submission.xml names a procedure this agency serves and this agency's certificate,
the form matches the procedure's template and rules, and the applicant in the form is the
certificate holder. Every answer is signed; the same submission twice gets the same receipt.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import threading
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import rsa

from ..procedures import (
    AgencyMaterialMissing,
    Catalogue,
    FormXmlError,
    Procedure,
    UnknownProcedure,
)
from ..procedures.template import FormTemplate
from ..procedures.validation import check_field, today_jst
from ..submission.signed_answer import sign_answer
from .accounts import AccountBook
from .applicant import applicant_mismatches, mismatch_labels
from .encryption_key import DEMO_RECIPIENT_ID
from .opener import Opened, Opener
from .records import AgencyRecords

# verifier reason → rejection code
REASON_CODES = {
    "malformed": "decryption-failed",
    "decrypt_key_required": "decryption-failed",
    "wrong_recipient": "decryption-failed",
    "decryption_failed": "decryption-failed",
    "signature_invalid": "signature-invalid",
    "signed_attributes": "signature-invalid",
    "signer_cert_missing": "signature-invalid",
    "weak_algorithm": "signature-invalid",
    "content_mismatch": "signature-invalid",
    "no_trust_anchor": "signer-untrusted",
    "untrusted": "signer-untrusted",
    "key_usage": "signer-untrusted",
    "revoked": "certificate-revoked",
    "cert_expired": "certificate-expired",
    "cert_not_yet_valid": "certificate-expired",
    "expired_at_signing": "certificate-expired",
}  # anything else (zip, manifest, digests, files): "package-invalid"

MESSAGES = {
    "decryption-failed": (
        "パッケージを開けませんでした。この機関あての暗号化ではないか、途中で壊れています。",
        "The package could not be opened: it is not encrypted to this agency, or it was damaged.",
    ),
    "package-invalid": (
        "パッケージの内容が署名と一致しません（改ざんまたは破損）。",
        "The package content does not match its signature (altered or damaged).",
    ),
    "signature-invalid": (
        "電子署名を検証できませんでした。",
        "The electronic signature does not verify.",
    ),
    "signer-untrusted": (
        "署名用電子証明書を信頼できません（公的個人認証の署名用証明書ではありません）。",
        "The signing certificate is not trusted (not a JPKI signing certificate).",
    ),
    "certificate-revoked": (
        "署名用電子証明書は失効しています。住所や氏名の変更後は、市区町村窓口で新しい証明書を発行してください。",
        "The signing certificate is revoked. After a change of address or name, get a new one at your municipal office.",
    ),
    "certificate-expired": (
        "署名用電子証明書の有効期限外です。",
        "The signing certificate is outside its validity period.",
    ),
    "wrong-procedure": (
        "この機関・手続あての申請ではありません。",
        "The package is addressed to another procedure or agency.",
    ),
    "form-invalid": ("申請書の内容に不備があります。", "The form has errors."),
    "applicant-mismatch": (
        "申請者の情報（{fields}）が署名用電子証明書の記録と一致しません。",
        "The applicant's details in the form ({fields}) do not match the signing certificate.",
    ),
    "submission-id-reused": (
        "同じ申請番号で別の内容が送られました。",
        "Another package was sent earlier with the same submission id.",
    ),
    "too-large": ("パッケージが大きすぎます。", "The package is too large."),
}


@dataclass(frozen=True)
class Response:
    status: int
    content_type: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)


def _sha256_file(path: Path) -> str:
    with open(path, "rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def _basic_auth(value: str) -> tuple[str, str] | None:
    if not value.lower().startswith("basic "):
        return None
    try:
        user, _, password = (
            base64.b64decode(value[6:].strip(), validate=True).decode("utf-8").partition(":")
        )
    except (binascii.Error, UnicodeDecodeError):
        return None
    return user, password


class ReferenceAgency:
    """The reference agency's service: one submission in, one signed answer out. It serves the
    procedures of `catalogue` whose agency encryption certificate is its own."""

    def __init__(
        self,
        directory: Path,
        catalogue: Catalogue,
        *,
        encryption_cert: x509.Certificate,
        receipt_key: rsa.RSAPrivateKey,
        receipt_cert: x509.Certificate,
        opener: Opener,
        accounts: AccountBook,
        clock: Callable[[], dt.datetime] | None = None,
    ) -> None:
        self.records = AgencyRecords(directory)
        self.catalogue = catalogue
        self.encryption_cert = encryption_cert
        self._encryption_sha256 = encryption_cert.fingerprint(hashes.SHA256()).hex()
        self.receipt_key = receipt_key
        self.receipt_cert = receipt_cert
        self.opener = opener
        self.accounts = accounts
        self.clock = clock or (lambda: dt.datetime.now(dt.UTC))
        self._lock = threading.Lock()

    # -- answers -----------------------------------------------------------------------

    def _signed(self, payload: dict[str, Any]) -> bytes:
        return sign_answer(payload, self.receipt_key, self.receipt_cert, now=self.clock())

    def _reject(
        self,
        code: str,
        package_sha256: str,
        opened: Opened | None = None,
        details: list[str] | None = None,
        status: int = 422,
        labels: tuple[list[str], list[str]] | None = None,
    ) -> Response:
        """`labels`: the form's labels (ja, en) of the fields named in the message."""
        ja, en = MESSAGES[code]
        if labels is not None:
            ja = ja.format(fields="・".join(labels[0]))
            en = en.format(fields=", ".join(labels[1]))
        payload = {
            "type": "rejection",
            "code": code,
            "message_ja": ja,
            "message_en": en,
            "rejected_at": self.clock().isoformat(timespec="seconds"),
            "package_sha256": package_sha256,
            "submission_id": opened.submission_id if opened else "",
            "procedure_id": opened.procedure_id if opened else "",
            "details": details or [],
        }
        body = self._signed(payload)
        self.records.save_rejected(package_sha256, status, body, payload)
        return Response(status, "application/pkcs7-mime", body)

    # -- the request -------------------------------------------------------------------

    def served(self) -> list[Procedure]:
        out = []
        for p in self.catalogue:
            try:
                cert = self.catalogue.resolve(p.agency).encryption_cert
            except AgencyMaterialMissing:  # certificate unreadable: not one of ours
                continue
            if cert.fingerprint(hashes.SHA256()).hex() == self._encryption_sha256:
                out.append(p)
        return out

    def _account_ok(self, procedure: Procedure, headers: Mapping[str, str]) -> bool:
        if not procedure.agency.account.required:
            return True
        creds = _basic_auth(headers.get("authorization", ""))
        return creds is not None and self.accounts.check(*creds)

    def handle_submission(
        self, package: Path, headers: Mapping[str, str], *, too_large: bool = False
    ) -> Response:
        headers = {k.lower(): v for k, v in headers.items()}
        digest = _sha256_file(package)
        if too_large:
            return self._reject("too-large", digest, status=413)
        hinted = headers.get("x-procedure-id", "")
        with self._lock:
            if hinted:
                try:
                    if not self._account_ok(self.catalogue.get(hinted), headers):
                        return self._unauthorised()
                except UnknownProcedure:
                    pass
            key = headers.get("idempotency-key", "")
            if key:
                stored = self.records.recall(key, digest)
                if stored is not None:
                    return Response(stored.status, "application/pkcs7-mime", stored.answer)
            response = self._decide(package, digest, headers, hinted)
            if key and response.status in (200, 413, 422):
                self.records.remember(key, digest, response.status, response.body)
            return response

    def _unauthorised(self) -> Response:
        return Response(
            401,
            "application/json",
            b'{"error":"account"}',
            {"WWW-Authenticate": 'Basic realm="demo agency"'},
        )

    def _decide(
        self, package: Path, digest: str, headers: Mapping[str, str], hinted: str
    ) -> Response:
        opened = self.opener(package)
        if not opened.ok:
            if opened.inconclusive:  # e.g. revocation data missing: ask to retry, do not reject
                return Response(
                    503, "application/json", b'{"error":"try-later"}', {"Retry-After": "60"}
                )
            reasons = [r for r, _ in opened.findings]
            code = next((REASON_CODES[r] for r in reasons if r in REASON_CODES), "package-invalid")
            details = [f"{r}:{s}" if s else r for r, s in opened.findings]
            return self._reject(code, digest, opened, details)
        try:
            procedure = self.catalogue.get(opened.procedure_id)
        except UnknownProcedure:
            return self._reject("wrong-procedure", digest, opened, ["procedure"])
        if procedure not in self.served() or (hinted and hinted != opened.procedure_id):
            return self._reject("wrong-procedure", digest, opened, ["procedure"])
        if opened.recipient_cert_sha256 and opened.recipient_cert_sha256 != self._encryption_sha256:
            return self._reject("wrong-procedure", digest, opened, ["recipient-certificate"])
        allowed = {
            procedure.agency.id,
            DEMO_RECIPIENT_ID,
            self.encryption_cert.subject.rfc4514_string(),
        }
        if opened.recipient not in allowed:
            return self._reject("wrong-procedure", digest, opened, ["recipient"])
        if not self._account_ok(procedure, headers):
            return self._unauthorised()
        earlier = self.records.accepted(opened.submission_id)
        if earlier is not None:
            if earlier.record.get("manifest_sha256") == opened.manifest_sha256:
                return Response(200, "application/pkcs7-mime", earlier.answer)  # idempotent
            return self._reject("submission-id-reused", digest, opened)
        rejection = self._check_form(procedure, opened, digest)
        if rejection is not None:
            return rejection
        return self._accept(procedure, opened, package, digest)

    def _check_form(self, procedure: Procedure, opened: Opened, digest: str) -> Response | None:
        """The form follows the procedure's template and rules, lists exactly the packaged
        attachments, and names the certificate holder as the applicant."""
        form = opened.form_xml or b""
        try:
            values, listed = FormTemplate.for_procedure(procedure).extract(form)
        except FormXmlError as exc:
            return self._reject("form-invalid", digest, opened, [f"xml:{exc.problem}"])
        today = today_jst()
        issues = [
            i
            for f in procedure.fields
            if (i := check_field(f, values.get(f.id, ""), today)) is not None
        ]
        packaged = sorted(
            n.removeprefix("attachments/") for n in opened.files if n.startswith("attachments/")
        )
        named = sorted(unicodedata.normalize("NFC", a.name) for a in listed)
        details = [f"{i.field}:{i.code}" for i in issues]
        if packaged != named:
            details.append("attachments:not-as-listed")
        if details:
            return self._reject("form-invalid", digest, opened, details)
        wrong = (
            applicant_mismatches(procedure, values, opened.signer_cert)
            if opened.signer_cert
            else ["certificate"]
        )
        if wrong:
            labels = (
                mismatch_labels(procedure, wrong, "ja"),
                mismatch_labels(procedure, wrong, "en"),
            )
            return self._reject("applicant-mismatch", digest, opened, wrong, labels=labels)
        return None

    def _accept(self, procedure: Procedure, opened: Opened, package: Path, digest: str) -> Response:
        now = self.clock()
        payload = {
            "type": "receipt",
            "receipt_number": self.records.next_receipt_number(now),
            "received_at": now.isoformat(timespec="seconds"),
            "submission_id": opened.submission_id,
            "procedure_id": procedure.id,
            "agency_id": procedure.agency.id,
            "manifest_sha256": opened.manifest_sha256,
            "package_sha256": digest,
        }
        body = self._signed(payload)
        signer = opened.signer_cert
        record = {
            **payload,
            "signer_sha256": signer.fingerprint(hashes.SHA256()).hex() if signer else "",
        }
        self.records.save_accepted(
            opened.submission_id, package, opened.form_xml or b"", body, record
        )
        return Response(200, "application/pkcs7-mime", body)

"""What a procedure file describes: the form, its XML, the signature profile and the agency."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cryptography import x509


@dataclass(frozen=True)
class Text:
    """A text in Japanese and English. `get(lang)` falls back to the other language."""

    ja: str = ""
    en: str = ""

    def get(self, lang: str = "ja") -> str:
        if lang.startswith("en"):
            return self.en or self.ja
        return self.ja or self.en


class FieldType(str, enum.Enum):
    TEXT = "text"
    MULTILINE = "multiline"
    DATE = "date"  # ISO YYYY-MM-DD in the form XML
    INTEGER = "integer"
    MONEY = "money"  # whole yen, no separators in the XML
    ENUM = "enum"
    POSTAL_CODE = "postal_code"  # NNN-NNNN
    PHONE = "phone"
    EMAIL = "email"
    BOOLEAN = "boolean"  # "true" / "false"


class ApplicantAttribute(str, enum.Enum):
    """Form fields the agency matches against the signing certificate's basic attributes."""

    NAME = "name"
    ADDRESS = "address"
    BIRTH_DATE = "birth_date"


@dataclass(frozen=True)
class Option:
    value: str
    label: Text


@dataclass(frozen=True)
class FormField:
    id: str
    type: FieldType
    label: Text
    help: Text = Text()
    required: bool = False
    min_length: int | None = None
    max_length: int | None = None
    pattern: str | None = None  # full-match regular expression on the normalised value
    pattern_message: Text | None = None
    minimum: int | None = None  # integer / money
    maximum: int | None = None
    not_before: str | None = None  # date: ISO date, "today", or "today-14d" / "today+30d"
    not_after: str | None = None
    options: tuple[Option, ...] = ()
    applicant: ApplicantAttribute | None = None


@dataclass(frozen=True)
class AttachmentRule:
    allowed: bool = False
    min_count: int = 0
    max_count: int = 0
    max_bytes: int = 10 * 1024 * 1024
    extensions: tuple[str, ...] = ()  # lower case, without dot
    label: Text = Text()
    help: Text = Text()


@dataclass(frozen=True)
class SignatureProfile:
    """How the package is built (names from the signing formats note, section 5)."""

    package: str = "asic-e-cades-bes"
    digest: str = "sha256"
    encryption: str = "cms-authenveloped-aes256gcm-rsaoaep-sha256"


@dataclass(frozen=True)
class AccountRule:
    """The agency's service account (user id + password, as e-Tax's 利用者識別番号 + 暗証番号)."""

    required: bool = False
    user_id_label: Text = Text("利用者識別番号", "User ID")
    user_id_pattern: str | None = None


@dataclass
class Agency:
    """Where and to whom a procedure is submitted. Certificates load on first use, because
    demo references point at key material generated on first need."""

    id: str
    name: Text
    endpoint: str
    encryption_cert_ref: str
    receipt_cert_ref: str
    tls_ca_ref: str | None
    account: AccountRule
    base_dir: Path | None = None
    demo_dir: Path | None = None
    _cache: dict[str, object] = field(default_factory=dict, repr=False, compare=False)

    @property
    def is_demo(self) -> bool:
        return any(
            r is not None and r.startswith("@demo")
            for r in (
                self.endpoint,
                self.encryption_cert_ref,
                self.receipt_cert_ref,
                self.tls_ca_ref,
            )
        )

    @property
    def endpoint_url(self) -> str:
        from .resolve import resolve_endpoint

        return resolve_endpoint(self)

    @property
    def encryption_cert(self) -> x509.Certificate:
        from .resolve import load_cert

        return load_cert(self, "encryption", self.encryption_cert_ref)

    @property
    def receipt_cert(self) -> x509.Certificate:
        from .resolve import load_cert

        return load_cert(self, "receipt", self.receipt_cert_ref)

    @property
    def tls_ca_pem(self) -> bytes | None:
        """PEM of the CA(s) pinned for the endpoint's TLS certificate; None: the system's roots."""
        from .resolve import load_pem

        return None if self.tls_ca_ref is None else load_pem(self, "tls-ca", self.tls_ca_ref)


@dataclass(frozen=True)
class Procedure:
    id: str
    version: str
    name: Text
    description: Text
    namespace: str
    template: str  # XML text; fillable elements carry t:field="<field id>"
    fields: tuple[FormField, ...]
    attachments: AttachmentRule
    signature: SignatureProfile
    agency: Agency
    demo: bool = False
    source: Path | None = None

    def field(self, field_id: str) -> FormField:
        for f in self.fields:
            if f.id == field_id:
                return f
        raise KeyError(field_id)

    def applicant_fields(self) -> dict[ApplicantAttribute, FormField]:
        return {f.applicant: f for f in self.fields if f.applicant is not None}

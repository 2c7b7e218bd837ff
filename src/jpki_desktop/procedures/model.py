"""What a procedure file describes: the form, its XML, the signature profile and the agency."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path

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


class RefKind(str, enum.Enum):
    INLINE = "inline"  # the PEM text itself
    FILE = "file"  # a PEM file (made absolute against the procedure file's folder)
    REFERENCE = "reference"  # `@demo/<name>`: material of the reference (demo) agency


REFERENCE_PREFIX = "@demo"


@dataclass(frozen=True)
class MaterialRef:
    """Where a certificate comes from, as the procedure file says; read only by a resolver."""

    kind: RefKind
    value: str  # PEM text, a path, or the name within the reference agency ("agency.pem")

    @classmethod
    def parse(cls, ref: str, base_dir: Path | None = None) -> MaterialRef:
        if ref.lstrip().startswith("-----BEGIN"):
            return cls(RefKind.INLINE, ref)
        if ref.startswith(REFERENCE_PREFIX + "/"):
            return cls(RefKind.REFERENCE, ref[len(REFERENCE_PREFIX) + 1 :])
        path = Path(ref)
        if not path.is_absolute() and base_dir is not None:
            path = base_dir / path
        return cls(RefKind.FILE, str(path))

    def __str__(self) -> str:  # as written in a procedure file (for messages)
        if self.kind is RefKind.REFERENCE:
            return f"{REFERENCE_PREFIX}/{self.value}"
        return "(inline PEM)" if self.kind is RefKind.INLINE else self.value


@dataclass(frozen=True)
class AgencyInfo:
    """Where and to whom a procedure is submitted, as its procedure file declares it. A plain
    value: nothing is read or generated here; a resolver (procedures.resolve) turns it into a
    `ResolvedAgency` when a certificate or the endpoint's URL is needed."""

    id: str
    name: Text
    endpoint: str  # an https:// URL, or `@demo/<path>` on the reference agency
    encryption_cert: MaterialRef
    receipt_cert: MaterialRef
    tls_ca: MaterialRef | None
    account: AccountRule = AccountRule()

    @property
    def is_demo(self) -> bool:
        """Answered by the reference (demo) agency (any `@demo` reference)."""
        refs = (self.encryption_cert, self.receipt_cert, self.tls_ca)
        return self.endpoint.startswith(REFERENCE_PREFIX) or any(
            r is not None and r.kind is RefKind.REFERENCE for r in refs
        )


@dataclass(frozen=True)
class ResolvedAgency:
    """An agency with its material read: what it takes to encrypt to it, reach it and check
    its answers."""

    info: AgencyInfo
    endpoint_url: str
    encryption_cert: x509.Certificate
    receipt_cert: x509.Certificate
    tls_ca_pem: bytes | None  # CA(s) pinned for the endpoint's TLS certificate; None: system roots

    @property
    def id(self) -> str:
        return self.info.id


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
    agency: AgencyInfo
    demo: bool = False
    source: Path | None = None

    def field(self, field_id: str) -> FormField:
        for f in self.fields:
            if f.id == field_id:
                return f
        raise KeyError(field_id)

    def applicant_fields(self) -> dict[ApplicantAttribute, FormField]:
        return {f.applicant: f for f in self.fields if f.applicant is not None}

"""Read procedure files (JSON, format 1) into the model. Unknown keys are errors, so a typo in a
procedure file is caught when it is loaded, not when a citizen fills the form."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from .errors import ProcedureFileError
from .model import (
    AccountRule,
    AgencyInfo,
    ApplicantAttribute,
    AttachmentRule,
    FieldType,
    FormField,
    MaterialRef,
    Option,
    Procedure,
    SignatureProfile,
    Text,
)
from .template import FormTemplate

FORMAT = 1
# what the signing engine produces (signing/packaging/package.py); anything else cannot be honoured
SUPPORTED_PACKAGES = {"asic-e-cades-bes"}
SUPPORTED_DIGESTS = {"sha256", "sha384", "sha512"}
SUPPORTED_ENCRYPTION = {"cms-authenveloped-aes256gcm-rsaoaep-sha256"}
ID_RE = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")
FIELD_ID_RE = re.compile(r"[a-z][a-z0-9_]{0,63}")


class _Reader:
    """Pops keys from one JSON object and complains about leftovers."""

    def __init__(self, path: Path | None, where: str, obj: Any) -> None:
        if not isinstance(obj, dict):
            raise ProcedureFileError(path, "not-an-object", where)
        self.path, self.where, self.obj = path, where, dict(obj)

    def fail(self, problem: str, key: str = "") -> ProcedureFileError:
        return ProcedureFileError(self.path, problem, f"{self.where}.{key}" if key else self.where)

    def take(
        self, key: str, kind: type | tuple[type, ...], default: Any = ..., *, required: bool = False
    ) -> Any:
        if key not in self.obj:
            if required or default is ...:
                raise self.fail("missing", key)
            return default
        value = self.obj.pop(key)
        if isinstance(value, bool) and kind in (int, (int,)):
            raise self.fail("wrong-type", key)
        if not isinstance(value, kind):
            raise self.fail("wrong-type", key)
        return value

    def text(self, key: str, *, required: bool = False) -> Text:
        if key not in self.obj:
            if required:
                raise self.fail("missing", key)
            return Text()
        r = _Reader(self.path, f"{self.where}.{key}", self.obj.pop(key))
        t = Text(r.take("ja", str, ""), r.take("en", str, ""))
        r.done()
        if required and not (t.ja and t.en):
            raise self.fail("needs-ja-and-en", key)
        return t

    def sub(self, key: str, *, required: bool = True) -> _Reader:
        if key not in self.obj and not required:
            return _Reader(self.path, f"{self.where}.{key}", {})
        return _Reader(self.path, f"{self.where}.{key}", self.take(key, dict))

    def done(self) -> None:
        if self.obj:
            raise self.fail("unknown-key", sorted(self.obj)[0])


def _field(path: Path | None, index: int, obj: Any) -> FormField:
    r = _Reader(path, f"form.fields[{index}]", obj)
    fid = r.take("id", str, required=True)
    if not FIELD_ID_RE.fullmatch(fid):
        raise r.fail("bad-id", "id")
    try:
        ftype = FieldType(r.take("type", str, required=True))
    except ValueError:
        raise r.fail("unknown-type", "type") from None
    options = tuple(_option(path, r.where, o) for o in r.take("options", list, []))
    if ftype is FieldType.ENUM and not options:
        raise r.fail("enum-without-options", "options")
    applicant = r.take("applicant", str, None)
    pattern = r.take("pattern", str, None)
    if pattern is not None:
        try:
            re.compile(pattern)
        except re.error:
            raise r.fail("bad-pattern", "pattern") from None
    f = FormField(
        id=fid,
        type=ftype,
        label=r.text("label", required=True),
        help=r.text("help"),
        required=r.take("required", bool, False),
        min_length=r.take("min_length", int, None),
        max_length=r.take("max_length", int, None),
        pattern=pattern,
        pattern_message=r.text("pattern_message") if "pattern_message" in r.obj else None,
        minimum=r.take("min", int, None),
        maximum=r.take("max", int, None),
        not_before=r.take("not_before", str, None),
        not_after=r.take("not_after", str, None),
        options=options,
        applicant=_applicant(r, applicant),
    )
    r.done()
    return f


def _option(path: Path | None, where: str, obj: Any) -> Option:
    r = _Reader(path, f"{where}.options", obj)
    option = Option(r.take("value", str, required=True), r.text("label", required=True))
    r.done()
    return option


def _applicant(r: _Reader, value: str | None) -> ApplicantAttribute | None:
    if value is None:
        return None
    try:
        return ApplicantAttribute(value)
    except ValueError:
        raise r.fail("unknown-applicant-attribute", "applicant") from None


def _agency(path: Path | None, r: _Reader) -> AgencyInfo:
    acc = r.sub("account", required=False)
    account = AccountRule(
        required=acc.take("required", bool, False),
        user_id_label=acc.text("user_id_label")
        if "user_id_label" in acc.obj
        else AccountRule().user_id_label,
        user_id_pattern=acc.take("user_id_pattern", str, None),
    )
    acc.done()
    base = path.parent if path else None
    tls_ca = r.take("tls_ca", str, None)
    agency = AgencyInfo(
        id=r.take("id", str, required=True),
        name=r.text("name", required=True),
        endpoint=r.take("endpoint", str, required=True),
        encryption_cert=MaterialRef.parse(r.take("encryption_cert", str, required=True), base),
        receipt_cert=MaterialRef.parse(r.take("receipt_cert", str, required=True), base),
        tls_ca=None if tls_ca is None else MaterialRef.parse(tls_ca, base),
        account=account,
    )
    r.done()
    if not (agency.endpoint.startswith("https://") or agency.endpoint.startswith("@demo")):
        raise r.fail("endpoint-not-https", "endpoint")
    return agency


def _template(path: Path | None, form: _Reader) -> str:
    """Inline (`template`) or a file next to the procedure file (`template_file`)."""
    if "template_file" in form.obj:
        name: str = form.take("template_file", str)
        if path is None or "/" in name or "\\" in name or name.startswith("."):
            raise form.fail("bad-template-file", "template_file")
        try:
            return (path.parent / name).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            raise form.fail("template-file-unreadable", "template_file") from None
    template: str = form.take("template", str, required=True)
    return template


def parse_procedure(data: Any, path: Path | None = None) -> Procedure:
    r = _Reader(path, "procedure", data)
    if r.take("format", int, required=True) != FORMAT:
        raise r.fail("unsupported-format", "format")
    pid = r.take("id", str, required=True)
    if not ID_RE.fullmatch(pid):
        raise r.fail("bad-id", "id")
    form = r.sub("form")
    namespace = form.take("namespace", str, required=True)
    template = _template(path, form)
    fields = tuple(
        _field(path, i, o) for i, o in enumerate(form.take("fields", list, required=True))
    )
    form.done()
    ids = [f.id for f in fields]
    if len(set(ids)) != len(ids):
        raise r.fail("duplicate-field-id", "form.fields")
    att = r.sub("attachments", required=False)
    attachments = AttachmentRule(
        allowed=att.take("allowed", bool, False),
        min_count=att.take("min_count", int, 0),
        max_count=att.take("max_count", int, 0),
        max_bytes=att.take("max_bytes", int, AttachmentRule().max_bytes),
        extensions=tuple(e.lower().lstrip(".") for e in att.take("extensions", list, [])),
        label=att.text("label"),
        help=att.text("help"),
    )
    att.done()
    sig = r.sub("signature", required=False)
    signature = SignatureProfile(
        package=sig.take("package", str, SignatureProfile().package),
        digest=sig.take("digest", str, SignatureProfile().digest),
        encryption=sig.take("encryption", str, SignatureProfile().encryption),
    )
    sig.done()
    if (
        signature.package not in SUPPORTED_PACKAGES
        or signature.digest not in SUPPORTED_DIGESTS
        or signature.encryption not in SUPPORTED_ENCRYPTION
    ):
        raise sig.fail("unsupported-signature-profile")
    procedure = Procedure(
        id=pid,
        version=r.take("version", str, required=True),
        name=r.text("name", required=True),
        description=r.text("description"),
        namespace=namespace,
        template=template,
        fields=fields,
        attachments=attachments,
        signature=signature,
        agency=_agency(path, r.sub("agency")),
        demo=r.take("demo", bool, False),
        source=path,
    )
    r.done()
    try:
        FormTemplate.for_procedure(procedure)  # checks namespace, markers and field ids
    except Exception as exc:
        raise ProcedureFileError(path, "bad-template", str(exc)) from None
    return procedure


def load_procedure_file(path: Path) -> Procedure:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ProcedureFileError(path, "unreadable", type(exc).__name__) from None
    return parse_procedure(data, path)

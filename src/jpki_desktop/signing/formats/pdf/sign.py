"""Sign a PDF with a :class:`~..signer.RawSigner` (the card): pyHanko builds the incremental
update, the signature dictionary and the CMS; the signer sees exactly one DigestInfo.

The output is written through :func:`~jpki_desktop.fileio.atomic_output` (temporary file in
the target folder, fsync, rename): a failure leaves no half-written PDF and an older file of the
same name untouched. The input is only ever opened read-only. A PDF that already holds
signatures gets one more as a new incremental update, so the earlier ones stay valid.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from asn1crypto import algos
from cryptography import x509
from cryptography.x509.oid import NameOID
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import attributes, fields
from pyhanko.sign.attributes import CMSAttributeProvider, SignedAttributeProviderSpec
from pyhanko.sign.signers.pdf_cms import PdfCMSSignedAttributes
from pyhanko.sign.signers.pdf_signer import PdfSignatureMetadata, PdfSigner
from pyhanko.sign.timestamps.api import TimeStamper
from pyhanko.sign.timestamps.common_utils import TimestampRequestError

from ....fileio import atomic_output
from ....trust.aio import run_sync
from ....validity.dates import JST
from ...errors import InvalidInput, PdfRefused, TimestampFailed
from ...signers.raw import RawSigner
from ..cades import RawSignerAdapter
from . import inspect
from .profiles import RULES, Profile, ProfileRules
from .stamp import VisibleStamp, cjk_font, stamp_style

CHUNK = 1024 * 1024


@dataclass(frozen=True)
class PdfSignOptions:
    profile: Profile = Profile.MOJ
    visible: VisibleStamp | None = None  # None: an invisible signature
    reason: str | None = None
    location: str | None = None


@dataclass(frozen=True)
class PdfSignResult:
    output: Path
    field_name: str
    profile: Profile
    signing_time: dt.datetime  # Japan time, as written to /M (and signing-time for moj)
    signatures_before: int  # > 0: this was a co-signature
    size: int  # bytes written


def holder_name(cert: x509.Certificate) -> str:
    """The certificate's CN (the holder's name on a JPKI signing certificate)."""
    cn = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    value = cn[0].value if cn else ""
    name = value.decode("utf-8", "replace") if isinstance(value, bytes) else value
    return name.strip() or cert.subject.rfc4514_string()


class _MojSignedAttributes(SignedAttributeProviderSpec):
    """signing-time only: pyHanko adds content-type and message-digest itself, and nothing else
    (no signing-certificate-v2, no CMS algorithm protection) goes into a ``moj`` signature."""

    def __init__(self, when: dt.datetime) -> None:
        self.when = when

    def signed_attr_providers(
        self, data_digest: bytes, digest_algorithm: str
    ) -> Iterable[CMSAttributeProvider]:
        yield attributes.SigningTimeProvider(timestamp=self.when)


class _PdfCardSigner(RawSignerAdapter):
    """sha256WithRSAEncryption as the SignerInfo's algorithm (not bare rsaEncryption): the
    same PKCS#1 v1.5 signature, named the way the registration system asks for."""

    def get_signature_mechanism_for_digest(
        self, digest_algorithm: str | None
    ) -> algos.SignedDigestAlgorithm:
        return algos.SignedDigestAlgorithm({"algorithm": f"{digest_algorithm or 'sha256'}_rsa"})


def _free_field_name(reader: object, taken_hint: int) -> str:
    names = {name for name, _value, _ref in fields.enumerate_sig_fields(reader)}  # type: ignore[arg-type]
    n = taken_hint + 1
    while f"Signature{n}" in names:
        n += 1
    return f"Signature{n}"


def sign_pdf(
    source: str | os.PathLike[str],
    output: str | os.PathLike[str],
    signer: RawSigner,
    options: PdfSignOptions = PdfSignOptions(),
    *,
    timestamper: TimeStamper | None = None,
    now: dt.datetime | None = None,
) -> PdfSignResult:
    """Sign `source` into `output` (which may not be `source`). Refusals (PdfRefused,
    InvalidInput) happen before the signer is used; one ``sign_digest_info`` call otherwise."""
    rules = RULES[options.profile]
    if rules.needs_timestamp and timestamper is None:
        raise InvalidInput("tsa_required")
    src, out = Path(source), Path(output)
    if out.exists() and src.exists() and os.path.samefile(src, out):
        raise InvalidInput("output_is_input", str(out))
    when = (now or dt.datetime.now(dt.UTC)).astimezone(JST).replace(microsecond=0)
    with open(src, "rb") as f:
        reader = inspect.open_reader(f)
        info = inspect.inspect_reader(reader, os.fstat(f.fileno()).st_size)
        spec = _field_spec(reader, info, options.visible)
        writer = IncrementalPdfFileWriter.from_reader(reader)
        pdf_signer = _pdf_signer(signer, rules, options, spec, timestamper, when)
        with atomic_output(out) as raw_out, open(raw_out.fileno(), "r+b", closefd=False) as rw:
            # pyHanko reads back what it wrote (to hash the byte ranges): the temp file's own
            # descriptor, opened for reading too, so nothing is buffered in memory.
            _run(pdf_signer, writer, rw, when, timestamper)
            rw.flush()
            size = os.fstat(rw.fileno()).st_size
    return PdfSignResult(out, spec.sig_field_name, options.profile, when, info.signatures, size)


def _field_spec(
    reader: object, info: inspect.PdfInfo, visible: VisibleStamp | None
) -> fields.SigFieldSpec:
    name = _free_field_name(reader, info.signatures)
    if visible is None:
        return fields.SigFieldSpec(sig_field_name=name)
    page = inspect.page_box(reader, visible.page - 1)  # type: ignore[arg-type]
    if visible.x2 > page.x2 or visible.y2 > page.y2 or visible.x1 < page.x1 or visible.y1 < page.y1:
        raise PdfRefused("bad_box", f"{visible.page}")
    return fields.SigFieldSpec(sig_field_name=name, on_page=visible.page - 1, box=visible.box)


def _pdf_signer(
    raw: RawSigner,
    rules: ProfileRules,
    options: PdfSignOptions,
    spec: fields.SigFieldSpec,
    timestamper: TimeStamper | None,
    when: dt.datetime,
) -> PdfSigner:
    adapter = _PdfCardSigner(raw)
    if not rules.cades:
        adapter.signed_attr_prov_spec = _MojSignedAttributes(when)
    meta = PdfSignatureMetadata(
        field_name=spec.sig_field_name,
        md_algorithm=rules.digest,
        name=holder_name(raw.certificate),
        reason=options.reason or None,
        location=options.location or None,
        subfilter=fields.SigSeedSubFilter(f"/{rules.subfilter}"),
        embed_validation_info=False,  # no DSS: nothing may follow the signature (moj)
        use_pades_lta=False,
    )
    style = stamp_style(cjk_font()) if options.visible is not None else None
    return PdfSigner(
        meta,
        signer=adapter,
        timestamper=timestamper if rules.needs_timestamp else None,
        stamp_style=style,
        new_field_spec=spec,
    )


def _run(
    pdf_signer: PdfSigner,
    writer: IncrementalPdfFileWriter,
    output: object,
    when: dt.datetime,
    timestamper: TimeStamper | None,
) -> None:
    """pyHanko's ``async_sign_pdf``, step by step, so that the signing time is ours (the
    clock is injected) rather than the local zone's now."""

    async def steps() -> None:
        session = pdf_signer.init_signing_session(writer)
        session.system_time = when
        validation = await session.perform_presign_validation(writer)
        reserved = await session.estimate_signature_container_size(validation, tight=False)
        tbs = session.prepare_tbs_document(validation_info=validation, bytes_reserved=reserved)
        digest, res_output = tbs.digest_tbs_document(output=output, chunk_size=CHUNK)  # type: ignore[arg-type]
        post = await tbs.perform_signature(
            document_digest=digest.document_digest,
            pdf_cms_signed_attrs=PdfCMSSignedAttributes(signing_time=when),
        )
        await post.post_signature_processing(res_output, chunk_size=CHUNK)

    try:
        run_sync(steps())
    except TimestampRequestError as exc:
        url = str(getattr(timestamper, "url", "") or "")
        raise TimestampFailed(url, type(exc).__name__) from None

"""The verifier (the agency's side, and a self-check): ``.p7s`` (+content), signed XML,
encrypted submission packages (``.p7m``) and decrypted containers (``.asice``).

:func:`verify_file` never raises for bad input: every problem becomes a typed
:class:`~.verdict.Finding` in the returned :class:`~.verdict.Verdict`. Only a missing or
unreadable input file raises ``OSError``.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import os
import struct
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import BinaryIO, Concatenate, ParamSpec

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import rsa

from ...trust.anchors import signing_anchors
from ...trust.context import Revocation
from ...trust.convert import to_crypto
from ...trust.paths import TrustContext, validate_with_revocation
from ..errors import DecryptionFailed, MalformedEnvelope, WrongRecipient
from ..formats.pdf.verify import verify_pdf
from ..packaging import asic, container
from ..packaging.envelope import decrypt_to
from .cms_check import CmsResult, check_signed_data
from .timestamp_check import TimestampCheck, check_timestamps
from .verdict import Finding, Kind, Reason, SignatureInfo, Verdict
from .xml_check import check_xml, named

MAX_P7S = 16 * 1024 * 1024
# What asn1crypto, zipfile, zlib and lxml raise on damaged input (after our own checks).
PARSE_ERRORS = (
    ValueError,
    TypeError,
    KeyError,
    IndexError,
    OverflowError,
    RecursionError,
    struct.error,
    EOFError,
)
P = ParamSpec("P")
__all__ = ["Revocation", "Verdict", "verify_file", "verify_bytes", "sniff"]


def sniff(head: bytes) -> Kind:
    """Guess the kind from the first bytes."""
    if head.startswith(b"PK\x03\x04"):
        return Kind.CONTAINER
    if b"%PDF-" in head:
        return Kind.PDF
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith(b"<"):
        return Kind.XML
    if head[:1] == b"\x30" and len(head) > 4:
        i = 2 if head[1] < 0x80 or head[1] == 0x80 else 2 + (head[1] & 0x7F)
        if len(head) > i + 1 and head[i] == 0x06:
            oid = head[i + 2 : i + 2 + head[i + 1]]
            if oid == bytes.fromhex("2a864886f70d010702"):  # 1.2.840.113549.1.7.2 signedData
                return Kind.P7S
            if oid == bytes.fromhex("2a864886f70d0109100117"):  # ...1.9.16.1.23 authEnvelopedData
                return Kind.PACKAGE
    return Kind.UNKNOWN


class _Context:
    def __init__(
        self,
        trust_roots: Sequence[x509.Certificate],
        revocation: Revocation,
        now: dt.datetime | None,
        at_signing_time: bool = False,
    ) -> None:
        # --trust (or the demo CA) replaces the bundled J-LIS signing roots, never the OS's
        self.trust_roots = tuple(trust_roots) or tuple(signing_anchors())
        self.revocation = revocation
        self.now = now or dt.datetime.now(dt.UTC)
        self.at_signing_time = at_signing_time

    def certificate(
        self,
        cert: x509.Certificate,
        others: Sequence[x509.Certificate],
        signing_time: dt.datetime | None = None,
    ) -> tuple[list[Finding], bool]:
        """Signer certificate: nonRepudiation and a path to a JPKI signing CA, at validation
        time (`now`), or as of the signing time when asked (a CA that has expired since
        still vouches for what was signed while it was valid)."""
        at = signing_time if self.at_signing_time and signing_time is not None else self.now
        context = TrustContext(self.trust_roots, tuple(others), self.revocation)
        findings, checked = validate_with_revocation(cert, {"non_repudiation"}, at, context)
        # the verifier's documented vocabulary: a path that exists but does not validate is
        # "does not chain to a trusted JPKI signing CA" too
        return [
            Finding(Reason.UNTRUSTED) if f.reason is Reason.BAD_PATH else f for f in findings
        ], checked

    def timestamps(self, res: CmsResult) -> TimestampCheck:
        """The signature timestamps; the TSA root is trusted through the same roots."""
        if res.signer_info is None or any(f.reason is Reason.MALFORMED for f in res.findings):
            return TimestampCheck()
        roots = list(self.trust_roots)
        return check_timestamps(res.signer_info, roots, self.now)


def verify_file(
    path: str | os.PathLike[str],
    *,
    content: str | os.PathLike[str] | None = None,
    decrypt_key: rsa.RSAPrivateKey | None = None,
    decrypt_cert: x509.Certificate | None = None,
    trust_roots: Sequence[x509.Certificate] = (),
    revocation: Revocation = Revocation(),
    now: dt.datetime | None = None,
    limits: container.ZipLimits = container.ZipLimits(),
    at_signing_time: bool = False,
) -> Verdict:
    """Verify a file; see the module docstring and ``signing/__init__.py``. `at_signing_time`:
    validate the signer's path as of the signature's signing time instead of `now`."""
    ctx = _Context(trust_roots, revocation, now, at_signing_time)
    with open(path, "rb") as f:
        kind = sniff(f.read(64))
        f.seek(0)
        if kind is Kind.PDF:
            return verify_pdf(path, trust_roots=trust_roots, revocation=revocation, now=now)
        try:
            if kind is Kind.P7S:
                return _verify_p7s(f.read(MAX_P7S + 1), content, ctx)
            if kind is Kind.XML:
                return _verify_xml(f.read(limits.max_xml_size + 1), ctx)
            if kind is Kind.PACKAGE:
                return _verify_package(f, decrypt_key, decrypt_cert, ctx, limits)
            if kind is Kind.CONTAINER:
                return _verify_container(f, Kind.CONTAINER, decrypt_cert, ctx, limits)
        except PARSE_ERRORS as exc:  # a parser met input it could not make sense of
            return Verdict(kind, (Finding(Reason.MALFORMED, type(exc).__name__),))
    return Verdict(Kind.UNKNOWN, (Finding(Reason.MALFORMED, "unknown_format"),))


def verify_bytes(data: bytes, **kwargs: object) -> Verdict:
    """Like :func:`verify_file` for data in memory (small files; packages are streamed anyway)."""
    with tempfile.TemporaryDirectory(prefix="jpki-verify-") as d:
        p = Path(d) / "input"
        p.write_bytes(data)
        return verify_file(p, **kwargs)  # type: ignore[arg-type]


def _hasher(path: str | os.PathLike[str]):  # type: ignore[no-untyped-def]
    cache: dict[str, bytes] = {}

    def digest(name: str) -> bytes:
        if name not in cache:
            h = hashlib.new(name)
            with open(path, "rb") as f:
                while chunk := f.read(container.CHUNK):
                    h.update(chunk)
            cache[name] = h.digest()
        return cache[name]

    return digest


def _verify_p7s(der: bytes, content: str | os.PathLike[str] | None, ctx: _Context) -> Verdict:
    if len(der) > MAX_P7S:
        return Verdict(Kind.P7S, (Finding(Reason.MALFORMED, "too_large"),))
    res = check_signed_data(der, _hasher(content) if content is not None else None)
    findings = list(res.findings)
    checked = False
    if res.signer_cert is not None and not any(f.reason is Reason.MALFORMED for f in findings):
        others = [to_crypto(c) for c in res.others]
        cert_findings, checked = ctx.certificate(res.signer_cert, others, res.signing_time)
        findings += cert_findings
    stamps = ctx.timestamps(res)
    return Verdict(
        Kind.P7S,
        (*findings, *stamps.findings),
        res.signer_cert,
        res.signing_time,
        revocation_checked=checked,
        timestamps=stamps.timestamps,
    )


def _verify_xml(data: bytes, ctx: _Context) -> Verdict:
    res = check_xml(data)
    findings = list(res.findings)
    checked = bool(res.signatures)
    infos = []
    for sig in res.signatures:  # co-signatures: each signer's certificate on its own
        own = list(sig.findings)
        if sig.signer_cert is not None and not any(f.reason is Reason.MALFORMED for f in own):
            cert_findings, sig_checked = ctx.certificate(sig.signer_cert, sig.intermediates)
            own += cert_findings
            findings += [named(sig.index, f) for f in cert_findings]
            checked = checked and sig_checked
        else:
            checked = False
        cert = sig.signer_cert
        subject = cert.subject.rfc4514_string() if cert else ""
        serial = format(cert.serial_number, "X") if cert else ""
        infos.append(SignatureInfo(sig.index, subject, serial, sig.covers, not own))
    return Verdict(
        Kind.XML,
        tuple(findings),
        res.signer_cert,
        form_xml=data,
        revocation_checked=checked,
        signatures=tuple(infos),
    )


def _verify_package(
    f: BinaryIO,
    key: rsa.RSAPrivateKey | None,
    cert: x509.Certificate | None,
    ctx: _Context,
    limits: container.ZipLimits,
) -> Verdict:
    if key is None or cert is None:
        return Verdict(Kind.PACKAGE, (Finding(Reason.DECRYPT_KEY_REQUIRED),))
    # An anonymous temp file: the decrypted container (with the signer's personal data) never
    # has a name on disk and disappears when closed.
    with tempfile.TemporaryFile(prefix="jpki-pkg-") as plain:
        try:
            decrypt_to(f, plain, key, cert)
        except WrongRecipient:
            return Verdict(Kind.PACKAGE, (Finding(Reason.WRONG_RECIPIENT),))
        except DecryptionFailed:
            return Verdict(Kind.PACKAGE, (Finding(Reason.DECRYPTION_FAILED),))
        except MalformedEnvelope as exc:
            return Verdict(Kind.PACKAGE, (Finding(Reason.MALFORMED, exc.what),))
        plain.flush()
        return _verify_container(plain, Kind.PACKAGE, cert, ctx, limits)


def _broken_container_as_verdict(
    check: Callable[Concatenate[BinaryIO, Kind, P], Verdict],
) -> Callable[Concatenate[BinaryIO, Kind, P], Verdict]:
    """A container too large or too broken to read becomes a verdict, never an exception."""

    @functools.wraps(check)
    def checked(f: BinaryIO, kind: Kind, /, *args: P.args, **kwargs: P.kwargs) -> Verdict:
        try:
            return check(f, kind, *args, **kwargs)
        except container.LimitExceeded as exc:
            return Verdict(kind, (Finding(Reason.ZIP_LIMITS, str(exc)),))
        except (
            zipfile.BadZipFile,
            zlib.error,
            NotImplementedError,
            RuntimeError,
            OSError,
            *PARSE_ERRORS,
        ) as exc:
            # OSError here is a seek to an impossible offset in the (temporary) container
            return Verdict(kind, (Finding(Reason.MALFORMED, type(exc).__name__),))

    return checked


@_broken_container_as_verdict
def _verify_container(
    f: BinaryIO,
    kind: Kind,
    recipient: x509.Certificate | None,
    ctx: _Context,
    limits: container.ZipLimits,
) -> Verdict:
    f.seek(0)
    zf = zipfile.ZipFile(f)
    findings = container.hygiene(zf, f, limits)
    if any(x.reason is not Reason.ZIP_MIMETYPE for x in findings):
        return Verdict(kind, tuple(findings))  # nothing is read from an unsafe container
    names = {i.filename: i for i in zf.infolist()}
    if asic.MANIFEST not in names:
        return Verdict(kind, (*findings, Finding(Reason.MANIFEST_INVALID, "absent")))
    manifest = container.read_capped(zf, names[asic.MANIFEST], limits.max_xml_size)
    manifest_hex = hashlib.sha256(manifest).hexdigest()
    try:
        sig_name, entries = asic.parse_manifest(manifest)
    except ValueError as exc:
        return Verdict(
            kind,
            (*findings, Finding(Reason.MANIFEST_INVALID, str(exc))),
            manifest_sha256_hex=manifest_hex,
        )
    if (
        not (sig_name.startswith("META-INF/") and sig_name.endswith(".p7s"))
        or sig_name not in names
    ):
        return Verdict(
            kind,
            (*findings, Finding(Reason.MANIFEST_INVALID, "signature")),
            manifest_sha256_hex=manifest_hex,
        )
    signature = container.read_capped(zf, names[sig_name], limits.max_signature_size)
    res = check_signed_data(
        signature, lambda h: hashlib.new(h, manifest).digest(), subject=asic.MANIFEST
    )
    findings += res.findings
    checked = False
    if res.signer_cert is not None and not any(x.reason is Reason.MALFORMED for x in res.findings):
        others = [to_crypto(c) for c in res.others]
        cert_findings, checked = ctx.certificate(res.signer_cert, others, res.signing_time)
        findings += cert_findings
    stamps = ctx.timestamps(res)
    findings += stamps.findings
    entry_findings, covered = container.check_manifest_entries(zf, entries, sig_name)
    findings += entry_findings
    submission = _submission(zf, names, covered, recipient, findings, limits)
    form = None
    if asic.FORM in covered:
        form = container.read_capped(zf, names[asic.FORM], limits.max_xml_size)
    elif not any(x.subject == asic.FORM for x in findings):
        findings.append(Finding(Reason.MISSING_FILE, asic.FORM))
    return Verdict(
        kind,
        tuple(findings),
        res.signer_cert,
        res.signing_time,
        submission,
        form,
        manifest_hex,
        checked,
        tuple(covered),
        stamps.timestamps,
    )


def _submission(
    zf: zipfile.ZipFile,
    names: dict[str, zipfile.ZipInfo],
    covered: list[str],
    recipient: x509.Certificate | None,
    findings: list[Finding],
    limits: container.ZipLimits,
) -> asic.Submission | None:
    if asic.SUBMISSION not in covered:
        if not any(x.subject == asic.SUBMISSION for x in findings):
            findings.append(Finding(Reason.SUBMISSION_INVALID, "absent"))
        return None
    try:
        sub = asic.parse_submission(
            container.read_capped(zf, names[asic.SUBMISSION], limits.max_xml_size)
        )
    except ValueError as exc:
        findings.append(Finding(Reason.SUBMISSION_INVALID, str(exc)))
        return None
    if recipient is not None and sub.recipient_cert_sha256:
        if sub.recipient_cert_sha256 != recipient.fingerprint(hashes.SHA256()).hex():
            findings.append(Finding(Reason.RECIPIENT_MISMATCH, sub.recipient))
    return sub

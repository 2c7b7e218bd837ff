"""Signed-then-encrypted submission packages (``.p7m``).

One pass, streamed: each attachment is read once, in chunks, and on the way is hashed for the
manifest, CRC'd for the ZIP and encrypted into the output file, so memory stays flat whatever
the attachment size. The signer is used once, at the end, over the manifest; with a card that
means one COMPUTE DIGITAL SIGNATURE after the one VERIFY done by ``CardSigner.unlock``. The
plaintext ZIP (which holds the signing certificate: name, address, birth date, sex) never
touches the disk. The output is written atomically: any failure leaves no file.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from pyhanko.sign.timestamps.api import TimeStamper

from ... import __version__
from ...fileio import atomic_output
from ..errors import AttachmentChanged, InvalidInput
from ..formats import cades
from ..formats.xmlsafe import UnsafeXml, parse_xml
from ..signers.raw import RawSigner
from . import asic
from .envelope import EnvelopeWriter, check_recipient
from .zipstream import ZipStreamWriter

ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:\-/]{0,127}$")

Progress = Callable[[int, int], None]  # (bytes done, bytes total)


@dataclass(frozen=True)
class PackageInfo:
    submission_id: str
    manifest_sha256_hex: str
    created_at: dt.datetime
    output: Path


def default_recipient_id(cert: x509.Certificate) -> str:
    return cert.subject.rfc4514_string()


def _check_inputs(
    form_xml: bytes, attachments: Sequence[Path], procedure_id: str, submission_id: str
) -> list[tuple[Path, str, int]]:
    if not ID_PATTERN.match(procedure_id):
        raise InvalidInput("procedure_id", procedure_id)
    if not ID_PATTERN.match(submission_id):
        raise InvalidInput("submission_id", submission_id)
    try:
        parse_xml(form_xml)
    except UnsafeXml as exc:
        raise InvalidInput("form_" + exc.what) from None
    planned: list[tuple[Path, str, int]] = []
    seen: set[str] = set()
    for path in attachments:
        path = Path(path)
        if not path.is_file():
            raise InvalidInput("attachment_not_a_file", str(path))
        try:
            name = asic.attachment_name(path.name)
        except ValueError:
            raise InvalidInput("attachment_name", path.name) from None
        if name in seen:
            raise InvalidInput("attachment_duplicate_name", path.name)
        seen.add(name)
        planned.append((path, name, path.stat().st_size))
    return planned


def build_package(
    form_xml: bytes,
    attachments: Sequence[Path],
    *,
    procedure_id: str,
    recipient_cert: x509.Certificate,
    signer: RawSigner,
    output: Path,
    recipient_id: str | None = None,
    submission_id: str | None = None,
    created_at: dt.datetime | None = None,
    progress: Progress | None = None,
    timestamper: TimeStamper | None = None,
) -> PackageInfo:
    """Build ``output`` (.p7m). See the module docstring and ``signing/__init__.py``.

    With a `timestamper`, ``signature001.p7s`` is CAdES-T (an RFC 3161 signature timestamp);
    a TSA failure leaves no output."""
    submission_id = submission_id or str(uuid.uuid4())
    planned = _check_inputs(form_xml, attachments, procedure_id, submission_id)
    created = (created_at or dt.datetime.now(dt.UTC)).replace(microsecond=0)
    check_recipient(recipient_cert)
    submission = asic.Submission(
        procedure=procedure_id,
        recipient=recipient_id or default_recipient_id(recipient_cert),
        id=submission_id,
        created=created,
        recipient_cert_sha256=recipient_cert.fingerprint(hashes.SHA256()).hex(),
        client=f"jpki-desktop/{__version__}",
    )
    total = len(form_xml) + sum(size for _, _, size in planned)
    done = 0

    def advance(n: int) -> None:
        nonlocal done
        done += n
        if progress is not None:
            progress(done, total)

    with atomic_output(output) as f:
        envelope = EnvelopeWriter(f, recipient_cert)
        z = ZipStreamWriter(envelope, created)
        z.add_bytes("mimetype", asic.MIMETYPE)
        z.add_bytes(asic.FORM, form_xml, compress=True)
        objects = [
            asic.DataObject(asic.FORM, "text/xml", "sha256", hashlib.sha256(form_xml).digest())
        ]
        advance(len(form_xml))
        for path, name, size in planned:
            h = hashlib.sha256()

            def observe(chunk: bytes, h: hashlib._Hash = h) -> None:
                h.update(chunk)
                advance(len(chunk))

            with open(path, "rb", buffering=0) as src:
                count = z.add_stream(name, src, size, observe=observe)
            if count != size:
                raise AttachmentChanged(path, size, count)
            objects.append(asic.DataObject(name, asic.mime_type(name), "sha256", h.digest()))
        sub_xml = asic.build_submission(submission)
        z.add_bytes(asic.SUBMISSION, sub_xml, compress=True)
        objects.append(
            asic.DataObject(asic.SUBMISSION, "text/xml", "sha256", hashlib.sha256(sub_xml).digest())
        )
        manifest = asic.build_manifest(objects)
        signature = cades.sign_detached(
            manifest, signer, signing_time=created, timestamper=timestamper
        )
        z.add_bytes(asic.MANIFEST, manifest, compress=True)
        z.add_bytes(asic.SIGNATURE, signature)
        z.close()
        envelope.close()
    return PackageInfo(submission_id, hashlib.sha256(manifest).hexdigest(), created, Path(output))

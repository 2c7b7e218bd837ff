"""The ASiC-E (CAdES flavour) pieces: ``ASiCManifest.xml`` and our ``submission.xml``.

The manifest lists every data object (``form.xml``, attachments, ``submission.xml``) with its
SHA-256; ``META-INF/signature001.p7s`` signs the manifest's exact bytes. ``submission.xml``
binds the signature to a procedure, a recipient and a unique id, so a signed package cannot be
replayed to another procedure or agency unnoticed.
"""

from __future__ import annotations

import base64
import datetime as dt
import unicodedata
from dataclasses import dataclass
from urllib.parse import quote, unquote

from lxml import etree

from ..formats.xmlsafe import parse_xml

MIMETYPE = b"application/vnd.etsi.asic-e+zip"
FORM = "form.xml"
SUBMISSION = "META-INF/submission.xml"
MANIFEST = "META-INF/ASiCManifest.xml"
SIGNATURE = "META-INF/signature001.p7s"
ATTACHMENTS = "attachments/"
ASIC_NS = "http://uri.etsi.org/02918/v1.2.1#"
DS_NS = "http://www.w3.org/2000/09/xmldsig#"
SUB_NS = "urn:jpki-desktop:submission:1"
SHA256_URI = "http://www.w3.org/2001/04/xmlenc#sha256"
DIGEST_URIS = {
    SHA256_URI: "sha256",
    "http://www.w3.org/2001/04/xmldsig-more#sha384": "sha384",
    "http://www.w3.org/2001/04/xmlenc#sha512": "sha512",
}
WEAK_DIGEST_URIS = {
    "http://www.w3.org/2000/09/xmldsig#sha1": "sha1",
    "http://www.w3.org/2001/04/xmldsig-more#md5": "md5",
}
MIME_TYPES = {
    ".pdf": "application/pdf",
    ".xml": "text/xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".txt": "text/plain",
    ".csv": "text/csv",
    ".zip": "application/zip",
}


@dataclass(frozen=True)
class DataObject:
    """A manifest entry: ZIP name, MIME type, digest algorithm (hashlib name) and digest."""

    name: str
    mime_type: str
    digest_algorithm: str
    digest: bytes


@dataclass(frozen=True)
class Submission:
    """What ``META-INF/submission.xml`` says (signed through the manifest)."""

    procedure: str
    recipient: str
    id: str
    created: dt.datetime
    recipient_cert_sha256: str = ""
    client: str = ""


def mime_type(name: str) -> str:
    dot = name.rfind(".")
    return (
        MIME_TYPES.get(name[dot:].lower(), "application/octet-stream")
        if dot >= 0
        else "application/octet-stream"
    )


def attachment_name(filename: str) -> str:
    """ZIP entry name for a user file: NFC, no directories, nothing a ZIP check would refuse."""
    name = unicodedata.normalize("NFC", filename)
    bad = (
        not name
        or name in (".", "..")
        or any(c in name for c in "/\\:")
        or any(ord(c) < 0x20 for c in name)
    )
    if bad or len(name.encode("utf-8")) > 200:
        raise ValueError(filename)
    return ATTACHMENTS + name


def _uri(name: str) -> str:
    return quote(name, safe="/")  # percent-encode non-ASCII names (as e-Gov's kiji does)


def build_manifest(objects: list[DataObject]) -> bytes:
    nsmap = {"asic": ASIC_NS, "ds": DS_NS}
    root = etree.Element(f"{{{ASIC_NS}}}ASiCManifest", nsmap=nsmap)
    etree.SubElement(
        root, f"{{{ASIC_NS}}}SigReference", URI=SIGNATURE, MimeType="application/pkcs7-signature"
    )
    for obj in objects:
        ref = etree.SubElement(
            root, f"{{{ASIC_NS}}}DataObjectReference", URI=_uri(obj.name), MimeType=obj.mime_type
        )
        uri = next(u for u, n in DIGEST_URIS.items() if n == obj.digest_algorithm)
        etree.SubElement(ref, f"{{{DS_NS}}}DigestMethod", Algorithm=uri)
        etree.SubElement(ref, f"{{{DS_NS}}}DigestValue").text = base64.b64encode(
            obj.digest
        ).decode()
    return bytes(
        etree.tostring(
            root, xml_declaration=True, encoding="UTF-8", standalone=True, pretty_print=True
        )
    )


@dataclass(frozen=True)
class ManifestEntry:
    name: str
    digest_uri: str
    digest: bytes


def parse_manifest(data: bytes) -> tuple[str, list[ManifestEntry]]:
    """(signature reference, entries). Raises ValueError on anything unexpected."""
    root = parse_xml(data)
    if root.tag != f"{{{ASIC_NS}}}ASiCManifest":
        raise ValueError("root")
    sig_refs = root.findall(f"{{{ASIC_NS}}}SigReference")
    if len(sig_refs) != 1:
        raise ValueError("sig_reference")
    entries = []
    for ref in root.findall(f"{{{ASIC_NS}}}DataObjectReference"):
        method = ref.find(f"{{{DS_NS}}}DigestMethod")
        value = ref.find(f"{{{DS_NS}}}DigestValue")
        uri = ref.get("URI")
        if method is None or value is None or not uri or not value.text:
            raise ValueError("data_object_reference")
        entries.append(
            ManifestEntry(
                unquote(uri),
                method.get("Algorithm", ""),
                base64.b64decode(value.text, validate=True),
            )
        )
    names = [e.name for e in entries]
    if len(set(names)) != len(names):
        raise ValueError("duplicate_reference")
    return unquote(sig_refs[0].get("URI", "")), entries


def build_submission(sub: Submission) -> bytes:
    root = etree.Element(f"{{{SUB_NS}}}Submission", nsmap={None: SUB_NS}, version="1")
    for tag, text in (
        ("Procedure", sub.procedure),
        ("Recipient", sub.recipient),
        ("RecipientCertificateSHA256", sub.recipient_cert_sha256),
        ("SubmissionId", sub.id),
        ("CreatedAt", sub.created.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")),
        ("Client", sub.client),
    ):
        etree.SubElement(root, f"{{{SUB_NS}}}{tag}").text = text
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def parse_submission(data: bytes) -> Submission:
    root = parse_xml(data)
    if root.tag != f"{{{SUB_NS}}}Submission":
        raise ValueError("root")

    def text(tag: str, required: bool = True) -> str:
        el = root.find(f"{{{SUB_NS}}}{tag}")
        value = (el.text or "").strip() if el is not None else ""
        if required and not value:
            raise ValueError(tag)
        return value

    created = dt.datetime.strptime(text("CreatedAt"), "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.UTC)
    return Submission(
        text("Procedure"),
        text("Recipient"),
        text("SubmissionId"),
        created,
        text("RecipientCertificateSHA256", False),
        text("Client", False),
    )

"""e-Tax-style enveloped XMLDSig: rsa-sha256, SHA-256 digests, inclusive C14N 1.0, and the
certificate chain in KeyInfo/X509Data, appended inside the root element.

The reference is ``#<root id>`` when the root carries an ``id``/``Id``/``ID`` attribute (e-Tax
uses the root's id), otherwise ``""`` (the whole document); the enveloped-signature transform
excludes the signature itself. signxml builds the XML and calls ``sign()`` on whatever key
object it gets; :class:`_RawKey` forwards that call to a :class:`RawSigner` as one DigestInfo,
so the card key works unchanged. (signxml canonicalises detached copies of referenced nodes,
which avoids the spurious ``xmlns=""`` of in-document C14N with default namespaces.)
"""

from __future__ import annotations

import hashlib

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
from lxml import etree
from signxml import SignatureConstructionMethod, XMLSigner

from .errors import InvalidInput, UnsupportedAlgorithm
from .signer import RawSigner, sign_digest
from .xmlsafe import UnsafeXml, parse_xml

DS_NS = "http://www.w3.org/2000/09/xmldsig#"
C14N_10 = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315"
ID_ATTRIBUTES = ("id", "Id", "ID")


class _RawKey:
    """Duck-typed RSA private key for signxml; the private half stays on the signer."""

    def __init__(self, raw: RawSigner) -> None:
        self._raw = raw

    def sign(self, data: bytes, padding: object, algorithm: object) -> bytes:
        if not isinstance(padding, PKCS1v15) or not isinstance(algorithm, hashes.SHA256):
            raise UnsupportedAlgorithm(f"{type(padding).__name__}/{type(algorithm).__name__}")
        return sign_digest(self._raw, "sha256", hashlib.sha256(data).digest())

    def public_key(self):  # type: ignore[no-untyped-def]
        return self._raw.certificate.public_key()

    @property
    def key_size(self) -> int:
        return self._raw.certificate.public_key().key_size  # type: ignore[union-attr]


class Utf8Mixin:
    """signxml round-trips nodes through ``etree.tostring`` with lxml's default ASCII output,
    which breaks on non-ASCII element names (e-Gov's ``<構成情報>``, our tests' ``<申請>``).
    Serialise those internal copies as UTF-8 instead; nothing else changes."""

    def _tostring(self, xml_node, **kwargs):  # type: ignore[no-untyped-def]
        kwargs.setdefault("encoding", "utf-8")
        return etree.tostring(xml_node, **kwargs)


class _Signer(Utf8Mixin, XMLSigner):
    pass


def root_reference(root: etree._Element) -> tuple[str, str | None]:
    """(reference URI, id attribute name) for an enveloped signature over the root."""
    for attr in ID_ATTRIBUTES:
        value = root.get(attr)
        if value:
            return f"#{value}", attr
    return "", None


def sign_xml(xml: bytes, signer: RawSigner) -> bytes:
    """Return the form with an enveloped ``ds:Signature`` as the last child of its root."""
    try:
        root = parse_xml(xml)
    except UnsafeXml as exc:
        raise InvalidInput("xml_" + exc.what) from None
    if root.find(f".//{{{DS_NS}}}Signature") is not None:
        raise InvalidInput("xml_already_signed")
    uri, id_attr = root_reference(root)
    xml_signer = _Signer(
        method=SignatureConstructionMethod.enveloped,
        signature_algorithm="rsa-sha256",
        digest_algorithm="sha256",
        c14n_algorithm=C14N_10,
    )
    signed = xml_signer.sign(
        root,
        key=_RawKey(signer),
        cert=[signer.certificate, *signer.chain],
        reference_uri=uri or None,  # None: signxml references the whole document ("")
        id_attribute=id_attr,
    )
    encoding = root.getroottree().docinfo.encoding or "UTF-8"
    return bytes(etree.tostring(signed, xml_declaration=True, encoding=encoding))

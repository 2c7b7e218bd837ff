"""e-Tax-style enveloped XMLDSig: rsa-sha256, SHA-256 digests, inclusive C14N 1.0, and the
certificate chain in KeyInfo/X509Data, appended inside the root element.

The reference is ``#<root id>`` when the root carries an ``id``/``Id``/``ID`` attribute (e-Tax
uses the root's id), otherwise ``""`` (the whole document); the enveloped-signature transform
excludes the signature itself. signxml builds the XML and calls ``sign()`` on whatever key
object it gets; :class:`_RawKey` forwards that call to a :class:`RawSigner` as one DigestInfo,
so the card key works unchanged. (signxml canonicalises detached copies of referenced nodes,
which avoids the spurious ``xmlns=""`` of in-document C14N with default namespaces.)

Co-signatures (a return signed by the taxpayer, then by a tax accountant): an enveloped
signature over the root excludes only ITSELF (the enveloped-signature transform), so a second
signature placed next to the first would change what the first covers and break it. Each
further signature therefore goes into a new ``ds:Object`` of the previous one: inside the first
signature it is excluded from the first signature's digest (that transform removes the whole
``ds:Signature`` element) and ``ds:Object`` is not part of ``SignedInfo``, so the first stays
valid, byte for byte; the second covers the form AND the first signature. The chain is
``root/ds:Signature[1]/ds:Object/ds:Signature[2]/ds:Object/...``; signature N carries
``Id="signature-N"`` (for ``xmlsec1 --node-id``). Every signature verifies on its own.
"""

from __future__ import annotations

import hashlib

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
from cryptography.hazmat.primitives.asymmetric.types import CertificatePublicKeyTypes
from lxml import etree
from signxml.algorithms import SignatureConstructionMethod
from signxml.signer import XMLSigner

from ..errors import InvalidInput, UnsupportedAlgorithm
from ..signers.raw import RawSigner, sign_digest
from .xmlsafe import UnsafeXml, parse_xml

DS_NS = "http://www.w3.org/2000/09/xmldsig#"
C14N_10 = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315"
ID_ATTRIBUTES = ("id", "Id", "ID")
SIGNATURE = f"{{{DS_NS}}}Signature"
OBJECT = f"{{{DS_NS}}}Object"


class _RawKey:
    """Duck-typed RSA private key for signxml; the private half stays on the signer."""

    def __init__(self, raw: RawSigner) -> None:
        self._raw = raw

    def sign(self, data: bytes, padding: object, algorithm: object) -> bytes:
        if not isinstance(padding, PKCS1v15) or not isinstance(algorithm, hashes.SHA256):
            raise UnsupportedAlgorithm(f"{type(padding).__name__}/{type(algorithm).__name__}")
        return sign_digest(self._raw, "sha256", hashlib.sha256(data).digest())

    def public_key(self) -> CertificatePublicKeyTypes:
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


def signature_chain(root: etree._Element) -> list[etree._Element] | None:
    """The enveloped signatures in co-signature order, or None when some ``ds:Signature`` is
    anywhere else than in the chain described in the module docstring."""
    chain: list[etree._Element] = []
    parent = root
    while True:
        sigs = [c for c in parent if c.tag == SIGNATURE]
        if len(sigs) != 1:
            if len(sigs) > 1:
                return None
            break
        chain.append(sigs[0])
        holders = [o for o in sigs[0] if o.tag == OBJECT and any(c.tag == SIGNATURE for c in o)]
        if len(holders) != 1:
            if len(holders) > 1:
                return None
            break
        parent = holders[0]
    if len(root.findall(f".//{SIGNATURE}")) != len(chain):
        return None
    return chain


def location(index: int) -> str:
    """signxml's XPath location of the parent of signature `index` (0-based) in the chain."""
    return "./" + f"{SIGNATURE}/{OBJECT}/" * index


def sign_xml(xml: bytes, signer: RawSigner) -> bytes:
    """Return the form with an enveloped ``ds:Signature``: the last child of its root, or, when
    the form is already signed, a co-signature inside the last signature (module docstring)."""
    try:
        root = parse_xml(xml)
    except UnsafeXml as exc:
        raise InvalidInput("xml_" + exc.what) from None
    chain = signature_chain(root)
    if chain is None:
        raise InvalidInput("xml_signature_layout")
    if chain:
        holder = etree.SubElement(chain[-1], OBJECT)
        etree.SubElement(holder, SIGNATURE, Id="placeholder")  # signxml signs in its place
    uri, id_attr = root_reference(root)
    xml_signer = _Signer(
        method=SignatureConstructionMethod.enveloped,
        signature_algorithm="rsa-sha256",
        digest_algorithm="sha256",
        c14n_algorithm=C14N_10,
    )
    signed = xml_signer.sign(
        root,
        key=_RawKey(signer),  # type: ignore[arg-type]  # duck-typed: signxml calls sign/key_size
        cert=[signer.certificate, *signer.chain],
        reference_uri=uri or None,  # None: signxml references the whole document ("")
        id_attribute=id_attr,
    )
    if chain:
        new = signature_chain(signed)
        assert new is not None and len(new) == len(chain) + 1
        new[-1].set("Id", f"signature-{len(new)}")
    encoding = root.getroottree().docinfo.encoding or "UTF-8"
    return bytes(etree.tostring(signed, xml_declaration=True, encoding=encoding))

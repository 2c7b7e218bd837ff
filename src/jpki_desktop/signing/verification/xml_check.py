"""Verify an enveloped XMLDSig made by :mod:`.xmldsig` (or anything shaped like it).

One ``ds:Signature``, a child of the root, or a co-signature chain (:mod:`.xmldsig`): every
signature is checked on its own, in order. Each has one reference, to the whole document
(``""`` or ``#<root id>``) so that no part of the form is left unsigned, and no
``ds:Signature`` may sit anywhere else (no wrapping); rsa-sha256/384/512 and SHA-256+ digests
only. The signature math is signxml's, given the certificate we picked
from KeyInfo; trust in that certificate is :mod:`jpki_desktop.trust.paths`'s.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, field

from cryptography import x509
from cryptography.exceptions import UnsupportedAlgorithm
from lxml import etree
from signxml.exceptions import InvalidDigest, InvalidSignature, SignXMLException
from signxml.verifier import SignatureConfiguration, XMLVerifier

from ...trust.convert import fully_parsed
from ..formats.xmldsig import DS_NS, ID_ATTRIBUTES, Utf8Mixin, location, signature_chain
from ..formats.xmlsafe import UnsafeXml, parse_xml
from .verdict import Finding, Reason

STRONG_SIGNATURE_METHODS = {
    "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
    "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384",
    "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512",
}
STRONG_DIGEST_METHODS = {
    "http://www.w3.org/2001/04/xmlenc#sha256",
    "http://www.w3.org/2001/04/xmldsig-more#sha384",
    "http://www.w3.org/2001/04/xmlenc#sha512",
}


class _Verifier(Utf8Mixin, XMLVerifier):
    pass


@dataclass
class XmlSignature:
    """One signature of the co-signature chain (see :mod:`.xmldsig`)."""

    index: int  # 1-based, in signing order
    findings: list[Finding] = field(default_factory=list)
    signer_cert: x509.Certificate | None = None
    intermediates: list[x509.Certificate] = field(default_factory=list)
    covers: tuple[str, ...] = ("document",)  # and, for N > 1, "signature 1" .. "signature N-1"


@dataclass
class XmlResult:
    findings: list[Finding] = field(default_factory=list)  # every signature's, subjects named
    signer_cert: x509.Certificate | None = None  # the first signature's
    intermediates: list[x509.Certificate] = field(default_factory=list)
    signatures: list[XmlSignature] = field(default_factory=list)


def named(index: int, finding: Finding) -> Finding:
    """Signature 1 keeps its subjects as they always were; later ones are named."""
    if index == 1:
        return finding
    label = f"signature {index}"
    return Finding(finding.reason, f"{label}: {finding.subject}" if finding.subject else label)


def _certificates(sig: etree._Element) -> list[x509.Certificate]:
    certs = []
    for el in sig.iterfind(f"{{{DS_NS}}}KeyInfo/{{{DS_NS}}}X509Data/{{{DS_NS}}}X509Certificate"):
        raw = base64.b64decode("".join((el.text or "").split()))
        certs.append(fully_parsed(x509.load_der_x509_certificate(raw)))
    return certs


def _is_ca(cert: x509.Certificate) -> bool:
    try:
        return bool(cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca)
    except x509.ExtensionNotFound:
        return False


def check_xml(data: bytes) -> XmlResult:
    res = XmlResult()
    try:
        root = parse_xml(data)
    except UnsafeXml as exc:
        res.findings.append(Finding(Reason.MALFORMED, "xml_" + exc.what))
        return res
    chain = signature_chain(root)
    if not chain:  # none, or a ds:Signature outside the chain (wrapping)
        count = len(root.findall(f".//{{{DS_NS}}}Signature"))
        res.findings.append(Finding(Reason.MALFORMED, f"signatures {count}"))
        return res
    id_attr, id_value = next(((a, root.get(a)) for a in ID_ATTRIBUTES if root.get(a)), (None, None))
    for i, sig in enumerate(chain):
        one = XmlSignature(i + 1, covers=("document", *(f"signature {n}" for n in range(1, i + 1))))
        _check_one(data, root, sig, i, id_attr, id_value, one)
        res.signatures.append(one)
        res.findings += [named(one.index, f) for f in one.findings]
    res.signer_cert = res.signatures[0].signer_cert
    res.intermediates = res.signatures[0].intermediates
    return res


def _check_one(
    data: bytes,
    root: etree._Element,
    sig: etree._Element,
    index: int,
    id_attr: str | None,
    id_value: str | None,
    res: XmlSignature,
) -> None:
    method = sig.find(f"{{{DS_NS}}}SignedInfo/{{{DS_NS}}}SignatureMethod")
    refs = sig.findall(f"{{{DS_NS}}}SignedInfo/{{{DS_NS}}}Reference")
    algorithms = [method.get("Algorithm", "") if method is not None else ""]
    digests = []
    for ref in refs:
        digest_method = ref.find(f"{{{DS_NS}}}DigestMethod")
        digests.append(digest_method.get("Algorithm", "") if digest_method is not None else "")
    weak = [a for a in algorithms if a not in STRONG_SIGNATURE_METHODS] + [
        d for d in digests if d not in STRONG_DIGEST_METHODS
    ]
    for a in weak:
        res.findings.append(Finding(Reason.WEAK_ALGORITHM, a.rsplit("#", 1)[-1]))
    whole = {"", f"#{id_value}"} if id_value else {""}
    if len(refs) != 1 or refs[0].get("URI") not in whole:
        res.findings.append(Finding(Reason.CONTENT_MISMATCH, "reference"))
    try:
        certs = _certificates(sig)
    except ValueError:
        res.findings.append(Finding(Reason.MALFORMED, "x509_certificate"))
        return
    leaves = [c for c in certs if not _is_ca(c)]
    if not leaves:
        res.findings.append(Finding(Reason.SIGNER_CERT_MISSING))
        return
    res.signer_cert = leaves[0]
    res.intermediates = [c for c in certs if c is not leaves[0]]
    try:  # before signxml, which would raise it from inside its verify()
        res.signer_cert.public_key()
    except UnsupportedAlgorithm:  # an unknown key type: as cms_check says it
        res.findings.append(Finding(Reason.WEAK_ALGORITHM, "signer_key"))
        return
    except ValueError:
        res.findings.append(Finding(Reason.MALFORMED, "x509_certificate"))
        return
    if weak or res.findings:
        return
    try:
        # signxml refuses a certificate outside its validity as an invalid signature; whether
        # the certificate was valid is the trust module's finding (cert_expired), so the math
        # is checked as of a moment inside the validity
        inside = res.signer_cert.not_valid_before_utc
        result = _Verifier().verify(
            data,
            x509_cert=res.signer_cert,
            id_attribute=id_attr,
            expect_config=SignatureConfiguration(
                location=location(index), expect_references=1, verification_time=inside
            ),
        )
    except InvalidDigest:
        res.findings.append(Finding(Reason.DIGEST_MISMATCH, "form"))
        return
    except InvalidSignature:
        res.findings.append(Finding(Reason.SIGNATURE_INVALID))
        return
    except (SignXMLException, ValueError, etree.LxmlError) as exc:  # incl. schema violations
        res.findings.append(Finding(Reason.MALFORMED, type(exc).__name__))
        return
    signed = result.signed_xml  # type: ignore[union-attr]
    if signed is None or signed.tag != root.tag:
        res.findings.append(Finding(Reason.CONTENT_MISMATCH, "reference"))

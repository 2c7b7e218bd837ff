"""Verify an enveloped XMLDSig made by :mod:`.xmldsig` (or anything shaped like it).

One ``ds:Signature``, a child of the root; one reference, to the whole document (``""`` or
``#<root id>``) so that no part of the form is left unsigned (no wrapping); rsa-sha256/384/512
and SHA-256+ digests only. The signature math is signxml's, given the certificate we picked
from KeyInfo; trust in that certificate is :mod:`jpki_desktop.trust.paths`'s.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, field

from cryptography import x509
from lxml import etree
from signxml import XMLVerifier
from signxml.exceptions import InvalidDigest, InvalidSignature, SignXMLException
from signxml.verifier import SignatureConfiguration

from ..trust.convert import fully_parsed
from .verdict import Finding, Reason
from .xmldsig import DS_NS, ID_ATTRIBUTES, Utf8Mixin
from .xmlsafe import UnsafeXml, parse_xml

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
class XmlResult:
    findings: list[Finding] = field(default_factory=list)
    signer_cert: x509.Certificate | None = None
    intermediates: list[x509.Certificate] = field(default_factory=list)


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
    sigs = root.findall(f".//{{{DS_NS}}}Signature")
    if len(sigs) != 1 or sigs[0].getparent() is not root:
        res.findings.append(Finding(Reason.MALFORMED, f"signatures {len(sigs)}"))
        return res
    sig = sigs[0]
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
    id_attr, id_value = next(((a, root.get(a)) for a in ID_ATTRIBUTES if root.get(a)), (None, None))
    whole = {"", f"#{id_value}"} if id_value else {""}
    if len(refs) != 1 or refs[0].get("URI") not in whole:
        res.findings.append(Finding(Reason.CONTENT_MISMATCH, "reference"))
    try:
        certs = _certificates(sig)
    except ValueError:
        res.findings.append(Finding(Reason.MALFORMED, "x509_certificate"))
        return res
    leaves = [c for c in certs if not _is_ca(c)]
    if not leaves:
        res.findings.append(Finding(Reason.SIGNER_CERT_MISSING))
        return res
    res.signer_cert = leaves[0]
    res.intermediates = [c for c in certs if c is not leaves[0]]
    if weak or res.findings:
        return res
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
                location="./", expect_references=1, verification_time=inside
            ),
        )
    except InvalidDigest:
        res.findings.append(Finding(Reason.DIGEST_MISMATCH, "form"))
        return res
    except InvalidSignature:
        res.findings.append(Finding(Reason.SIGNATURE_INVALID))
        return res
    except (SignXMLException, ValueError, etree.LxmlError) as exc:  # incl. schema violations
        res.findings.append(Finding(Reason.MALFORMED, type(exc).__name__))
        return res
    signed = result.signed_xml  # type: ignore[union-attr]
    if signed is None or signed.tag != root.tag:
        res.findings.append(Finding(Reason.CONTENT_MISMATCH, "reference"))
    return res

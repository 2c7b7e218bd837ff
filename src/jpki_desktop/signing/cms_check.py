"""Integrity of a CMS SignedData (CAdES-BES): algorithms, signed attributes, signature value.

Certificate trust is :mod:`.certcheck`'s job. This part answers: does the signature value
verify over the DER SET of signed attributes, does message-digest match the content, is
signing-certificate-v2 the signer's certificate, and are all algorithms acceptable (SHA-1 is
not, whatever OpenSSL says).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field

import asn1crypto.tsp  # noqa: F401  (registers signing_certificate_v2 with asn1crypto.cms)
from asn1crypto import cms
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from .verdict import Finding, Reason

STRONG_DIGESTS = {"sha256": hashes.SHA256, "sha384": hashes.SHA384, "sha512": hashes.SHA512}
RSA_SIG_ALGOS = {
    "rsassa_pkcs1v15": None,
    "sha256_rsa": "sha256",
    "sha384_rsa": "sha384",
    "sha512_rsa": "sha512",
}
MIN_RSA_BITS = 2048

DigestContent = Callable[[str], bytes]  # hash name -> digest of the signed content


@dataclass
class CmsResult:
    findings: list[Finding] = field(default_factory=list)
    signer: asn1_x509.Certificate | None = None
    signer_cert: x509.Certificate | None = None
    others: list[asn1_x509.Certificate] = field(default_factory=list)
    signing_time: dt.datetime | None = None
    embedded_content: bytes | None = None
    signer_info: cms.SignerInfo | None = None  # for the timestamp check (timestamp_check.py)

    def add(self, reason: Reason, subject: str = "") -> None:
        self.findings.append(Finding(reason, subject))


def _attr(attrs: cms.CMSAttributes, name: str) -> list[object]:
    return [a["values"] for a in attrs if a["type"].native == name]


def _find_signer(
    sid: cms.SignerIdentifier, certs: list[asn1_x509.Certificate]
) -> asn1_x509.Certificate | None:
    for c in certs:
        if sid.name == "issuer_and_serial_number":
            if (
                c.issuer == sid.chosen["issuer"]
                and c.serial_number == sid.chosen["serial_number"].native
            ):
                return c
        elif c.key_identifier == sid.chosen.native:
            return c
    return None


def check_signed_data(
    der: bytes, digest_content: DigestContent | None, *, subject: str = ""
) -> CmsResult:
    """Check one SignerInfo. `digest_content` hashes the detached content; None means the
    content must be embedded (then it is returned in ``embedded_content``)."""
    res = CmsResult()
    try:
        info = cms.ContentInfo.load(der, strict=True)
        if info["content_type"].native != "signed_data":
            res.add(Reason.MALFORMED, "not_signed_data")
            return res
        sd = info["content"]
        signer_infos = list(sd["signer_infos"])
        certs = (
            [c.chosen for c in sd["certificates"] if c.name == "certificate"]
            if sd["certificates"].native
            else []
        )
        encap = sd["encap_content_info"]
        embedded = (
            encap["content"].native
            if encap["content"] is not None and encap["content"].native is not None
            else None
        )
    except (ValueError, TypeError, KeyError):
        res.add(Reason.MALFORMED, subject or "cms")
        return res
    if len(signer_infos) != 1:
        res.add(Reason.MALFORMED, "signer_count")
        return res
    si = signer_infos[0]
    res.signer_info = si
    signer = _find_signer(si["sid"], certs)
    if signer is None:
        res.add(Reason.SIGNER_CERT_MISSING)
        return res
    res.signer = signer
    res.signer_cert = x509.load_der_x509_certificate(signer.dump())
    res.others = [c for c in certs if c is not signer]
    if digest_content is None:
        if embedded is None:
            res.add(Reason.CONTENT_REQUIRED)
            return res
        res.embedded_content = embedded
        digest_content = lambda name: hashlib.new(name, embedded).digest()  # noqa: E731

    digest_name = si["digest_algorithm"]["algorithm"].native
    sig_algo = si["signature_algorithm"]["algorithm"].native
    public_key = res.signer_cert.public_key()
    weak = False
    if digest_name not in STRONG_DIGESTS:
        res.add(Reason.WEAK_ALGORITHM, str(digest_name))
        weak = True
    if sig_algo not in RSA_SIG_ALGOS or RSA_SIG_ALGOS[sig_algo] not in (None, digest_name):
        res.add(Reason.WEAK_ALGORITHM, str(sig_algo))
        weak = True
    if not isinstance(public_key, rsa.RSAPublicKey) or public_key.key_size < MIN_RSA_BITS:
        res.add(Reason.WEAK_ALGORITHM, "signer_key")
        weak = True

    attrs = si["signed_attrs"]
    if not attrs.native:
        res.add(Reason.SIGNED_ATTRIBUTES, "absent")
        return res
    _check_attributes(res, attrs, encap["content_type"].native, signer)
    if weak:
        return res  # do not evaluate signatures made with algorithms we refuse

    message_digest = _attr(attrs, "message_digest")
    if len(message_digest) == 1 and message_digest[0][0].native != digest_content(digest_name):
        res.add(Reason.CONTENT_MISMATCH, subject)
    signed_bytes = b"\x31" + attrs.dump()[1:]  # sign the SET, not the [0] IMPLICIT form
    try:
        assert isinstance(public_key, rsa.RSAPublicKey)
        public_key.verify(
            si["signature"].native, signed_bytes, padding.PKCS1v15(), STRONG_DIGESTS[digest_name]()
        )
    except InvalidSignature:
        res.add(Reason.SIGNATURE_INVALID, subject)
    return res


def _check_attributes(
    res: CmsResult, attrs: cms.CMSAttributes, content_type: str, signer: asn1_x509.Certificate
) -> None:
    content_types = _attr(attrs, "content_type")
    if len(content_types) != 1 or content_types[0][0].native != content_type:
        res.add(Reason.SIGNED_ATTRIBUTES, "content_type")
    if len(_attr(attrs, "message_digest")) != 1:
        res.add(Reason.SIGNED_ATTRIBUTES, "message_digest")
    times = _attr(attrs, "signing_time")
    if len(times) == 1:
        when = times[0][0].native
        res.signing_time = when
        cert = res.signer_cert
        assert cert is not None
        if when > cert.not_valid_after_utc:
            res.add(Reason.EXPIRED_AT_SIGNING, when.isoformat())
        elif when < cert.not_valid_before_utc:
            res.add(Reason.CERT_NOT_YET_VALID, "signing_time " + when.isoformat())
    elif times:
        res.add(Reason.SIGNED_ATTRIBUTES, "signing_time")
    v2 = _attr(attrs, "signing_certificate_v2")
    if len(v2) != 1:
        res.add(Reason.SIGNED_ATTRIBUTES, "signing_certificate_v2")
        return
    ess = v2[0][0]["certs"][0]
    hash_name = ess["hash_algorithm"]["algorithm"].native
    if hash_name not in STRONG_DIGESTS:
        res.add(Reason.WEAK_ALGORITHM, f"signing_certificate_v2 {hash_name}")
    elif ess["cert_hash"].native != hashlib.new(hash_name, signer.dump()).digest():
        res.add(Reason.SIGNED_ATTRIBUTES, "signing_certificate_v2")
    issuer_serial = ess["issuer_serial"]
    if (
        issuer_serial.native is not None
        and issuer_serial["serial_number"].native != signer.serial_number
    ):
        res.add(Reason.SIGNED_ATTRIBUTES, "signing_certificate_v2")

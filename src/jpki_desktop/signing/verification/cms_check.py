"""Integrity of a CMS SignedData (CAdES-BES): structure, algorithms, signed attributes,
signature value.

Certificate trust is :mod:`jpki_desktop.trust.paths`' job. The signature math, the
message-digest comparison, the content-type attribute, CMSAlgorithmProtection and the
signing-certificate(-v2) match are pyHanko's generic CMS validation
(:func:`pyhanko.sign.validation.generic_cms.validate_sig_integrity`). Our own code adds only
what pyHanko does not check, each marked below:

* strict parsing: the whole structure is well-formed BER and fully parsed, signed attributes
  and certificates are DER (a corrupted length byte is MALFORMED, as OpenSSL says);
* the JPKI algorithm policy: RSA PKCS#1 v1.5 with SHA-256/384/512 and RSA >= 2048 only;
  SHA-1, MD5, other key types and short keys are refused before any signature math;
* the CAdES-BES profile: exactly one signer, signed attributes present, exactly one
  content-type and message-digest, signing-certificate-v2 required with a strong hash;
* signing-time within the signer certificate's validity (expired_at_signing).
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
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives.asymmetric import rsa
from pyhanko.sign.validation.errors import SignatureValidationError
from pyhanko.sign.validation.generic_cms import validate_sig_integrity

from ...trust.convert import (
    der_of,
    embedded_certificates,
    fully_parsed,
    signer_certificate,
    to_crypto,
)
from ...trust.reasons import Finding, Reason
from .ber import structure_problem

STRONG_DIGESTS = ("sha256", "sha384", "sha512")
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


def _attr(attrs: cms.CMSAttributes, name: str) -> list[cms.SetOfAny]:
    return [a["values"] for a in attrs if a["type"].native == name]


def _parse_strictly(der: bytes) -> cms.SignedData:
    """Our check (pyHanko parses lazily, like asn1crypto): every TLV consistent, every field we
    rely on parsed now, DER where CMS and X.509 require it. Raises ValueError."""
    problem = structure_problem(der, der=False)
    if problem is not None:
        raise ValueError(problem)
    info = cms.ContentInfo.load(der, strict=True)
    if info["content_type"].native != "signed_data":
        raise LookupError("not_signed_data")
    sd = info["content"]
    for name in ("version", "digest_algorithms", "encap_content_info", "signer_infos"):
        _ = sd[name].native  # parse now: damage anywhere must show here
    for choice in sd["certificates"] or []:
        if choice.name == "certificate" and structure_problem(choice.chosen.dump(), der=True):
            raise ValueError("certificate_not_der")
    for si in sd["signer_infos"]:
        attrs = si["signed_attrs"]
        if attrs.native and structure_problem(attrs.untag().dump(), der=True):
            raise ValueError("signed_attributes_not_der")
    return sd


def check_signed_data(
    der: bytes, digest_content: DigestContent | None, *, subject: str = ""
) -> CmsResult:
    """Check one SignerInfo. `digest_content` hashes the detached content; None means the
    content must be embedded (then it is returned in ``embedded_content``)."""
    res = CmsResult()
    try:
        sd = _parse_strictly(der)
        signer_infos = list(sd["signer_infos"])
        certs = embedded_certificates(sd)
        encap = sd["encap_content_info"]
        embedded = encap["content"].native if encap["content"] is not None else None
    except LookupError:
        res.add(Reason.MALFORMED, "not_signed_data")
        return res
    except (ValueError, TypeError, KeyError) as exc:
        res.add(Reason.MALFORMED, subject or ("cms " + str(exc) if str(exc) else "cms"))
        return res
    if len(signer_infos) != 1:  # our check: CAdES-BES here has exactly one signer
        res.add(Reason.MALFORMED, "signer_count")
        return res
    si = signer_infos[0]
    res.signer_info = si
    signer = signer_certificate(si["sid"], certs)
    if signer is None:
        res.add(Reason.SIGNER_CERT_MISSING)
        return res
    try:
        res.signer_cert = fully_parsed(to_crypto(signer))
        public_key = res.signer_cert.public_key()
    except UnsupportedAlgorithm:  # an unknown key type
        res.add(Reason.WEAK_ALGORITHM, "signer_key")
        return res
    except ValueError:
        res.signer_cert = None
        res.add(Reason.MALFORMED, "signer_certificate")
        return res
    res.signer = signer
    res.others = [c for c in certs if c is not signer]
    if digest_content is None:
        if not isinstance(embedded, bytes):
            res.add(Reason.CONTENT_REQUIRED)
            return res
        res.embedded_content = embedded
        digest_content = lambda name: hashlib.new(name, embedded).digest()  # noqa: E731

    # our check: the JPKI algorithm policy, before any signature math
    digest_name = si["digest_algorithm"]["algorithm"].native
    sig_algo = si["signature_algorithm"]["algorithm"].native
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

    try:
        intact, valid = validate_sig_integrity(
            si, signer, encap["content_type"].native, digest_content(digest_name)
        )
    except SignatureValidationError:  # content-type, signing-certificate or algorithm protection
        if not any(f.reason is Reason.SIGNED_ATTRIBUTES for f in res.findings):
            res.add(Reason.SIGNED_ATTRIBUTES, "pyhanko")
        return res
    if not intact:
        res.add(Reason.CONTENT_MISMATCH, subject)
    if not valid:
        res.add(Reason.SIGNATURE_INVALID, subject)
    return res


def _check_attributes(
    res: CmsResult, attrs: cms.CMSAttributes, content_type: str, signer: asn1_x509.Certificate
) -> None:
    """Our checks: the CAdES-BES attribute profile and signing-time against the validity."""
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
        if cert is not None and when > cert.not_valid_after_utc:
            res.add(Reason.EXPIRED_AT_SIGNING, when.isoformat())
        elif cert is not None and when < cert.not_valid_before_utc:
            res.add(Reason.CERT_NOT_YET_VALID, "signing_time " + when.isoformat())
    elif times:
        res.add(Reason.SIGNED_ATTRIBUTES, "signing_time")
    v2 = _attr(attrs, "signing_certificate_v2")
    if len(v2) != 1:  # required here; pyHanko only checks it when present
        res.add(Reason.SIGNED_ATTRIBUTES, "signing_certificate_v2")
        return
    ess = v2[0][0]["certs"][0]
    hash_name = ess["hash_algorithm"]["algorithm"].native
    if hash_name not in STRONG_DIGESTS:
        res.add(Reason.WEAK_ALGORITHM, f"signing_certificate_v2 {hash_name}")
    elif ess["cert_hash"].native != hashlib.new(hash_name, der_of(signer)).digest():
        res.add(Reason.SIGNED_ATTRIBUTES, "signing_certificate_v2")
    issuer_serial = ess["issuer_serial"]
    if (
        issuer_serial.native is not None
        and issuer_serial["serial_number"].native != signer.serial_number
    ):
        res.add(Reason.SIGNED_ATTRIBUTES, "signing_certificate_v2")

"""The agency's answer (receipt or rejection): a small JSON document inside a CMS SignedData.

The agency signs; the client verifies against the receipt-signing certificate pinned in the
procedure file. Built with asn1crypto + cryptography (no card is involved on either side).
Signed attributes: content-type, message-digest, signing-time and ESS signing-certificate-v2
(RFC 5035), so that `jpki verify` and `openssl cms -verify` accept a receipt as a signature
bound to the agency's certificate, not only the client that pins it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

from asn1crypto import algos, cms, tsp
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from ..trust.convert import to_asn1
from .errors import AnswerInvalid

MAX_ANSWER_BYTES = 256 * 1024


def _canonical_json(payload: dict[str, Any]) -> bytes:
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode(
        "utf-8"
    )


def _signing_certificate_v2(cert: asn1_x509.Certificate) -> tsp.SigningCertificateV2:
    """ESSCertIDv2 with SHA-256 (the default, so DER leaves the algorithm out) and the
    issuer/serial, as RFC 5035 recommends."""
    return tsp.SigningCertificateV2(
        {
            "certs": [
                {
                    "hash_algorithm": {"algorithm": "sha256"},
                    "cert_hash": hashlib.sha256(cert.dump()).digest(),
                    "issuer_serial": {
                        "issuer": [asn1_x509.GeneralName({"directory_name": cert.issuer})],
                        "serial_number": cert.serial_number,
                    },
                }
            ]
        }
    )


def sign_answer(
    payload: dict[str, Any],
    key: rsa.RSAPrivateKey,
    cert: x509.Certificate,
    *,
    now: dt.datetime | None = None,
) -> bytes:
    """DER ContentInfo(SignedData) with the JSON encapsulated, signer certificate included."""
    content = _canonical_json(payload)
    now = now or dt.datetime.now(dt.UTC)
    asn1_cert = to_asn1(cert)
    attrs = cms.CMSAttributes(
        [
            cms.CMSAttribute({"type": "content_type", "values": ["data"]}),
            cms.CMSAttribute(
                {"type": "message_digest", "values": [hashlib.sha256(content).digest()]}
            ),
            cms.CMSAttribute({"type": "signing_time", "values": [cms.Time({"utc_time": now})]}),
            cms.CMSAttribute(
                {"type": "signing_certificate_v2", "values": [_signing_certificate_v2(asn1_cert)]}
            ),
        ]
    )
    signature = key.sign(attrs.dump(), padding.PKCS1v15(), hashes.SHA256())
    signer = cms.SignerInfo(
        {
            "version": "v1",
            "sid": cms.SignerIdentifier(
                {
                    "issuer_and_serial_number": cms.IssuerAndSerialNumber(
                        {"issuer": asn1_cert.issuer, "serial_number": asn1_cert.serial_number}
                    )
                }
            ),
            "digest_algorithm": algos.DigestAlgorithm({"algorithm": "sha256"}),
            "signed_attrs": attrs,
            "signature_algorithm": algos.SignedDigestAlgorithm({"algorithm": "sha256_rsa"}),
            "signature": signature,
        }
    )
    signed = cms.SignedData(
        {
            "version": "v1",
            "digest_algorithms": [algos.DigestAlgorithm({"algorithm": "sha256"})],
            "encap_content_info": {"content_type": "data", "content": content},
            "certificates": [asn1_cert],
            "signer_infos": [signer],
        }
    )
    return bytes(cms.ContentInfo({"content_type": "signed_data", "content": signed}).dump())


def open_answer(data: bytes, trusted: x509.Certificate) -> dict[str, Any]:
    """Verify `data` was signed by exactly `trusted` and return the JSON payload.

    Raises AnswerInvalid with a problem code; never returns unverified content.
    """
    try:
        return _open_answer(data, trusted)
    except AnswerInvalid:
        raise
    except (ValueError, TypeError, KeyError) as exc:  # asn1crypto parses lazily, on access
        raise AnswerInvalid("not-cms", type(exc).__name__) from None


def _open_answer(data: bytes, trusted: x509.Certificate) -> dict[str, Any]:
    if len(data) > MAX_ANSWER_BYTES:
        raise AnswerInvalid("not-cms", "too large")
    try:
        info = cms.ContentInfo.load(data, strict=True)
        if info["content_type"].native != "signed_data":
            raise AnswerInvalid("not-cms", "not SignedData")
        signed = info["content"]
        signers = list(signed["signer_infos"])
        if len(signers) != 1:
            raise AnswerInvalid("not-cms", "expected one signer")
        si = signers[0]
        content = signed["encap_content_info"]["content"].native
        if not isinstance(content, bytes):
            raise AnswerInvalid("not-cms", "no content")
        sid = si["sid"]
        attrs = si["signed_attrs"]
        digest_alg = si["digest_algorithm"]["algorithm"].native
        sig_alg = si["signature_algorithm"]["algorithm"].native
        signature = si["signature"].native
        attr_map = {a["type"].native: a["values"] for a in attrs}
    except AnswerInvalid:
        raise
    except (ValueError, TypeError, KeyError) as exc:
        raise AnswerInvalid("not-cms", type(exc).__name__) from None

    trusted_asn1 = to_asn1(trusted)
    if sid.name != "issuer_and_serial_number" or (
        sid.chosen["issuer"].dump() != trusted_asn1.issuer.dump()
        or sid.chosen["serial_number"].native != trusted_asn1.serial_number
    ):
        raise AnswerInvalid("wrong-signer")
    if digest_alg != "sha256" or sig_alg not in ("sha256_rsa", "rsassa_pkcs1v15"):
        raise AnswerInvalid("bad-signature", f"algorithm {digest_alg}/{sig_alg}")
    if not attrs or "message_digest" not in attr_map or "content_type" not in attr_map:
        raise AnswerInvalid("bad-signature", "missing signed attributes")
    if attr_map["content_type"][0].native != "data":
        raise AnswerInvalid("bad-content", "content type")
    if attr_map["message_digest"][0].native != hashlib.sha256(content).digest():
        raise AnswerInvalid("digest-mismatch")
    if "signing_certificate_v2" in attr_map and not _names_certificate(
        attr_map["signing_certificate_v2"], trusted_asn1
    ):
        raise AnswerInvalid("wrong-signer", "signing-certificate-v2")
    signed_bytes = (
        b"\x31" + attrs.dump()[1:]
    )  # signed attributes are signed as a SET (RFC 5652 5.4)
    public_key = trusted.public_key()
    if not isinstance(public_key, rsa.RSAPublicKey):
        raise AnswerInvalid("wrong-signer", "not RSA")
    try:
        public_key.verify(signature, signed_bytes, padding.PKCS1v15(), hashes.SHA256())
    except InvalidSignature:
        raise AnswerInvalid("bad-signature") from None
    try:
        payload = json.loads(content.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise AnswerInvalid("bad-content", "not JSON") from None
    if not isinstance(payload, dict):
        raise AnswerInvalid("bad-content", "not an object")
    return payload


def _names_certificate(values: Any, cert: asn1_x509.Certificate) -> bool:
    """Does the signing-certificate-v2 attribute's first ESSCertIDv2 name `cert`? (An answer
    from before the attribute was added has none; the pinned signer check still holds.)"""
    try:
        ess = values[0]["certs"][0]
        hash_name = ess["hash_algorithm"]["algorithm"].native
        if hash_name not in ("sha256", "sha384", "sha512"):
            return False
        return bool(ess["cert_hash"].native == hashlib.new(hash_name, cert.dump()).digest())
    except (ValueError, TypeError, KeyError, IndexError):
        return False


def is_signed_answer(data: bytes) -> bool:
    """Cheap sniff: a DER SEQUENCE starting with the signedData OID."""
    try:
        return bool(cms.ContentInfo.load(data, strict=True)["content_type"].native == "signed_data")
    except (ValueError, TypeError, KeyError):
        return False

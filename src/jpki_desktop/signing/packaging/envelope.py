"""CMS AuthEnvelopedData (RFC 5083/5084): AES-256-GCM content, RSA-OAEP-SHA-256 key transport.

Written as a stream: the outer structures use BER indefinite lengths and the ciphertext is a
series of OCTET STRING segments, so a 1 GiB package is encrypted in chunks straight into the
output file; the 16-byte GCM tag (``mac``) follows the content. ``openssl cms -decrypt`` reads
it. The reader (:func:`decrypt_to`) accepts this form and OpenSSL's DER/BER output alike.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from typing import BinaryIO

from asn1crypto import algos, cms, core
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from ...trust.convert import to_asn1
from ..errors import DecryptionFailed, MalformedEnvelope, RecipientCertUnsuitable, WrongRecipient
from ..verification.ber import BerReader, octets_header

OID_AUTH_ENVELOPED = "1.2.840.113549.1.9.16.1.23"
OID_DATA = "1.2.840.113549.1.7.1"
GCM_OIDS = {
    "2.16.840.1.101.3.4.1.6": 16,
    "2.16.840.1.101.3.4.1.26": 24,
    "2.16.840.1.101.3.4.1.46": 32,
}
OID_AES256_GCM = "2.16.840.1.101.3.4.1.46"
SEGMENT = 64 * 1024  # small writes are gathered into segments of at least this size
EOC = b"\x00\x00"


class GCMParameters(core.Sequence):  # type: ignore[misc]  # asn1crypto is untyped (Any base)
    """RFC 5084 (asn1crypto has no spec for it)."""

    _fields = [("aes_nonce", core.OctetString), ("aes_icvlen", core.Integer, {"default": 12})]


def check_recipient(cert: x509.Certificate, now: dt.datetime | None = None) -> rsa.RSAPublicKey:
    key = cert.public_key()
    if not isinstance(key, rsa.RSAPublicKey):
        raise RecipientCertUnsuitable("not_rsa")
    if key.key_size < 2048:
        raise RecipientCertUnsuitable("key_too_small")
    try:
        ku = cert.extensions.get_extension_for_class(x509.KeyUsage).value
        if not ku.key_encipherment:
            raise RecipientCertUnsuitable("no_key_encipherment")
    except x509.ExtensionNotFound:
        pass
    now = now or dt.datetime.now(dt.UTC)
    if now > cert.not_valid_after_utc:
        raise RecipientCertUnsuitable("expired")
    if now < cert.not_valid_before_utc:
        raise RecipientCertUnsuitable("not_yet_valid")
    return key


def _oaep_sha256() -> padding.OAEP:
    return padding.OAEP(mgf=padding.MGF1(hashes.SHA256()), algorithm=hashes.SHA256(), label=None)


def _recipient_infos(cert: x509.Certificate, key: rsa.RSAPublicKey, cek: bytes) -> bytes:
    a = to_asn1(cert)
    sha256 = algos.DigestAlgorithm({"algorithm": "sha256"})
    ktri = cms.KeyTransRecipientInfo(
        {
            "version": "v0",
            "rid": cms.RecipientIdentifier(
                {"issuer_and_serial_number": {"issuer": a.issuer, "serial_number": a.serial_number}}
            ),
            "key_encryption_algorithm": {
                "algorithm": "rsaes_oaep",
                "parameters": algos.RSAESOAEPParams(
                    {
                        "hash_algorithm": sha256,
                        "mask_gen_algorithm": {"algorithm": "mgf1", "parameters": sha256},
                    }
                ),
            },
            "encrypted_key": key.encrypt(cek, _oaep_sha256()),
        }
    )
    return bytes(cms.RecipientInfos([cms.RecipientInfo({"ktri": ktri})]).dump())


class EnvelopeWriter:
    """File-like sink: ``write()`` plaintext, ``close()`` appends the tag. Never holds more than
    one segment of plaintext."""

    def __init__(
        self, out: BinaryIO, recipient: x509.Certificate, *, now: dt.datetime | None = None
    ) -> None:
        key = check_recipient(recipient, now)
        cek = os.urandom(32)
        nonce = os.urandom(12)
        self._out = out
        self._enc = Cipher(algorithms.AES(cek), modes.GCM(nonce)).encryptor()
        self._pending = bytearray()
        self.plaintext_bytes = 0
        alg_oid = core.ObjectIdentifier(OID_AES256_GCM).dump()
        params = GCMParameters({"aes_nonce": nonce, "aes_icvlen": 16}).dump()
        alg = b"\x30" + _len(len(alg_oid) + len(params)) + alg_oid + params
        out.write(
            b"\x30\x80"
            + core.ObjectIdentifier(OID_AUTH_ENVELOPED).dump()
            + b"\xa0\x80"
            + b"\x30\x80"
            + b"\x02\x01\x00"
            + _recipient_infos(recipient, key, cek)
            + b"\x30\x80"
            + core.ObjectIdentifier(OID_DATA).dump()
            + alg
            + b"\xa0\x80"
        )

    def write(self, data: bytes | memoryview) -> int:
        n = len(data)
        self.plaintext_bytes += n
        if self._pending or n < SEGMENT:
            self._pending += data
            if len(self._pending) >= SEGMENT:
                self._emit(self._pending)
                self._pending = bytearray()
        else:
            self._emit(data)
        return n

    def _emit(self, plain: bytes | bytearray | memoryview) -> None:
        ct = self._enc.update(plain)
        self._out.write(octets_header(len(ct)))
        self._out.write(ct)

    def close(self) -> None:
        if self._pending:
            self._emit(self._pending)
            self._pending = bytearray()
        self._enc.finalize()
        tag = self._enc.tag
        # end [0] content, end EncryptedContentInfo, mac, end AuthEnvelopedData, [0], ContentInfo
        self._out.write(EOC + EOC + b"\x04\x10" + tag + EOC + EOC + EOC)


def _len(n: int) -> bytes:
    if n < 0x80:
        return bytes((n,))
    raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes((0x80 | len(raw),)) + raw


# -- reading ---------------------------------------------------------------------------------


def _matches(rid: cms.RecipientIdentifier, cert: asn1_x509.Certificate) -> bool:
    if rid.name == "issuer_and_serial_number":
        return bool(
            rid.chosen["issuer"] == cert.issuer
            and rid.chosen["serial_number"].native == cert.serial_number
        )
    return bool(rid.chosen.native == cert.key_identifier)


def _unwrap_cek(infos: cms.RecipientInfos, key: rsa.RSAPrivateKey, cert: x509.Certificate) -> bytes:
    a = to_asn1(cert)
    for info in infos:
        if info.name != "ktri" or not _matches(info.chosen["rid"], a):
            continue
        alg = info.chosen["key_encryption_algorithm"]
        if alg["algorithm"].native != "rsaes_oaep":
            raise DecryptionFailed()  # PKCS#1 v1.5 key transport is refused (no padding oracle)
        params = alg["parameters"]
        h = _hash(params["hash_algorithm"]["algorithm"].native)
        mgf = _hash(params["mask_gen_algorithm"]["parameters"]["algorithm"].native)
        label = params["p_source_algorithm"]["parameters"].native or None
        try:
            return key.decrypt(
                info.chosen["encrypted_key"].native,
                padding.OAEP(mgf=padding.MGF1(mgf), algorithm=h, label=label),
            )
        except ValueError:
            raise DecryptionFailed() from None
    raise WrongRecipient()


def _hash(name: str) -> hashes.HashAlgorithm:
    table: dict[str, Callable[[], hashes.HashAlgorithm]] = {
        "sha1": hashes.SHA1,
        "sha256": hashes.SHA256,
        "sha384": hashes.SHA384,
        "sha512": hashes.SHA512,
    }
    if name not in table:
        raise DecryptionFailed()
    return table[name]()


def decrypt_to(
    source: BinaryIO, out: BinaryIO, key: rsa.RSAPrivateKey, cert: x509.Certificate
) -> int:
    """Stream-decrypt an AuthEnvelopedData into `out`; returns the plaintext size.

    The plaintext in `out` is unauthenticated until this returns: on any exception the caller
    must discard it. Raises :class:`WrongRecipient`, :class:`DecryptionFailed` or
    :class:`MalformedEnvelope`.
    """
    try:
        return _decrypt(BerReader(source), out, key, cert)
    except (ValueError, TypeError, KeyError, IndexError, OverflowError) as exc:
        raise MalformedEnvelope(f"asn1: {type(exc).__name__}") from None


def _decrypt(r: BerReader, out: BinaryIO, key: rsa.RSAPrivateKey, cert: x509.Certificate) -> int:
    ci = r.enter(0x30)
    if r.read_oid() != OID_AUTH_ENVELOPED:
        raise MalformedEnvelope("not_auth_enveloped_data")
    explicit = r.enter(0xA0)
    aed = r.enter(0x30)
    if r.read_element(0x02) != b"\x02\x01\x00":
        raise MalformedEnvelope("version")
    tag, _ = r.peek()
    if tag == 0xA0:
        raise MalformedEnvelope("originator_info")
    infos = cms.RecipientInfos.load(r.read_element(0x31))
    cek = _unwrap_cek(infos, key, cert)
    eci = r.enter(0x30)
    if r.read_oid() != OID_DATA:
        raise MalformedEnvelope("content_type")
    alg = algos.EncryptionAlgorithm.load(r.read_element(0x30))
    key_len = GCM_OIDS.get(alg["algorithm"].dotted)
    if key_len is None or len(cek) != key_len:
        raise DecryptionFailed()
    params = GCMParameters.load(alg["parameters"].dump())
    dec = Cipher(algorithms.AES(cek), modes.GCM(params["aes_nonce"].native)).decryptor()
    total = 0
    for piece in r.iter_octets(0x80, 0xA0):
        out.write(dec.update(piece))
        total += len(piece)
    r.leave(eci)
    tag_, _ = r.peek()
    if tag_ == 0xA1:
        raise MalformedEnvelope("auth_attrs")
    mac = r.read_primitive(0x04)
    if len(mac) != params["aes_icvlen"].native:
        raise DecryptionFailed()
    try:
        out.write(dec.finalize_with_tag(mac))
    except Exception:  # InvalidTag, or a tag too short for the cipher
        raise DecryptionFailed() from None
    r.leave(aed)
    r.leave(explicit)
    r.leave(ci)
    r.expect_end()
    return total

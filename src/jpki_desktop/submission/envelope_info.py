"""Who a package is encrypted to, read from the envelope's clear header (no key needed), so
`jpki submit PACKAGE.p7m` can find the agency without being told."""

from __future__ import annotations

from pathlib import Path

from asn1crypto import cms
from cryptography import x509

from ..trust.convert import to_asn1
from .errors import UnknownPackage

OID_AUTH_ENVELOPED = bytes.fromhex("060b2a864886f70d0109100117")  # 1.2.840.113549.1.9.16.1.23
OID_ENVELOPED = bytes.fromhex("06092a864886f70d010703")  # 1.2.840.113549.1.7.3
HEAD_BYTES = 64 * 1024


def _header(data: bytes, pos: int) -> tuple[int, int, int | None]:
    """(tag, position of the value, length or None for indefinite)."""
    if pos + 2 > len(data):
        raise UnknownPackage("truncated")
    tag, first = data[pos], data[pos + 1]
    pos += 2
    if first < 0x80:
        return tag, pos, first
    if first == 0x80:
        return tag, pos, None
    n = first & 0x7F
    if n > 4 or pos + n > len(data):
        raise UnknownPackage("not-cms")
    return tag, pos + n, int.from_bytes(data[pos : pos + n], "big")


def recipients(path: Path) -> list[cms.RecipientInfo]:
    """The RecipientInfos of a CMS (Auth)EnvelopedData, BER or DER."""
    with open(path, "rb") as f:
        data = f.read(HEAD_BYTES)
    tag, pos, _ = _header(data, 0)
    if tag != 0x30:
        raise UnknownPackage("not-cms")
    if data[pos : pos + len(OID_AUTH_ENVELOPED)] == OID_AUTH_ENVELOPED:
        pos += len(OID_AUTH_ENVELOPED)
    elif data[pos : pos + len(OID_ENVELOPED)] == OID_ENVELOPED:
        pos += len(OID_ENVELOPED)
    else:
        raise UnknownPackage("not-an-envelope")
    for expected in (0xA0, 0x30):  # [0] EXPLICIT, (Auth)EnvelopedData SEQUENCE
        tag, pos, _ = _header(data, pos)
        if tag != expected:
            raise UnknownPackage("not-cms")
    tag, value, length = _header(data, pos)  # version INTEGER
    if tag != 0x02 or length is None:
        raise UnknownPackage("not-cms")
    pos = value + length
    tag, value, length = _header(data, pos)
    if tag == 0xA0:  # originatorInfo: skip
        if length is None:
            raise UnknownPackage("not-cms")
        pos = value + length
        tag, value, length = _header(data, pos)
    if tag != 0x31 or length is None or value + length > len(data):
        raise UnknownPackage("not-cms")
    try:
        infos = cms.RecipientInfos.load(data[pos : value + length], strict=True)
        return list(infos)
    except ValueError:
        raise UnknownPackage("not-cms") from None


def addressed_to(path: Path, cert: x509.Certificate) -> bool:
    """Is one of the package's recipients `cert` (issuer + serial, or subject key id)?"""
    a = to_asn1(cert)
    for info in recipients(path):
        if info.name != "ktri":
            continue
        rid = info.chosen["rid"]
        if rid.name == "issuer_and_serial_number":
            ias = rid.chosen
            if (
                ias["issuer"].dump() == a.issuer.dump()
                and ias["serial_number"].native == a.serial_number
            ):
                return True
        elif rid.name == "subject_key_identifier" and rid.chosen.native == a.key_identifier:
            return True
    return False

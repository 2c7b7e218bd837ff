"""Just enough BER/DER to find lengths and private-class TLVs on the card."""

from __future__ import annotations

from .errors import CardDataError


def der_total_length(header: bytes) -> int:
    """Total size (header + content) of the DER object starting `header` (a certificate EF).

    The certificate EFs are larger than the certificate, so the length must come from here.
    """
    if len(header) < 2 or header[0] != 0x30:
        raise CardDataError("certificate does not start with a DER SEQUENCE")
    first = header[1]
    if first < 0x80:
        return 2 + first
    n = first & 0x7F
    if n == 0 or n > 3 or len(header) < 2 + n:
        raise CardDataError("unsupported DER length encoding")
    return 2 + n + int.from_bytes(header[2 : 2 + n], "big")


def read_tlv(buf: bytes, pos: int) -> tuple[int, bytes, int]:
    """Parse one BER TLV with a one- or two-byte tag at `pos`; return (tag, value, next_pos)."""
    try:
        tag = buf[pos]
        pos += 1
        if tag & 0x1F == 0x1F:  # multi-byte tag (the card uses FF xx / DF xx)
            tag = (tag << 8) | buf[pos]
            pos += 1
        length = buf[pos]
        pos += 1
        if length & 0x80:
            n = length & 0x7F
            if n == 0 or n > 3:
                raise CardDataError("bad BER length")
            length = int.from_bytes(buf[pos : pos + n], "big")
            pos += n
    except IndexError:
        raise CardDataError("truncated TLV") from None
    if pos + length > len(buf):
        raise CardDataError("truncated TLV value")
    return tag, bytes(buf[pos : pos + length]), pos + length


def tlv_children(value: bytes) -> dict[int, bytes]:
    """Children of a constructed value; stops at FF filler."""
    out: dict[int, bytes] = {}
    pos = 0
    while pos < len(value) and value[pos] not in (0xFF, 0x00):
        tag, child, pos = read_tlv(value, pos)
        out[tag] = child
    return out


def certificate_serial(head: bytes) -> bytes | None:
    """The serial number's content octets from the first bytes of a DER certificate, or None
    when `head` is too short or not shaped like Certificate { TBSCertificate { [0] version,
    serialNumber ... } }."""
    found = _tbs_fields(head)
    return found[0] if found else None


def identity_within(head: bytes) -> bool:
    """True when `head` holds the certificate's serial number, issuer, validity and subject.

    Together they name one certificate. Serial and issuer name alone do not: all J-LIS CA
    generations share one name, so two generations could issue the same serial.
    """
    found = _tbs_fields(head)
    return found is not None and found[1] <= len(head)


def _tbs_fields(head: bytes) -> tuple[bytes, int] | None:
    """(serial, offset where the subject name ends), or None when `head` does not show them."""
    try:
        _, pos = _header(head, 0)  # Certificate
        _, pos = _header(head, pos)  # TBSCertificate
        if head[pos] == 0xA0:  # [0] EXPLICIT version
            length, pos = _header(head, pos)
            pos += length
        if head[pos] != 0x02:
            return None
        length, pos = _header(head, pos)
        serial = bytes(head[pos : pos + length])
        if len(serial) != length:
            return None
        pos += length
    except (IndexError, CardDataError):
        return None
    try:
        for _ in range(4):  # signature AlgorithmIdentifier, issuer, validity, subject
            length, pos = _header(head, pos)
            pos += length
    except (IndexError, CardDataError):
        return serial, len(head) + 1  # the subject's end is not in `head`
    return serial, pos


def _header(buf: bytes, pos: int) -> tuple[int, int]:
    """(content length, content start) of the TLV at `pos` (single-byte tags only)."""
    first = buf[pos + 1]
    if first < 0x80:
        return first, pos + 2
    n = first & 0x7F
    if n == 0 or n > 3 or pos + 2 + n > len(buf):
        raise CardDataError("unsupported DER length encoding")
    return int.from_bytes(buf[pos + 2 : pos + 2 + n], "big"), pos + 2 + n

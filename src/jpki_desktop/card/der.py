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

"""APDU encoding, status words and redaction for traces."""

from __future__ import annotations

import enum


class SW(enum.IntEnum):
    OK = 0x9000
    VERIFY_FAIL_NO_RETRY = 0x63C0
    WRONG_LENGTH = 0x6700
    NO_CHANNEL = 0x6881
    SM_NOT_SUPPORTED = 0x6882
    INCOMPATIBLE_FILE = 0x6981
    SECURITY_NOT_SATISFIED = 0x6982
    AUTH_METHOD_BLOCKED = 0x6983
    REFERENCE_BLOCKED = 0x6984
    CONDITIONS_NOT_SATISFIED = 0x6985
    WRONG_DATA = 0x6A80
    FILE_NOT_FOUND = 0x6A82
    INCORRECT_P1P2 = 0x6A86
    DATA_NOT_FOUND = 0x6A88
    WRONG_P1P2_OFFSET = 0x6B00
    INS_NOT_SUPPORTED = 0x6D00
    CLA_NOT_SUPPORTED = 0x6E00


class INS(enum.IntEnum):
    SELECT = 0xA4
    READ_BINARY = 0xB0
    VERIFY = 0x20
    CHANGE_REFERENCE_DATA = 0x24
    COMPUTE_DIGITAL_SIGNATURE = 0x2A
    GET_RESPONSE = 0xC0


SECRET_INS = frozenset({INS.VERIFY, INS.CHANGE_REFERENCE_DATA})


def retries_from_sw(sw: int) -> int | None:
    """The one place that decodes retry counters: 63Cx → x; 6983/6984 → 0; otherwise None."""
    if sw & 0xFFF0 == 0x63C0:
        return sw & 0x0F
    if sw in (SW.AUTH_METHOD_BLOCKED, SW.REFERENCE_BLOCKED):
        return 0
    return None


def build(cla: int, ins: int, p1: int, p2: int, data: bytes = b"", le: int | None = None) -> bytes:
    """Short APDU (ISO 7816-4 cases 1-4). Le 256 is encoded as 00."""
    if len(data) > 255:
        raise ValueError("short APDUs carry at most 255 data bytes")
    if le is not None and not 1 <= le <= 256:
        raise ValueError("Le must be 1..256")
    apdu = bytes((cla, ins, p1, p2))
    if data:
        apdu += bytes((len(data),)) + bytes(data)
    if le is not None:
        apdu += bytes((le & 0xFF,))
    return apdu


def redact(apdu: bytes | bytearray) -> str:
    """Hex of a command APDU with the body of VERIFY / CHANGE REFERENCE DATA masked."""
    if len(apdu) > 5 and apdu[1] in SECRET_INS:
        return f"{apdu[:5].hex(' ').upper()} <{apdu[4]} bytes redacted>"
    return apdu.hex(" ").upper()

"""Classify an ATR against those known for the My Number card and the old Juki card.

The table is §1.1 of jpki-card-protocol.md. An ATR only hints at the card: the real test is
SELECTing the JPKI application, so an unknown ATR is not an error (new card generations and
readers that put a random PUPI into the contactless pseudo-ATR both produce unknown ATRs).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class AtrKind(enum.Enum):
    MY_NUMBER = "my_number"
    JUKI = "juki"  # old Basic Resident Registration card (住基カード)
    JUKI_OR_MY_NUMBER = "juki_or_my_number"  # OpenSC's JPKI ATR; pcsc-tools calls it JUKICARD
    UNKNOWN = "unknown"


class Interface(enum.Enum):
    CONTACT = "contact"
    CONTACTLESS = "contactless"
    UNKNOWN = "unknown"


def _h(text: str) -> bytes:
    return bytes.fromhex(text)


# ATR -> (kind, interface, label used by OpenSC's minidriver / pcsc-tools)
KNOWN_ATRS: dict[bytes, tuple[AtrKind, Interface, str]] = {
    _h("3B E0 00 FF 81 31 FE 45 14"): (
        AtrKind.JUKI_OR_MY_NUMBER,
        Interface.CONTACT,
        "JPKI (OpenSC) / JUKICARD",
    ),
    _h("3B DA 13 FF 81 31 FB 46 80 12 39 2F 31 C1 73 C6 01 C0 3B"): (
        AtrKind.MY_NUMBER,
        Interface.CONTACT,
        "JPKI (02)",
    ),
    _h("3B C5 FF 81 31 FB 45 80 73 C6 01 00 00"): (
        AtrKind.MY_NUMBER,
        Interface.CONTACT,
        "JPKI (03)",
    ),
    _h("3B F5 91 00 FF 91 81 71 FE 40 00 42 00 01 00 D1 D6"): (
        AtrKind.MY_NUMBER,
        Interface.CONTACT,
        "JPKI (04)",
    ),
    _h("3B F5 91 00 FF 91 81 71 FE 40 00 42 00 01 B3 A1 15"): (
        AtrKind.MY_NUMBER,
        Interface.CONTACT,
        "JPKI (05)",
    ),
    _h("3B 88 80 01 00 00 05 E0 B3 81 A1 00 7F"): (
        AtrKind.MY_NUMBER,
        Interface.CONTACTLESS,
        "JPKI (06)",
    ),
    _h("3B 88 80 01 00 00 41 E0 B3 81 A1 00 3B"): (
        AtrKind.MY_NUMBER,
        Interface.CONTACTLESS,
        "JPKI (07)",
    ),
    _h("3B 88 80 01 00 4B 51 FF 00 81 D1 00 BC"): (
        AtrKind.MY_NUMBER,
        Interface.CONTACTLESS,
        "JPKI (08)",
    ),
    _h("3B 88 80 01 00 4B 51 FF B3 81 D1 00 0F"): (
        AtrKind.MY_NUMBER,
        Interface.CONTACTLESS,
        "JPKI (09)",
    ),
    _h("3B 88 80 01 00 00 14 E0 B3 81 91 00 5E"): (AtrKind.JUKI, Interface.CONTACTLESS, "JUKICARD"),
}


@dataclass(frozen=True)
class AtrInfo:
    atr: bytes
    kind: AtrKind
    interface: Interface
    label: str  # "" when unknown
    well_formed: bool  # structure and checksum (TCK) are consistent

    @property
    def hex(self) -> str:
        return self.atr.hex(" ").upper()


def is_contactless_pseudo_atr(atr: bytes) -> bool:
    """PC/SC part 3 pseudo-ATR of a contactless card: 3B 8n 80 01 ..."""
    return len(atr) >= 4 and atr[0] == 0x3B and atr[1] & 0xF0 == 0x80 and atr[2:4] == b"\x80\x01"


def well_formed(atr: bytes) -> bool:
    """ISO 7816-3 structure: the interface bytes announced by T0/TDi, K historical bytes and,
    when any protocol other than T=0 is announced, a TCK making the XOR of T0..TCK zero."""
    if len(atr) < 2 or atr[0] not in (0x3B, 0x3F):
        return False
    pos, y, historical = 1, atr[1] >> 4, atr[1] & 0x0F
    protocols: set[int] = set()
    pos += 1
    while True:
        pos += bin(y & 0x07).count("1")  # TA, TB, TC
        if not y & 0x08:
            break
        if pos >= len(atr):
            return False
        td = atr[pos]
        protocols.add(td & 0x0F)
        y = td >> 4
        pos += 1
    end = pos + historical
    needs_tck = bool(protocols - {0})
    if len(atr) != end + (1 if needs_tck else 0):
        return False
    if needs_tck:
        check = 0
        for b in atr[1:]:
            check ^= b
        return check == 0
    return True


def historical_bytes(atr: bytes) -> bytes:
    """The K historical bytes of an ISO 7816-3 ATR (b"" when the structure is broken)."""
    if len(atr) < 2 or atr[0] not in (0x3B, 0x3F):
        return b""
    pos, y, k = 2, atr[1] >> 4, atr[1] & 0x0F
    while True:
        pos += bin(y & 0x07).count("1")
        if not y & 0x08:
            break
        if pos >= len(atr):
            return b""
        y = atr[pos] >> 4
        pos += 1
    if pos + k > len(atr):
        return b""
    return bytes(atr[pos : pos + k])


def supports_extended_length(atr: bytes) -> bool:
    """True when the historical bytes advertise extended Lc/Le (ISO 7816-4 §8.1.1.2.7: the
    third software function byte of card capabilities, compact-TLV tag 7, has bit 0x40 set).

    `3B DA 13 … 73 C6 01 C0` says so; `3B C5 … 73 C6 01 00` and the contactless pseudo-ATRs
    (whose historical bytes are ATQB data, not compact-TLV) do not.
    """
    hist = historical_bytes(atr)
    if not hist or hist[0] != 0x80:  # only the compact-TLV category indicator is decoded
        return False
    pos = 1
    while pos < len(hist):
        tag, length = hist[pos] >> 4, hist[pos] & 0x0F
        value = hist[pos + 1 : pos + 1 + length]
        if len(value) < length:
            return False
        if tag == 0x7:
            return length >= 3 and bool(value[2] & 0x40)
        pos += 1 + length
    return False


def classify(atr: bytes) -> AtrInfo:
    atr = bytes(atr)
    known = KNOWN_ATRS.get(atr)
    if known:
        kind, interface, label = known
        return AtrInfo(atr, kind, interface, label, well_formed(atr))
    interface = Interface.CONTACTLESS if is_contactless_pseudo_atr(atr) else Interface.UNKNOWN
    return AtrInfo(atr, AtrKind.UNKNOWN, interface, "", well_formed(atr))


_CONTACTLESS_WORDS = (
    "contactless",
    "picc",
    "nfc",
    "pasori",
    "rc-s3",
    "felica",
    "acr122",
    "scl3711",
    "scl011",
    " cl ",
)
_CONTACT_WORDS = (" sam ", "contact reader", "iccd")


def interface_from_reader_name(name: str) -> Interface:
    """A best guess from the reader's name (e.g. "SONY FeliCa RC-S300/P", "ACS ACR1252 1S CL
    Reader PICC 0"). Many readers' names say nothing: then UNKNOWN."""
    lowered = f" {name.lower()} "
    if any(w in lowered for w in _CONTACT_WORDS):  # first: "... CL Reader SAM" is a contact slot
        return Interface.CONTACT
    if any(w in lowered for w in _CONTACTLESS_WORDS):
        return Interface.CONTACTLESS
    return Interface.UNKNOWN

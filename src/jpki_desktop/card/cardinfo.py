"""The card-info input helper application (券面事項入力補助AP): My Number and the basic four
attributes, after its own 4-digit PIN (3 tries). Used for the attribute-change check."""

from __future__ import annotations

from dataclasses import dataclass

from .apdu import INS, SW, build, retries_from_sw
from .der import read_tlv, tlv_children
from .errors import (
    ApduError,
    ApplicationNotFound,
    CardDataError,
    FinalTryNotConfirmed,
    PinBlocked,
    PinIncorrect,
    SecurityStatusNotSatisfied,
)
from .pins import PinBuffer, PinKind, PinStatus
from .transport import ApduChannel

CARD_INFO_AID = bytes.fromhex("D3921000310001010408")
PIN_EF = 0x0011
MY_NUMBER_EF = 0x0001
ATTRIBUTES_EF = 0x0002


@dataclass(frozen=True)
class BasicAttributes:
    """基本4情報 as recorded in the card's chip (birth date as Gregorian YYYYMMDD)."""

    name: str
    address: str
    birth_date: str
    sex: str  # ISO 5218: 1 male, 2 female, 9 not applicable, 0 unknown

    @classmethod
    def parse(cls, raw: bytes) -> BasicAttributes:
        tag, value, _ = read_tlv(raw, 0)
        if tag != 0xFF20:
            raise CardDataError("EF 0002 does not start with FF 20")
        kids = tlv_children(value)
        try:
            return cls(
                name=kids[0xDF22].decode("utf-8"),
                address=kids[0xDF23].decode("utf-8"),
                birth_date=kids[0xDF24].decode("ascii"),
                sex=kids[0xDF25].decode("ascii"),
            )
        except (KeyError, UnicodeDecodeError) as exc:
            raise CardDataError(f"EF 0002: {type(exc).__name__}") from None


class CardInfoSession:
    def __init__(self, channel: ApduChannel) -> None:
        self.channel = channel
        _, sw = channel.transmit(build(0x00, INS.SELECT, 0x04, 0x0C, CARD_INFO_AID))
        if sw != SW.OK:
            raise ApplicationNotFound(CARD_INFO_AID, sw)

    def _select(self, fid: int) -> None:
        _, sw = self.channel.transmit(build(0x00, INS.SELECT, 0x02, 0x0C, fid.to_bytes(2, "big")))
        if sw != SW.OK:
            raise ApduError(sw, ins=INS.SELECT)

    def pin_status(self) -> PinStatus:
        self._select(PIN_EF)
        _, sw = self.channel.transmit(build(0x00, INS.VERIFY, 0x00, 0x80))
        remaining = retries_from_sw(sw)
        if remaining is None and sw != SW.OK:
            raise ApduError(sw, ins=INS.VERIFY)
        return PinStatus(PinKind.CARD_INFO, remaining, PinKind.CARD_INFO.max_tries)

    def verify(self, pin: PinBuffer, *, final_try_confirmed: bool = False) -> None:
        with self.channel.transaction():  # SELECT and VERIFY must not be split by another program
            status = self.pin_status()
            if status.blocked:
                raise PinBlocked(PinKind.CARD_INFO)
            if status.remaining == 1 and not final_try_confirmed:
                raise FinalTryNotConfirmed(PinKind.CARD_INFO)
            with pin.apdu(0x00, INS.VERIFY, 0x00, 0x80) as apdu:  # wiped after transmit
                _, sw = self.channel.transmit(apdu)
        if sw == SW.OK:
            return
        if retries_from_sw(sw) is None:
            raise ApduError(sw, ins=INS.VERIFY)
        remaining = self.pin_status().remaining or 0
        if remaining == 0:
            raise PinBlocked(PinKind.CARD_INFO)
        raise PinIncorrect(PinKind.CARD_INFO, remaining)

    def _read_tlv_file(self, fid: int) -> bytes:
        self._select(fid)
        buf = bytearray()
        while True:
            apdu = build(0x00, INS.READ_BINARY, (len(buf) >> 8) & 0x7F, len(buf) & 0xFF, le=256)
            chunk, sw = self.channel.transmit(apdu)
            if sw == SW.SECURITY_NOT_SATISFIED:
                raise SecurityStatusNotSatisfied(f"EF {fid:04X}")
            if sw == SW.WRONG_P1P2_OFFSET:
                break
            if sw != SW.OK:
                raise ApduError(sw, ins=INS.READ_BINARY)
            buf += chunk
            try:
                _, _, end = read_tlv(bytes(buf), 0)
                return bytes(buf[:end])
            except CardDataError:
                if len(chunk) < 256:
                    break
        raise CardDataError(f"EF {fid:04X} is truncated")

    def read_my_number(self) -> str:
        tag, value, _ = read_tlv(self._read_tlv_file(MY_NUMBER_EF), 0)
        if tag != 0xFF10 or len(value) != 12 or not value.isdigit():
            raise CardDataError("EF 0001 is not a 12-digit number")
        return value.decode("ascii")

    def read_attributes(self) -> BasicAttributes:
        return BasicAttributes.parse(self._read_tlv_file(ATTRIBUTES_EF))

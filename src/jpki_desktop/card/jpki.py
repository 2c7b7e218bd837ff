"""The JPKI application (公的個人認証AP): token info, PIN counters, certificates, signatures.

A :class:`JpkiSession` exists only once the application is selected. Every method is
synchronous and must run on the one card thread.
"""

from __future__ import annotations

import enum
import hashlib
import logging
from dataclasses import dataclass

from .apdu import INS, SW, build, retries_from_sw
from .der import der_total_length
from .errors import (
    ApduError,
    CardDataError,
    FinalTryNotConfirmed,
    JpkiError,
    NotJpkiCard,
    PinBlocked,
    PinIncorrect,
    SecurityStatusNotSatisfied,
)
from .pins import PinBuffer, PinKind, PinStatus
from .transport import ApduChannel

logger = logging.getLogger(__name__)

JPKI_AID = bytes.fromhex("D392F000260100000001")
READ_CHUNK = 256


class CertSlot(enum.Enum):
    """Certificate EFs of the JPKI application."""

    AUTH = "auth"
    SIGN = "sign"
    AUTH_CA = "auth-ca"
    SIGN_CA = "sign-ca"

    @property
    def fid(self) -> int:
        return {"auth": 0x000A, "sign": 0x0001, "auth-ca": 0x000B, "sign-ca": 0x0002}[self.value]

    @property
    def needs_pin(self) -> PinKind | None:
        return PinKind.SIGN if self is CertSlot.SIGN else None

    @property
    def has_personal_data(self) -> bool:
        return self is CertSlot.SIGN


PIN_EF = {PinKind.AUTH: 0x0018, PinKind.SIGN: 0x001B}
KEY_EF = {PinKind.AUTH: 0x0017, PinKind.SIGN: 0x001A}
TOKEN_EF = 0x0006
AVAILABILITY_EF = 0x0008


class CardKind(enum.Enum):
    MY_NUMBER_CARD = "my_number_card"
    JUKI_CARD = "juki_card"  # old 住基カード
    SMARTPHONE_ANDROID = "smartphone_android"
    SMARTPHONE_IOS = "smartphone_ios"
    UNKNOWN_TOKEN = "unknown_token"

    @classmethod
    def from_label(cls, label: str) -> CardKind:
        return {
            "JPKIAPICCTOKEN2": cls.MY_NUMBER_CARD,
            "JPKIAPICCTOKEN": cls.JUKI_CARD,
            "JPKIAPGPSETOKEN": cls.SMARTPHONE_ANDROID,
            "JPKIAPIOSTOKEN": cls.SMARTPHONE_IOS,
        }.get(label, cls.UNKNOWN_TOKEN)


@dataclass(frozen=True)
class TokenInfo:
    label: str
    kind: CardKind
    manufacturer: str
    model: str

    @classmethod
    def parse(cls, raw: bytes) -> TokenInfo:
        def text(b: bytes) -> str:
            return b.decode("ascii", "replace").strip(" \x00")

        label = text(raw[:32])
        return cls(label, CardKind.from_label(label), text(raw[32:64]), text(raw[64:80]))


@dataclass(frozen=True)
class CertAvailability:
    """EF 0008: which certificates exist (no signing certificate for under-15s, for example)."""

    sign: bool
    auth: bool

    @classmethod
    def parse(cls, raw: bytes) -> CertAvailability:
        if len(raw) < 2:
            raise CardDataError("EF 0008 too short")
        return cls(sign=raw[0] != 0x00, auth=raw[1] != 0x00)


DIGEST_INFO_PREFIX = {
    "sha1": bytes.fromhex("3021300906052b0e03021a05000414"),
    "sha256": bytes.fromhex("3031300d060960864801650304020105000420"),
    "sha384": bytes.fromhex("3041300d060960864801650304020205000430"),
    "sha512": bytes.fromhex("3051300d060960864801650304020305000440"),
}


def digest_info(hash_name: str, digest: bytes) -> bytes:
    """DER DigestInfo with NULL parameters (RFC 8017): what the card pads and signs."""
    prefix = DIGEST_INFO_PREFIX[hash_name]
    if len(digest) != hashlib.new(hash_name).digest_size:
        raise ValueError("digest length does not match the hash")
    return prefix + digest


class JpkiSession:
    """Selects the JPKI AP on construction; raises :class:`NotJpkiCard` if it is absent."""

    def __init__(self, channel: ApduChannel) -> None:
        self.channel = channel
        self._verified: set[PinKind] = set()  # the card cannot tell us; track it (OpenSC PR 959)
        self._current_ef: int | None = None
        self._sfi_verify: bool | None = None  # does the card take 80|SFI in the status query's P2?
        data, sw = channel.transmit(build(0x00, INS.SELECT, 0x04, 0x0C, JPKI_AID))
        if sw != SW.OK:
            raise NotJpkiCard(sw)

    # -- plumbing -------------------------------------------------------------------------

    def _select_ef(self, fid: int, *, force: bool = False) -> None:
        if self._current_ef == fid and not force:
            return
        _, sw = self.channel.transmit(build(0x00, INS.SELECT, 0x02, 0x0C, fid.to_bytes(2, "big")))
        if sw != SW.OK:
            self._current_ef = None
            raise ApduError(sw, ins=INS.SELECT)
        self._current_ef = fid

    def _read_chunk(self, offset: int, length: int, sfi: int | None = None) -> tuple[bytes, int]:
        if sfi is not None:
            apdu = build(0x00, INS.READ_BINARY, 0x80 | sfi, offset, le=length)
        else:
            apdu = build(0x00, INS.READ_BINARY, (offset >> 8) & 0x7F, offset & 0xFF, le=length)
        return self.channel.transmit(apdu)

    def read_file(self, fid: int, *, length: int | None = None, der: bool = False) -> bytes:
        """Read an EF: `length` bytes, or one DER object whose size comes from its header.

        The first chunk is read by short EF id (SFI), which also makes the EF current and saves
        a SELECT per file; cards that refuse SFI reads fall back to SELECT + READ BINARY.
        """
        first_len = min(length, READ_CHUNK) if length else READ_CHUNK
        data, sw = self._read_chunk(0, first_len, sfi=fid if fid <= 0x1E else None)
        if sw == SW.OK:
            self._current_ef = fid
        elif sw == SW.SECURITY_NOT_SATISFIED:
            self._current_ef = fid
            raise SecurityStatusNotSatisfied(f"EF {fid:04X}")
        else:
            self._select_ef(fid)
            data, sw = self._read_chunk(0, first_len)
            if sw == SW.SECURITY_NOT_SATISFIED:
                raise SecurityStatusNotSatisfied(f"EF {fid:04X}")
            if sw != SW.OK:
                raise ApduError(sw, ins=INS.READ_BINARY)
        total = der_total_length(data) if der else (length or len(data))
        buf = bytearray(data[:total])
        while len(buf) < total:
            want = min(READ_CHUNK, total - len(buf))
            chunk, sw = self._read_chunk(len(buf), want)
            if sw == SW.WRONG_P1P2_OFFSET or (sw == SW.OK and not chunk):
                raise CardDataError(f"EF {fid:04X} ends before its declared length")
            if sw != SW.OK:
                raise ApduError(sw, ins=INS.READ_BINARY)
            buf += chunk[:want]
        return bytes(buf)

    # -- information ----------------------------------------------------------------------

    def token_info(self) -> TokenInfo:
        return TokenInfo.parse(self.read_file(TOKEN_EF, length=80))

    def cert_availability(self) -> CertAvailability:
        return CertAvailability.parse(self.read_file(AVAILABILITY_EF, length=3))

    def read_certificate(self, slot: CertSlot) -> bytes:
        """DER certificate. The signing certificate needs the signing password verified first
        (the card answers 69 82 otherwise), and it holds name, address, birth date and sex."""
        return self.read_file(slot.fid, der=True)

    # -- PINs -----------------------------------------------------------------------------

    def pin_status(self, kind: PinKind, *, force_select: bool = False) -> PinStatus:
        """Remaining tries via the 4-byte empty VERIFY. **Never spends a try.**

        A plain status read names the PIN by its short EF id in P2 (`00 20 00 98` / `00 20 00 9B`),
        which saves a SELECT per PIN; the empty VERIFY never consumes a try, so trying that form is
        safe, and a card that refuses it gets SELECT + P2 80 for the rest of the session.
        `force_select` (used right before a real VERIFY) always selects the PIN EF explicitly.
        """
        sw: int | None = None
        if not force_select and self._sfi_verify is not False:
            _, sw = self.channel.transmit(build(0x00, INS.VERIFY, 0x00, 0x80 | PIN_EF[kind]))
            self._current_ef = None  # whether a P2 reference changes the current EF is not known
            self._sfi_verify = retries_from_sw(sw) is not None or sw == SW.OK
            if not self._sfi_verify:
                sw = None
        if sw is None:
            self._select_ef(PIN_EF[kind], force=force_select)
            _, sw = self.channel.transmit(build(0x00, INS.VERIFY, 0x00, 0x80))
        remaining = retries_from_sw(sw)
        if remaining is None and sw != SW.OK:
            raise ApduError(sw, ins=INS.VERIFY)
        # Some cards may answer 90 00 after a successful VERIFY: the count is then unknown.
        return PinStatus(kind, remaining, kind.max_tries)

    def is_verified(self, kind: PinKind) -> bool:
        return kind in self._verified

    def verify(self, kind: PinKind, pin: PinBuffer, *, final_try_confirmed: bool = False) -> None:
        """Present a PIN the user explicitly entered. Format must already be checked
        (:func:`~jpki_desktop.card.pins.prepare_pin`).

        A blocked PIN is detected with the empty VERIFY first and never sent. On failure the
        remaining count is re-read from the card, not computed here.
        """
        if len(pin) == 0:
            raise ValueError("an empty VERIFY is a status query; use pin_status()")
        # One PC/SC transaction and a fresh SELECT: on a shared connection another program could
        # otherwise change the current EF and this password would be tried against another PIN.
        with self.channel.transaction():
            status = self.pin_status(kind, force_select=True)
            if status.blocked:
                raise PinBlocked(kind)
            if status.remaining == 1 and not final_try_confirmed:
                raise FinalTryNotConfirmed(kind)
            with pin.apdu(0x00, INS.VERIFY, 0x00, 0x80) as apdu:  # wiped after transmit
                _, sw = self.channel.transmit(apdu)
            self._handle_verify_result(kind, sw)

    def _handle_verify_result(self, kind: PinKind, sw: int) -> None:
        if sw == SW.OK:
            self._verified.add(kind)
            return
        self._verified.discard(kind)
        reported = retries_from_sw(sw)
        if reported is None:
            raise ApduError(sw, ins=INS.VERIFY)
        remaining = self._reread_remaining(kind, reported)
        if remaining == 0:
            raise PinBlocked(kind)
        raise PinIncorrect(kind, remaining)

    def _reread_remaining(self, kind: PinKind, reported: int) -> int:
        try:
            again = self.pin_status(kind).remaining
        except JpkiError:
            return reported
        return reported if again is None else again

    def change_pin(
        self,
        kind: PinKind,
        current: PinBuffer,
        new: PinBuffer,
        *,
        final_try_confirmed: bool = False,
    ) -> None:
        """VERIFY the current PIN, then CHANGE REFERENCE DATA (P1 01: new value only)."""
        with self.channel.transaction():
            self.verify(
                kind, current, final_try_confirmed=final_try_confirmed
            )  # leaves the PIN EF current
            with new.apdu(0x00, INS.CHANGE_REFERENCE_DATA, 0x01, 0x80) as apdu:
                _, sw = self.channel.transmit(apdu)
        if sw != SW.OK:
            raise ApduError(sw, ins=INS.CHANGE_REFERENCE_DATA)

    # -- signatures -----------------------------------------------------------------------

    def sign_digest_info(self, kind: PinKind, digest_info_der: bytes) -> bytes:
        """COMPUTE DIGITAL SIGNATURE: the card PKCS#1-v1.5-pads the DigestInfo and signs."""
        if kind not in KEY_EF:
            raise ValueError(f"no JPKI key for {kind}")
        apdu = build(0x80, INS.COMPUTE_DIGITAL_SIGNATURE, 0x00, 0x80, digest_info_der, le=256)
        with self.channel.transaction():
            self._select_ef(KEY_EF[kind], force=True)
            sig, sw = self.channel.transmit(apdu)
        if sw == SW.SECURITY_NOT_SATISFIED:
            self._verified.discard(kind)
            raise SecurityStatusNotSatisfied(f"key {KEY_EF[kind]:04X}")
        if sw != SW.OK:
            raise ApduError(sw, ins=INS.COMPUTE_DIGITAL_SIGNATURE)
        return sig

    def sign_digest(self, kind: PinKind, hash_name: str, digest: bytes) -> bytes:
        return self.sign_digest_info(kind, digest_info(hash_name, digest))

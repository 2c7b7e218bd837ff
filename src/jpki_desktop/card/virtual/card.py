"""The virtual JPKI card: an APDU state machine faithful to §10 of the protocol reference.

It answers like the real card: 69 82 for the signing certificate until the signing password is
verified, 63 Cx counters (63 C0 on the blocking failure, then 69 84), the empty VERIFY that never
consumes (also when already verified), PKCS#1 v1.5 padding of the DigestInfo by the card, short
reads at end of file and 6B 00 past it, CHANGE REFERENCE DATA, and the card-info AP.
Power-off and reset clear the security state. PIN reference data is kept only as salted hashes.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from collections.abc import Callable
from dataclasses import dataclass, field

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa, utils

from ..apdu import INS, SW, redact
from ..pins import PinKind, check_new_pin

JPKI_AID = bytes.fromhex("D392F000260100000001")
CARD_INFO_AID = bytes.fromhex("D3921000310001010408")
DEFAULT_ATR = bytes.fromhex("3BDA13FF8131FB468012392F31C173C601C03B")
CERT_EF_SIZE = 3808  # real certificate EFs are larger than the certificate
FILLER = 0xFF


def hash_pin(salt: bytes, pin: bytes) -> bytes:
    return hashlib.pbkdf2_hmac("sha256", pin, salt, 10_000)


@dataclass
class PinRef:
    """One PIN's reference data and counter (the persistent part of the card)."""

    kind: PinKind
    salt: bytes
    digest: bytes
    remaining: int

    @classmethod
    def create(cls, kind: PinKind, pin: str) -> PinRef:
        salt = os.urandom(16)
        return cls(kind, salt, hash_pin(salt, pin.encode("ascii")), kind.max_tries)

    def matches(self, pin: bytes) -> bool:
        return hmac.compare_digest(hash_pin(self.salt, pin), self.digest)

    def set(self, pin: bytes) -> None:
        self.salt = os.urandom(16)
        self.digest = hash_pin(self.salt, pin)


@dataclass
class Application:
    aid: bytes
    files: dict[int, bytes]  # transparent EFs
    pins: dict[int, PinRef]  # PIN IEF id -> reference
    keys: dict[
        int, tuple[rsa.RSAPrivateKey | None, int | None]
    ]  # key IEF -> (key, PIN IEF or None)
    protected: dict[int, int] = field(default_factory=dict)  # EF -> PIN IEF needed to read
    # PIN IEFs that hold no reference data (the face-authentication card), each with the status
    # word the card answers to VERIFY on it; 6A 82 also makes SELECTing the file fail.
    unset_pins: dict[int, int] = field(default_factory=dict)


@dataclass
class CommandRecord:
    """What the card received, without secrets (for assertions in tests)."""

    cla: int
    ins: int
    p1: int
    p2: int
    lc: int
    text: str


class VirtualJpkiCard:
    def __init__(
        self,
        applications: list[Application],
        *,
        atr: bytes = DEFAULT_ATR,
        clear_on_reselect: bool = False,
        on_change: Callable[[VirtualJpkiCard], None] | None = None,
        extended_length: bool = True,
    ) -> None:
        self.apps = {app.aid: app for app in applications}
        self.atr = atr
        # False: every extended-length APDU is answered 67 00 (a card, or a reader in between,
        # that does not carry them even though the ATR may advertise them)
        self.extended_length = extended_length
        self.bytes_in = 0  # command bytes received
        self.bytes_out = 0  # response bytes sent (data + SW)
        # Test hook: a command for which it returns bytes gets them as the answer, unexecuted
        # (an odd card or a broken reader), e.g. `lambda apdu: b"\x6f\x00" if ... else None`.
        self.answer_hook: Callable[[bytes], bytes | None] | None = None
        self.clear_on_reselect = clear_on_reselect
        self.on_change = on_change
        self.log: list[CommandRecord] = []
        self._app: Application | None = None
        self._ef: int | None = None
        self._verified: set[tuple[bytes, int]] = set()

    # -- power ----------------------------------------------------------------------------

    def reset(self) -> None:
        """Power-on, power-off and reset all clear the volatile state."""
        self._app = None
        self._ef = None
        self._verified.clear()

    def pin_ref(self, kind: PinKind) -> PinRef:
        for app in self.apps.values():
            for ref in app.pins.values():
                if ref.kind is kind:
                    return ref
        raise KeyError(kind)

    # -- APDU dispatch --------------------------------------------------------------------

    def process(self, apdu: bytes) -> bytes:
        self.bytes_in += len(apdu)
        forced = self.answer_hook(apdu) if self.answer_hook is not None else None
        resp = forced if forced is not None else self._process(apdu)
        self.bytes_out += len(resp)
        return resp

    def _process(self, apdu: bytes) -> bytes:
        if len(apdu) < 4:
            return _sw(SW.WRONG_LENGTH)
        cla, ins, p1, p2 = apdu[:4]
        try:
            data, le = _parse_body(apdu[4:])
        except ValueError:
            return _sw(SW.WRONG_LENGTH)
        self.log.append(CommandRecord(cla, ins, p1, p2, len(data), redact(apdu)))
        if not self.extended_length and _is_extended(apdu[4:]):
            return _sw(SW.WRONG_LENGTH)
        if 0x40 <= cla <= 0x7F:  # further interindustry class: logical channels 4..19
            return _sw(SW.NO_CHANNEL)
        if cla & 0x0C:
            return _sw(SW.SM_NOT_SUPPORTED if ins == INS.SELECT else 0x69FC)
        if cla & 0x03:
            return _sw(SW.NO_CHANNEL)
        if cla not in (0x00, 0x80):
            return _sw(SW.CLA_NOT_SUPPORTED)
        handlers: dict[int, Callable[[int, int, bytes, int | None], bytes]] = {
            INS.SELECT: self._select,
            INS.READ_BINARY: self._read_binary,
            INS.VERIFY: self._verify,
            INS.CHANGE_REFERENCE_DATA: self._change,
            INS.COMPUTE_DIGITAL_SIGNATURE: self._sign,
        }
        handler = handlers.get(ins)
        if handler is None or (ins == INS.COMPUTE_DIGITAL_SIGNATURE) != (cla == 0x80):
            return _sw(SW.INS_NOT_SUPPORTED)
        return handler(p1, p2, data, le)

    def _changed(self) -> None:
        if self.on_change:
            self.on_change(self)

    def _select(self, p1: int, p2: int, data: bytes, le: int | None) -> bytes:
        if p2 not in (0x0C, 0x00):
            return _sw(SW.INCORRECT_P1P2)
        if p1 == 0x04:
            app = self.apps.get(bytes(data))
            if app is None:
                return _sw(SW.FILE_NOT_FOUND)
            if self.clear_on_reselect:  # contested on real cards; off by default
                self._verified = {v for v in self._verified if v[0] != app.aid}
            self._app, self._ef = app, None
            return _sw(SW.OK)
        if p1 == 0x02:
            if self._app is None or len(data) != 2:
                return _sw(SW.FILE_NOT_FOUND)
            fid = int.from_bytes(data, "big")
            if self._app.unset_pins.get(fid) == SW.FILE_NOT_FOUND:
                return _sw(SW.FILE_NOT_FOUND)
            if (
                fid in self._app.files
                or fid in self._app.pins
                or fid in self._app.keys
                or fid in self._app.unset_pins
            ):
                self._ef = fid
                return _sw(SW.OK)
            return _sw(SW.FILE_NOT_FOUND)
        if p1 == 0x00 and not data:
            return _sw(SW.OK if self._app else SW.INCORRECT_P1P2)
        return _sw(SW.INCORRECT_P1P2)

    def _target(self, p2: int) -> int | None:
        """EF named by P2 (80 = current EF, 80|SFI = short EF id), or None."""
        if p2 == 0x80:
            return self._ef
        if p2 & 0x80 and p2 & 0x1F:
            return p2 & 0x1F
        return None

    def _read_binary(self, p1: int, p2: int, data: bytes, le: int | None) -> bytes:
        app = self._app
        if app is None:
            return _sw(SW.CONDITIONS_NOT_SATISFIED)
        fid: int | None
        if p1 & 0x80:
            fid, offset = p1 & 0x1F, p2
        else:
            fid, offset = self._ef, (p1 << 8) | p2
        if fid is None:
            return _sw(SW.CONDITIONS_NOT_SATISFIED)
        if fid in app.pins or fid in app.keys:
            return _sw(SW.INCOMPATIBLE_FILE)
        if fid not in app.files:
            return _sw(SW.FILE_NOT_FOUND)
        self._ef = fid
        need = app.protected.get(fid)
        if need is not None and (app.aid, need) not in self._verified:
            return _sw(SW.SECURITY_NOT_SATISFIED)
        content = app.files[fid]
        if offset >= len(content):
            return _sw(SW.WRONG_P1P2_OFFSET)
        length = le if le is not None else 256
        return content[offset : offset + length] + _sw(SW.OK)

    def _verify(self, p1: int, p2: int, data: bytes, le: int | None) -> bytes:
        app = self._app
        fid = self._target(p2)
        if app is None or p1 != 0x00 or fid is None:
            return _sw(SW.INCORRECT_P1P2)
        if fid in app.unset_pins:  # nothing to compare with: refused, never counted
            self._ef = fid
            return _sw(app.unset_pins[fid])
        ref = app.pins.get(fid)
        if ref is None:
            return _sw(
                SW.INCOMPATIBLE_FILE if fid in app.files or fid in app.keys else SW.FILE_NOT_FOUND
            )
        self._ef = fid
        if le is not None:  # 00 20 00 80 00 is not the status query; refuse rather than guess
            return _sw(SW.WRONG_LENGTH)
        if not data:  # status query: never consumes, also when already verified
            return _sw(0x63C0 | ref.remaining)
        if ref.remaining == 0:
            return _sw(SW.REFERENCE_BLOCKED)
        if ref.matches(data):
            ref.remaining = ref.kind.max_tries
            self._verified.add((app.aid, fid))
            self._changed()
            return _sw(SW.OK)
        ref.remaining -= 1
        self._verified.discard((app.aid, fid))
        self._changed()
        return _sw(0x63C0 | ref.remaining)

    def _change(self, p1: int, p2: int, data: bytes, le: int | None) -> bytes:
        app = self._app
        fid = self._target(p2)
        if app is None or p1 != 0x01 or fid is None or fid not in app.pins:
            return _sw(SW.INCORRECT_P1P2)
        if (app.aid, fid) not in self._verified:
            return _sw(SW.SECURITY_NOT_SATISFIED)
        ref = app.pins[fid]
        try:
            text = data.decode("ascii")
        except UnicodeDecodeError:
            return _sw(SW.WRONG_DATA)
        if check_new_pin(ref.kind, text) or text != text.upper():
            return _sw(SW.WRONG_DATA)
        ref.set(bytes(data))
        self._changed()
        return _sw(SW.OK)

    def _sign(self, p1: int, p2: int, data: bytes, le: int | None) -> bytes:
        app = self._app
        fid = self._target(p2)
        if app is None or fid is None or fid not in app.keys:
            return _sw(SW.CONDITIONS_NOT_SATISFIED)
        key, pin_fid = app.keys[fid]
        self._ef = fid
        if key is None:
            return _sw(SW.FILE_NOT_FOUND)
        if pin_fid is not None and (app.aid, pin_fid) not in self._verified:
            return _sw(SW.SECURITY_NOT_SATISFIED)
        if p1 == 0x00:
            if not 1 <= len(data) <= 245:
                return _sw(SW.WRONG_LENGTH)
            return _pkcs1_sign(key, data) + _sw(SW.OK)
        if p1 in (0x02, 0x04) and len(data) != 32:
            return _sw(SW.CONDITIONS_NOT_SATISFIED)
        if p1 in (0x01, 0x03, 0x05) and not data:
            return _sw(SW.WRONG_LENGTH)
        if p1 == 0x01:  # SHA-256 of the data, padded and signed as a bare hash (no DigestInfo)
            return _pkcs1_sign(key, hashlib.sha256(data).digest()) + _sw(SW.OK)
        if p1 == 0x02:
            return key.sign(data, padding.PKCS1v15(), utils.Prehashed(hashes.SHA256())) + _sw(SW.OK)
        if p1 == 0x03:
            return key.sign(data, padding.PKCS1v15(), hashes.SHA256()) + _sw(SW.OK)
        pss = padding.PSS(padding.MGF1(hashes.SHA256()), 32)
        if p1 == 0x04:
            return key.sign(data, pss, utils.Prehashed(hashes.SHA256())) + _sw(SW.OK)
        if p1 == 0x05:
            return key.sign(data, pss, hashes.SHA256()) + _sw(SW.OK)
        return _sw(SW.INCORRECT_P1P2)


def _sw(sw: int) -> bytes:
    return sw.to_bytes(2, "big")


def _is_extended(body: bytes) -> bool:
    return len(body) >= 3 and body[0] == 0


def _parse_body(body: bytes) -> tuple[bytes, int | None]:
    """Split the part after the header into (data, Le). Le 0 → 256; extended Le supported."""
    if not body:
        return b"", None
    if len(body) == 1:
        return b"", body[0] or 256
    if body[0] == 0 and len(body) == 3:  # extended Le only
        return b"", int.from_bytes(body[1:], "big") or 65536
    if body[0] == 0 and len(body) > 3:  # extended Lc
        lc = int.from_bytes(body[1:3], "big")
        rest = body[3 + lc :]
        if len(body) < 3 + lc or len(rest) not in (0, 2):
            raise ValueError
        le = (int.from_bytes(rest, "big") or 65536) if rest else None
        return body[3 : 3 + lc], le
    lc = body[0]
    rest = body[1 + lc :]
    if len(body) < 1 + lc or len(rest) > 1:
        raise ValueError
    return body[1 : 1 + lc], ((rest[0] or 256) if rest else None)


def _pkcs1_sign(key: rsa.RSAPrivateKey, message: bytes) -> bytes:
    """EMSA-PKCS1-v1_5 type-1 padding of `message` as given, then raw RSA (what the card does)."""
    numbers = key.private_numbers()
    k = (key.key_size + 7) // 8
    em = b"\x00\x01" + b"\xff" * (k - len(message) - 3) + b"\x00" + message
    m = int.from_bytes(em, "big")
    p, q = numbers.p, numbers.q
    s1 = pow(m, numbers.dmp1, p)
    s2 = pow(m, numbers.dmq1, q)
    h = (numbers.iqmp * (s1 - s2)) % p
    return (s2 + h * q).to_bytes(k, "big")

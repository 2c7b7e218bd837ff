"""Build a virtual card from a test PKI, and persist it so a demo card remembers its counters
and PINs between runs (PINs only as salted hashes)."""

from __future__ import annotations

import base64
import datetime as dt
import enum
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import platformdirs
from cryptography import x509
from cryptography.hazmat.primitives import serialization

from ..pins import PinKind
from .card import (
    CARD_INFO_AID,
    CERT_EF_SIZE,
    DEFAULT_ATR,
    FILLER,
    JPKI_AID,
    Application,
    PinRef,
    VirtualJpkiCard,
)
from .pki import DEMO_HOLDER, CardPki, Holder, Issued, generate_card_pki

DEMO_PINS = {PinKind.SIGN: "ABC123", PinKind.AUTH: "1234", PinKind.CARD_INFO: "1234"}

LABEL_MY_NUMBER = "JPKIAPICCTOKEN2"
LABEL_JUKI = "JPKIAPICCTOKEN"
LABEL_ANDROID = "JPKIAPGPSETOKEN"
LABEL_IOS = "JPKIAPIOSTOKEN"
# PC/SC part 3 pseudo-ATR of an ISO 14443-4 token with no historical bytes (an NFC reader
# talking to a phone): no extended length advertised.
PHONE_ATR = bytes.fromhex("3B 80 80 01 01")


class Variant(str, enum.Enum):
    STANDARD = "standard"
    FACE_AUTH = "face-auth"
    ANDROID = "android"
    IPHONE = "iphone"
    NO_CERTIFICATES = "no-certificates"


@dataclass(frozen=True)
class CardProfile:
    """What kind of card/token the virtual card pretends to be."""

    label: str = LABEL_MY_NUMBER
    jpki_present: bool = True  # False: a non-JPKI card that answers 6A 82 to the JPKI AID
    card_info_present: bool = True
    atr: bytes = DEFAULT_ATR
    variant: Variant = Variant.STANDARD
    # face-authentication card: what VERIFY on a PIN that was never set answers (assumed)
    no_pin_sw: int = 0x6A88
    extended_length: bool = True  # False: extended APDUs are refused with 67 00


def profile_named(name: str) -> CardProfile:
    """The demo/test profiles. Answers that are not public are assumptions, listed here.

    * ``face-auth`` (顔認証マイナンバーカード, since December 2023). Assumed: the same card body
      and token label; EF 0008 = 00 8F 00 (the auth certificate is there, for health-insurance
      eligibility checks that need no PIN; no signing certificate); the signing certificate EF
      holds only filler; no PIN has reference data, so VERIFY on 0018 / 001B / the card-info
      0011 answers `no_pin_sw` (6A 88 by default; 6A 82, 69 85, 69 86 are as plausible and the
      client reads them all the same way); the auth key refuses to sign (69 82).
    * ``android`` / ``iphone`` (スマホ用電子証明書 through an NFC reader). Token label
      JPKIAPGPSETOKEN / JPKIAPIOSTOKEN (protocol §2.3); EF 000A needs the auth PIN (69 82
      before it: as jpki/myna verifies first); CA EFs and EF 0008 free (assumed); no card-info
      application; contactless pseudo-ATR without historical bytes.
    * ``no-certificates`` (declined, or both revoked). Assumed: EF 0008 = 00 00 00, both
      certificate EFs hold only filler, the CA EFs are still written, PINs exist as on any card.
    """
    variant = Variant(name)
    if variant is Variant.FACE_AUTH:
        return CardProfile(variant=variant)
    if variant is Variant.ANDROID:
        return CardProfile(LABEL_ANDROID, True, False, PHONE_ATR, variant)
    if variant is Variant.IPHONE:
        return CardProfile(LABEL_IOS, True, False, PHONE_ATR, variant)
    if variant is Variant.NO_CERTIFICATES:
        return CardProfile(variant=variant)
    return CardProfile()


PROFILE_NAMES = tuple(v.value for v in Variant)


def token_info(label: str) -> bytes:
    """EF 0006: a serialised CK_TOKEN_INFO (160 bytes), label space-padded to 32."""

    def pad(text: str, n: int) -> bytes:
        return text.encode("ascii").ljust(n, b" ")

    body = (
        pad(label, 32)
        + pad("jpki-desktop virtual card", 32)
        + pad("VIRTUAL01", 16)
        + pad("0000000000000001", 16)
        + (0x0000040D).to_bytes(4, "big")
        + b"\x00" * 16
        + (16).to_bytes(4, "big")
        + (6).to_bytes(4, "big")
        + b"\xff" * 16
        + b"03"
        + b"01"
        + b" " * 16
    )
    assert len(body) == 160
    return body


def _cert_ef(issued: Issued | None) -> bytes:
    der = issued.der if issued else b""
    return der + bytes([FILLER]) * (CERT_EF_SIZE - len(der))


def _tlv(tag: int, value: bytes) -> bytes:
    t = tag.to_bytes(2, "big")
    n = len(value)
    if n < 0x80:
        return t + bytes((n,)) + value
    if n < 0x100:
        return t + b"\x81" + bytes((n,)) + value
    return t + b"\x82" + n.to_bytes(2, "big") + value


def attributes_ef(holder: Holder) -> bytes:
    """Card-info AP EF 0002: FF 20 { DF21 offsets, DF22 name, DF23 address, DF24, DF25 }."""
    parts = [
        _tlv(0xDF22, holder.name.encode("utf-8")),
        _tlv(0xDF23, holder.address.encode("utf-8")),
        _tlv(0xDF24, holder.birth_date.strftime("%Y%m%d").encode("ascii")),
        _tlv(0xDF25, holder.sex.encode("ascii")),
    ]
    # offsets are absolute file positions; compute them with a provisional header
    for _ in range(2):
        inner_len = 11 + sum(len(p) for p in parts)
        header_len = 3 if inner_len < 0x80 else (4 if inner_len < 0x100 else 5)
        pos = header_len + 11
        offsets = b""
        for p in parts:
            offsets += pos.to_bytes(2, "big")
            pos += len(p)
        body = _tlv(0xDF21, offsets) + b"".join(parts)
    return _tlv(0xFF20, body) + b"\xff" * 32


def my_number_ef(number: str) -> bytes:
    return b"\xff\x10\x0c" + number.encode("ascii") + b"\xff\xff"


def build_card(
    pki: CardPki,
    pins: dict[PinKind, PinRef] | None = None,
    profile: CardProfile = CardProfile(),
) -> VirtualJpkiCard:
    pins = pins or {k: PinRef.create(k, v) for k, v in DEMO_PINS.items()}
    v = profile.variant
    face, no_certs = v is Variant.FACE_AUTH, v is Variant.NO_CERTIFICATES
    phone = v in (Variant.ANDROID, Variant.IPHONE)
    apps = []
    if profile.jpki_present:
        has_sign = pki.sign is not None and not (face or no_certs)
        has_auth = not no_certs
        jpki_pins = {0x0018: pins[PinKind.AUTH], 0x001B: pins[PinKind.SIGN]}
        apps.append(
            Application(
                JPKI_AID,
                files={
                    0x0001: _cert_ef(pki.sign if has_sign else None),
                    0x0002: _cert_ef(pki.sign_ca),
                    0x0006: token_info(profile.label),
                    0x0008: bytes((0x8F if has_sign else 0x00, 0x8F if has_auth else 0x00, 0x00)),
                    0x000A: _cert_ef(pki.auth if has_auth else None),
                    0x000B: _cert_ef(pki.auth_ca),
                },
                pins={} if face else jpki_pins,
                keys={
                    0x0017: (pki.auth.key if has_auth else None, 0x0018),
                    0x001A: (pki.sign.key if has_sign and pki.sign else None, 0x001B),
                },
                protected={0x0001: 0x001B, **({0x000A: 0x0018} if phone else {})},
                unset_pins={f: profile.no_pin_sw for f in jpki_pins} if face else {},
            )
        )
    if profile.card_info_present:
        apps.append(
            Application(
                CARD_INFO_AID,
                files={
                    0x0001: my_number_ef(pki.holder.my_number),
                    0x0002: attributes_ef(pki.holder),
                },
                pins={} if face else {0x0011: pins[PinKind.CARD_INFO]},
                keys={},
                protected={0x0001: 0x0011, 0x0002: 0x0011},
                unset_pins={0x0011: profile.no_pin_sw} if face else {},
            )
        )
    return VirtualJpkiCard(apps, atr=profile.atr, extended_length=profile.extended_length)


# -- persistence ---------------------------------------------------------------------------


def _pem(issued: Issued) -> str:
    key = issued.key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    cert = issued.cert.public_bytes(serialization.Encoding.PEM)
    return (cert + key).decode("ascii")


def _unpem(text: str) -> Issued:
    data = text.encode("ascii")
    return Issued(
        x509.load_pem_x509_certificate(data),
        # Our own state file (mode 0600): skipping the RSA consistency check saves ~75 ms per
        # key, i.e. 0.3 s on every --demo command.
        serialization.load_pem_private_key(
            data, password=None, unsafe_skip_rsa_key_validation=True
        ),  # type: ignore[arg-type]
    )


def _atomic_write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class CardStore:
    """A directory holding one virtual card (`card.json`). Saves after every counter change."""

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)
        self.path = self.directory / "card.json"

    def exists(self) -> bool:
        return self.path.exists()

    def save(self, card: VirtualJpkiCard, pki: CardPki, profile: CardProfile) -> None:
        state = {
            "version": 1,
            "holder": {
                "name": pki.holder.name,
                "birth_date": pki.holder.birth_date.isoformat(),
                "sex": pki.holder.sex,
                "address": pki.holder.address,
                "my_number": pki.holder.my_number,
                "municipality_code": pki.holder.municipality_code,
            },
            "issued": pki.issued.isoformat(),
            "profile": {
                "label": profile.label,
                "jpki_present": profile.jpki_present,
                "card_info_present": profile.card_info_present,
                "atr": profile.atr.hex(),
                "variant": profile.variant.value,
                "no_pin_sw": profile.no_pin_sw,
                "extended_length": profile.extended_length,
            },
            "pki": {
                "sign_ca": _pem(pki.sign_ca),
                "auth_ca": _pem(pki.auth_ca),
                "sign": _pem(pki.sign) if pki.sign else None,
                "auth": _pem(pki.auth),
            },
            "pins": {
                kind.value: {
                    "salt": base64.b64encode(ref.salt).decode(),
                    "digest": base64.b64encode(ref.digest).decode(),
                    "remaining": ref.remaining,
                }
                for kind, ref in ((k, card.pin_ref(k)) for k in PinKind if _has_pin(card, k))
            },
        }
        _atomic_write(self.path, json.dumps(state, ensure_ascii=False, indent=1))

    def load(self) -> tuple[VirtualJpkiCard, CardPki, CardProfile]:
        state = json.loads(self.path.read_text(encoding="utf-8"))
        h = state["holder"]
        holder = Holder(
            h["name"],
            dt.date.fromisoformat(h["birth_date"]),
            h["sex"],
            h["address"],
            h["my_number"],
            h.get("municipality_code", "13999"),
        )
        p = state["pki"]
        pki = CardPki(
            holder,
            dt.date.fromisoformat(state["issued"]),
            _unpem(p["sign_ca"]),
            _unpem(p["auth_ca"]),
            _unpem(p["sign"]) if p["sign"] else None,
            _unpem(p["auth"]),
        )
        pr = state["profile"]
        profile = CardProfile(
            pr["label"],
            pr["jpki_present"],
            pr["card_info_present"],
            bytes.fromhex(pr["atr"]),
            Variant(pr.get("variant", Variant.STANDARD.value)),
            int(pr.get("no_pin_sw", 0x6A88)),
            bool(pr.get("extended_length", True)),
        )
        pins = {}
        for kind in PinKind:
            s = state["pins"].get(kind.value)
            if s is None:
                pins[kind] = PinRef.create(kind, DEMO_PINS[kind])
            else:
                pins[kind] = PinRef(
                    kind, base64.b64decode(s["salt"]), base64.b64decode(s["digest"]), s["remaining"]
                )
        card = build_card(pki, pins, profile)
        return card, pki, profile

    def attach(self, card: VirtualJpkiCard, pki: CardPki, profile: CardProfile) -> None:
        card.on_change = lambda c: self.save(c, pki, profile)

    def load_or_create(
        self,
        *,
        holder: Holder = DEMO_HOLDER,
        issued: dt.date | None = None,
        profile: CardProfile = CardProfile(),
    ) -> tuple[VirtualJpkiCard, CardPki]:
        if self.exists():
            card, pki, profile = self.load()
        else:
            pki = generate_card_pki(holder, issued or dt.date(2024, 3, 15))
            card = build_card(pki, profile=profile)
            self.save(card, pki, profile)
        self.attach(card, pki, profile)
        return card, pki


def _has_pin(card: VirtualJpkiCard, kind: PinKind) -> bool:
    try:
        card.pin_ref(kind)
    except KeyError:
        return False
    return True


def default_demo_dir() -> Path:
    return Path(platformdirs.user_data_dir("jpki-desktop")) / "demo-card"


DEMO_STATE_ENV = "JPKI_DEMO_STATE"


def demo_dir() -> Path:
    """The demo card's directory: JPKI_DEMO_STATE, or the default one."""
    env = os.environ.get(DEMO_STATE_ENV)
    return Path(env) if env else default_demo_dir()

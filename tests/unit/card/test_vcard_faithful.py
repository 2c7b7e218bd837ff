"""The virtual card answers like the real one: every item of §10 of the protocol reference.

Raw APDUs go straight to `VirtualJpkiCard.process`, so these tests pin the emulator itself,
independent of our card layer (which could otherwise share its mistakes).
"""

from __future__ import annotations

import hashlib

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, utils
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jpki_desktop.card.cardinfo import BasicAttributes
from jpki_desktop.card.jpki import DIGEST_INFO_PREFIX, digest_info
from jpki_desktop.card.pins import PinKind
from jpki_desktop.card.virtual.card import CERT_EF_SIZE, DEFAULT_ATR
from jpki_desktop.card.virtual.store import build_card

JPKI_AID = "D392F000260100000001"
CARD_INFO_AID = "D3921000310001010408"
PIN_EF = {PinKind.AUTH: 0x18, PinKind.SIGN: 0x1B}
KEY_EF = {PinKind.AUTH: 0x17, PinKind.SIGN: 0x1A}
GOOD = {PinKind.AUTH: b"1234", PinKind.SIGN: b"ABC123", PinKind.CARD_INFO: b"1234"}
BAD = {PinKind.AUTH: b"0000", PinKind.SIGN: b"ZZZ999", PinKind.CARD_INFO: b"0000"}


def tx(card, apdu: bytes | str) -> tuple[bytes, int]:
    if isinstance(apdu, str):
        apdu = bytes.fromhex(apdu.replace(" ", ""))
    resp = card.process(apdu)
    return resp[:-2], int.from_bytes(resp[-2:], "big")


def sw(card, apdu: bytes | str) -> int:
    return tx(card, apdu)[1]


def select_aid(card, aid: str = JPKI_AID) -> int:
    return sw(card, f"00A4040C{len(aid) // 2:02X}{aid}")


def select_ef(card, fid: int) -> int:
    return sw(card, f"00A4020C02{fid:04X}")


def verify(card, fid: int, pin: bytes) -> int:
    select_ef(card, fid)
    return sw(card, bytes.fromhex("00200080") + bytes((len(pin),)) + pin)


def status(card, fid: int) -> int:
    select_ef(card, fid)
    return sw(card, "00200080")


def sign(card, key_fid: int, data: bytes, p1: int = 0x00) -> tuple[bytes, int]:
    select_ef(card, key_fid)
    return tx(card, bytes((0x80, 0x2A, p1, 0x80, len(data))) + data + b"\x00")


@pytest.fixture
def jpki(card):
    assert select_aid(card) == 0x9000
    return card


# -- 1. AIDs and files ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "fid", [0x0001, 0x0002, 0x0006, 0x0008, 0x000A, 0x000B, 0x0017, 0x0018, 0x001A, 0x001B]
)
def test_every_jpki_ef_is_selectable(jpki, fid):
    assert select_ef(jpki, fid) == 0x9000


@pytest.mark.parametrize("fid", [0x0003, 0x0005, 0x0011, 0x001C, 0x3F00, 0x2F01])
def test_unknown_ef_is_6a82(jpki, fid):
    assert select_ef(jpki, fid) == 0x6A82


def test_unknown_aid_is_6a82_and_ef_select_needs_an_application(card):
    assert select_ef(card, 0x000A) == 0x6A82  # no application selected after reset
    assert select_aid(card, "D392F000260100000002") == 0x6A82
    assert select_aid(card, JPKI_AID[:-2]) == 0x6A82  # always the full AID
    assert select_aid(card, CARD_INFO_AID) == 0x9000
    assert select_aid(card, JPKI_AID) == 0x9000


def test_token_info_is_160_bytes_with_space_padded_label(jpki):
    data, status_word = tx(jpki, "00B0860000")
    assert status_word == 0x9000 and len(data) == 160
    assert data[:32] == b"JPKIAPICCTOKEN2".ljust(32, b" ")


def test_certificate_availability_is_8f8f00(jpki):
    assert tx(jpki, "00B0880000") == (bytes.fromhex("8F8F00"), 0x9000)


@pytest.mark.parametrize("sfi,attr", [(0x0A, "auth"), (0x0B, "auth_ca"), (0x02, "sign_ca")])
def test_certificate_efs_are_larger_than_the_der(jpki, pki, sfi, attr):
    data, status_word = tx(jpki, f"00B0{0x80 | sfi:02X}00000000")  # extended Le: whole file
    der = getattr(pki, attr).der
    assert status_word == 0x9000 and len(data) == CERT_EF_SIZE > len(der)
    assert data[: len(der)] == der and data[:2] == b"\x30\x82"
    assert set(data[len(der) :]) == {0xFF}


def test_atr_announces_t1_only_with_a_valid_checksum():
    atr = DEFAULT_ATR
    assert atr[0] == 0x3B
    x = 0
    for b in atr[1:]:
        x ^= b
    assert x == 0  # TCK
    assert atr[3] == 0xFF and atr[4] == 0x81 and atr[4] & 0x0F == 1  # TD1: T=1


# -- 2. Access rules ------------------------------------------------------------------------


@pytest.mark.parametrize("fid", [0x0002, 0x0006, 0x0008, 0x000A, 0x000B])
def test_public_efs_read_without_any_pin(jpki, fid):
    select_ef(jpki, fid)
    data, status_word = tx(jpki, "00B0000003")
    assert status_word == 0x9000 and len(data) == 3


def test_signing_certificate_answers_6982_until_the_signing_password(jpki, pki):
    assert select_ef(jpki, 0x0001) == 0x9000  # SELECT works; READ is refused
    assert tx(jpki, "00B0000004") == (b"", 0x6982)
    assert sw(jpki, "00B0810004") == 0x6982  # also by SFI
    assert verify(jpki, 0x18, GOOD[PinKind.AUTH]) == 0x9000  # the auth PIN does not open it
    select_ef(jpki, 0x0001)
    assert sw(jpki, "00B0000004") == 0x6982
    assert verify(jpki, 0x1B, BAD[PinKind.SIGN]) == 0x63C4
    select_ef(jpki, 0x0001)
    assert sw(jpki, "00B0000004") == 0x6982
    assert verify(jpki, 0x1B, GOOD[PinKind.SIGN]) == 0x9000
    select_ef(jpki, 0x0001)
    assert tx(jpki, "00B0000004") == (pki.sign.der[:4], 0x9000)


@pytest.mark.parametrize("kind", [PinKind.AUTH, PinKind.SIGN])
def test_each_key_answers_6982_until_its_own_pin(jpki, kind):
    other = PinKind.SIGN if kind is PinKind.AUTH else PinKind.AUTH
    di = digest_info("sha256", hashlib.sha256(b"x").digest())
    assert sign(jpki, KEY_EF[kind], di)[1] == 0x6982
    assert verify(jpki, PIN_EF[other], GOOD[other]) == 0x9000
    assert sign(jpki, KEY_EF[kind], di)[1] == 0x6982
    assert verify(jpki, PIN_EF[kind], GOOD[kind]) == 0x9000
    sig, status_word = sign(jpki, KEY_EF[kind], di)
    assert status_word == 0x9000 and len(sig) == 256


@pytest.mark.parametrize("fid", [0x17, 0x18, 0x1A, 0x1B])
def test_internal_efs_cannot_be_read(jpki, fid):
    select_ef(jpki, fid)
    assert tx(jpki, "00B0000000") == (b"", 0x6981)
    assert sw(jpki, f"00B0{0x80 | fid:02X}0000") == 0x6981


# -- 3. Counters ------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", [PinKind.AUTH, PinKind.SIGN])
def test_counter_runs_down_blocks_with_63c0_then_6984(jpki, kind):
    fid = PIN_EF[kind]
    answers = [verify(jpki, fid, BAD[kind]) for _ in range(kind.max_tries)]
    assert answers == [0x63C0 | n for n in range(kind.max_tries - 1, -1, -1)]  # ..., 63 C1, 63 C0
    assert jpki.pin_ref(kind).remaining == 0
    assert verify(jpki, fid, BAD[kind]) == 0x6984
    assert verify(jpki, fid, GOOD[kind]) == 0x6984  # the right PIN no longer helps
    assert status(jpki, fid) == 0x63C0
    assert jpki.pin_ref(kind).remaining == 0


@pytest.mark.parametrize("kind", [PinKind.AUTH, PinKind.SIGN])
def test_success_resets_the_counter_to_its_maximum(jpki, kind):
    fid = PIN_EF[kind]
    assert verify(jpki, fid, BAD[kind]) == 0x63C0 | (kind.max_tries - 1)
    assert verify(jpki, fid, BAD[kind]) == 0x63C0 | (kind.max_tries - 2)
    assert verify(jpki, fid, GOOD[kind]) == 0x9000
    assert status(jpki, fid) == 0x63C0 | kind.max_tries
    assert jpki.pin_ref(kind).remaining == kind.max_tries


def test_pins_are_compared_byte_for_byte_without_case_folding(jpki):
    assert verify(jpki, 0x1B, b"abc123") == 0x63C4
    assert verify(jpki, 0x1B, b"ABC123") == 0x9000


def test_card_info_pin_counts_down_from_three(card):
    assert select_aid(card, CARD_INFO_AID) == 0x9000
    assert status(card, 0x11) == 0x63C3
    assert verify(card, 0x11, b"9999") == 0x63C2
    assert verify(card, 0x11, b"1234") == 0x9000
    assert status(card, 0x11) == 0x63C3


# -- 4. The empty VERIFY ------------------------------------------------------------------------


@pytest.mark.parametrize("kind", [PinKind.AUTH, PinKind.SIGN])
def test_empty_verify_never_consumes_and_still_answers_63cx_after_success(jpki, kind):
    fid = PIN_EF[kind]
    for _ in range(20):
        assert status(jpki, fid) == 0x63C0 | kind.max_tries
    assert verify(jpki, fid, GOOD[kind]) == 0x9000
    assert status(jpki, fid) == 0x63C0 | kind.max_tries  # not 90 00: the state cannot be read
    assert sw(jpki, f"002000{0x80 | fid:02X}") == 0x63C0 | kind.max_tries  # SFI form, no SELECT
    assert verify(jpki, fid, BAD[kind]) == 0x63C0 | (kind.max_tries - 1)
    for _ in range(5):
        assert status(jpki, fid) == 0x63C0 | (kind.max_tries - 1)
    assert jpki.pin_ref(kind).remaining == kind.max_tries - 1


def test_five_byte_verify_with_le_is_not_a_status_query_and_consumes_nothing(jpki):
    select_ef(jpki, 0x18)
    assert sw(jpki, "0020008000") == 0x6700
    assert jpki.pin_ref(PinKind.AUTH).remaining == 3


# -- 5. COMPUTE DIGITAL SIGNATURE ----------------------------------------------------------------


@pytest.mark.parametrize("kind", [PinKind.AUTH, PinKind.SIGN])
@pytest.mark.parametrize("hash_name", ["sha1", "sha256", "sha384", "sha512"])
def test_signature_is_pkcs1_v15_of_the_digest_info_byte_for_byte(jpki, pki, kind, hash_name):
    message = b"jpki-desktop signs this"
    algorithm = {
        "sha1": hashes.SHA1(),
        "sha256": hashes.SHA256(),
        "sha384": hashes.SHA384(),
        "sha512": hashes.SHA512(),
    }
    key = (pki.auth if kind is PinKind.AUTH else pki.sign).key
    expected = key.sign(message, padding.PKCS1v15(), algorithm[hash_name])  # deterministic
    verify(jpki, PIN_EF[kind], GOOD[kind])
    di = DIGEST_INFO_PREFIX[hash_name] + hashlib.new(hash_name, message).digest()
    assert sign(jpki, KEY_EF[kind], di) == (expected, 0x9000)


def test_signing_key_can_be_named_by_sfi_in_p2(jpki, pki):
    verify(jpki, 0x18, GOOD[PinKind.AUTH])
    select_ef(jpki, 0x000A)  # some other EF is current
    di = digest_info("sha256", hashlib.sha256(b"m").digest())
    sig, status_word = tx(jpki, bytes.fromhex("802A0097") + bytes((len(di),)) + di + b"\x00")
    assert status_word == 0x9000
    assert sig == pki.auth.key.sign(b"m", padding.PKCS1v15(), hashes.SHA256())


def test_signature_input_limits_and_schemes(jpki, pki):
    key = pki.auth.key
    pub = key.public_key()
    verify(jpki, 0x18, GOOD[PinKind.AUTH])
    assert sign(jpki, 0x17, b"\x01" * 245)[1] == 0x9000
    assert sign(jpki, 0x17, b"\x01" * 246)[1] == 0x6700
    assert sign(jpki, 0x17, b"x", p1=0x06)[1] == 0x6A86
    h = hashlib.sha256(b"data").digest()
    expected = key.sign(b"data", padding.PKCS1v15(), hashes.SHA256())
    assert sign(jpki, 0x17, h, p1=0x02) == (expected, 0x9000)  # card wraps the hash
    assert sign(jpki, 0x17, b"data", p1=0x03) == (expected, 0x9000)  # card hashes and wraps
    assert sign(jpki, 0x17, h[:31], p1=0x02)[1] == 0x6985
    bare, status_word = sign(jpki, 0x17, b"data", p1=0x01)  # bare hash, no DigestInfo
    assert status_word == 0x9000
    n, e = pub.public_numbers().n, pub.public_numbers().e
    em = pow(int.from_bytes(bare, "big"), e, n).to_bytes(256, "big")
    assert em == b"\x00\x01" + b"\xff" * (256 - 3 - 32) + b"\x00" + h
    pss = padding.PSS(padding.MGF1(hashes.SHA256()), 32)
    sig4, _ = sign(jpki, 0x17, h, p1=0x04)
    pub.verify(sig4, h, pss, utils.Prehashed(hashes.SHA256()))
    sig5, _ = sign(jpki, 0x17, b"data", p1=0x05)
    pub.verify(sig5, b"data", pss, hashes.SHA256())


# -- 6. READ BINARY ------------------------------------------------------------------------------


def test_short_read_at_end_of_file_then_6b00_past_it(jpki):
    select_ef(jpki, 0x0006)
    data, status_word = tx(jpki, "00B0000000")  # Le 256 on a 160-byte EF
    assert status_word == 0x9000 and len(data) == 160
    data, status_word = tx(jpki, "00B0009614")  # offset 150, Le 20
    assert status_word == 0x9000 and len(data) == 10
    assert tx(jpki, "00B000A001") == (b"", 0x6B00)  # offset 160 = size
    assert tx(jpki, "00B07FFF01") == (b"", 0x6B00)
    select_ef(jpki, 0x000A)
    assert tx(jpki, f"00B0{CERT_EF_SIZE - 1:04X}00") == (b"\xff", 0x9000)
    assert sw(jpki, f"00B0{CERT_EF_SIZE:04X}00") == 0x6B00


def test_chunked_read_with_15_bit_offsets_reassembles_the_file(jpki, pki):
    select_ef(jpki, 0x000B)
    buf = b""
    while True:
        data, status_word = tx(jpki, bytes((0x00, 0xB0, len(buf) >> 8, len(buf) & 0xFF, 0x00)))
        if status_word == 0x6B00:
            break
        assert status_word == 0x9000
        buf += data
    assert len(buf) == CERT_EF_SIZE and buf.startswith(pki.auth_ca.der)


def test_extended_le_returns_the_rest_of_the_file(jpki):
    select_ef(jpki, 0x000A)
    data, status_word = tx(jpki, "00B0010000 0000")
    assert status_word == 0x9000 and len(data) == CERT_EF_SIZE - 0x100
    data, status_word = tx(jpki, "00B0000000 0010")  # extended Le 16
    assert status_word == 0x9000 and len(data) == 16


def test_sfi_read_needs_no_select_uses_p2_as_offset_and_makes_the_ef_current(jpki, pki):
    select_ef(jpki, 0x0002)
    assert tx(jpki, "00B08A1010") == (pki.auth.der[16:32], 0x9000)
    assert tx(jpki, "00B0002010") == (pki.auth.der[32:48], 0x9000)  # 000A is now current
    assert sw(jpki, "00B0830000") == 0x6A82  # no EF 0003


# -- CHANGE REFERENCE DATA ----------------------------------------------------------------------


def test_change_needs_verify_and_then_the_new_pin_is_the_one(jpki):
    assert status(jpki, 0x1B) == 0x63C5
    assert sw(jpki, "0024018006" + b"NEW123".hex()) == 0x6982
    assert verify(jpki, 0x1B, GOOD[PinKind.SIGN]) == 0x9000
    assert sw(jpki, "0024018006" + b"NEW123".hex()) == 0x9000
    jpki.reset()
    select_aid(jpki)
    assert verify(jpki, 0x1B, b"ABC123") == 0x63C4
    assert verify(jpki, 0x1B, b"NEW123") == 0x9000
    assert jpki.pin_ref(PinKind.SIGN).remaining == 5


@pytest.mark.parametrize(
    "kind,new",
    [
        (PinKind.SIGN, b"ABCDEF"),  # no digit
        (PinKind.SIGN, b"123456"),  # no letter
        (PinKind.SIGN, b"abc123"),  # lower case
        (PinKind.SIGN, b"AB12"),  # too short
        (PinKind.SIGN, b"ABCDEFGH12345678X"),  # 17
        (PinKind.SIGN, b"ABC 12"),
        (PinKind.SIGN, "ＡＢＣ１２３".encode()),
        (PinKind.AUTH, b"12345"),
        (PinKind.AUTH, b"12A4"),
        (PinKind.AUTH, b"123"),
        (PinKind.AUTH, b""),
    ],
)
def test_change_refuses_a_bad_new_format_and_keeps_the_old_pin(jpki, kind, new):
    fid = PIN_EF[kind]
    assert verify(jpki, fid, GOOD[kind]) == 0x9000
    apdu = bytes((0x00, 0x24, 0x01, 0x80)) + ((bytes((len(new),)) + new) if new else b"")
    assert sw(jpki, apdu) == 0x6A80
    jpki.reset()
    select_aid(jpki)
    assert verify(jpki, fid, GOOD[kind]) == 0x9000
    assert jpki.pin_ref(kind).remaining == kind.max_tries


# -- 9. Security state --------------------------------------------------------------------------


def test_security_state_survives_other_selects_and_reset_clears_it(jpki, pki):
    verify(jpki, 0x1B, GOOD[PinKind.SIGN])
    for fid in (0x000A, 0x0006, 0x0018, 0x0002):
        select_ef(jpki, fid)
    assert select_aid(jpki, CARD_INFO_AID) == 0x9000
    assert select_aid(jpki) == 0x9000  # re-selecting the AP keeps it (the default, see §2.4)
    select_ef(jpki, 0x0001)
    assert tx(jpki, "00B0000004") == (pki.sign.der[:4], 0x9000)
    di = digest_info("sha256", hashlib.sha256(b"x").digest())
    assert sign(jpki, 0x1A, di)[1] == 0x9000
    jpki.reset()
    select_aid(jpki)
    select_ef(jpki, 0x0001)
    assert sw(jpki, "00B0000004") == 0x6982
    assert sign(jpki, 0x1A, di)[1] == 0x6982
    assert jpki.pin_ref(PinKind.SIGN).remaining == 5  # counters are persistent, not volatile


def test_clear_on_reselect_is_a_switch(pki):
    card = build_card(pki)
    card.clear_on_reselect = True
    select_aid(card)
    verify(card, 0x1B, GOOD[PinKind.SIGN])
    select_ef(card, 0x0001)
    assert sw(card, "00B0000004") == 0x9000
    select_aid(card)
    select_ef(card, 0x0001)
    assert sw(card, "00B0000004") == 0x6982


def test_a_failed_verify_drops_that_pins_security_state(jpki):
    verify(jpki, 0x1B, GOOD[PinKind.SIGN])
    verify(jpki, 0x1B, BAD[PinKind.SIGN])
    select_ef(jpki, 0x0001)
    assert sw(jpki, "00B0000004") == 0x6982


# -- 10. The card-info AP -----------------------------------------------------------------------


def test_card_info_ap_files_open_with_its_pin(card, pki):
    assert select_aid(card, CARD_INFO_AID) == 0x9000
    for fid in (0x0001, 0x0002):
        select_ef(card, fid)
        assert sw(card, "00B0000000") == 0x6982
    assert verify(card, 0x11, GOOD[PinKind.CARD_INFO]) == 0x9000
    select_ef(card, 0x0001)
    data, status_word = tx(card, "00B0000011")
    assert status_word == 0x9000
    assert data == b"\xff\x10\x0c" + pki.holder.my_number.encode() + b"\xff\xff"
    select_ef(card, 0x0002)
    raw, status_word = tx(card, "00B0000000")
    attrs = BasicAttributes.parse(raw)
    assert (attrs.name, attrs.address, attrs.sex) == (
        pki.holder.name,
        pki.holder.address,
        pki.holder.sex,
    )
    assert attrs.birth_date == pki.holder.birth_date.strftime("%Y%m%d")
    # the DF21 offset table points at DF22..DF25 in the file
    offsets = [int.from_bytes(raw[6 + 2 * i : 8 + 2 * i], "big") for i in range(4)]
    assert [raw[o : o + 2].hex().upper() for o in offsets] == ["DF22", "DF23", "DF24", "DF25"]


def test_card_info_pin_does_not_open_jpki_and_jpki_pin_does_not_open_card_info(card):
    select_aid(card, CARD_INFO_AID)
    verify(card, 0x11, GOOD[PinKind.CARD_INFO])
    select_aid(card)
    select_ef(card, 0x0001)
    assert sw(card, "00B0000004") == 0x6982
    verify(card, 0x1B, GOOD[PinKind.SIGN])
    card.reset()
    select_aid(card)
    verify(card, 0x1B, GOOD[PinKind.SIGN])
    select_aid(card, CARD_INFO_AID)
    select_ef(card, 0x0002)
    assert sw(card, "00B0000000") == 0x6982


# -- 8. Protocol surface -------------------------------------------------------------------------


@pytest.mark.parametrize("cla", [0x01, 0x02, 0x03, 0x40, 0x4F, 0x81])
def test_logical_channel_other_than_zero_is_6881(jpki, cla):
    assert sw(jpki, bytes((cla, 0xA4, 0x04, 0x0C, 10)) + bytes.fromhex(JPKI_AID)) == 0x6881
    assert sw(jpki, bytes((cla, 0xB0, 0x86, 0x00, 0x00))) == 0x6881


@pytest.mark.parametrize("cla", [0x08, 0x0C])
def test_secure_messaging_class_is_refused(jpki, cla):
    assert sw(jpki, bytes((cla, 0xA4, 0x04, 0x0C, 10)) + bytes.fromhex(JPKI_AID)) == 0x6882
    assert sw(jpki, bytes((cla, 0xB0, 0x86, 0x00, 0x00))) == 0x69FC
    assert sw(jpki, bytes((cla, 0x20, 0x00, 0x98))) == 0x69FC
    assert jpki.pin_ref(PinKind.AUTH).remaining == 3


@pytest.mark.parametrize("ins", [0x12, 0x0E, 0xFE])
def test_unknown_instruction_is_6d00(jpki, ins):
    assert sw(jpki, bytes((0x00, ins, 0x00, 0x00))) == 0x6D00


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    apdu=st.one_of(
        st.binary(min_size=0, max_size=40),
        st.builds(
            lambda h, b: h + b,
            st.sampled_from(
                [
                    bytes.fromhex(h)
                    for h in (
                        "00A4040C",
                        "00A4020C",
                        "00B00000",
                        "00B08A00",
                        "00200080",
                        "00200098",
                        "00240180",
                        "802A0080",
                        "802A0097",
                    )
                ]
            ),
            st.binary(max_size=300),
        ),
    )
)
def test_any_apdu_gets_a_status_word_and_never_61xx_or_6cxx(card, apdu):
    resp = card.process(apdu)
    assert len(resp) >= 2
    assert resp[-2] not in (0x61, 0x6C)

"""The demo card's state file: counters and PINs survive a reload; PINs only as salted hashes;
the security state (verified PINs) is never persisted."""

from __future__ import annotations

import base64
import json
import stat

import pytest

from jpki_desktop.card.pins import PinKind
from jpki_desktop.card.virtual.card import PinRef, hash_pin
from jpki_desktop.card.virtual.store import DEMO_PINS, CardProfile, CardStore, build_card
from jpki_desktop.card.virtual.transport import VirtualTransport

JPKI = "00A4040C0AD392F000260100000001"
DISTINCT_SIGN = "QZX7W9KLMN42"


def tx(card, hexstr: str) -> int:
    resp = card.process(bytes.fromhex(hexstr.replace(" ", "")))
    return int.from_bytes(resp[-2:], "big")


def do_verify(card, fid: int, pin: str) -> int:
    tx(card, f"00A4020C02{fid:04X}")
    return tx(card, f"00200080{len(pin):02X}{pin.encode().hex()}")


@pytest.fixture
def store(tmp_path, pki):
    """A store holding a card built from the session test PKI (no key generation per test)."""
    s = CardStore(tmp_path / "demo")
    card = build_card(pki)
    s.save(card, pki, CardProfile())
    return s


def reload(store):
    card, _ = store.load_or_create()
    return card


def test_counters_survive_a_reload(store):
    card = reload(store)
    tx(card, JPKI)
    assert do_verify(card, 0x18, "0000") == 0x63C2
    assert do_verify(card, 0x1B, "ZZZ999") == 0x63C4
    assert do_verify(card, 0x1B, "ZZZ999") == 0x63C3
    again = reload(store)
    assert again.pin_ref(PinKind.AUTH).remaining == 2
    assert again.pin_ref(PinKind.SIGN).remaining == 3
    assert again.pin_ref(PinKind.CARD_INFO).remaining == 3
    tx(again, JPKI)
    assert do_verify(again, 0x18, "1234") == 0x9000  # success is saved too
    assert reload(store).pin_ref(PinKind.AUTH).remaining == 3


def test_a_blocked_pin_stays_blocked(store):
    card = reload(store)
    tx(card, JPKI)
    for _ in range(3):
        do_verify(card, 0x18, "0000")
    again = reload(store)
    tx(again, JPKI)
    assert do_verify(again, 0x18, "1234") == 0x6984


def test_changed_pin_survives_and_is_stored_only_as_a_salted_hash(store):
    card = reload(store)
    tx(card, JPKI)
    assert do_verify(card, 0x1B, "ABC123") == 0x9000
    new = DISTINCT_SIGN.encode()
    assert tx(card, f"00240180{len(new):02X}{new.hex()}") == 0x9000
    text = store.path.read_text(encoding="utf-8")
    for form in (
        DISTINCT_SIGN,
        DISTINCT_SIGN.lower(),
        new.hex(),
        new.hex().upper(),
        base64.b64encode(new).decode(),
    ):
        assert form not in text
    state = json.loads(text)
    for kind in PinKind:
        entry = state["pins"][kind.value]
        assert set(entry) == {"salt", "digest", "remaining"}
        assert len(base64.b64decode(entry["salt"])) == 16
    sign = state["pins"]["sign"]
    salt, digest = base64.b64decode(sign["salt"]), base64.b64decode(sign["digest"])
    assert digest == hash_pin(salt, new)
    again = reload(store)
    tx(again, JPKI)
    assert do_verify(again, 0x1B, "ABC123") == 0x63C4
    assert do_verify(again, 0x1B, DISTINCT_SIGN) == 0x9000


def test_same_pin_gets_a_different_salt_and_digest():
    a, b = PinRef.create(PinKind.AUTH, "1234"), PinRef.create(PinKind.AUTH, "1234")
    assert a.salt != b.salt and a.digest != b.digest
    assert a.matches(b"1234") and b.matches(b"1234") and not a.matches(b"1235")


def test_security_state_is_not_persisted(store, pki):
    card = reload(store)
    tx(card, JPKI)
    assert do_verify(card, 0x1B, "ABC123") == 0x9000
    again = reload(store)
    tx(again, JPKI)
    tx(again, "00A4020C020001")
    assert tx(again, "00B0000004") == 0x6982


def test_state_file_is_private_to_the_user(store):
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600


def test_load_or_create_creates_a_demo_card_with_the_documented_pins(tmp_path):
    store = CardStore(tmp_path / "fresh")
    assert not store.exists()
    card, pki = store.load_or_create()
    assert store.exists()
    assert "O=JPKI-TEST" in pki.sign_ca.cert.subject.rfc4514_string()
    tx(card, JPKI)
    assert do_verify(card, 0x18, DEMO_PINS[PinKind.AUTH]) == 0x9000
    assert do_verify(card, 0x1B, DEMO_PINS[PinKind.SIGN]) == 0x9000
    tx(card, "00A4040C0AD3921000310001010408")
    assert do_verify(card, 0x11, DEMO_PINS[PinKind.CARD_INFO]) == 0x9000
    reloaded, pki2 = store.load_or_create()
    assert pki2.auth.der == pki.auth.der and pki2.sign.der == pki.sign.der


def test_in_process_transport_powers_on_and_can_be_pulled(card):
    from jpki_desktop.card.errors import CardRemoved

    tx(card, JPKI)
    assert do_verify(card, 0x1B, "ABC123") == 0x9000
    t = VirtualTransport(card)  # connecting powers the card on: no security state
    t.send_and_receive(bytes.fromhex(JPKI))
    t.send_and_receive(bytes.fromhex("00A4020C020001"))
    assert t.send_and_receive(bytes.fromhex("00B0000004"))[1] == 0x6982
    t.remove()
    with pytest.raises(CardRemoved):
        t.send_and_receive(bytes.fromhex(JPKI))

"""The pieces of the fewest-bytes status read: ATR extended-length advertisement, the DER
identity of a certificate's first chunk, known CAs, the card cache, and the slow-reader model."""

from __future__ import annotations

import os
import stat

import pytest

from jpki_desktop.card.anchors import KnownCas, bundled_ca_certificates
from jpki_desktop.card.atr import historical_bytes, supports_extended_length
from jpki_desktop.card.cache import CardCache, default_cache
from jpki_desktop.card.connect import open_demo
from jpki_desktop.card.der import certificate_serial, identity_within
from jpki_desktop.card.jpki import CertSlot
from jpki_desktop.card.snapshot import CardVariant, Source, read_snapshot
from jpki_desktop.card.transport import ApduChannel
from jpki_desktop.card.virtual.store import CardProfile, build_card, profile_named
from jpki_desktop.card.virtual.timing import ReaderTiming
from jpki_desktop.card.virtual.transport import VirtualTransport


@pytest.mark.parametrize(
    "atr,extended",
    [
        ("3B DA 13 FF 81 31 FB 46 80 12 39 2F 31 C1 73 C6 01 C0 3B", True),  # 73 C6 01 C0
        ("3B C5 FF 81 31 FB 45 80 73 C6 01 00 00", False),  # 73 C6 01 00
        ("3B E0 00 FF 81 31 FE 45 14", False),  # no historical bytes
        ("3B 88 80 01 00 00 05 E0 B3 81 A1 00 7F", False),  # contactless: ATQB, not TLV
        ("3B 80 80 01 01", False),
        ("3B", False),
        ("", False),
    ],
)
def test_extended_length_only_when_the_atr_says_so(atr, extended):
    assert supports_extended_length(bytes.fromhex(atr)) is extended


def test_historical_bytes_of_the_jpki_02_atr():
    atr = bytes.fromhex("3BDA13FF8131FB468012392F31C173C601C03B")
    assert historical_bytes(atr) == bytes.fromhex("8012392F31C173C601C0")


def test_identity_needs_serial_issuer_validity_and_subject(pki):
    der = pki.auth.der
    serial = certificate_serial(der[:64])
    assert serial is not None and int.from_bytes(serial, "big") == pki.auth.cert.serial_number
    assert identity_within(der[:256])
    assert not identity_within(der[:150])  # the issuer is there, the subject is not
    assert certificate_serial(b"\x30\x82") is None


def test_known_cas_by_issuer_and_by_head(pki):
    known = KnownCas([pki.auth_ca.der, pki.sign_ca.der, b"not a certificate"])
    assert len(known) == 2
    assert known.issuer_of(pki.auth.der) == pki.auth_ca.der
    assert known.issuer_of(pki.sign.der) == pki.sign_ca.der
    assert known.by_head(pki.sign_ca.der[:32], len(pki.sign_ca.der)) == pki.sign_ca.der
    assert known.by_head(pki.sign_ca.der[:32], len(pki.sign_ca.der) + 1) is None
    assert known.by_head(b"\x30\x82\x00\x00" + b"\x00" * 28, len(pki.sign_ca.der)) is None


def test_bundled_cas_are_the_jlis_ones():
    ders = bundled_ca_certificates()
    assert len(ders) >= 4 and all(d[:2] == b"\x30\x82" for d in ders)


def test_cache_files_are_private_and_damage_means_a_full_read(pki, tmp_path):
    cache = CardCache(tmp_path)
    cache.store_auth_certificate(pki.auth.der)
    cache.store_ca_certificate(pki.auth_ca.der)
    files = sorted(tmp_path.iterdir())
    assert len(files) == 2
    assert all(stat.S_IMODE(os.stat(f).st_mode) == 0o600 for f in files)
    head = pki.auth.der[:256]
    assert cache.auth_certificate(head, len(pki.auth.der)) == pki.auth.der
    auth_file = next(f for f in files if f.name.startswith("auth-"))
    auth_file.write_bytes(pki.auth.der[:-1] + b"\x00")  # same length, damaged end
    assert cache.auth_certificate(head, len(pki.auth.der)) is None
    auth_file.write_bytes(b"")
    assert cache.auth_certificate(head, len(pki.auth.der)) is None


def test_the_signing_certificate_never_reaches_the_cache(pki, card, tmp_path):
    card.log.clear()
    read_snapshot(ApduChannel(VirtualTransport(card)), atr=card.atr, cache=CardCache(tmp_path))
    stored = b"".join(f.read_bytes() for f in tmp_path.iterdir())
    assert pki.sign.der not in stored and pki.holder.name.encode() not in stored
    assert pki.auth.der in stored


@pytest.mark.parametrize("value", ["off", "0", "no", "FALSE"])
def test_the_environment_turns_the_cache_off(monkeypatch, value):
    monkeypatch.setenv("JPKI_CARD_CACHE", value)
    assert default_cache() is None
    monkeypatch.setenv("JPKI_CARD_CACHE", "on")
    assert default_cache() is not None and default_cache(False) is None


def test_no_cache_reads_everything_again(pki, card):
    for _ in range(2):
        snap = read_snapshot(ApduChannel(VirtualTransport(card)), atr=card.atr)
        assert snap.sources[CertSlot.AUTH] is Source.CARD


def test_no_extended_length_without_the_atr_saying_so(pki):
    card = build_card(pki, profile=CardProfile(atr=bytes.fromhex("3BC5FF8131FB4580 73C6010000")))
    snap = read_snapshot(ApduChannel(VirtualTransport(card)), atr=card.atr)
    assert snap.certificates[CertSlot.AUTH] == pki.auth.der
    assert all(len(r.text.split()) <= 5 for r in card.log if r.ins == 0xB0)


def test_slow_reader_costs_per_apdu_and_per_byte(card):
    timing = ReaderTiming.slow(0.012, 0.001)
    assert timing.before(5) == pytest.approx(0.017)
    assert timing.after(258) == pytest.approx(0.258)
    channel = ApduChannel(VirtualTransport(card, timing))
    import time

    t0 = time.perf_counter()
    channel.transmit(bytes.fromhex("00A4040C0AD392F000260100000001"))
    assert time.perf_counter() - t0 >= 0.012 + 0.015 + 0.002


@pytest.mark.parametrize(
    "name,variant",
    [
        ("standard", CardVariant.STANDARD),
        ("face-auth", CardVariant.FACE_AUTH),
        ("android", CardVariant.SMARTPHONE),
        ("iphone", CardVariant.SMARTPHONE),
        ("no-certificates", CardVariant.NO_CERTIFICATES),
    ],
)
def test_every_profile_is_recognised_without_a_verify(pki, name, variant):
    card = build_card(pki, profile=profile_named(name))
    snap = read_snapshot(ApduChannel(VirtualTransport(card)), atr=card.atr)
    assert snap.variant is variant
    assert not [r for r in card.log if r.ins == 0x20 and r.lc > 0]


def test_unknown_profile_name_is_refused():
    with pytest.raises(ValueError):
        profile_named("nfc-watch")


def test_demo_profile_from_the_environment_lives_beside_the_demo_card(monkeypatch, tmp_path):
    monkeypatch.setenv("JPKI_DEMO_PROFILE", "face-auth")
    with open_demo(tmp_path / "demo-card") as oc:
        snap = read_snapshot(oc.channel, atr=oc.atr)
    assert snap.variant is CardVariant.FACE_AUTH
    assert (tmp_path / "demo-card-face-auth" / "card.json").exists()
    assert not (tmp_path / "demo-card").exists()
    monkeypatch.setenv("JPKI_DEMO_PROFILE", "smartwatch")
    with pytest.raises(ValueError):
        open_demo(tmp_path / "demo-card")

"""The status read through a real pcscd + vpcd: fewest bytes, the card cache, extended length,
and every card kind (face-authentication card, smartphone, certificate-less card).

Every test also checks the card's own command log: no VERIFY carrying data is ever sent.
"""

from __future__ import annotations

import datetime as dt

import pytest

from jpki_desktop.card import errors as E
from jpki_desktop.card import pcsc
from jpki_desktop.card.cache import CardCache
from jpki_desktop.card.connect import open_reader
from jpki_desktop.card.jpki import CardKind, CertSlot, JpkiSession
from jpki_desktop.card.pins import PinKind, prepare_pin
from jpki_desktop.card.snapshot import CardVariant, ReadStep, Source, Unread, read_snapshot
from jpki_desktop.card.virtual.pki import CardPki, issue_auth_cert
from jpki_desktop.card.virtual.store import CardProfile, build_card, profile_named

pytestmark = pytest.mark.pcsc

AUTH_EF, AUTH_CA_EF, SIGN_CA_EF = 0x0A, 0x0B, 0x02


def verifies_with_data(card):
    return [r for r in card.log if r.ins == 0x20 and r.lc > 0]


def touches(card, sfi: int) -> list:
    """Commands that select or read the EF with short id `sfi`."""
    return [
        r
        for r in card.log
        if (r.ins == 0xB0 and r.p1 == 0x80 | sfi)
        or (r.ins == 0xA4 and r.p1 == 0x02 and r.text.endswith(f"00 {sfi:02X}"))
    ]


def snapshot(pcscd, **kw):
    with open_reader(pcscd.readers[0]) as oc:
        snap = read_snapshot(oc.channel, reader=oc.reader, atr=oc.atr, **kw)
        sent, received = oc.channel.bytes_sent, oc.channel.bytes_received
    return snap, sent, received


def wait_state(reader: str, present: bool) -> None:
    with pcsc.Context() as ctx:
        assert ctx.wait_reader_state(reader, present, 5000)


@pytest.fixture
def reinsert(pcscd, pcsc_card, pki):
    """Insert another card (its own ATR reaches pcscd); the standard card is back afterwards."""

    def put(card):
        pcsc_card.remove()
        wait_state(pcscd.readers[0], False)
        pcsc_card.card = card
        pcsc_card.insert()
        wait_state(pcscd.readers[0], True)
        card.log.clear()
        return card

    yield put
    put(build_card(pki))


def known(pki: CardPki) -> list[bytes]:
    """The virtual card's test CAs stand in for the bundled J-LIS CAs of a real card."""
    return [pki.auth_ca.der, pki.sign_ca.der]


def test_unknown_cas_are_read_in_full_and_said_so_then_cached(pcscd, pcsc_card, pki, tmp_path):
    card = pcsc_card.card
    cache = CardCache(tmp_path)
    snap, _, received = snapshot(pcscd, cache=cache)
    assert snap.certificates == {
        CertSlot.AUTH: pki.auth.der,
        CertSlot.AUTH_CA: pki.auth_ca.der,
        CertSlot.SIGN_CA: pki.sign_ca.der,
    }
    assert snap.sources == {
        CertSlot.AUTH: Source.CARD,
        CertSlot.AUTH_CA: Source.CARD,
        CertSlot.SIGN_CA: Source.CARD,
    }
    assert received > len(pki.auth.der) + len(pki.auth_ca.der) + len(pki.sign_ca.der)
    assert set(cache.ca_certificates()) == {pki.auth_ca.der, pki.sign_ca.der}
    # next time the cached CAs are known: the auth CA is not touched, the signing CA shows 32 B
    card.log.clear()
    again, _, received = snapshot(pcscd, cache=cache)
    assert again.sources[CertSlot.AUTH_CA] is Source.CACHE
    assert again.sources[CertSlot.SIGN_CA] is Source.CACHE
    assert again.certificates == snap.certificates
    assert touches(card, AUTH_CA_EF) == []
    assert [r.text for r in touches(card, SIGN_CA_EF)] == ["00 B0 82 00 20"]
    assert verifies_with_data(card) == []


def test_known_cas_are_identified_and_the_bundled_copies_taken(pcscd, pcsc_card, pki):
    card = pcsc_card.card
    snap, _, received = snapshot(pcscd, known_cas=known(pki))
    assert snap.sources[CertSlot.AUTH_CA] is Source.BUNDLED
    assert snap.sources[CertSlot.SIGN_CA] is Source.BUNDLED
    assert snap.certificates[CertSlot.AUTH_CA] == pki.auth_ca.der
    assert touches(card, AUTH_CA_EF) == []  # issuer + AKI of the auth certificate say which
    assert [r.text for r in touches(card, SIGN_CA_EF)] == ["00 B0 82 00 20"]
    assert received <= 1400
    assert verifies_with_data(card) == []


def test_cache_hit_reads_the_first_chunk_only(pcscd, pcsc_card, pki, tmp_path):
    card = pcsc_card.card
    cache = CardCache(tmp_path)
    cold, _, cold_received = snapshot(pcscd, cache=cache, known_cas=known(pki))
    assert cold.sources[CertSlot.AUTH] is Source.CARD
    card.log.clear()
    warm, _, warm_received = snapshot(pcscd, cache=cache, known_cas=known(pki))
    assert warm.sources[CertSlot.AUTH] is Source.CACHE
    assert warm.certificates[CertSlot.AUTH] == pki.auth.der
    reads = [r for r in card.log if r.ins == 0xB0]
    assert [r.text for r in reads if r.p1 == 0x80 | AUTH_EF] == ["00 B0 8A 00 00"]
    assert not [r for r in reads if r.p1 < 0x80]  # nothing read by offset: no rest of any EF
    assert warm_received < cold_received - len(pki.auth.der) + 300
    assert verifies_with_data(card) == []


def test_cache_mismatch_another_card_with_the_same_serial_and_length(
    pcscd, pcsc_card, pki, tmp_path
):
    cache = CardCache(tmp_path)
    snapshot(pcscd, cache=cache, known_cas=known(pki))
    # another card: same CA, same serial number, same length, another holder's certificate
    start = dt.datetime(2024, 3, 15, 1, 0, tzinfo=dt.UTC)
    other_auth = issue_auth_cert(
        pki.auth_ca,
        start,
        pki.auth.cert.not_valid_after_utc,
        serial=pki.auth.cert.serial_number,
        identifier="TESTAUTH13999000000000B",
    )
    assert len(other_auth.der) == len(pki.auth.der) and other_auth.der != pki.auth.der
    other = CardPki(pki.holder, pki.issued, pki.sign_ca, pki.auth_ca, pki.sign, other_auth)
    pcsc_card.card = card = build_card(other)
    snap, _, _ = snapshot(pcscd, cache=cache, known_cas=known(pki))
    assert snap.sources[CertSlot.AUTH] is Source.CARD
    assert snap.certificates[CertSlot.AUTH] == other_auth.der
    assert verifies_with_data(card) == []


def test_extended_length_refused_falls_back_to_short_reads(pcscd, pcsc_card, pki):
    pcsc_card.card = card = build_card(pki, profile=CardProfile(extended_length=False))
    with open_reader(pcscd.readers[0]) as oc:
        assert oc.atr == card.atr  # this ATR advertises extended Lc/Le
        snap = read_snapshot(oc.channel, atr=oc.atr)
    assert snap.certificates[CertSlot.AUTH] == pki.auth.der
    assert snap.certificates[CertSlot.SIGN_CA] == pki.sign_ca.der
    extended = [r for r in card.log if r.ins == 0xB0 and len(r.text.split()) == 7]
    assert len(extended) == 1  # refused once (67 00), then short reads for the session
    assert max(len(r.text.split()) for r in card.log if r.ins == 0xB0) == 7
    assert verifies_with_data(card) == []


def test_extended_length_used_when_advertised(pcscd, pcsc_card, pki):
    card = pcsc_card.card
    snap, _, _ = snapshot(pcscd)
    assert snap.certificates[CertSlot.AUTH] == pki.auth.der
    auth_reads = [r.text for r in card.log if r.ins == 0xB0 and r.p1 in (0x8A, 0x01, 0x04)]
    # the first chunk, then 768 bytes in one extended APDU (< 1 s on a slow reader), the rest
    rest = len(pki.auth.der) - 256 - 768
    assert 0 < rest <= 256
    assert auth_reads == ["00 B0 8A 00 00", "00 B0 01 00 00 03 00", f"00 B0 04 00 {rest:02X}"]


@pytest.mark.parametrize("no_pin_sw", [0x6A88, 0x6A82, 0x6985, 0x6986])
def test_face_authentication_card(pcscd, pcsc_card, pki, no_pin_sw):
    """Several plausible answers to a PIN that was never set: always the same state."""
    profile = CardProfile(variant=profile_named("face-auth").variant, no_pin_sw=no_pin_sw)
    pcsc_card.card = card = build_card(pki, profile=profile)
    snap, _, _ = snapshot(pcscd)
    assert snap.variant is CardVariant.FACE_AUTH
    assert snap.pins == {}  # no PIN fields, nothing "blocked"
    assert snap.pins_not_set == {PinKind.SIGN, PinKind.AUTH, PinKind.CARD_INFO}
    assert not snap.availability.sign and snap.availability.auth
    assert snap.certificates[CertSlot.AUTH] == pki.auth.der
    assert snap.unread == ()
    # a PIN typed anyway never reaches the card
    with open_reader(pcscd.readers[0]) as oc, prepare_pin(PinKind.AUTH, "1234") as pin:
        with pytest.raises(E.PinNotSet):
            JpkiSession(oc.channel).verify(PinKind.AUTH, pin)
    assert verifies_with_data(card) == []


@pytest.mark.parametrize(
    "name,kind", [("android", CardKind.SMARTPHONE_ANDROID), ("iphone", CardKind.SMARTPHONE_IOS)]
)
def test_smartphone_status_needs_no_pin_and_the_certificate_comes_on_request(
    pcscd, pcsc_card, pki, reinsert, name, kind
):
    card = reinsert(build_card(pki, profile=profile_named(name)))
    snap, _, _ = snapshot(pcscd)
    assert snap.token.kind is kind and snap.variant is CardVariant.SMARTPHONE
    assert snap.auth_needs_pin and CertSlot.AUTH not in snap.certificates
    assert {k: s.remaining for k, s in snap.pins.items()} == {PinKind.SIGN: 5, PinKind.AUTH: 3}
    assert touches(card, AUTH_EF) == []  # not even tried: it would need the PIN
    assert not snap.card_info_available
    assert verifies_with_data(card) == []
    # on request, with the PIN the user typed
    with open_reader(pcscd.readers[0]) as oc, prepare_pin(PinKind.AUTH, "1234") as pin:
        session = JpkiSession(oc.channel)
        with pytest.raises(E.SecurityStatusNotSatisfied):
            session.read_certificate(CertSlot.AUTH)
        session.verify(PinKind.AUTH, pin)
        assert session.read_certificate(CertSlot.AUTH) == pki.auth.der
    assert len(verifies_with_data(card)) == 1


def test_certificate_less_card(pcscd, pcsc_card, pki):
    pcsc_card.card = card = build_card(pki, profile=profile_named("no-certificates"))
    snap, _, _ = snapshot(pcscd)
    assert snap.variant is CardVariant.NO_CERTIFICATES
    assert not snap.availability.sign and not snap.availability.auth
    assert snap.certificates == {} and snap.unread == ()
    assert touches(card, AUTH_EF) == []
    assert verifies_with_data(card) == []


def test_progress_names_each_file_and_how_far(pcscd, pcsc_card, pki):
    seen = []
    snapshot(pcscd, progress=seen.append)
    steps = [p.step for p in seen]
    assert steps[0] is ReadStep.APPLICATION and ReadStep.CARD_INFO in steps
    auth = [p for p in seen if p.step is ReadStep.AUTH_CERT and p.total]
    assert auth[0].done == 256 and auth[-1].done == auth[-1].total == len(pki.auth.der)
    assert all(0.0 <= p.fraction <= 1.0 for p in seen)


# -- issue 15 item 10: a pulled card or a refused part is reported, never hidden ---------------


def is_card_info_select(apdu: bytes) -> bool:
    return apdu[:5] == bytes.fromhex("00A4040C0A") and apdu[5:15] == bytes.fromhex(
        "D3921000310001010408"
    )


def test_card_pulled_during_the_card_info_read_is_card_removed(pcscd, pcsc_card):
    pcsc_card.pull_when = is_card_info_select
    with pytest.raises(E.CardRemoved):
        snapshot(pcscd)
    wait_state(pcscd.readers[0], False)


def test_status_cli_with_the_card_pulled_during_the_card_info_read_exits_4(
    capsys, pcscd, pcsc_card
):
    from jpki_desktop.cli import exitcodes as X
    from jpki_desktop.cli.main import main

    pcsc_card.pull_when = is_card_info_select
    rc = main(["--reader", pcscd.readers[0], "status"])
    err = capsys.readouterr().err
    assert rc == X.NO_CARD and "removed" in err.lower()
    wait_state(pcscd.readers[0], False)


def test_a_card_info_part_the_card_refuses_is_named(capsys, pcscd, pcsc_card):
    from jpki_desktop.cli.main import main

    card = pcsc_card.card
    card.answer_hook = lambda apdu: (
        b"\x6f\x00"
        if apdu[:4] in (b"\x00\x20\x00\x91", b"\x00\x20\x00\x80") and len(apdu) == 4
        else None
    )
    snap, _, _ = snapshot(pcscd)
    assert Unread("card_info_pin", "SW=6F00") in snap.unread
    rc = main(["--reader", pcscd.readers[0], "status"])
    out = capsys.readouterr().out
    assert rc == 0 and "Card-info PIN" in out and "could not be read" in out

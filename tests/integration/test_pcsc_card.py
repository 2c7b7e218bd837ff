"""The card layer through a real pcscd + vpcd: snapshot, verify, sign, card-info AP."""

from __future__ import annotations

import hashlib

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding

from jpki_desktop.card import errors as E
from jpki_desktop.card.cardinfo import CardInfoSession
from jpki_desktop.card.connect import open_reader
from jpki_desktop.card.jpki import CardKind, CertSlot, JpkiSession
from jpki_desktop.card.pins import PinKind, prepare_pin
from jpki_desktop.card.snapshot import read_snapshot

pytestmark = pytest.mark.pcsc


def counters(card):
    return {k: card.pin_ref(k).remaining for k in PinKind}


def verifies_with_data(card):
    return [r for r in card.log if r.ins == 0x20 and r.lc > 0]


def test_readers_show_the_card_in_slot_0_only(pcscd, pcsc_card):
    from jpki_desktop.card.pcsc import reader_infos

    infos = {i.name: i for i in reader_infos()}
    assert (
        infos[pcscd.readers[0]].card_present and infos[pcscd.readers[0]].atr == pcsc_card.card.atr
    )
    assert not infos[pcscd.readers[1]].card_present


def test_snapshot_through_pcsc_reads_everything_and_spends_nothing(pcscd, pcsc_card, pki):
    card = pcsc_card.card
    before = counters(card)
    with open_reader(pcscd.readers[0]) as oc:
        snap = read_snapshot(oc.channel, reader=oc.reader, atr=oc.atr)
        apdus = oc.channel.apdu_count
    assert snap.reader == pcscd.readers[0] and snap.atr == card.atr
    assert snap.token.kind is CardKind.MY_NUMBER_CARD
    assert snap.availability.sign and snap.availability.auth
    assert {k: (s.remaining, s.maximum) for k, s in snap.pins.items()} == {
        PinKind.SIGN: (5, 5),
        PinKind.AUTH: (3, 3),
        PinKind.CARD_INFO: (3, 3),
    }
    assert snap.certificates == {
        CertSlot.AUTH: pki.auth.der,
        CertSlot.AUTH_CA: pki.auth_ca.der,
        CertSlot.SIGN_CA: pki.sign_ca.der,
    }
    assert counters(card) == before
    assert verifies_with_data(card) == []
    assert apdus == len(card.log)  # every APDU we counted reached the card, and no other


def test_open_reader_without_a_name_picks_the_reader_holding_the_card(pcscd, pcsc_card):
    with open_reader() as oc:
        assert oc.reader == pcscd.readers[0]


@pytest.mark.parametrize("kind,pin", [(PinKind.AUTH, "1234"), (PinKind.SIGN, "abc123")])
def test_verify_and_sign_through_pcsc(pcscd, pcsc_card, pki, kind, pin):
    with open_reader(pcscd.readers[0]) as oc:
        s = JpkiSession(oc.channel)
        with prepare_pin(kind, pin) as buf:
            s.verify(kind, buf)
        sig = s.sign_digest(kind, "sha256", hashlib.sha256(b"through pcscd").digest())
        if kind is PinKind.SIGN:
            assert s.read_certificate(CertSlot.SIGN) == pki.sign.der
    cert = (pki.auth if kind is PinKind.AUTH else pki.sign).cert
    cert.public_key().verify(sig, b"through pcscd", padding.PKCS1v15(), hashes.SHA256())
    assert len(verifies_with_data(pcsc_card.card)) == 1


def test_wrong_pin_through_pcsc_reports_the_count_read_back_from_the_card(pcscd, pcsc_card):
    with open_reader(pcscd.readers[0]) as oc:
        s = JpkiSession(oc.channel)
        with pytest.raises(E.PinIncorrect) as exc, prepare_pin(PinKind.AUTH, "0000") as buf:
            s.verify(PinKind.AUTH, buf)
    assert exc.value.remaining == 2 == pcsc_card.card.pin_ref(PinKind.AUTH).remaining


def test_signing_certificate_needs_the_password_through_pcsc(pcscd, pcsc_card):
    with open_reader(pcscd.readers[0]) as oc:
        with pytest.raises(E.SecurityStatusNotSatisfied):
            JpkiSession(oc.channel).read_certificate(CertSlot.SIGN)


def test_card_info_ap_through_pcsc(pcscd, pcsc_card, pki):
    with open_reader(pcscd.readers[0]) as oc:
        ci = CardInfoSession(oc.channel)
        with prepare_pin(PinKind.CARD_INFO, "1234") as buf:
            ci.verify(buf)
        attrs = ci.read_attributes()
        number = ci.read_my_number()
    assert attrs.name == pki.holder.name and number == pki.holder.my_number


def test_not_a_jpki_card_through_pcsc(pcscd, pcsc_card, pki):
    from jpki_desktop.card.virtual.store import CardProfile, build_card

    pcsc_card.card = build_card(pki, profile=CardProfile(jpki_present=False))
    with open_reader(pcscd.readers[0]) as oc, pytest.raises(E.NotJpkiCard):
        JpkiSession(oc.channel)


def _verify_sign(reader):
    oc = open_reader(reader)
    s = JpkiSession(oc.channel)
    with prepare_pin(PinKind.SIGN, "ABC123") as buf:
        s.verify(PinKind.SIGN, buf)
    return oc, s


def test_security_state_outlives_a_leave_card_disconnect(pcscd, pcsc_card, pki):
    """As myna-card measured on real cards (protocol reference §2.4): only a reset or power-off
    clears a verified PIN, so another connection can use it after a plain LEAVE_CARD disconnect.
    This is why ApduChannel.close() powers the card down once a PIN was presented
    (test_pcsc_logout.py)."""
    oc, _ = _verify_sign(pcscd.readers[0])
    oc.channel.transport.close()  # a plain SCARD_LEAVE_CARD disconnect, bypassing our log-out
    with open_reader(pcscd.readers[0]) as other:
        assert JpkiSession(other.channel).read_certificate(CertSlot.SIGN) == pki.sign.der


def test_a_card_reset_through_pcscd_clears_the_security_state(pcscd, pcsc_card):
    from smartcard import scard

    oc, _ = _verify_sign(pcscd.readers[0])
    transport = oc.channel.transport
    hresult, _ = scard.SCardReconnect(
        transport._card, scard.SCARD_SHARE_SHARED, scard.SCARD_PROTOCOL_T1, scard.SCARD_RESET_CARD
    )
    assert hresult == scard.SCARD_S_SUCCESS
    try:
        with pytest.raises(E.SecurityStatusNotSatisfied):
            JpkiSession(oc.channel).read_certificate(CertSlot.SIGN)
    finally:
        oc.close()
    assert pcsc_card.card.pin_ref(PinKind.SIGN).remaining == 5

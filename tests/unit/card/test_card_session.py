"""The JPKI session on the in-process virtual card."""

from __future__ import annotations

import hashlib

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding

from jpki_desktop.card import errors as E
from jpki_desktop.card.jpki import CardKind, CertSlot, JpkiSession
from jpki_desktop.card.pins import PinKind, PinState, prepare_pin


def test_token_and_availability(channel):
    s = JpkiSession(channel)
    info = s.token_info()
    assert info.label == "JPKIAPICCTOKEN2"
    assert info.kind is CardKind.MY_NUMBER_CARD
    assert s.cert_availability().sign and s.cert_availability().auth


@pytest.mark.parametrize(
    "slot,attr",
    [(CertSlot.AUTH, "auth"), (CertSlot.AUTH_CA, "auth_ca"), (CertSlot.SIGN_CA, "sign_ca")],
)
def test_public_certificates_read_without_pin_and_trimmed_from_larger_ef(channel, pki, slot, attr):
    der = JpkiSession(channel).read_certificate(slot)
    assert der == getattr(pki, attr).der  # the EF is 3808 bytes; only the DER comes back


def test_signing_certificate_needs_password(channel, pki, card):
    s = JpkiSession(channel)
    with pytest.raises(E.SecurityStatusNotSatisfied):
        s.read_certificate(CertSlot.SIGN)
    s.verify(PinKind.SIGN, prepare_pin(PinKind.SIGN, "abc123"))  # lower case is upper-cased
    assert s.read_certificate(CertSlot.SIGN) == pki.sign.der


def test_wrong_password_reports_remaining_from_card_and_success_resets(channel, card):
    s = JpkiSession(channel)
    with pytest.raises(E.PinIncorrect) as exc:
        s.verify(PinKind.AUTH, prepare_pin(PinKind.AUTH, "0000"))
    assert exc.value.remaining == 2
    assert card.pin_ref(PinKind.AUTH).remaining == 2
    s.verify(PinKind.AUTH, prepare_pin(PinKind.AUTH, "1234"))
    assert s.pin_status(PinKind.AUTH).remaining == 3


def test_final_try_needs_confirmation_and_block_is_detected_without_sending(channel, card):
    s = JpkiSession(channel)
    card.pin_ref(PinKind.AUTH).remaining = 1
    with pytest.raises(E.FinalTryNotConfirmed):
        s.verify(PinKind.AUTH, prepare_pin(PinKind.AUTH, "0000"))
    assert card.pin_ref(PinKind.AUTH).remaining == 1  # nothing was spent
    with pytest.raises(E.PinBlocked):
        s.verify(PinKind.AUTH, prepare_pin(PinKind.AUTH, "0000"), final_try_confirmed=True)
    assert s.pin_status(PinKind.AUTH).state is PinState.BLOCKED
    sent = len(card.log)
    with pytest.raises(E.PinBlocked):
        s.verify(PinKind.AUTH, prepare_pin(PinKind.AUTH, "1234"), final_try_confirmed=True)
    verifies_with_data = [r for r in card.log[sent:] if r.ins == 0x20 and r.lc > 0]
    assert verifies_with_data == []  # a blocked PIN is never presented


@pytest.mark.parametrize("kind,pin", [(PinKind.SIGN, "ABC123"), (PinKind.AUTH, "1234")])
def test_signature_verifies_with_the_certificate_key(channel, pki, kind, pin):
    s = JpkiSession(channel)
    with pytest.raises(E.SecurityStatusNotSatisfied):
        s.sign_digest(kind, "sha256", hashlib.sha256(b"x").digest())
    s.verify(kind, prepare_pin(kind, pin))
    sig = s.sign_digest(kind, "sha256", hashlib.sha256(b"data").digest())
    cert = (pki.sign if kind is PinKind.SIGN else pki.auth).cert
    cert.public_key().verify(sig, b"data", padding.PKCS1v15(), hashes.SHA256())


def test_change_pin_then_old_fails_new_works(channel, card):
    s = JpkiSession(channel)
    s.change_pin(
        PinKind.SIGN,
        prepare_pin(PinKind.SIGN, "ABC123"),
        prepare_pin(PinKind.SIGN, "NEW999", new=True),
    )
    card.reset()
    s2 = JpkiSession(channel)
    with pytest.raises(E.PinIncorrect):
        s2.verify(PinKind.SIGN, prepare_pin(PinKind.SIGN, "ABC123"))
    s2.verify(PinKind.SIGN, prepare_pin(PinKind.SIGN, "NEW999"))


def test_reset_clears_security_state(channel, card):
    s = JpkiSession(channel)
    s.verify(PinKind.SIGN, prepare_pin(PinKind.SIGN, "ABC123"))
    card.reset()
    s2 = JpkiSession(channel)
    with pytest.raises(E.SecurityStatusNotSatisfied):
        s2.read_certificate(CertSlot.SIGN)


def test_not_a_jpki_card(pki):
    from jpki_desktop.card.transport import ApduChannel
    from jpki_desktop.card.virtual.store import CardProfile, build_card
    from jpki_desktop.card.virtual.transport import VirtualTransport

    card = build_card(pki, profile=CardProfile(jpki_present=False))
    with pytest.raises(E.NotJpkiCard) as exc:
        JpkiSession(ApduChannel(VirtualTransport(card)))
    assert exc.value.sw == 0x6A82


def test_card_pulled_raises_card_removed(channel, transport):
    s = JpkiSession(channel)
    transport.remove()
    with pytest.raises(E.CardRemoved):
        s.pin_status(PinKind.SIGN)


def _sent(card, since=0):
    return [r.text for r in card.log[since:]]


def test_pin_status_names_the_pin_by_sfi_without_a_select(channel, card):
    s = JpkiSession(channel)
    n = len(card.log)
    assert s.pin_status(PinKind.SIGN).remaining == 5
    assert s.pin_status(PinKind.AUTH).remaining == 3
    assert _sent(card, n) == ["00 20 00 9B", "00 20 00 98"]


class RefusesSfiVerify:
    """A card variant that does not accept 80|SFI in VERIFY's P2 (answers 6A 86)."""

    def __init__(self, inner):
        self.inner = inner
        self.refused = 0

    def send_and_receive(self, apdu):
        if apdu[1] == 0x20 and apdu[3] != 0x80:
            self.refused += 1
            return b"", 0x6A86
        return self.inner.send_and_receive(apdu)

    def close(self):
        pass


def test_pin_status_falls_back_to_select_once_and_remembers(transport, card):
    from jpki_desktop.card.transport import ApduChannel

    odd = RefusesSfiVerify(transport)
    s = JpkiSession(ApduChannel(odd))
    n = len(card.log)
    assert s.pin_status(PinKind.SIGN).remaining == 5
    assert s.pin_status(PinKind.AUTH).remaining == 3
    assert odd.refused == 1
    assert _sent(card, n) == [
        "00 A4 02 0C 02 00 1B",
        "00 20 00 80",
        "00 A4 02 0C 02 00 18",
        "00 20 00 80",
    ]
    assert card.pin_ref(PinKind.SIGN).remaining == 5


def test_verify_after_an_sfi_status_still_selects_the_pin_ef(channel, card):
    s = JpkiSession(channel)
    s.pin_status(PinKind.AUTH)  # by SFI: the current EF is unknown afterwards
    n = len(card.log)
    with prepare_pin(PinKind.AUTH, "1234") as pin:
        s.verify(PinKind.AUTH, pin)
    assert _sent(card, n) == [
        "00 A4 02 0C 02 00 18",
        "00 20 00 80",
        "00 20 00 80 04 <4 bytes redacted>",
    ]

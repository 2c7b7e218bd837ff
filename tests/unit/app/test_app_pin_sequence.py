"""The application layer's one preflight→unlock sequence, on the virtual card (no Qt, no CLI):
the password is asked for only once the card said it may be used, the final try needs a yes,
the buffer is wiped, and one VERIFY and one signature reach the card."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives import hashes

from jpki_desktop.app.card import read_status, snapshot_dict
from jpki_desktop.app.pins import change_pin, pin_statuses
from jpki_desktop.app.signing import card_signer, sign_file
from jpki_desktop.card import errors as E
from jpki_desktop.card.connect import OpenCard
from jpki_desktop.card.pins import PinKind, prepare_pin
from jpki_desktop.card.transport import ApduChannel
from jpki_desktop.card.virtual.pki import generate_card_pki
from jpki_desktop.card.virtual.store import build_card
from jpki_desktop.card.virtual.transport import VirtualTransport
from jpki_desktop.signing.errors import NoSigningCertificate
from jpki_desktop.signing.verification.verify import verify_file

VERIFY, SIGN = 0x20, 0x2A


@pytest.fixture
def card(pki):
    return build_card(pki)


@pytest.fixture
def opener(card):
    return lambda: OpenCard(ApduChannel(VirtualTransport(card)), "virtual", card.atr)


def verifies_with_data(card) -> int:
    return sum(1 for r in card.log if r.ins == VERIFY and r.lc)


class Asked:
    """A password source that records whether (and how often) it was asked."""

    def __init__(self, text: str = "ABC123") -> None:
        self.text, self.times, self.given = text, 0, []

    def __call__(self):
        self.times += 1
        pin = prepare_pin(PinKind.SIGN, self.text)
        self.given.append(pin)
        return pin


def test_one_verify_one_signature_and_the_buffer_is_wiped(opener, card, pki, tmp_path):
    source = tmp_path / "a.txt"
    source.write_bytes(b"hello")
    asked = Asked()
    signed = sign_file(opener, source, tmp_path / "a.txt.p7s", asked, confirm_final_try=False)
    assert asked.times == 1 and len(asked.given[0].bytes) == 0
    assert verifies_with_data(card) == 1
    assert sum(1 for r in card.log if r.ins == SIGN) == 1
    assert signed.signer.fingerprint(hashes.SHA256()) == pki.sign.cert.fingerprint(hashes.SHA256())
    verdict = verify_file(signed.output, content=source, trust_roots=[pki.sign_ca.cert])
    assert verdict.ok, verdict.findings


def test_a_blocked_password_is_never_asked_for(opener, card):
    card.pin_ref(PinKind.SIGN).remaining = 0
    asked = Asked()
    with pytest.raises(E.PinBlocked), opener() as oc, card_signer(oc, asked, True):
        pass
    assert asked.times == 0 and verifies_with_data(card) == 0


def test_no_to_the_final_try_question_asks_no_password(opener, card):
    card.pin_ref(PinKind.SIGN).remaining = 1
    asked, questions = Asked(), []

    def no(kind):
        questions.append(kind)
        return False

    with pytest.raises(E.FinalTryNotConfirmed), opener() as oc, card_signer(oc, asked, no):
        pass
    assert questions == [PinKind.SIGN] and asked.times == 0
    assert verifies_with_data(card) == 0 and card.pin_ref(PinKind.SIGN).remaining == 1


def test_the_final_try_question_is_asked_only_for_the_last_try(opener, card):
    questions = []

    def ask(kind):
        questions.append(kind)
        return True

    with opener() as oc, card_signer(oc, Asked(), ask):
        pass
    assert questions == []  # five tries left: nobody is bothered
    card.pin_ref(PinKind.SIGN).remaining = 1
    with opener() as oc, card_signer(oc, Asked(), ask):
        pass
    assert questions == [PinKind.SIGN] and card.pin_ref(PinKind.SIGN).remaining == 5


def test_a_wrong_password_reports_the_count_read_back(opener, card):
    with pytest.raises(E.PinIncorrect) as exc, opener() as oc:
        with card_signer(oc, Asked("WRONG1"), False):
            pass
    assert exc.value.remaining == 4 == card.pin_ref(PinKind.SIGN).remaining


def test_no_signing_certificate_fails_before_the_password(pki):
    young_pki = generate_card_pki(with_signing_cert=False, sign_ca=pki.sign_ca, auth_ca=pki.auth_ca)
    young = build_card(young_pki)
    asked = Asked()
    with pytest.raises(NoSigningCertificate):
        with OpenCard(ApduChannel(VirtualTransport(young)), "v", young.atr) as oc:
            with card_signer(oc, asked, True):
                pass
    assert asked.times == 0


def test_pin_change_asks_current_then_new_only_after_the_counter(opener, card):
    order = []

    def current():
        order.append("current")
        return prepare_pin(PinKind.AUTH, "1234")

    def new():
        order.append("new")
        return prepare_pin(PinKind.AUTH, "5678", new=True)

    with opener() as oc:
        change_pin(oc, PinKind.AUTH, current, new, False)
    assert order == ["current", "new"]
    assert pin_statuses(opener)[PinKind.AUTH].remaining == 3
    card.pin_ref(PinKind.AUTH).remaining = 0
    with pytest.raises(E.PinBlocked), opener() as oc:
        change_pin(oc, PinKind.AUTH, current, new, True)
    assert order == ["current", "new"]  # not asked again


def test_the_status_read_spends_no_try_and_has_one_json_form(opener, card):
    card.pin_ref(PinKind.SIGN).remaining = 3
    snap = read_status(opener)
    data = snapshot_dict(snap)
    assert data["pins"]["sign"] == {"remaining": 3, "maximum": 5, "state": "low"}
    assert verifies_with_data(card) == 0

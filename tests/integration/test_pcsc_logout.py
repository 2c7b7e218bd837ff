"""After a PIN was presented, closing the connection powers the card down (log out).

A real card keeps a verified PIN until power-off, even across disconnects and for other
programs; leaving it verified would let any program use the signing key without the password.
"""

from __future__ import annotations

import pytest

from jpki_desktop.card import errors as E
from jpki_desktop.card.jpki import CertSlot, JpkiSession
from jpki_desktop.card.pcsc import PcscTransport
from jpki_desktop.card.pins import PinKind, prepare_pin
from jpki_desktop.card.transport import ApduChannel

pytestmark = pytest.mark.pcsc


def test_verified_password_does_not_survive_our_disconnect(pcscd, pcsc_card, pki):
    reader = pcscd.readers[0]
    channel = ApduChannel(PcscTransport(reader))
    session = JpkiSession(channel)
    with prepare_pin(PinKind.SIGN, "ABC123") as pin:
        session.verify(PinKind.SIGN, pin)
    assert session.read_certificate(CertSlot.SIGN) == pki.sign.der
    channel.close()

    other = ApduChannel(PcscTransport(reader))  # e.g. another program, later
    try:
        with pytest.raises(E.SecurityStatusNotSatisfied):
            JpkiSession(other).read_certificate(CertSlot.SIGN)
    finally:
        other.close()


def test_status_only_session_leaves_the_card_powered_for_others(pcscd, pcsc_card):
    reader = pcscd.readers[0]
    bystander = ApduChannel(PcscTransport(reader))
    JpkiSession(bystander)
    ours = ApduChannel(PcscTransport(reader))
    JpkiSession(ours).pin_status(PinKind.AUTH)
    ours.close()
    # no reset happened: the bystander's handle still works without "card was reset"
    assert JpkiSession(bystander).pin_status(PinKind.AUTH).remaining == 3
    bystander.close()

"""select→verify runs inside one PC/SC transaction, so another program cannot re-point it."""

from __future__ import annotations

from jpki_desktop.card.jpki import JpkiSession
from jpki_desktop.card.pins import PinKind, prepare_pin
from jpki_desktop.card.transport import ApduChannel


class RecordingTransport:
    """Wraps the virtual transport and records transaction boundaries around each APDU."""

    def __init__(self, inner):
        self.inner = inner
        self.events: list[str] = []
        self.depth = 0

    def begin_transaction(self):
        self.depth += 1
        self.events.append("BEGIN")

    def end_transaction(self):
        self.depth -= 1
        self.events.append("END")

    def send_and_receive(self, apdu):
        self.events.append(f"{apdu[1]:02X}{'*' if self.depth else ''}")
        return self.inner.send_and_receive(apdu)

    def close(self):
        pass


def test_verify_selects_and_verifies_inside_one_transaction(transport):
    rec = RecordingTransport(transport)
    channel = ApduChannel(rec)
    session = JpkiSession(channel)
    session.pin_status(PinKind.SIGN)  # caches the PIN EF as current
    rec.events.clear()
    with prepare_pin(PinKind.SIGN, "ABC123") as pin:
        session.verify(PinKind.SIGN, pin)
    # a fresh SELECT even though the EF looked current, then status and VERIFY, one transaction
    assert rec.events == ["BEGIN", "A4*", "20*", "20*", "END"]


def test_transactions_nest_without_releasing_early(transport):
    rec = RecordingTransport(transport)
    channel = ApduChannel(rec)
    with channel.transaction():
        with channel.transaction():
            pass
        assert rec.depth == 1
    assert rec.events == ["BEGIN", "END"]


def test_close_after_a_pin_was_presented_powers_the_card_down(channel, card):
    session = JpkiSession(channel)
    with prepare_pin(PinKind.SIGN, "ABC123") as pin:
        session.verify(PinKind.SIGN, pin)
    assert card._verified
    channel.close()
    assert not card._verified


def test_close_without_pin_does_not_reset_the_card(channel, card):
    JpkiSession(channel).pin_status(PinKind.SIGN)
    card._verified.add((b"x", 1))  # a marker only a reset would clear
    channel.close()
    assert card._verified

"""ApduChannel: defensive 61xx / 6Cxx handling (never seen from a JPKI card, possible from odd
readers), APDU counting, the injected delay, and redaction in the TRAFFIC trace."""

from __future__ import annotations

import pytest

from jpki_desktop.card.apdu import build, redact, retries_from_sw
from jpki_desktop.card.transport import TRAFFIC, ApduChannel


class Scripted:
    def __init__(self, answers):
        self.answers = list(answers)
        self.sent: list[bytes] = []

    def send_and_receive(self, apdu):
        self.sent.append(bytes(apdu))
        return self.answers.pop(0)

    def close(self):
        pass


def test_61xx_is_followed_by_get_response_and_the_data_joined():
    t = Scripted([(b"AB", 0x6104), (b"CDEF", 0x9000)])
    ch = ApduChannel(t)
    assert ch.transmit(bytes.fromhex("00B0000000")) == (b"ABCDEF", 0x9000)
    assert t.sent[1] == bytes.fromhex("00C0000004")
    assert ch.apdu_count == 2


def test_6cxx_resends_with_the_right_le():
    t = Scripted([(b"", 0x6C10), (b"x" * 16, 0x9000)])
    ch = ApduChannel(t)
    assert ch.transmit(bytes.fromhex("00B0000000")) == (b"x" * 16, 0x9000)
    assert t.sent[1] == bytes.fromhex("00B0000010")


def test_injected_delay_applies_per_apdu(monkeypatch):
    slept = []
    monkeypatch.setattr("jpki_desktop.card.transport.time.sleep", slept.append)
    ch = ApduChannel(Scripted([(b"", 0x9000)] * 3), apdu_delay=0.01)
    for _ in range(3):
        ch.transmit(bytes.fromhex("00A4040C00"))
    assert slept == [0.01] * 3


def test_redaction_of_pin_bodies():
    assert redact(build(0x00, 0x20, 0x00, 0x80, b"1234")) == "00 20 00 80 04 <4 bytes redacted>"
    assert redact(build(0x00, 0x24, 0x01, 0x80, b"NEW123")) == "00 24 01 80 06 <6 bytes redacted>"
    assert redact(build(0x00, 0x20, 0x00, 0x80)) == "00 20 00 80"
    assert redact(bytes.fromhex("00B0000000")) == "00 B0 00 00 00"


def test_trace_is_below_debug_and_redacted(caplog):
    ch = ApduChannel(Scripted([(b"", 0x63C2)]))
    caplog.set_level(TRAFFIC)
    ch.transmit(build(0x00, 0x20, 0x00, 0x80, b"9753"))
    msgs = [r.getMessage() for r in caplog.records]
    assert all(r.levelno == TRAFFIC < 10 for r in caplog.records) and len(msgs) == 2
    assert "39 37 35 33" not in " ".join(msgs) and "redacted" in msgs[0]


@pytest.mark.parametrize(
    "sw,expected",
    [(0x63C3, 3), (0x63C0, 0), (0x6984, 0), (0x6983, 0), (0x9000, None), (0x6A82, None)],
)
def test_retries_from_sw(sw, expected):
    assert retries_from_sw(sw) == expected

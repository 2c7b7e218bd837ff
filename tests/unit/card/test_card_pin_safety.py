"""PIN safety, checked on the card: status reads never spend a try, malformed input never
reaches the card, a card pulled mid-verify spends nothing, traces never carry a PIN, and
PIN buffers are wiped."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from jpki_desktop.card import errors as E
from jpki_desktop.card.cardinfo import CardInfoSession
from jpki_desktop.card.jpki import JpkiSession
from jpki_desktop.card.pins import FormatProblem, PinBuffer, PinKind, check_new_pin, prepare_pin
from jpki_desktop.card.snapshot import read_snapshot
from jpki_desktop.card.transport import TRAFFIC, ApduChannel
from jpki_desktop.card.virtual.card import PinRef
from jpki_desktop.card.virtual.store import build_card
from jpki_desktop.card.virtual.transport import VirtualTransport

FULL_WIDTH_DIGITS = "".join(chr(c) for c in range(0xFF10, 0xFF1A))
FULL_WIDTH_UPPER = "".join(chr(c) for c in range(0xFF21, 0xFF3B))
SPACES = " \t\u3000"
ASCII_PRINTABLE = "".join(chr(c) for c in range(0x20, 0x7F))
TRICKY = "ßıſﬁ\u00a0\u200b٣१é"  # characters whose upper() or digit-ness could fool a naive check
ALPHABET = ASCII_PRINTABLE + FULL_WIDTH_DIGITS + FULL_WIDTH_UPPER + SPACES + TRICKY + "０-９ａｂ"

VALID = {
    PinKind.AUTH: re.compile(r"[0-9]{4}"),
    PinKind.CARD_INFO: re.compile(r"[0-9]{4}"),
    # lower case is upper-cased; ASCII only; letters and digits mixed
    PinKind.SIGN: re.compile(r"(?=.*[A-Za-z])(?=.*[0-9])[A-Za-z0-9]{6,16}"),
}
SAFETY = settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def counters(card):
    return {k: card.pin_ref(k).remaining for k in PinKind}


def pin_bearing(card, since: int = 0):
    """Commands that carried PIN bytes (VERIFY / CHANGE REFERENCE DATA with data)."""
    return [r for r in card.log[since:] if r.ins in (0x20, 0x24) and r.lc > 0]


# -- status reads ----------------------------------------------------------------------------


def test_fifty_status_reads_leave_every_counter_unchanged(channel, card):
    card.pin_ref(PinKind.SIGN).remaining = 4  # not at maximum, so a reset-on-success would show
    before = counters(card)
    for _ in range(50):
        snap = read_snapshot(channel)
        assert snap.pins[PinKind.SIGN].remaining == 4
    for _ in range(50):
        s = JpkiSession(channel)  # each session selects its application
        s.pin_status(PinKind.SIGN)
        s.pin_status(PinKind.AUTH)
        CardInfoSession(channel).pin_status()
    assert counters(card) == before
    assert pin_bearing(card) == []
    assert all(len(r.text.split()) == 4 for r in card.log if r.ins == 0x20)  # only the 4-byte form


# -- malformed input (property-based) -----------------------------------------------------------


@SAFETY
@given(kind=st.sampled_from(list(PinKind)), text=st.text(alphabet=ALPHABET, max_size=24))
@example(kind=PinKind.SIGN, text="ABCDEß")  # "ß".upper() == "SS" would make it 7 ASCII letters
@example(kind=PinKind.SIGN, text="ıBC123")  # "ı".upper() == "I"
@example(kind=PinKind.AUTH, text="１２３４")
@example(kind=PinKind.AUTH, text="12\u30004")
def test_only_well_formed_input_is_ever_encoded(kind, text):
    if VALID[kind].fullmatch(text):
        with prepare_pin(kind, text) as pin:
            assert bytes(pin.bytes) == text.upper().encode("ascii")
        return
    with pytest.raises(E.PinFormatError) as exc:
        prepare_pin(kind, text)
    assert exc.value.kind is kind and FormatProblem(exc.value.reason)
    # the exception never carries the input: only the kind and a reason code
    assert exc.value.args == (f"{kind.value}: {exc.value.reason}",)
    assert set(vars(exc.value)) == {"kind", "reason"}


@st.composite
def malformed(draw, kind: PinKind):
    """Near-misses a user really types: right characters with a wrong length, IME full-width,
    spaces (incl. the ideographic space U+3000), other characters."""
    valid_chars = (
        "0123456789"
        if kind.digits_only
        else "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    )
    good = draw(st.text(alphabet=valid_chars, min_size=kind.min_length, max_size=kind.max_length))
    how = draw(st.sampled_from(["short", "long", "full_width", "space", "other"]))
    if how == "short":
        return good[: draw(st.integers(0, kind.min_length - 1))], None
    if how == "long":
        return good + draw(
            st.text(alphabet=valid_chars, min_size=kind.max_length - len(good) + 1, max_size=20)
        ), FormatProblem.TOO_LONG
    if how == "full_width":
        i = draw(st.integers(0, len(good) - 1))
        ch = good[i].upper()
        return good[:i] + chr(ord(ch) + 0xFEE0) + good[i + 1 :], FormatProblem.FULL_WIDTH
    if how == "space":
        i = draw(st.integers(0, len(good)))
        return good[:i] + draw(st.sampled_from(SPACES)) + good[i:], FormatProblem.SPACE
    i = draw(st.integers(0, len(good)))
    bad = draw(st.sampled_from("-_.!@#$%^&*+=/\\|~ßıéअ" + ("abcXYZ" if kind.digits_only else "")))
    return good[:i] + bad + good[i:], None


@SAFETY
@given(data=st.data(), kind=st.sampled_from([PinKind.AUTH, PinKind.SIGN]))
def test_malformed_input_never_reaches_the_card(channel, card, data, kind):
    text, reason = data.draw(malformed(kind))
    session = JpkiSession(channel)
    before, sent = counters(card), len(card.log)
    with pytest.raises(E.PinFormatError) as exc:
        with prepare_pin(kind, text) as pin:
            session.verify(kind, pin)
    if reason is not None:
        assert exc.value.reason == reason.value
    assert pin_bearing(card, sent) == []
    assert counters(card) == before


@SAFETY
@given(data=st.data())
def test_malformed_new_pin_is_refused_before_the_card(channel, card, data):
    text, _ = data.draw(malformed(PinKind.SIGN))
    sent = len(card.log)
    with pytest.raises(E.PinFormatError):
        with (
            prepare_pin(PinKind.SIGN, "ABC123") as cur,
            prepare_pin(PinKind.SIGN, text, new=True) as new,
        ):
            JpkiSession(channel).change_pin(PinKind.SIGN, cur, new)
    assert pin_bearing(card, sent) == []


@pytest.mark.parametrize("text", ["ABCDEF", "abcdef", "123456", "ABCDEFGHIJKLMNOP"])
def test_an_unmixed_signing_password_never_reaches_the_card(channel, card, text):
    """A set signing password always mixes letters and digits, so "ABCDEF" cannot be right:
    presenting it would only spend one of the five tries (issue 15 item 9)."""
    session = JpkiSession(channel)
    before, sent = counters(card), len(card.log)
    with pytest.raises(E.PinFormatError) as exc:
        with prepare_pin(PinKind.SIGN, text) as pin:
            session.verify(PinKind.SIGN, pin)
    assert exc.value.reason == FormatProblem.NEEDS_LETTER_AND_DIGIT.value
    assert pin_bearing(card, sent) == []
    assert counters(card) == before
    raw = bytearray(text.encode())
    with pytest.raises(E.PinFormatError):
        prepare_pin(PinKind.SIGN, raw)
    assert raw == bytearray()  # a refused buffer is wiped


@pytest.mark.parametrize("text", ["ABCDEF", "123456", "ABCDEFGHIJKLMNOP"])
def test_new_signing_password_must_mix_letters_and_digits(text):
    assert FormatProblem.NEEDS_LETTER_AND_DIGIT in check_new_pin(PinKind.SIGN, text)
    with pytest.raises(E.PinFormatError):
        prepare_pin(PinKind.SIGN, text, new=True)


# -- a card pulled mid-verify -------------------------------------------------------------------


class PullOnVerify:
    """The card leaves exactly when the VERIFY carrying the PIN is sent: it never executes it."""

    def __init__(self, inner: VirtualTransport) -> None:
        self.inner = inner

    def send_and_receive(self, apdu: bytes):
        if apdu[1] == 0x20 and len(apdu) > 5:
            self.inner.remove()
        return self.inner.send_and_receive(apdu)

    def close(self) -> None:
        pass


@pytest.mark.parametrize(
    "kind,pin", [(PinKind.AUTH, "0000"), (PinKind.SIGN, "ZZZ999"), (PinKind.AUTH, "1234")]
)
def test_card_pulled_mid_verify_leaves_every_counter_unchanged(card, transport, kind, pin):
    card.pin_ref(PinKind.AUTH).remaining = 2
    before = counters(card)
    session = JpkiSession(ApduChannel(PullOnVerify(transport)))
    with pytest.raises(E.CardRemoved), prepare_pin(kind, pin) as buf:
        session.verify(kind, buf)
    assert counters(card) == before
    assert not session.is_verified(kind)


# -- traces ---------------------------------------------------------------------------------------


def test_traffic_log_never_contains_a_pin(pki, caplog):
    sign_pin, auth_pin, new_sign = "QZX7W9KL", "7391", "NEWPW4242"
    card = build_card(
        pki,
        {
            PinKind.SIGN: PinRef.create(PinKind.SIGN, sign_pin),
            PinKind.AUTH: PinRef.create(PinKind.AUTH, auth_pin),
            PinKind.CARD_INFO: PinRef.create(PinKind.CARD_INFO, "8264"),
        },
    )
    channel = ApduChannel(VirtualTransport(card))
    caplog.set_level(TRAFFIC)
    s = JpkiSession(channel)
    with prepare_pin(PinKind.AUTH, auth_pin) as p:
        s.verify(PinKind.AUTH, p)
    with pytest.raises(E.PinIncorrect), prepare_pin(PinKind.AUTH, "1111") as p:
        s.verify(PinKind.AUTH, p)
    with (
        prepare_pin(PinKind.SIGN, sign_pin) as cur,
        prepare_pin(PinKind.SIGN, new_sign, new=True) as new,
    ):
        s.change_pin(PinKind.SIGN, cur, new)
    ci = CardInfoSession(channel)
    with prepare_pin(PinKind.CARD_INFO, "8264") as p:
        ci.verify(p)
    traffic = [r for r in caplog.records if r.levelno == TRAFFIC]
    assert len(traffic) >= 20 and any("redacted" in r.getMessage() for r in traffic)
    text = "\n".join(r.getMessage() for r in caplog.records)
    for secret in (sign_pin, auth_pin, new_sign, "1111", "8264"):
        raw = secret.encode()
        for form in (secret, raw.hex(), raw.hex().upper(), raw.hex(" "), raw.hex(" ").upper()):
            assert form not in text, f"{form!r} leaked into the trace"


# -- buffers ---------------------------------------------------------------------------------------


class RecordingBytes(bytearray):
    """A bytearray that remembers its content right before it is cleared."""

    before_clear: bytes | None = None

    def clear(self) -> None:
        self.before_clear = bytes(self)
        super().clear()


def test_pin_buffer_is_zeroed_then_emptied_on_exit():
    raw = RecordingBytes(b"ABC123")
    with PinBuffer(raw) as pin:
        assert len(pin) == 6 and "ABC123" not in repr(pin)
    assert raw.before_clear == b"\x00" * 6 and raw == bytearray() and len(pin) == 0


def test_buffers_used_for_verify_are_wiped(channel):
    s = JpkiSession(channel)
    with prepare_pin(PinKind.SIGN, "abc123") as pin:
        s.verify(PinKind.SIGN, pin)
        inner = pin.bytes
    assert inner == bytearray()
    with pytest.raises(E.PinIncorrect):
        with prepare_pin(PinKind.AUTH, "0000") as pin:
            inner = pin.bytes
            s.verify(PinKind.AUTH, pin)
    assert inner == bytearray()  # wiped on the error path too

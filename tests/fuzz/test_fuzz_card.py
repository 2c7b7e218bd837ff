"""Card answers: TLV / DER headers, token info, certificate availability, the card-info
attributes, ATRs, and whole status reads against a card that answers garbage."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from jpki_desktop.card import atr
from jpki_desktop.card.cardinfo import BasicAttributes
from jpki_desktop.card.der import der_total_length, read_tlv, tlv_children
from jpki_desktop.card.errors import JpkiError
from jpki_desktop.card.jpki import CertAvailability, TokenInfo
from jpki_desktop.card.snapshot import read_snapshot
from jpki_desktop.card.transport import ApduChannel

from .conftest import outcome

FAST = settings(settings.get_profile("fuzz"), max_examples=1500)

# TLV-shaped input finds more than uniform bytes: a tag, a length form, a body
tlv_like = st.builds(
    lambda tag, form, body: tag + form + body,
    st.sampled_from([b"\x30", b"\xff\x20", b"\xdf\x22", b"\x04", b"\x5f\x1f", b""]),
    st.sampled_from(
        [
            b"",
            b"\x00",
            b"\x7f",
            b"\x80",
            b"\x81\xff",
            b"\x82\xff\xff",
            b"\x84\xff\xff\xff\xff",
            b"\x89",
        ]
    ),
    st.binary(max_size=64),
)
card_bytes = st.binary(max_size=300) | tlv_like


@FAST
@given(data=card_bytes)
def test_der_header(data):
    n = outcome(lambda: der_total_length(data), (JpkiError,))
    assert isinstance(n, (int, JpkiError))
    if isinstance(n, int):
        assert n >= 2


@FAST
@given(data=card_bytes, pos=st.integers(0, 8))
def test_tlv(data, pos):
    outcome(lambda: read_tlv(data, pos), (JpkiError,))
    outcome(lambda: tlv_children(data), (JpkiError,))


@FAST
@given(data=card_bytes)
def test_token_info_availability_and_attributes(data):
    outcome(lambda: TokenInfo.parse(data), (JpkiError,))
    outcome(lambda: CertAvailability.parse(data), (JpkiError,))
    outcome(lambda: BasicAttributes.parse(data), (JpkiError,))


@FAST
@given(data=st.binary(max_size=40))
def test_atr(data):
    outcome(lambda: (atr.well_formed(data), atr.classify(data)), ())


class GarbageCard:
    """A transport whose every answer is drawn by hypothesis."""

    def __init__(self, answers):
        self.answers = iter(answers)

    def send_and_receive(self, apdu):
        try:
            return next(self.answers)
        except StopIteration:
            return b"", 0x6D00

    def close(self):
        pass


sws = st.sampled_from(
    [0x9000, 0x6A82, 0x6982, 0x63C3, 0x63C0, 0x6983, 0x6C10, 0x6110, 0x6B00, 0x6D00]
) | st.integers(0, 0xFFFF)
answers = st.lists(st.tuples(card_bytes, sws), max_size=24)


@settings(settings.get_profile("fuzz"), max_examples=700)
@given(script=answers)
def test_status_read_of_a_card_answering_garbage(script):
    channel = ApduChannel(GarbageCard(script))
    snap = outcome(lambda: read_snapshot(channel), (JpkiError,))
    assert channel.apdu_count < 200  # 61xx / 6Cxx loops are bounded
    del snap

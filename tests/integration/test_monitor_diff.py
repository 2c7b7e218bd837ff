"""The monitor's state diff (pure): which events turn one reader snapshot into the next."""

from __future__ import annotations

from jpki_desktop.card import pcsc
from jpki_desktop.card.monitor import (
    CardInserted,
    CardRemoved,
    ReaderAdded,
    ReaderRemoved,
    ReaderState,
    diff_states,
)

ATR = bytes.fromhex("3B DA 13 FF 81 31 FB 46 80 12 39 2F 31 C1 73 C6 01 C0 3B")
OTHER = bytes.fromhex("3B 88 80 01 00 00 05 E0 B3 81 A1 00 7F")


def test_added_and_removed_readers_carry_their_cards():
    old = {"A": ReaderState(ATR, 1)}
    new = {"B": ReaderState(OTHER, 1)}
    assert diff_states(old, new) == [
        CardRemoved("A"),
        ReaderRemoved("A"),
        ReaderAdded("B"),
        CardInserted("B", OTHER),
    ]
    assert diff_states({}, {}) == []


def test_insert_remove_and_a_swap_between_two_reads():
    assert diff_states({"A": ReaderState(None, 2)}, {"A": ReaderState(ATR, 3)}) == [
        CardInserted("A", ATR)
    ]
    assert diff_states({"A": ReaderState(ATR, 3)}, {"A": ReaderState(None, 4)}) == [
        CardRemoved("A")
    ]
    # same ATR, but pcsc-lite's event counter moved by two: out and in again between reads
    assert diff_states({"A": ReaderState(ATR, 3)}, {"A": ReaderState(ATR, 5)}) == [
        CardRemoved("A"),
        CardInserted("A", ATR),
    ]
    assert diff_states({"A": ReaderState(ATR, 3)}, {"A": ReaderState(OTHER, 3)}) == [
        CardRemoved("A"),
        CardInserted("A", OTHER),
    ]
    assert diff_states({"A": ReaderState(ATR, 0xFFFF)}, {"A": ReaderState(ATR, 1)}) == [
        CardRemoved("A"),
        CardInserted("A", ATR),
    ]
    assert diff_states({"A": ReaderState(ATR, 3)}, {"A": ReaderState(ATR, 3)}) == []


def test_state_from_flags():
    present = pcsc.STATE_PRESENT | (7 << 16)
    assert ReaderState.from_flags(present, ATR) == ReaderState(ATR, 7)
    assert ReaderState.from_flags(present | pcsc.STATE_MUTE, ATR) == ReaderState(
        b"", 7
    )  # mute: no ATR
    assert ReaderState.from_flags(pcsc.STATE_EMPTY | (8 << 16), b"") == ReaderState(None, 8)
    # another program opening the card (INUSE/EXCLUSIVE) changes nothing the monitor reports
    assert ReaderState.from_flags(
        present | pcsc.STATE_INUSE | pcsc.STATE_EXCLUSIVE, ATR
    ) == ReaderState(ATR, 7)

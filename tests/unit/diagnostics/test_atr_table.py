"""ATR classification (protocol reference §1.1) and reader-name interface guesses."""

from __future__ import annotations

import pytest

from jpki_desktop.card.atr import (
    KNOWN_ATRS,
    AtrKind,
    Interface,
    classify,
    interface_from_reader_name,
    is_contactless_pseudo_atr,
    well_formed,
)


@pytest.mark.parametrize("atr", list(KNOWN_ATRS))
def test_every_known_atr_is_well_formed_and_classified(atr):
    info = classify(atr)
    assert info.well_formed
    assert info.kind is not AtrKind.UNKNOWN
    assert info.label


@pytest.mark.parametrize(
    "hex_atr,kind,interface",
    [
        (
            "3B DA 13 FF 81 31 FB 46 80 12 39 2F 31 C1 73 C6 01 C0 3B",
            AtrKind.MY_NUMBER,
            Interface.CONTACT,
        ),
        ("3B 88 80 01 00 00 05 E0 B3 81 A1 00 7F", AtrKind.MY_NUMBER, Interface.CONTACTLESS),
        ("3B 88 80 01 00 00 14 E0 B3 81 91 00 5E", AtrKind.JUKI, Interface.CONTACTLESS),
        ("3B E0 00 FF 81 31 FE 45 14", AtrKind.JUKI_OR_MY_NUMBER, Interface.CONTACT),
    ],
)
def test_table_entries(hex_atr, kind, interface):
    info = classify(bytes.fromhex(hex_atr))
    assert (info.kind, info.interface) == (kind, interface)
    assert info.hex == hex_atr


def test_unknown_contactless_pseudo_atr_is_recognised_as_contactless():
    # a per-tap PUPI in the pseudo-ATR: unknown, but still contactless; TCK recomputed
    body = bytes.fromhex("3B 88 80 01 12 34 56 78 B3 81 A1 00")
    tck = 0
    for b in body[1:]:
        tck ^= b
    info = classify(body + bytes((tck,)))
    assert info.kind is AtrKind.UNKNOWN
    assert info.interface is Interface.CONTACTLESS
    assert info.well_formed


def test_malformed_atrs():
    good = bytes.fromhex("3B DA 13 FF 81 31 FB 46 80 12 39 2F 31 C1 73 C6 01 C0 3B")
    assert not well_formed(good[:-1] + b"\x00")  # wrong TCK
    assert not well_formed(good[:-3])  # truncated
    assert not well_formed(b"")
    assert not well_formed(b"\x00\x00")
    assert well_formed(bytes.fromhex("3B 00"))  # T=0 only, no historical bytes: no TCK needed
    assert not is_contactless_pseudo_atr(good)


@pytest.mark.parametrize(
    "name,interface",
    [
        ("SONY FeliCa RC-S300/P 00 00", Interface.CONTACTLESS),
        ("ACS ACR1252 1S CL Reader PICC 00 00", Interface.CONTACTLESS),
        ("ACS ACR1252 1S CL Reader SAM 00 01", Interface.CONTACT),
        ("Identiv uTrust 3700 F Contactless Reader 00 00", Interface.CONTACTLESS),
        ("Virtual PCD 00 00", Interface.UNKNOWN),
        ("Samsung Generic Reader 00 00", Interface.UNKNOWN),
    ],
)
def test_interface_from_reader_name(name, interface):
    assert interface_from_reader_name(name) is interface

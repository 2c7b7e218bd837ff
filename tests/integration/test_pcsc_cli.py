"""`jpki --reader NAME readers | status | cert | pin` through the real pcscd + vpcd."""

from __future__ import annotations

import io
import json
import sys

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization

from jpki_desktop.card.pins import PinKind
from jpki_desktop.cli import exitcodes as X
from jpki_desktop.cli.main import main

pytestmark = pytest.mark.pcsc


def run(capsys, monkeypatch, argv, stdin: str | None = None):
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    rc = main(argv)
    out = capsys.readouterr()
    return rc, out.out, out.err


def counters(card):
    return {k: card.pin_ref(k).remaining for k in PinKind}


def test_readers_lists_both_virtual_readers(capsys, monkeypatch, pcscd, pcsc_card):
    rc, out, _ = run(capsys, monkeypatch, ["--json", "readers"])
    rows = {r["name"]: r for r in json.loads(out)}
    assert rc == 0
    assert (
        rows[pcscd.readers[0]]["card_present"]
        and rows[pcscd.readers[0]]["atr"] == pcsc_card.card.atr.hex(" ").upper()
    )
    assert not rows[pcscd.readers[1]]["card_present"]


def test_status_json_through_pcscd_spends_nothing(capsys, monkeypatch, pcscd, pcsc_card, pki):
    card = pcsc_card.card
    card.pin_ref(PinKind.SIGN).remaining = 3
    rc, out, _ = run(capsys, monkeypatch, ["--reader", pcscd.readers[0], "--json", "status"])
    data = json.loads(out)
    assert rc == 0 and data["reader"] == pcscd.readers[0]
    assert data["card_kind"] == "my_number_card"
    assert data["pins"]["sign"] == {"remaining": 3, "maximum": 5, "state": "low"}
    assert data["pins"]["auth"] == {"remaining": 3, "maximum": 3, "state": "normal"}
    assert data["auth_certificate"]["serial"] == format(pki.auth.cert.serial_number, "X")
    assert counters(card) == {PinKind.SIGN: 3, PinKind.AUTH: 3, PinKind.CARD_INFO: 3}
    assert not [r for r in card.log if r.ins == 0x20 and r.lc > 0]


def test_empty_reader_is_exit_4(capsys, monkeypatch, pcscd, pcsc_card):
    rc, _, err = run(capsys, monkeypatch, ["--reader", pcscd.readers[1], "status"])
    assert rc == X.NO_CARD and "No card in the reader" in err


def test_unknown_reader_is_exit_3(capsys, monkeypatch, pcscd, pcsc_card):
    rc, _, err = run(capsys, monkeypatch, ["--reader", "Nonexistent Reader", "status"])
    assert rc == X.NO_SERVICE and "Nonexistent Reader" in err


def test_not_a_jpki_card_is_exit_5(capsys, monkeypatch, pcscd, pcsc_card, pki):
    from jpki_desktop.card.virtual.store import CardProfile, build_card

    pcsc_card.card = build_card(pki, profile=CardProfile(jpki_present=False))
    rc, _, err = run(capsys, monkeypatch, ["--reader", pcscd.readers[0], "status"])
    assert rc == X.NOT_JPKI


def test_signing_certificate_through_pcscd(capsys, monkeypatch, pcscd, pcsc_card, pki):
    argv = ["--reader", pcscd.readers[0], "cert", "sign", "--pem", "--password-stdin"]
    rc, out, err = run(capsys, monkeypatch, argv, "ABC123\n")
    assert rc == 0 and "name, address, birth date and sex" in err
    assert (
        x509.load_pem_x509_certificate(out.encode()).public_bytes(serialization.Encoding.DER)
        == pki.sign.der
    )


def test_pin_change_through_pcscd(capsys, monkeypatch, pcscd, pcsc_card):
    argv = ["--reader", pcscd.readers[0], "pin", "change", "auth", "--password-stdin"]
    rc, _, _ = run(capsys, monkeypatch, argv, "1234\n9876\n")
    ref = pcsc_card.card.pin_ref(PinKind.AUTH)
    assert rc == 0 and ref.matches(b"9876") and ref.remaining == 3


@pytest.mark.parametrize(
    "argv,stdin",
    [
        (["pin", "change", "auth", "--password-stdin"], "１２３４\n9876\n"),
        (["pin", "change", "sign", "--password-stdin"], "ABC123\nabcdef\n"),
        (["cert", "sign", "--password-stdin"], "ABC 123\n"),
    ],
)
def test_malformed_password_stdin_never_touches_the_card(
    capsys, monkeypatch, pcscd, pcsc_card, argv, stdin
):
    card = pcsc_card.card
    rc, _, err = run(capsys, monkeypatch, ["--reader", pcscd.readers[0], *argv], stdin)
    assert rc == X.PIN_REFUSED
    assert card.log == []  # not a single APDU
    assert counters(card) == {PinKind.SIGN: 5, PinKind.AUTH: 3, PinKind.CARD_INFO: 3}

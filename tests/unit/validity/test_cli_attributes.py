"""`jpki attributes`: declared events (no card) and the card comparison (two PINs)."""

from __future__ import annotations

import dataclasses
import io
import json

import pytest

from jpki_desktop.card.connect import OpenCard
from jpki_desktop.card.pins import PinKind
from jpki_desktop.card.transport import ApduChannel
from jpki_desktop.card.virtual.store import build_card
from jpki_desktop.card.virtual.transport import VirtualTransport
from jpki_desktop.cli import exitcodes as X
from jpki_desktop.cli.main import main


def use_card(monkeypatch, card):
    monkeypatch.setattr(
        "jpki_desktop.cli.validity_card.opener_from_args",
        lambda args: lambda: OpenCard(ApduChannel(VirtualTransport(card)), "virtual", card.atr),
    )


def test_declared_events_need_no_card(monkeypatch, capsys):
    monkeypatch.setattr(
        "jpki_desktop.cli.validity_card.opener_from_args", lambda a: pytest.fail("card opened")
    )
    assert main(["attributes", "--event", "moved", "--event", "name-changed"]) == X.OK
    out = capsys.readouterr().out
    assert "will be revoked" in out and "keeps working" in out and "new signing certificate" in out


def test_no_input_is_a_usage_error(capsys):
    assert main(["attributes"]) == X.USAGE


def test_compare_card_unchanged(pki, monkeypatch, capsys):
    card = build_card(pki)
    use_card(monkeypatch, card)
    monkeypatch.setattr("sys.stdin", io.StringIO("ABC123\n1234\n"))
    assert main(["--json", "attributes", "--compare-card", "--password-stdin"]) == X.OK
    data = json.loads(capsys.readouterr().out)
    assert data["verdict"] == "unchanged" and data["compared"] is True


def test_compare_card_after_a_move_says_revoked(pki, monkeypatch, capsys):
    moved = dataclasses.replace(
        pki, holder=dataclasses.replace(pki.holder, address="大阪府大阪市北区見本町１番")
    )
    card = build_card(
        moved
    )  # card-info AP rewritten by the office; certificates still the old ones
    use_card(monkeypatch, card)
    monkeypatch.setattr("sys.stdin", io.StringIO("ABC123\n1234\n"))
    assert main(["attributes", "--compare-card", "--password-stdin"]) == X.INVALID
    out = capsys.readouterr().out
    assert "differ from your signing certificate in: address" in out
    assert "has been revoked" in out and "keeps working" in out


def test_wrong_card_info_pin_is_reported_and_signing_try_restored(pki, monkeypatch, capsys):
    card = build_card(pki)
    use_card(monkeypatch, card)
    monkeypatch.setattr("sys.stdin", io.StringIO("ABC123\n9999\n"))
    assert main(["attributes", "--compare-card", "--password-stdin"]) == X.PIN_INCORRECT
    assert "2 tries left" in capsys.readouterr().err
    assert card.pin_ref(PinKind.SIGN).remaining == 5  # the right signing password reset its counter

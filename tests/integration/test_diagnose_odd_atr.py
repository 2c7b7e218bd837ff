"""`jpki diagnose` with cards whose ATR is odd, through pcscd + vpcd (the virtual card sets the
ATR): every card the reader offers gets a diagnosis without a traceback, and a card pcscd
cannot talk to is named as a protocol problem (issue 15 item 8)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from jpki_desktop.card import pcsc
from jpki_desktop.diagnostics import Status, run_diagnosis
from jpki_desktop.diagnostics.system import Platform

pytestmark = pytest.mark.pcsc

ODD_ATRS = {
    "one-byte": bytes.fromhex("3B"),
    "bad-ts": bytes.fromhex("00FF"),
    "33-bytes": bytes.fromhex("3BFF1300FF8131FE45") + bytes(range(0x41, 0x41 + 24)),
    "no-protocol": bytes.fromhex("3B00"),
}


def reinsert_with_atr(pcscd, pcsc_card, atr: bytes) -> None:
    pcsc_card.remove()
    with pcsc.Context() as ctx:
        assert ctx.wait_reader_state(pcscd.readers[0], False, 5000)
    pcsc_card.card.atr = atr
    pcsc_card.insert()
    with pcsc.Context() as ctx:  # pcscd may flag the card MUTE; wait for any change
        ctx.wait_for_change([(pcscd.readers[0], pcsc.STATE_EMPTY)], 3000)


@pytest.fixture
def odd_card(pcscd, pcsc_card):
    original = pcsc_card.card.atr

    def use(atr: bytes):
        reinsert_with_atr(pcscd, pcsc_card, atr)
        return pcsc_card

    yield use
    reinsert_with_atr(pcscd, pcsc_card, original)
    with pcsc.Context() as ctx:
        assert ctx.wait_reader_state(pcscd.readers[0], True, 5000)


@pytest.mark.parametrize("name", list(ODD_ATRS))
def test_odd_atr_is_diagnosed_without_a_traceback(pcscd, odd_card, name):
    odd_card(ODD_ATRS[name])
    d = run_diagnosis(platform=Platform.detect(), reader=pcscd.readers[0])
    results = {r.id: r for r in d.results}
    texts = " ".join(f"{r.detail} {r.fix}" for r in d.results)
    assert "this check itself failed" not in texts.lower(), texts
    assert "Traceback" not in texts
    assert all(r.status in set(Status) for r in d.results)
    assert results["pcsc_service"].status is Status.OK
    assert results["atr"].data.get("kind") != "my_number"  # never taken for a My Number card
    access = results["reader_access"]
    if name in ("one-byte", "bad-ts"):  # pcscd cannot negotiate a protocol with these
        assert access.status is Status.FAIL and access.data["protocol_problem"] is True
        assert "protocol mismatch" in access.detail and access.fix
        assert all(results[i].status is Status.SKIPPED for i in ("jpki_application", "sign_pin"))
    else:  # the virtual JPKI card behind an odd ATR still answers: diagnosed to the end
        assert access.status is Status.OK, access.detail
        assert results["jpki_application"].status is Status.OK


@pytest.mark.parametrize("name", ["one-byte", "33-bytes"])
def test_odd_atr_cli_diagnose_has_no_traceback(pcscd, odd_card, name):
    odd_card(ODD_ATRS[name])
    proc = subprocess.run(
        [sys.executable, "-m", "jpki_desktop.cli", "--reader", pcscd.readers[0], "diagnose"],
        capture_output=True,
        text=True,
        timeout=60,
        env=dict(os.environ),
    )
    assert "Traceback" not in proc.stderr + proc.stdout
    assert "this check itself failed" not in proc.stdout.lower()
    assert proc.stdout.strip()

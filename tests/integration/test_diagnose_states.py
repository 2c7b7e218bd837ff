"""Diagnosis through the real (private) pcscd + vpcd, one real failure state per test.

States that need pcscd down stop the SESSION daemon and always restart it; states that need
another daemon configuration run in a subprocess (test_diagnose_cli.py).
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from jpki_desktop.card import pcsc
from jpki_desktop.card.apdu import INS
from jpki_desktop.card.pins import PinKind
from jpki_desktop.card.virtual.pki import generate_card_pki
from jpki_desktop.card.virtual.store import CardProfile, build_card
from jpki_desktop.diagnostics import Status, run_diagnosis
from jpki_desktop.diagnostics.system import ENABLE_PCSCD, Platform

pytestmark = pytest.mark.pcsc

CARD_PROBES = [
    "jpki_application",
    "token_kind",
    "certificates",
    "sign_pin",
    "auth_pin",
    "certificate_expiry",
]


def diagnose(**kw):
    d = run_diagnosis(platform=Platform.detect(), **kw)
    return {r.id: r for r in d.results}, d


def statuses(results, ids):
    return {results[i].status for i in ids}


def test_healthy_card_is_all_ok_with_few_apdus_and_no_try_spent(pcscd, pcsc_card):
    results, d = diagnose()
    assert {r.status for r in results.values()} == {Status.OK}, [
        (r.id, r.detail) for r in d.results
    ]
    assert d.reader == pcscd.readers[0]
    assert d.apdu_count == len(pcsc_card.card.log) <= 12
    assert all(c.lc == 0 for c in pcsc_card.card.log if c.ins == INS.VERIFY)
    assert results["readers"].data["readers"][0]["name"] == pcscd.readers[0]
    assert results["atr"].data["kind"] == "my_number"


def test_pcscd_not_running(pcscd):
    pcscd.stop()
    try:
        results, _ = diagnose()
    finally:
        pcscd.start()
    svc = results["pcsc_service"]
    assert results["pcsc_library"].status is Status.OK
    assert svc.status is Status.FAIL and "not running" in svc.detail
    assert ENABLE_PCSCD in svc.fix
    assert statuses(results, ["readers", "card_present"] + CARD_PROBES) == {Status.SKIPPED}


def test_flatpak_sandbox_without_pcsc_socket(pcscd, tmp_path):
    info = tmp_path / "flatpak-info"
    info.write_text("[Application]\nname=jp.example.JpkiDesktop\n")
    plat = Platform.detect(
        flatpak_info=info, env={"PCSCLITE_CSOCK_NAME": str(tmp_path / "no-socket")}
    )
    pcscd.stop()
    try:
        d = run_diagnosis(platform=plat)
    finally:
        pcscd.start()
    svc = d.by_id("pcsc_service")
    assert svc.status is Status.FAIL and "Flatpak" in svc.detail
    assert "flatpak override --user --socket=pcsc jp.example.JpkiDesktop" in svc.fix


def test_readers_but_no_card(pcscd, pcsc_card):
    pcsc_card.remove()
    with pcsc.Context() as ctx:
        assert ctx.wait_reader_state(pcscd.readers[0], False, 5000)
    results, _ = diagnose()
    assert results["readers"].status is Status.OK
    present = results["card_present"]
    assert present.status is Status.FAIL and "No card" in present.detail and "Insert" in present.fix
    assert statuses(results, ["atr", "reader_access"] + CARD_PROBES) == {Status.SKIPPED}


def test_unknown_reader_name(pcscd, pcsc_card):
    results, _ = diagnose(reader="No Such Reader")
    assert (
        results["card_present"].status is Status.FAIL
        and "No Such Reader" in results["card_present"].detail
    )


def test_non_jpki_card(pcscd, pcsc_card, pki):
    pcsc_card.card = build_card(pki, profile=CardProfile(jpki_present=False))
    results, _ = diagnose()
    app = results["jpki_application"]
    assert (
        app.status is Status.FAIL
        and app.data["sw"] == "6A82"
        and "not a My Number card" in app.detail
    )
    assert statuses(results, CARD_PROBES[1:]) == {Status.SKIPPED}


def test_old_juki_card_token(pcscd, pcsc_card, pki):
    pcsc_card.card = build_card(pki, profile=CardProfile(label="JPKIAPICCTOKEN"))
    results, _ = diagnose()
    token = results["token_kind"]
    assert token.status is Status.FAIL and token.data["kind"] == "juki_card"
    assert "My Number card" in token.fix


def test_blocked_pins(pcscd, pcsc_card):
    pcsc_card.card.pin_ref(PinKind.SIGN).remaining = 0
    results, _ = diagnose()
    sign = results["sign_pin"]
    assert sign.status is Status.FAIL and "blocked" in sign.detail
    assert "municipal office" in sign.fix and "JPKI PIN reset" in sign.fix
    assert results["auth_pin"].status is Status.OK

    pcsc_card.card.pin_ref(PinKind.AUTH).remaining = 0
    results, _ = diagnose()
    assert statuses(results, ["sign_pin", "auth_pin"]) == {Status.FAIL}
    assert "blocked too" in results["auth_pin"].fix
    assert all(c.lc == 0 for c in pcsc_card.card.log if c.ins == INS.VERIFY)


def test_expired_certificate(pcscd, pcsc_card, pki):
    old = generate_card_pki(
        issued=dt.date(2015, 4, 1),
        not_after=dt.date(2020, 6, 30),
        sign_ca=pki.sign_ca,
        auth_ca=pki.auth_ca,
    )
    pcsc_card.card = build_card(old)
    results, _ = diagnose()
    exp = results["certificate_expiry"]
    assert exp.status is Status.FAIL and "expired" in exp.detail and "municipal office" in exp.fix
    assert exp.data["expires"] == "2020-06-30" and "expires" in exp.private


def test_card_pulled_during_diagnosis(pcscd, pcsc_card):
    reader = pcscd.readers[0]

    def pull_after_token_probe(r):
        if r.id == "token_kind":
            pcsc_card.remove()
            with pcsc.Context() as ctx:  # go on only once pcscd has noticed (no connect() polling)
                assert ctx.wait_reader_state(reader, False, 5000)

    d = run_diagnosis(platform=Platform.detect(), on_result=pull_after_token_probe)
    results = {r.id: r for r in d.results}
    assert results["token_kind"].status is Status.OK
    pulled = results["certificates"]
    assert pulled.status is Status.FAIL, pulled
    assert "taken out" in pulled.detail or "failed" in pulled.detail
    assert statuses(results, ["sign_pin", "auth_pin", "certificate_expiry"]) == {Status.SKIPPED}


HOLD_EXCLUSIVELY = """
import sys
from jpki_desktop.card.pcsc import PcscTransport
t = PcscTransport(sys.argv[1], exclusive=True)
print("holding", flush=True)
sys.stdin.readline()
t.close()
"""


def test_another_process_holds_the_reader_exclusively(pcscd, pcsc_card):
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_EXCLUSIVELY, pcscd.readers[0]],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "holding"
        results, _ = diagnose()
    finally:
        holder.stdin.close()  # it releases the reader and exits by itself; nothing is killed
        holder.wait(timeout=10)
    access = results["reader_access"]
    assert access.status is Status.FAIL and "another program" in access.detail.lower()
    assert "never stops other programs" in access.fix
    assert statuses(results, CARD_PROBES) == {Status.SKIPPED}
    results, _ = diagnose()  # once released, everything works again
    assert results["reader_access"].status is Status.OK


def _reinsert(pcscd, vc, card):
    reader = pcscd.readers[0]
    vc.remove()
    with pcsc.Context() as ctx:
        assert ctx.wait_reader_state(reader, False, 5000)
        vc.card = card
        vc.insert()
        assert ctx.wait_reader_state(reader, True, 5000)


def test_unknown_and_malformed_atrs(pcscd, pcsc_card, pki):
    try:
        _reinsert(
            pcscd, pcsc_card, build_card(pki, profile=CardProfile(atr=bytes.fromhex("3B 02 14 50")))
        )
        results, _ = diagnose()
        atr = results["atr"]
        assert (
            atr.status is Status.OK and atr.data["kind"] == "unknown" and "JPKI check" in atr.detail
        )
        assert results["jpki_application"].status is Status.OK

        _reinsert(
            pcscd,
            pcsc_card,
            build_card(pki, profile=CardProfile(atr=bytes.fromhex("3B 81 80 01 00"))),
        )
        results, _ = diagnose()
        atr = results["atr"]
        assert atr.status is Status.WARN and "malformed" in atr.detail and "again" in atr.fix
    finally:  # leave the slot empty (and seen empty): the next test inserts a normal card
        pcsc_card.remove()
        with pcsc.Context() as ctx:
            ctx.wait_reader_state(pcscd.readers[0], False, 5000)

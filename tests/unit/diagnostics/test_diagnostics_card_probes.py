"""Card probes on the in-process virtual card: kinds of card, counters, certificates, expiry.

The same probes run through pcscd in tests/integration/test_diagnose_states.py; here the
many card variants are cheap.
"""

from __future__ import annotations

import datetime as dt

import pytest

from jpki_desktop.card.apdu import INS
from jpki_desktop.card.pins import PinKind
from jpki_desktop.card.transport import ApduChannel
from jpki_desktop.card.virtual.pki import generate_card_pki
from jpki_desktop.card.virtual.store import CardProfile, build_card
from jpki_desktop.card.virtual.transport import VirtualTransport
from jpki_desktop.diagnostics.card import CardProbes
from jpki_desktop.diagnostics.model import Status

NOW = dt.datetime(2026, 1, 10, 3, 0, tzinfo=dt.UTC)


def run(card, now=NOW):
    channel = ApduChannel(VirtualTransport(card))
    results = {r.id: r for r in CardProbes(channel, now).run()}
    return results, channel


def test_healthy_card_all_ok_in_few_apdus_and_no_pin_sent(card):
    results, channel = run(card)
    assert [r.status for r in results.values()] == [Status.OK] * 6
    assert channel.apdu_count <= 12
    verifies = [c for c in card.log if c.ins == INS.VERIFY]
    assert len(verifies) == 2 and all(c.lc == 0 for c in verifies)  # empty VERIFY only
    assert card.pin_ref(PinKind.SIGN).remaining == 5 and card.pin_ref(PinKind.AUTH).remaining == 3
    assert not any(
        c.ins == INS.READ_BINARY and c.p1 == 0x81 for c in card.log
    )  # EF 0001 (sign cert) never read


def test_non_jpki_card_stops_after_the_application_probe(pki):
    results, _ = run(build_card(pki, profile=CardProfile(jpki_present=False)))
    app = results["jpki_application"]
    assert app.status is Status.FAIL and "6A82" in app.detail and app.fix
    assert {r.status for k, r in results.items() if k != "jpki_application"} == {Status.SKIPPED}


@pytest.mark.parametrize(
    "label,status,words",
    [
        ("JPKIAPICCTOKEN", Status.FAIL, "Basic Resident Registration"),
        ("JPKIAPGPSETOKEN", Status.OK, "Android"),
        ("JPKIAPIOSTOKEN", Status.OK, "iPhone"),
        ("SOMETHINGNEW", Status.WARN, "Unknown JPKI token"),
    ],
)
def test_token_kinds(pki, label, status, words):
    results, _ = run(build_card(pki, profile=CardProfile(label=label)))
    assert results["token_kind"].status is status
    assert words in results["token_kind"].detail


def test_low_final_and_blocked_counters_with_the_right_unblock_route(card):
    card.pin_ref(PinKind.SIGN).remaining = 0
    card.pin_ref(PinKind.AUTH).remaining = 2
    results, _ = run(card)
    sign, auth = results["sign_pin"], results["auth_pin"]
    assert sign.status is Status.FAIL and sign.data["remaining"] == 0
    assert "municipal office" in sign.fix and "convenience-store" in sign.fix
    assert "user authentication PIN" in sign.fix  # the kiosk route needs the other, working PIN
    assert auth.status is Status.WARN and "2 of 3" in auth.detail

    card.pin_ref(PinKind.AUTH).remaining = 1
    results, _ = run(card)
    assert results["auth_pin"].status is Status.WARN and "Only 1" in results["auth_pin"].detail

    card.pin_ref(PinKind.AUTH).remaining = 0
    results, _ = run(card)
    for key in ("sign_pin", "auth_pin"):
        r = results[key]
        assert r.status is Status.FAIL
        assert "municipal office" in r.fix and "blocked too" in r.fix  # no kiosk route left
    assert card.pin_ref(PinKind.SIGN).remaining == 0  # reading counters spent nothing


def test_card_without_signing_certificate(pki):
    young = generate_card_pki(
        issued=dt.date(2024, 3, 15),
        with_signing_cert=False,
        sign_ca=pki.sign_ca,
        auth_ca=pki.auth_ca,
    )
    results, _ = run(build_card(young))
    certs = results["certificates"]
    assert certs.status is Status.WARN and "No signing certificate" in certs.detail
    assert certs.data == {"sign": False, "auth": True}
    assert results["certificate_expiry"].data["sign_certificate"] == "not on the card"


def test_expiry_states_follow_the_clock(card, pki):
    last_day = pki.auth.cert.not_valid_after_utc  # end of day, Japan time
    results, _ = run(card, now=last_day - dt.timedelta(days=200))
    assert results["certificate_expiry"].status is Status.OK
    results, _ = run(card, now=last_day - dt.timedelta(days=30))
    r = results["certificate_expiry"]
    assert (
        r.status is Status.WARN
        and "within three months" in r.detail
        and "municipal office" in r.fix
    )
    results, _ = run(card, now=last_day + dt.timedelta(days=1))
    r = results["certificate_expiry"]
    assert r.status is Status.FAIL and "expired" in r.detail
    assert r.data["days_left"] < 0 and set(r.private) >= {"expires", "days_left"}


def test_card_pulled_mid_way_skips_the_rest(card):
    transport = VirtualTransport(card)
    channel = ApduChannel(transport)
    seen = []
    for r in CardProbes(channel, NOW).run():
        seen.append(r)
        if r.id == "token_kind":
            transport.remove()
    by_id = {r.id: r for r in seen}
    assert by_id["token_kind"].status is Status.OK
    assert (
        by_id["certificates"].status is Status.FAIL and "taken out" in by_id["certificates"].detail
    )
    assert {by_id[k].status for k in ("sign_pin", "auth_pin", "certificate_expiry")} == {
        Status.SKIPPED
    }

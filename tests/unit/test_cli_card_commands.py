"""`jpki readers | status | cert | pin` on the demo card (JPKI_DEMO_STATE in a temp dir).

The demo card is pre-built from the session test PKI (no key generation per test) and read back
from its state file afterwards, so counters are checked on the card itself.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization

from jpki_desktop.card.pins import PinKind
from jpki_desktop.card.transport import TRAFFIC
from jpki_desktop.card.virtual.store import CardProfile, CardStore, build_card
from jpki_desktop.cli import exitcodes as X
from jpki_desktop.cli.main import main


@pytest.fixture
def demo(tmp_path, monkeypatch, pki):
    store = CardStore(tmp_path / "demo-card")
    store.save(build_card(pki), pki, CardProfile())
    monkeypatch.setenv("JPKI_DEMO_STATE", str(store.directory))
    return store


def card_of(store):
    card, _, _ = store.load()
    return card


def counters(store):
    card = card_of(store)
    return {k: card.pin_ref(k).remaining for k in PinKind}


def set_remaining(store, pki, kind, n):
    card = card_of(store)
    card.pin_ref(kind).remaining = n
    store.save(card, pki, CardProfile())


def run(capsys, monkeypatch, argv, stdin: str | None = None):
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    rc = main(argv)
    out = capsys.readouterr()
    return rc, out.out, out.err


@pytest.fixture
def card_must_not_be_opened(monkeypatch):
    def refuse(*a, **k):
        raise AssertionError("the card was opened")

    monkeypatch.setattr("jpki_desktop.app.card.open_card", refuse)


# -- readers / status ---------------------------------------------------------------------------


def test_readers_demo_json(capsys, monkeypatch, demo, pki):
    rc, out, _ = run(capsys, monkeypatch, ["--demo", "--json", "readers"])
    rows = json.loads(out)
    assert rc == 0 and len(rows) == 1
    assert rows[0]["card_present"] is True and rows[0]["atr"] == card_of(demo).atr.hex(" ").upper()


def test_status_json_fields(capsys, monkeypatch, demo, pki):
    rc, out, _ = run(capsys, monkeypatch, ["--demo", "--json", "status"])
    data = json.loads(out)
    assert rc == X.OK
    assert data["card_kind"] == "my_number_card" and data["token_label"] == "JPKIAPICCTOKEN2"
    assert data["pins"] == {
        "sign": {"remaining": 5, "maximum": 5, "state": "normal"},
        "auth": {"remaining": 3, "maximum": 3, "state": "normal"},
        "card_info": {"remaining": 3, "maximum": 3, "state": "normal"},
    }
    cert = pki.auth.cert
    assert data["auth_certificate"]["subject"] == cert.subject.rfc4514_string()
    assert data["auth_certificate"]["serial"] == format(cert.serial_number, "X")
    assert data["auth_certificate"]["not_before"] == cert.not_valid_before_utc.isoformat()
    assert data["auth_certificate"]["not_after"] == cert.not_valid_after_utc.isoformat()
    assert data["certificates_present"] == {"sign": True, "auth": True}


def test_status_reports_low_counters_and_spends_nothing(capsys, monkeypatch, demo, pki):
    set_remaining(demo, pki, PinKind.SIGN, 1)
    set_remaining(demo, pki, PinKind.AUTH, 2)
    before = counters(demo)
    for _ in range(5):
        rc, out, _ = run(capsys, monkeypatch, ["--demo", "--json", "status"])
    data = json.loads(out)
    assert data["pins"]["sign"] == {"remaining": 1, "maximum": 5, "state": "final_try"}
    assert data["pins"]["auth"]["state"] == "low"
    assert counters(demo) == before
    rc, out, _ = run(capsys, monkeypatch, ["--demo", "status"])
    assert "Signing password  1/5 tries left  [final_try]" in out
    assert f"serial {pki.auth.cert.serial_number:X}" in out


def test_pin_status_json(capsys, monkeypatch, demo):
    rc, out, _ = run(capsys, monkeypatch, ["--demo", "--json", "pin", "status"])
    assert rc == 0 and json.loads(out)["sign"] == {"remaining": 5, "maximum": 5, "state": "normal"}


# -- cert --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "slot,attr", [("auth", "auth"), ("auth-ca", "auth_ca"), ("sign-ca", "sign_ca")]
)
def test_public_certificates_without_a_password(
    capsys, monkeypatch, demo, pki, tmp_path, slot, attr
):
    out_file = tmp_path / "out" / f"{slot}.der"
    out_file.parent.mkdir()
    rc, _, err = run(capsys, monkeypatch, ["--demo", "cert", slot, "--der", "-o", str(out_file)])
    assert rc == 0 and out_file.read_bytes() == getattr(pki, attr).der
    assert os.listdir(out_file.parent) == [out_file.name]  # atomic write leaves no temp file
    assert "personal data" not in err


def test_signing_certificate_warns_about_personal_data(capsys, monkeypatch, demo, pki):
    rc, out, err = run(
        capsys, monkeypatch, ["--demo", "cert", "sign", "--pem", "--password-stdin"], "abc123\n"
    )
    assert rc == 0
    assert "name, address, birth date and sex" in err
    assert (
        x509.load_pem_x509_certificate(out.encode()).public_bytes(serialization.Encoding.DER)
        == pki.sign.der
    )
    assert counters(demo)[PinKind.SIGN] == 5


def test_wrong_signing_password_exit_6_and_count_from_the_card(capsys, monkeypatch, demo):
    rc, _, err = run(
        capsys, monkeypatch, ["--demo", "cert", "sign", "--password-stdin"], "ZZZ999\n"
    )
    assert rc == X.PIN_INCORRECT and "4 tries left" in err
    assert counters(demo)[PinKind.SIGN] == 4


@pytest.mark.parametrize(
    "line", ["ABC 12", "ＡＢＣ１２３", "AB12", "ABC123\u3000", "", "ABCDEFGHIJKLMNOPQ", "ABCDEF"]
)
def test_malformed_password_stdin_exit_8_without_touching_the_card(
    capsys, monkeypatch, demo, card_must_not_be_opened, line
):
    rc, _, err = run(
        capsys, monkeypatch, ["--demo", "cert", "sign", "--password-stdin"], line + "\n"
    )
    assert rc == X.PIN_REFUSED and "was not sent to the card" in err
    assert counters(demo)[PinKind.SIGN] == 5


# -- pin change ----------------------------------------------------------------------------------


def test_pin_change_through_password_stdin(capsys, monkeypatch, demo):
    rc, out, _ = run(
        capsys, monkeypatch, ["--demo", "pin", "change", "auth", "--password-stdin"], "1234\n5678\n"
    )
    assert rc == 0 and "changed" in out.lower()
    ref = card_of(demo).pin_ref(PinKind.AUTH)
    assert ref.matches(b"5678") and not ref.matches(b"1234") and ref.remaining == 3
    rc, _, _ = run(
        capsys,
        monkeypatch,
        ["--demo", "pin", "change", "sign", "--password-stdin"],
        "abc123\nnew987\n",
    )
    assert rc == 0 and card_of(demo).pin_ref(PinKind.SIGN).matches(b"NEW987")  # upper-cased


@pytest.mark.parametrize(
    "kind,lines",
    [
        ("auth", "１２３４\n5678\n"),  # full-width current PIN
        ("auth", "1234\n56 78\n"),  # space in the new one
        ("auth", "1234\n56789\n"),
        ("sign", "ABC123\nABCDEF\n"),  # new signing password without a digit
        ("sign", "ABC123\n"),  # no new password at all
    ],
)
def test_pin_change_refuses_malformed_input_before_the_card(
    capsys, monkeypatch, demo, card_must_not_be_opened, kind, lines
):
    rc, _, err = run(
        capsys, monkeypatch, ["--demo", "pin", "change", kind, "--password-stdin"], lines
    )
    assert rc == X.PIN_REFUSED and "not sent to the card" in err
    assert counters(demo) == {PinKind.SIGN: 5, PinKind.AUTH: 3, PinKind.CARD_INFO: 3}


def test_wrong_current_pin_exit_6_then_blocked_exit_7(capsys, monkeypatch, demo, pki):
    set_remaining(demo, pki, PinKind.AUTH, 2)
    rc, _, err = run(
        capsys, monkeypatch, ["--demo", "pin", "change", "auth", "--password-stdin"], "0000\n5678\n"
    )
    assert rc == X.PIN_INCORRECT and "1 try left" in err
    rc, _, err = run(
        capsys, monkeypatch, ["--demo", "pin", "change", "auth", "--password-stdin"], "0000\n5678\n"
    )
    assert rc == X.PIN_REFUSED and "Only one try is left" in err  # the last try needs --final-try
    assert counters(demo)[PinKind.AUTH] == 1
    argv = ["--demo", "pin", "change", "auth", "--password-stdin", "--final-try"]
    rc, _, err = run(capsys, monkeypatch, argv, "0000\n5678\n")
    assert rc == X.PIN_BLOCKED and "municipal office" in err
    rc, _, err = run(capsys, monkeypatch, argv, "1234\n5678\n")
    assert rc == X.PIN_BLOCKED
    card = card_of(demo)
    assert card.pin_ref(PinKind.AUTH).remaining == 0 and card.pin_ref(PinKind.AUTH).matches(b"1234")


def test_apdu_trace_never_shows_the_pins(capsys, monkeypatch, demo, caplog):
    caplog.set_level(TRAFFIC)
    rc, _, err = run(
        capsys,
        monkeypatch,
        ["--demo", "-vvv", "pin", "change", "auth", "--password-stdin"],
        "1234\n5678\n",
    )
    assert rc == 0
    traffic = "\n".join(r.getMessage() for r in caplog.records if r.levelno == TRAFFIC)
    assert "redacted" in traffic
    for secret in (b"1234", b"5678"):
        for form in (secret.hex(), secret.hex(" "), secret.hex().upper(), secret.hex(" ").upper()):
            assert form not in traffic and form not in err


# -- exit codes without a card ----------------------------------------------------------------------


def test_bad_command_line_is_exit_2(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["cert", "nonsense"])
    assert exc.value.code == X.USAGE


def test_no_pcsc_service_is_exit_3(tmp_path):
    env = dict(os.environ, PCSCLITE_CSOCK_NAME=str(tmp_path / "no-such-pcscd.comm"))
    proc = subprocess.run(
        [sys.executable, "-m", "jpki_desktop.cli", "status"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == X.NO_SERVICE
    assert "smart card service is not running" in proc.stderr and "Traceback" not in proc.stderr

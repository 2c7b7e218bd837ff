"""`jpki expiry` with and without a card."""

from __future__ import annotations

import io
import json
import select
import socket
import subprocess
import sys

import pytest

from jpki_desktop.card.virtual.store import CardStore
from jpki_desktop.cli import exitcodes as X
from jpki_desktop.cli.main import main


def run_json(capsys, argv):
    rc = main(argv)
    out = capsys.readouterr().out
    return rc, json.loads(out) if out.strip().startswith("{") else out


def test_rules_mode_json_exact_dates(capsys):
    rc, data = run_json(
        capsys,
        [
            "expiry",
            "--birth-date",
            "1990-05-31",
            "--issued",
            "2024-06-15",
            "--today",
            "2029-03-01",
            "--json",
        ],
    )
    assert rc == 0 and data["mode"] == "rules"
    for kind in ("sign", "auth"):
        assert data[kind]["expires"] == "2029-05-31"
        assert data[kind]["renewal_from"] == "2029-03-01"
        assert data[kind]["state"] == "renewal_open"
        assert data[kind]["days_left"] == 91
    assert data["card"] == {
        **data["card"],
        "expires": "2034-05-31",
        "renewal_from": "2034-03-01",
        "state": "valid",
        "days_left": 1917,
    }


def test_rules_mode_json_before_subcommand_too(capsys):
    rc, data = run_json(
        capsys,
        [
            "--json",
            "expiry",
            "--birth-date",
            "2010-01-01",
            "--issued",
            "2024-06-15",
            "--today",
            "2024-07-01",
        ],
    )
    assert data["sign"]["state"] == "not_issued" and data["sign"]["reason"] == "under_15"
    assert data["sign"]["expires"] is None


def test_rules_mode_options(capsys):
    rc, data = run_json(
        capsys,
        [
            "expiry",
            "--birth-date",
            "2001-08-20",
            "--issued",
            "2021-01-15",
            "--applied-before-2022-04",
            "--residence-until",
            "2025-03-31",
            "--today",
            "2025-04-01",
            "--json",
        ],
    )
    assert data["card"]["expires"] == "2025-03-31" and data["card"]["limit"] == "residence_period"
    assert data["sign"]["state"] == "expired" and data["sign"]["days_left"] == -1
    rc, data = run_json(
        capsys,
        [
            "expiry",
            "--birth-date",
            "2001-08-20",
            "--issued",
            "2021-01-15",
            "--age-at-issue",
            "25",
            "--today",
            "2024-01-01",
            "--json",
        ],
    )
    assert data["card"]["expires"] == "2030-08-20"


def test_rules_mode_text(capsys):
    assert (
        main(
            [
                "expiry",
                "--birth-date",
                "1988-07-15",
                "--issued",
                "2024-08-01",
                "--today",
                "2029-07-16",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "EXPIRED" in out and "valid until 2029-07-15" in out and "municipal office" in out


@pytest.mark.parametrize(
    "argv,code",
    [
        (["expiry", "--issued", "2024-01-01"], X.USAGE),
        (["expiry", "--birth-date", "2000-01-01", "--issued", "1999-01-01"], X.USAGE),
    ],
)
def test_bad_facts_exit_with_usage(argv, code, capsys):
    assert main(argv) == code
    assert "jpki:" in capsys.readouterr().err


def test_bad_date_syntax_is_an_argparse_error(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["expiry", "--birth-date", "1990-02-30", "--issued", "2024-01-01"])
    assert exc.value.code == 2


def _pcsc_socket(tmp_path):
    """A Unix socket standing in for pcscd: libpcsclite connects to PCSCLITE_CSOCK_NAME first."""
    path = tmp_path / "pcscd.comm"
    srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    srv.bind(str(path))
    srv.listen(4)
    return srv, {"PCSCLITE_CSOCK_NAME": str(path), "PATH": "/usr/bin:/bin"}


def _connected(srv, wait):
    return bool(select.select([srv], [], [], wait)[0])


def test_rules_mode_never_talks_to_pcsc(tmp_path):
    srv, env = _pcsc_socket(tmp_path)
    code = (
        "from jpki_desktop.cli.main import main\n"
        "raise SystemExit(main(['expiry','--birth-date','1990-01-01','--issued','2024-01-01','--json']))\n"
    )
    try:
        done = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
        )
        assert done.returncode == 0, done.stderr
        assert not _connected(srv, 0)
        # control: a real PC/SC call is seen by the same detector
        probe = subprocess.Popen(
            [
                sys.executable,
                "-c",
                "from smartcard.scard import *\nSCardEstablishContext(SCARD_SCOPE_USER)",
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            assert _connected(srv, 20)
        finally:
            probe.kill()
            probe.wait()
    finally:
        srv.close()


def test_rules_mode_does_not_open_any_card(monkeypatch, capsys):
    import jpki_desktop.card.connect as connect

    def boom(*a, **k):
        raise AssertionError("card opened in rules mode")

    monkeypatch.setattr(connect, "open_card", boom)
    monkeypatch.setattr("jpki_desktop.app.card.open_card", boom)
    assert main(["--demo", "expiry", "--birth-date", "1990-01-01", "--issued", "2024-01-01"]) == 0


# -- with the (demo) card -------------------------------------------------------------------


@pytest.fixture
def demo_card(tmp_path, monkeypatch):
    monkeypatch.setenv("JPKI_DEMO_STATE", str(tmp_path / "demo"))
    card, _ = CardStore(tmp_path / "demo").load_or_create()
    return card


def test_card_mode_reads_auth_only_without_password(demo_card, capsys):
    rc, data = run_json(capsys, ["--demo", "expiry", "--today", "2025-01-01", "--json"])
    assert rc == 0 and data["mode"] == "card"
    assert data["auth"]["source"] == "certificate" and data["auth"]["expires"] == "2028-06-30"
    assert data["sign"]["estimated"] is True and data["sign"]["expires"] == "2028-06-30"
    assert data["card"]["state"] == "unknown"  # no birth date without the signing certificate


def test_card_mode_with_birth_date_from_user(demo_card, capsys):
    rc, data = run_json(
        capsys,
        ["--demo", "expiry", "--birth-date", "1985-06-30", "--today", "2025-01-01", "--json"],
    )
    assert data["card"]["expires"] == "2033-06-30" and data["card"]["estimated"] is True
    assert data["auth"]["limit"] == "fifth_birthday"


def test_card_mode_with_signing_certificate(demo_card, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("abc123\n"))
    rc, data = run_json(
        capsys,
        [
            "--demo",
            "expiry",
            "--with-signing-cert",
            "--password-stdin",
            "--card-expires",
            "2034-06-30",
            "--today",
            "2028-04-01",
            "--json",
        ],
    )
    assert rc == 0
    assert data["sign"]["source"] == "certificate" and data["sign"]["estimated"] is False
    assert data["sign"]["state"] == "renewal_open" and data["sign"]["renewal_from"] == "2028-03-31"
    assert data["card"]["expires"] == "2034-06-30" and data["card"]["limit"] == "card_face"


def test_card_mode_wrong_password_reports_tries(demo_card, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("WRONG1\n"))
    assert main(["--demo", "expiry", "--with-signing-cert", "--password-stdin"]) == X.PIN_INCORRECT
    assert "4 tries left" in capsys.readouterr().err


def test_card_mode_badly_formatted_password_never_reaches_the_card(demo_card, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("12\n"))
    assert main(["--demo", "expiry", "--with-signing-cert", "--password-stdin"]) == X.PIN_REFUSED
    capsys.readouterr()
    rc, data = run_json(capsys, ["--demo", "--json", "status"])
    assert data["pins"]["sign"]["remaining"] == 5

"""Issue 15 on the demo card: personal-data files are private and respect the umask; "no" to
the final-try question ends before the password prompt; -vvv never hex-dumps personal data;
the disk-full sentence; an impossible signing password never reaches the card."""

from __future__ import annotations

import errno
import io
import os
import stat
import sys

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization

from jpki_desktop.card.pins import PinKind
from jpki_desktop.card.transport import TRAFFIC
from jpki_desktop.card.virtual.store import CardProfile, CardStore, build_card
from jpki_desktop.cli import common
from jpki_desktop.cli import exitcodes as X
from jpki_desktop.cli.errors import describe
from jpki_desktop.cli.main import main


@pytest.fixture
def demo(tmp_path, monkeypatch, pki):
    store = CardStore(tmp_path / "demo-card")
    store.save(build_card(pki), pki, CardProfile())
    monkeypatch.setenv("JPKI_DEMO_STATE", str(store.directory))
    return store


@pytest.fixture
def umask():
    old = os.umask(0o022)
    yield os.umask
    os.umask(old)


def run(capsys, monkeypatch, argv, stdin: str | None = None):
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    rc = main(argv)
    out = capsys.readouterr()
    return rc, out.out, out.err


def mode_of(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def card_of(store):
    card, _, _ = store.load()
    return card


# -- item 7: file modes ---------------------------------------------------------------------------


@pytest.mark.parametrize("mask,expected", [(0o022, 0o600), (0o077, 0o600), (0o277, 0o400)])
def test_signing_certificate_and_signature_are_private(
    capsys, monkeypatch, demo, tmp_path, umask, mask, expected
):
    umask(mask)
    pem, doc = tmp_path / "s.pem", tmp_path / "doc.txt"
    doc.write_text("hello")
    argv = ["--demo", "cert", "sign", "--pem", "-o", str(pem), "--password-stdin"]
    assert run(capsys, monkeypatch, argv, "ABC123\n")[0] == X.OK
    argv = ["--demo", "sign", str(doc), "-o", str(tmp_path / "x.p7s"), "--password-stdin"]
    assert run(capsys, monkeypatch, argv, "ABC123\n")[0] == X.OK
    assert mode_of(pem) == expected and mode_of(tmp_path / "x.p7s") == expected


@pytest.mark.parametrize("mask,expected", [(0o022, 0o644), (0o077, 0o600)])
def test_public_certificates_follow_the_umask(
    capsys, monkeypatch, demo, tmp_path, umask, mask, expected
):
    umask(mask)
    out = tmp_path / "auth.pem"
    assert run(capsys, monkeypatch, ["--demo", "cert", "auth", "--pem", "-o", str(out)])[0] == 0
    assert mode_of(out) == expected


def test_cert_to_a_symlink_follows_it(capsys, monkeypatch, demo, tmp_path):
    real, link = tmp_path / "real.pem", tmp_path / "link.pem"
    link.symlink_to(real)
    assert run(capsys, monkeypatch, ["--demo", "cert", "auth", "--pem", "-o", str(link)])[0] == 0
    assert link.is_symlink()
    x509.load_pem_x509_certificate(real.read_bytes())


# -- item 16: final try, traces, disk full -------------------------------------------------------


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_no_to_the_final_try_question_never_asks_the_password(
    capsys, monkeypatch, demo, pki, tmp_path
):
    card = card_of(demo)
    card.pin_ref(PinKind.SIGN).remaining = 1
    demo.save(card, pki, CardProfile())
    monkeypatch.setattr(sys, "stdin", _Tty(""))
    monkeypatch.setattr("builtins.input", lambda prompt="": "n")

    def no_prompt(*a, **k):
        raise AssertionError("the password was asked for after 'no'")

    monkeypatch.setattr(common, "_read_secret_line", no_prompt)
    monkeypatch.setattr(common.getpass, "getpass", no_prompt)
    for argv in (
        ["--demo", "cert", "sign"],
        ["--demo", "sign", __file__, "-o", str(tmp_path / "x.p7s")],
    ):
        rc, _, err = run(capsys, monkeypatch, argv)
        assert rc == X.PIN_REFUSED and "Only one try is left" in err
    assert not (tmp_path / "x.p7s").exists()
    assert card_of(demo).pin_ref(PinKind.SIGN).remaining == 1


def test_vvv_trace_never_shows_the_signing_certificate(
    capsys, monkeypatch, demo, pki, caplog, tmp_path
):
    caplog.set_level(TRAFFIC)
    argv = [
        "--demo",
        "-vvv",
        "cert",
        "sign",
        "--der",
        "-o",
        str(tmp_path / "s.der"),
        "--password-stdin",
    ]
    rc, _, err = run(capsys, monkeypatch, argv, "ABC123\n")
    assert rc == X.OK
    traffic = "\n".join(r.getMessage() for r in caplog.records if r.levelno == TRAFFIC)
    der = pki.sign.cert.public_bytes(serialization.Encoding.DER)
    assert "card data redacted" in traffic
    for chunk in (der[40:72], der[-64:-32]):  # inside the certificate (subject, key, signature)
        assert chunk.hex() not in traffic and chunk.hex() not in err
    auth = pki.auth.cert.public_bytes(serialization.Encoding.DER)
    rc, _, _ = run(
        capsys,
        monkeypatch,
        ["--demo", "-vvv", "cert", "auth", "--der", "-o", str(tmp_path / "a.der")],
    )
    traffic = "\n".join(r.getMessage() for r in caplog.records if r.levelno == TRAFFIC)
    assert auth[40:72].hex() in traffic  # public data stays visible for debugging


def test_disk_full_sentence_has_no_empty_parentheses():
    message, code = describe(OSError(errno.ENOSPC, "No space left on device"))
    assert "()" not in message and "No space left on device" in message
    assert "Free some space" in message and code == X.ERROR
    message, _ = describe(OSError(errno.ENOSPC, "No space left on device", "/mnt/out.p7s"))
    assert "(/mnt/out.p7s)" in message


# -- item 9 through the CLI ------------------------------------------------------------------------


@pytest.mark.parametrize("password", ["ABCDEF", "abcdefgh", "123456"])
def test_an_impossible_signing_password_is_refused_before_the_card(
    capsys, monkeypatch, demo, password
):
    before = len(card_of(demo).log)
    argv = ["--demo", "cert", "sign", "--pem", "--password-stdin"]
    rc, _, err = run(capsys, monkeypatch, argv, password + "\n")
    assert rc == X.PIN_REFUSED and "must mix letters and digits" in err
    card = card_of(demo)
    assert card.pin_ref(PinKind.SIGN).remaining == 5
    assert not [r for r in card.log[before:] if r.ins == 0x20 and r.lc > 0]

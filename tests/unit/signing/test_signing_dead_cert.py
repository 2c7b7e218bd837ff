"""Never sign with a dead certificate: refused before COMPUTE DIGITAL SIGNATURE, nothing
written; the clock is passed in (core) or is the process clock under faketime (CLI)."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.serialization import Encoding
from signing_helpers import crl_revoking

from jpki_desktop.card.jpki import JpkiSession
from jpki_desktop.card.pins import PinKind, prepare_pin
from jpki_desktop.card.virtual.pki import new_key
from jpki_desktop.cli import exitcodes as X
from jpki_desktop.signing.errors import CertificateUnusable
from jpki_desktop.signing.signers.card import CardSigner, preflight
from jpki_desktop.signing.signers.cert_usable import (
    cached_crls,
    check_signing_certificate,
    revoked_at,
)

VERIFY, SIGN = 0x20, 0x2A
UTC = dt.UTC
# the test PKI: signing CA 2023-07-16 .. 2033-07-15, signing certificate 2024-03-15 .. 2029-06-30
PAST_NOT_AFTER = dt.datetime(2030, 1, 10, tzinfo=UTC)
BEFORE_NOT_BEFORE = dt.datetime(2024, 1, 10, tzinfo=UTC)
PAST_CA = dt.datetime(2034, 1, 10, tzinfo=UTC)
BEFORE_CA = dt.datetime(2020, 1, 10, tzinfo=UTC)


def _count(card, ins):
    return sum(1 for r in card.log if r.ins == ins and r.lc > 0)


def _unlock(channel, now, crls=()):
    session = JpkiSession(channel)
    preflight(session, now=now)
    with prepare_pin(PinKind.SIGN, "ABC123") as pin:
        return CardSigner.unlock(session, pin, now=now, crls=crls)


@pytest.mark.parametrize(
    ("now", "problem"), [(PAST_NOT_AFTER, "expired"), (BEFORE_NOT_BEFORE, "not_yet_valid")]
)
def test_dead_signing_certificate_refused_after_verify_before_any_signature(
    card, channel, pki, now, problem
):
    with pytest.raises(CertificateUnusable) as info:
        _unlock(channel, now)
    assert info.value.problem == problem
    assert info.value.not_after == pki.sign.cert.not_valid_after_utc
    assert _count(card, VERIFY) == 1  # the one VERIFY the user asked for...
    assert _count(card, SIGN) == 0  # ...and no COMPUTE DIGITAL SIGNATURE
    assert JpkiSession(channel).pin_status(PinKind.SIGN).remaining == 5  # no try spent


@pytest.mark.parametrize(
    ("now", "problem"), [(PAST_CA, "ca_expired"), (BEFORE_CA, "ca_not_yet_valid")]
)
def test_clock_outside_the_signing_ca_is_refused_before_the_password(card, channel, now, problem):
    with pytest.raises(CertificateUnusable) as info:
        _unlock(channel, now)
    assert info.value.problem == problem
    assert _count(card, VERIFY) == 0 and _count(card, SIGN) == 0


def test_valid_today_signs_once(card, channel):
    signer = _unlock(channel, dt.datetime(2026, 12, 1, tzinfo=UTC))
    signer.sign_digest_info(bytes.fromhex("3031300d060960864801650304020105000420") + bytes(32))
    assert _count(card, SIGN) == 1


def test_known_revoked_from_a_fresh_crl_is_refused(card, channel, pki):
    crl = crl_revoking(pki.sign_ca, pki.sign.cert.serial_number)
    with pytest.raises(CertificateUnusable) as info:
        _unlock(channel, dt.datetime.now(UTC), crls=[crl])
    assert info.value.problem == "revoked" and info.value.revoked_at is not None
    assert _count(card, SIGN) == 0


def test_stale_foreign_or_damaged_crls_say_nothing(pki):
    cert, ca = pki.sign.cert, pki.sign_ca.cert
    now = dt.datetime.now(UTC)
    fresh = crl_revoking(pki.sign_ca, cert.serial_number)
    assert revoked_at(cert, ca, now, [fresh]) is not None
    assert revoked_at(cert, ca, now + dt.timedelta(days=3), [fresh]) is None  # past nextUpdate
    other_key = new_key()
    forged = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(ca.subject)
        .last_update(now - dt.timedelta(hours=1))
        .next_update(now + dt.timedelta(days=1))
        .add_revoked_certificate(
            x509.RevokedCertificateBuilder()
            .serial_number(cert.serial_number)
            .revocation_date(now - dt.timedelta(minutes=5))
            .build()
        )
        .sign(other_key, hashes.SHA256())
        .public_bytes(Encoding.DER)
    )
    assert revoked_at(cert, ca, now, [forged, b"\x30\x03garbage"]) is None
    check_signing_certificate(cert, ca, now, [forged])  # does not raise


def test_cached_crls_reads_the_validity_cache(tmp_path, pki):
    (tmp_path / "a.crl").write_bytes(b"x")
    (tmp_path / "a.json").write_text("{}")
    assert cached_crls(tmp_path) == [b"x"]
    assert cached_crls(tmp_path / "absent") == []


# -- the CLI under a computer clock past notAfter (libfaketime) --------------------------------

FAKETIME = shutil.which("faketime")


def _jpki(env, cwd, *argv, stdin="ABC123\n", when=None):
    cmd = [sys.executable, "-m", "jpki_desktop.cli", *argv]
    if when is not None:
        cmd = [FAKETIME, "-f", "@" + when.strftime("%Y-%m-%d %H:%M:%S"), *cmd]
    return subprocess.run(
        cmd, input=stdin, capture_output=True, text=True, env=env, cwd=cwd, timeout=120
    )


@pytest.fixture
def demo_env(tmp_path):
    env = dict(os.environ)
    env["JPKI_DEMO_STATE"] = str(tmp_path / "card")
    env["JPKI_DEMO_AGENCY"] = str(tmp_path / "agency")
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache")
    work = tmp_path / "work"
    work.mkdir()
    (work / "form.xml").write_bytes("<DATA id='DATA'><NAME>見本</NAME></DATA>".encode())
    # the demo card and agency are created now, under the real clock
    assert _jpki(env, work, "--demo", "status").returncode == 0
    return env, work


COMMANDS = {
    "sign": ["sign", "form.xml", "-o", "out.p7s"],
    "sign-xml": ["sign-xml", "form.xml", "-o", "out.xml"],
    "package": ["package", "--procedure", "P1", "--form", "form.xml", "-o", "out.p7m"],
}


@pytest.mark.skipif(FAKETIME is None, reason="faketime not installed")
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_cli_refuses_to_sign_under_a_clock_past_not_after(demo_env, command):
    env, work = demo_env
    before = sorted(p.name for p in work.iterdir())
    r = _jpki(env, work, "--demo", *COMMANDS[command], "--password-stdin", when=PAST_NOT_AFTER)
    assert r.returncode == X.INVALID, r.stderr
    assert re.search(r"Nothing was signed: your signing certificate expired on 20\d\d-", r.stderr)
    assert "municipal office" in r.stderr and "clock" in r.stderr
    assert "Traceback" not in r.stderr
    assert sorted(p.name for p in work.iterdir()) == before  # nothing written
    status = _jpki(env, work, "--demo", "--json", "pin", "status")
    assert json.loads(status.stdout)["sign"]["remaining"] == 5


@pytest.mark.skipif(FAKETIME is None, reason="faketime not installed")
def test_cli_refuses_before_the_password_when_the_clock_is_before_the_ca(demo_env):
    env, work = demo_env
    r = _jpki(env, work, "--demo", *COMMANDS["sign"], "--password-stdin", when=BEFORE_CA)
    assert r.returncode == X.INVALID, r.stderr
    assert "Nothing was sent to the card" in r.stderr and "Correct the computer's clock" in r.stderr
    assert not (Path(work) / "out.p7s").exists()
    r = _jpki(env, work, "--demo", *COMMANDS["sign"], "--password-stdin")  # the real clock
    assert r.returncode == 0, r.stderr


@pytest.mark.skipif(FAKETIME is None, reason="faketime not installed")
def test_cli_refuses_a_certificate_not_yet_valid_after_the_one_verify(demo_env):
    env, work = demo_env
    r = _jpki(
        env, work, "--demo", *COMMANDS["sign-xml"], "--password-stdin", when=BEFORE_NOT_BEFORE
    )
    assert r.returncode == X.INVALID, r.stderr
    assert "your signing certificate is valid only from 2024-03-15" in r.stderr
    assert "Correct the computer's clock" in r.stderr
    assert not (Path(work) / "out.xml").exists()

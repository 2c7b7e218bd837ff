"""`jpki check` and `jpki expiry` through the real pcscd + vpcd reader (not --demo), with the
revocation server answering for the session test PKI."""

from __future__ import annotations

import io
import json

import pytest
from cryptography.hazmat.primitives import serialization
from test_revocation_servers import NOW, Behaviour, RevocationServer

from jpki_desktop.card.pins import PinKind
from jpki_desktop.cli import exitcodes as X
from jpki_desktop.cli.main import main

pytestmark = pytest.mark.pcsc


@pytest.fixture(scope="module")
def responder(pki):
    server = RevocationServer().start()
    server.ca = pki.auth_ca
    server.issued = [pki.auth.cert]
    yield server
    server.stop()


def test_check_over_a_real_reader(pcscd, pcsc_card, pki, responder, tmp_path, capsys):
    responder.behaviour = Behaviour(known={pki.auth.cert.serial_number})
    ca = tmp_path / "auth-ca.pem"
    ca.write_bytes(pki.auth_ca.cert.public_bytes(serialization.Encoding.PEM))
    rc = main(
        [
            "--reader",
            pcscd.readers[0],
            "--json",
            "check",
            "--ca",
            str(ca),
            "--ocsp-url",
            responder.ocsp_url,
            "--at",
            NOW.isoformat(),
        ]
    )
    data = json.loads(capsys.readouterr().out)
    assert rc == X.OK, data["auth"]["attempts"]
    assert data["auth"]["outcome"] == "valid" and data["auth"]["basis"] == "ocsp_online"
    assert [r for r in pcsc_card.card.log if r.ins == 0x20 and r.lc > 0] == []  # no PIN was sent

    responder.behaviour = Behaviour(
        known={pki.auth.cert.serial_number}, revoked={pki.auth.cert.serial_number}
    )
    rc = main(
        [
            "--reader",
            pcscd.readers[0],
            "check",
            "--ca",
            str(ca),
            "--ocsp-url",
            responder.ocsp_url,
            "--at",
            NOW.isoformat(),
        ]
    )
    assert rc == X.INVALID and "REVOKED" in capsys.readouterr().out


def test_expiry_over_a_real_reader_with_signing_certificate(pcscd, pcsc_card, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("ABC123\n"))
    rc = main(
        [
            "--reader",
            pcscd.readers[0],
            "--json",
            "expiry",
            "--with-signing-cert",
            "--password-stdin",
            "--today",
            "2028-04-01",
        ]
    )
    data = json.loads(capsys.readouterr().out)
    assert rc == 0 and data["mode"] == "card"
    assert data["sign"]["source"] == "certificate" and data["sign"]["state"] == "renewal_open"
    assert data["card"]["expires"] == "2033-06-30"
    assert pcsc_card.card.pin_ref(PinKind.SIGN).remaining == 5

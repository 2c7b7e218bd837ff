"""`jpki check` against the real CRL server and OCSP responder on 127.0.0.1: exit codes 0/9/10."""

from __future__ import annotations

import dataclasses
import io
import json

from test_revocation_servers import NOW, closed_port_url, revocation_pki, servers  # noqa: F401

from jpki_desktop.card.connect import OpenCard
from jpki_desktop.card.transport import ApduChannel
from jpki_desktop.card.virtual.store import build_card
from jpki_desktop.card.virtual.transport import VirtualTransport
from jpki_desktop.cli import exitcodes as X
from jpki_desktop.cli.main import main

AT = ["--at", NOW.isoformat()]


def use_card(monkeypatch, pki):
    card = build_card(pki)
    monkeypatch.setattr(
        "jpki_desktop.cli.validity_card.opener_from_args",
        lambda args: lambda: OpenCard(ApduChannel(VirtualTransport(card)), "virtual", card.atr),
    )
    return card


def run(capsys, argv):
    rc = main(argv)
    return rc, capsys.readouterr()


def test_demo_card_auth_valid(servers, monkeypatch, capsys):
    use_card(monkeypatch, servers.pki)
    rc, out = run(capsys, ["--demo", "check", *AT])
    assert rc == X.OK
    assert "VALID, not revoked" in out.out and "checked online (OCSP" in out.out


def test_json_and_revoked_exit_9(servers, monkeypatch, capsys):
    use_card(monkeypatch, dataclasses.replace(servers.pki, auth=servers.revoked))
    rc, out = run(capsys, ["--demo", "check", "--json", *AT])
    data = json.loads(out.out)
    assert rc == X.INVALID and data["exit_code"] == X.INVALID
    assert data["auth"]["outcome"] == "revoked" and data["auth"]["checked_at"] == NOW.isoformat()


def test_responder_down_exit_10(servers, monkeypatch, capsys):
    use_card(monkeypatch, servers.pki)
    rc, out = run(
        capsys,
        ["--demo", "check", "--no-cert-pointers", "--ocsp-url", closed_port_url("/ocsp"), *AT],
    )
    assert rc == X.UNCHECKED and "COULD NOT CHECK" in out.out and "unreachable" in out.out


def test_garbage_exit_10(servers, monkeypatch, capsys):
    servers.server.behaviour.ocsp = servers.server.behaviour.crl = "garbage"
    use_card(monkeypatch, servers.pki)
    rc, _ = run(capsys, ["--demo", "check", *AT])
    assert rc == X.UNCHECKED


def test_real_mode_does_not_trust_the_cards_test_ca(servers, monkeypatch, capsys):
    use_card(monkeypatch, servers.pki)
    rc, out = run(capsys, ["check", *AT])  # not --demo: only the bundled J-LIS CAs
    assert rc == X.INVALID and "not issued by a JPKI CA" in out.out
    assert servers.server.behaviour.requests == []


def test_sign_needs_password_and_checks_both(servers, monkeypatch, capsys):
    servers.server.behaviour.ocsp = "http500"  # CRL only; the server publishes the auth CA's CRL
    use_card(monkeypatch, servers.pki)
    monkeypatch.setattr("sys.stdin", io.StringIO("ABC123\n"))
    rc, out = run(capsys, ["--demo", "check", "--sign", "--password-stdin", "--json", *AT])
    data = json.loads(out.out)
    assert data["auth"]["outcome"] == "valid" and data["auth"]["basis"] == "crl_online"
    # the server's CRL is the auth CA's: for the signing certificate it is unusable
    assert data["sign"]["outcome"] == "unchecked" and rc == X.UNCHECKED


def test_cert_file_with_extra_ca_and_offline_cache(servers, tmp_path, capsys):
    cert, ca = tmp_path / "auth.der", tmp_path / "ca.pem"
    cert.write_bytes(servers.pki.auth.der)
    from cryptography.hazmat.primitives import serialization

    ca.write_bytes(servers.pki.auth_ca.cert.public_bytes(serialization.Encoding.PEM))
    rc, out = run(capsys, ["check", "--cert", str(cert), "--ca", str(ca), "--prefer", "crl", *AT])
    assert rc == X.OK and "checked online (CRL" in out.out
    rc, out = run(capsys, ["check", "--cert", str(cert), "--ca", str(ca), "--offline", *AT])
    assert (
        rc == X.OK and "against the cached CRL of" in out.out
    )  # platform cache dir (XDG_CACHE_HOME)


def test_missing_file_is_a_clean_error(capsys):
    rc, out = run(capsys, ["check", "--cert", "/nonexistent/cert.der"])
    assert rc == X.ERROR and out.err.startswith("jpki:")

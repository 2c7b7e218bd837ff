"""Revocation policy: CRLs handed in, or fetched from the URL in the certificate (a local
server on 127.0.0.1), and `revocation_checked` only when the data really covered the signer."""

from __future__ import annotations

import http.server
import socket
import threading

import pytest
from signing_helpers import crl_revoking

from jpki_desktop.card.virtual.pki import RevocationPointers, generate_card_pki, issue_ca
from jpki_desktop.signing.formats.cades import sign_detached
from jpki_desktop.signing.signers.raw import SoftwareSigner
from jpki_desktop.signing.verification.verdict import Reason
from jpki_desktop.signing.verification.verify import verify_file
from jpki_desktop.trust.context import Revocation, RevocationMode


@pytest.fixture
def p7s(tmp_path, soft_signer):
    content = tmp_path / "c.txt"
    content.write_bytes(b"content")
    sig = tmp_path / "c.txt.p7s"
    sig.write_bytes(sign_detached(b"content", soft_signer))
    return sig, content


def test_soft_with_a_covering_crl_is_checked(p7s, roots, pki):
    sig, content = p7s
    v = verify_file(
        sig,
        content=content,
        trust_roots=roots,
        revocation=Revocation(RevocationMode.SOFT, crls=(crl_revoking(pki.sign_ca, 777),)),
    )
    assert v.ok and v.revocation_checked


def test_soft_with_an_unrelated_crl_passes_but_is_not_checked(p7s, roots):
    sig, content = p7s
    other = crl_revoking(issue_ca("digital signature"), 777)
    v = verify_file(
        sig,
        content=content,
        trust_roots=roots,
        revocation=Revocation(RevocationMode.SOFT, crls=(other,)),
    )
    assert v.ok and not v.revocation_checked
    v = verify_file(
        sig,
        content=content,
        trust_roots=roots,
        revocation=Revocation(RevocationMode.REQUIRE, crls=(other,)),
    )
    assert v.reasons == (Reason.REVOCATION_UNKNOWN,)


def test_none_ignores_even_a_revoking_crl(p7s, roots, pki):
    sig, content = p7s
    crl = crl_revoking(pki.sign_ca, pki.sign.cert.serial_number)
    v = verify_file(
        sig,
        content=content,
        trust_roots=roots,
        revocation=Revocation(RevocationMode.NONE, crls=(crl,)),
    )
    assert v.ok and not v.revocation_checked


class _CrlServer:
    def __init__(self):
        self.body = b""
        self.hits = 0
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802
                outer.hits += 1
                self.send_response(200)
                self.send_header("Content-Type", "application/pkix-crl")
                self.send_header("Content-Length", str(len(outer.body)))
                self.end_headers()
                self.wfile.write(outer.body)

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def crl_server():
    server = _CrlServer()
    yield server
    server.close()


def test_fetched_crl_revokes(tmp_path, crl_server):
    url = f"http://127.0.0.1:{crl_server.port}/sign.crl"
    pki = generate_card_pki(pointers=RevocationPointers(crl_url=url))
    signer = SoftwareSigner(pki.sign.key, pki.sign.cert, [pki.sign_ca.cert])
    content = tmp_path / "c.txt"
    content.write_bytes(b"x")
    sig = tmp_path / "c.p7s"
    sig.write_bytes(sign_detached(b"x", signer))
    policy = Revocation(RevocationMode.REQUIRE, fetch=True)

    crl_server.body = crl_revoking(pki.sign_ca, 4242)
    v = verify_file(sig, content=content, trust_roots=[pki.sign_ca.cert], revocation=policy)
    assert v.ok and v.revocation_checked and crl_server.hits >= 1

    crl_server.body = crl_revoking(pki.sign_ca, pki.sign.cert.serial_number)
    v = verify_file(sig, content=content, trust_roots=[pki.sign_ca.cert], revocation=policy)
    assert v.reasons == (Reason.REVOKED,)


def test_fetch_failure_is_unknown_under_require_and_tolerated_under_soft(tmp_path):
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    pki = generate_card_pki(
        pointers=RevocationPointers(crl_url=f"http://127.0.0.1:{port}/none.crl")
    )
    signer = SoftwareSigner(pki.sign.key, pki.sign.cert, [pki.sign_ca.cert])
    content = tmp_path / "c.txt"
    content.write_bytes(b"x")
    sig = tmp_path / "c.p7s"
    sig.write_bytes(sign_detached(b"x", signer))
    roots = [pki.sign_ca.cert]
    v = verify_file(
        sig,
        content=content,
        trust_roots=roots,
        revocation=Revocation(RevocationMode.REQUIRE, fetch=True),
    )
    assert v.reasons == (Reason.REVOCATION_UNKNOWN,) and v.inconclusive
    v = verify_file(
        sig,
        content=content,
        trust_roots=roots,
        revocation=Revocation(RevocationMode.SOFT, fetch=True),
    )
    assert v.ok and not v.revocation_checked

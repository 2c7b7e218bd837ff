#!/usr/bin/env python3
"""Benchmark the validity core: rules, certificate parsing, and the revocation check against a
local CRL/OCSP server on 127.0.0.1 (a thread in this process), including a large CRL.

    .venv/bin/python benchmarks/validity.py [--checks 20] [--crl-entries 100000]

Prints per-call medians and the ratios that matter to a user: an online OCSP check vs an online
CRL check vs the offline cached-CRL answer, and how a J-LIS-sized CRL (many entries) changes
the online and cached times.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from cryptography import x509  # noqa: E402
from cryptography.hazmat.primitives import hashes, serialization  # noqa: E402
from cryptography.x509 import ocsp  # noqa: E402

from jpki_desktop.card.virtual.pki import RevocationPointers, generate_card_pki  # noqa: E402
from jpki_desktop.validity.certificate import parse_certificate  # noqa: E402
from jpki_desktop.validity.check import Basis, check_certificate  # noqa: E402
from jpki_desktop.validity.expiry import Facts, evaluate  # noqa: E402
from jpki_desktop.validity.revocation import CrlCache, Endpoints, Method  # noqa: E402

NOW = dt.datetime(2025, 6, 1, 3, 0, tzinfo=dt.UTC)


def timed(fn, n: int) -> float:
    """Median seconds per call."""
    samples = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t)
    return statistics.median(samples)


def build_crl(ca, entries: int) -> bytes:
    b = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(ca.cert.subject)
        .last_update(NOW - dt.timedelta(hours=1))
        .next_update(NOW + dt.timedelta(days=1))
    )
    for i in range(entries):
        b = b.add_revoked_certificate(
            x509.RevokedCertificateBuilder()
            .serial_number(10**9 + i)
            .revocation_date(NOW - dt.timedelta(days=1))
            .build()
        )
    return b.sign(ca.key, hashes.SHA256()).public_bytes(serialization.Encoding.DER)


class Server:
    def __init__(self) -> None:
        self.crl = b""
        self.pki = None  # set once the certificates pointing at this server exist
        outer = self

        class H(BaseHTTPRequestHandler):
            def log_message(self, *a):
                pass

            def _send(self, body: bytes) -> None:
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self):
                self._send(outer.crl)

            def do_POST(self):
                self.rfile.read(int(self.headers["Content-Length"]))
                pki = outer.pki
                resp = (
                    ocsp.OCSPResponseBuilder()
                    .add_response(
                        cert=pki.auth.cert,
                        issuer=pki.auth_ca.cert,
                        algorithm=hashes.SHA1(),
                        cert_status=ocsp.OCSPCertStatus.GOOD,
                        this_update=NOW - dt.timedelta(hours=1),
                        next_update=NOW + dt.timedelta(hours=12),
                        revocation_time=None,
                        revocation_reason=None,
                    )
                    .responder_id(ocsp.OCSPResponderEncoding.HASH, pki.auth_ca.cert)
                )
                self._send(
                    resp.sign(pki.auth_ca.key, hashes.SHA256()).public_bytes(
                        serialization.Encoding.DER
                    )
                )

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), H)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--checks", type=int, default=20)
    ap.add_argument("--crl-entries", type=int, default=100_000)
    args = ap.parse_args()

    pki = generate_card_pki()
    facts = Facts(dt.date(1985, 6, 30), dt.date(2024, 3, 15))
    t_eval = timed(lambda: evaluate(facts, dt.date(2025, 1, 1)), 5000)
    t_parse = timed(lambda: parse_certificate(pki.sign.der, issuers=[pki.sign_ca.cert]), 500)
    print(f"evaluate()                  {t_eval * 1e6:8.1f} µs/call")
    print(
        f"parse_certificate(sign)     {t_parse * 1e6:8.1f} µs/call  (incl. one RSA signature check for the generation)"
    )

    server = Server()
    pointers_url = server.url
    pki = generate_card_pki(
        pointers=RevocationPointers(f"{server.url}/crl", f"{server.url}/ocsp"),
        sign_ca=pki.sign_ca,
        auth_ca=pki.auth_ca,
    )
    server.pki = pki
    roots = [pki.auth_ca.cert]
    cache = CrlCache(Path(tempfile.mkdtemp(prefix="jpki-bench-crl-")))
    results = {}
    for label, entries in (
        ("small CRL (0 entries)", 0),
        (f"large CRL ({args.crl_entries} entries)", args.crl_entries),
    ):
        t = time.perf_counter()
        server.crl = build_crl(pki.auth_ca, entries)
        build_s = time.perf_counter() - t
        ocsp_ep = Endpoints(ocsp_urls=(f"{pointers_url}/ocsp",), use_certificate_pointers=False)
        crl_ep = Endpoints(
            crl_urls=(f"{pointers_url}/crl",), use_certificate_pointers=False, prefer=Method.CRL
        )

        def run(ep, offline=False, expect=None):
            r = check_certificate(
                pki.auth.der, now=NOW, endpoints=ep, extra_roots=roots, cache=cache, offline=offline
            )
            assert r.basis is expect, (r.basis, r.attempts)

        n = max(3, args.checks if entries == 0 else args.checks // 4)
        t_ocsp = timed(lambda ep=ocsp_ep: run(ep, expect=Basis.OCSP_ONLINE), n)
        t_crl = timed(lambda ep=crl_ep: run(ep, expect=Basis.CRL_ONLINE), n)
        t_cached = timed(lambda ep=crl_ep: run(ep, offline=True, expect=Basis.CRL_CACHED), n)
        results[label] = (t_ocsp, t_crl, t_cached)
        print(
            f"\n{label}: {len(server.crl) / 1e6:.2f} MB (built in {build_s:.1f} s), {n} checks each"
        )
        print(f"  online OCSP                {t_ocsp * 1e3:8.1f} ms/check")
        print(
            f"  online CRL (fetch + cache) {t_crl * 1e3:8.1f} ms/check   {t_crl / t_ocsp:5.1f}x OCSP"
        )
        print(
            f"  offline cached CRL         {t_cached * 1e3:8.1f} ms/check   {t_cached / t_ocsp:5.1f}x OCSP"
        )
    (small, large) = results.values()
    print(
        f"\nlarge/small CRL: online {large[1] / small[1]:.1f}x, cached {large[2] / small[2]:.1f}x; "
        f"OCSP unaffected ({large[0] / small[0]:.2f}x)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

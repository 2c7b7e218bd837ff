"""Benchmark: what an RFC 3161 signature timestamp (CAdES-T) adds to a signature, in the same run.

    .venv/bin/python benchmarks/timestamp.py [--runs 10]

The TSA is the test one (``openssl ts -reply`` behind http.server on 127.0.0.1,
tests/support/tsa.py). Per run: a CAdES-BES signature (software key, same code path as the
card), a CAdES-T signature (one TSA exchange), the bare TSA exchange alone (the same query bytes
POSTed with the same function; the reference), and our verifier on both results. Prints
medians, the CAdES-T overhead over the bare exchange (ratio), and the bytes on the wire.
"""

from __future__ import annotations

import argparse
import hashlib
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from jpki_desktop.card.virtual.pki import generate_card_pki  # noqa: E402
from jpki_desktop.signing.formats.cades import sign_detached  # noqa: E402
from jpki_desktop.signing.formats.timestamp import QUERY_TYPE, Rfc3161TimeStamper, default_post  # noqa: E402
from jpki_desktop.signing.signers.raw import SoftwareSigner  # noqa: E402
from jpki_desktop.signing.verification.verify import verify_file  # noqa: E402
from jpki_desktop.trust.context import Revocation, RevocationMode  # noqa: E402
from support.tsa import TsaServer  # noqa: E402


class CountingPost:
    def __init__(self) -> None:
        self.sent = 0
        self.received = 0

    def __call__(self, url: str, body: bytes, content_type: str) -> bytes:
        answer = default_post(url, body, content_type)
        self.sent += len(body)
        self.received += len(answer)
        return answer


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=10)
    runs = ap.parse_args().runs
    pki = generate_card_pki()
    assert pki.sign is not None
    signer = SoftwareSigner(pki.sign.key, pki.sign.cert, [pki.sign_ca.cert])
    content = b"form data " * 10000
    times: dict[str, list[float]] = {k: [] for k in ("bes", "t", "tsa", "verify_bes", "verify_t")}
    post = CountingPost()
    with TsaServer() as tsa, tempfile.TemporaryDirectory() as d:
        stamper = Rfc3161TimeStamper(tsa.url, post)
        nonce, query = stamper.request_cms(hashlib.sha256(b"x").digest(), "sha256")
        query_der = query.dump()
        roots = [pki.sign_ca.cert, tsa.pki.ca_cert]
        (Path(d) / "c").write_bytes(content)
        bes = t = b""
        for _ in range(runs):
            t0 = time.perf_counter()
            bes = sign_detached(content, signer)
            t1 = time.perf_counter()
            t = sign_detached(content, signer, timestamper=stamper)
            t2 = time.perf_counter()
            default_post(tsa.url, query_der, QUERY_TYPE)
            t3 = time.perf_counter()
            times["bes"].append(t1 - t0)
            times["t"].append(t2 - t1)
            times["tsa"].append(t3 - t2)
            for name, der in (("verify_bes", bes), ("verify_t", t)):
                (Path(d) / "s").write_bytes(der)
                t4 = time.perf_counter()
                v = verify_file(
                    Path(d) / "s",
                    content=Path(d) / "c",
                    trust_roots=roots,
                    revocation=Revocation(RevocationMode.NONE),
                )
                times[name].append(time.perf_counter() - t4)
                assert v.ok, v.findings
    med = {k: statistics.median(v) * 1000 for k, v in times.items()}
    overhead = med["t"] - med["bes"]
    print(f"runs: {runs}")
    print(f"CAdES-BES sign: {med['bes']:.1f} ms   CAdES-T sign: {med['t']:.1f} ms")
    print(f"bare TSA exchange (reference): {med['tsa']:.1f} ms")
    print(
        f"timestamp overhead: {overhead:.1f} ms = {overhead / med['tsa']:.2f} x the bare exchange"
    )
    print(f"verify BES: {med['verify_bes']:.1f} ms   verify T: {med['verify_t']:.1f} ms")
    print(
        f".p7s bytes: BES {len(bes)}, T {len(t)} (+{len(t) - len(bes)}); "
        f"TSA traffic per signature: {post.sent // runs} B sent, {post.received // runs} B received"
    )


if __name__ == "__main__":
    main()

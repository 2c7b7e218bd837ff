"""Benchmark: submit a large package to the reference agency over HTTPS and compare with curl
posting an equal package to the same endpoint, in the same run.

    .venv/bin/python benchmarks/submission.py [--size-mib 45] [--runs 3]

Each run builds two fresh packages (same size, different submission ids, so the agency
processes both in full: decrypt, verify, form and applicant checks, signed receipt) and sends
one with `SubmissionClient.submit` (streamed from disk, receipt verified, history written) and
one with `curl --data-binary` (the reference: a C client, no receipt check). Also times the
agency's `verify_file` alone on a third package, so the transport share can be read off.
Prints the medians and the ratio ours / curl (1.0 = as fast as curl).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MiB = 1024 * 1024


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument(
        "--size-mib",
        type=int,
        default=45,
        help="total attachment size, at most 50 (5 files of 10 MB)",
    )
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()

    from jpki_desktop.agency.resolver import reference_resolver
    from jpki_desktop.agency.server import start_agency
    from jpki_desktop.card.virtual.pki import generate_card_pki
    from jpki_desktop.procedures import load_catalogue, render_form
    from jpki_desktop.signing.packaging.package import build_package
    from jpki_desktop.signing.signers.raw import SoftwareSigner
    from jpki_desktop.signing.verification.verify import verify_file
    from jpki_desktop.submission import (
        ClientSettings,
        Receipt,
        SubmissionClient,
        SubmissionStore,
        TransportSettings,
    )

    with tempfile.TemporaryDirectory(prefix="jpki-bench-") as d:
        root = Path(d)
        pki = generate_card_pki()
        signer = SoftwareSigner(pki.sign.key, pki.sign.cert, [pki.sign_ca.cert])
        catalogue = load_catalogue(resolver=reference_resolver(root / "agency"))
        procedure = catalogue.get("demo.general.application")
        # the procedure takes up to 5 files of 10 MB: split the size over 5 files
        attachments = []
        per_file = -(-args.size_mib // 5)
        for i in range(5):
            path = root / f"scan{i}.pdf"
            with open(path, "wb") as f:
                f.write(os.urandom(per_file * MiB))  # random: no compression helps either side
            attachments.append(path)
        form = render_form(
            procedure,
            {
                "name": pki.holder.name,
                "birth_date": pki.holder.birth_date.isoformat(),
                "address": pki.holder.address,
                "email": "hanako@example.jp",
                "category": "other",
                "subject": "benchmark",
                "body": "benchmark",
            },
            attachments,
        )

        def package(name: str):
            return build_package(
                form,
                attachments,
                procedure_id=procedure.id,
                recipient_cert=catalogue.resolve(procedure.agency).encryption_cert,
                signer=signer,
                output=root / name,
                recipient_id=procedure.agency.id,
            )

        agency = start_agency(root / "agency", catalogue=catalogue, trust_roots=[pki.sign_ca.cert])
        keys = agency.keys
        ours, theirs, verify_only = [], [], []
        try:
            for run in range(args.runs):
                a, b, c = package(f"a{run}.p7m"), package(f"b{run}.p7m"), package(f"c{run}.p7m")
                size = a.output.stat().st_size
                client = SubmissionClient(
                    catalogue,
                    SubmissionStore(root / f"store{run}"),
                    ClientSettings(transport=TransportSettings(timeout=120)),
                    accounts=None,
                )
                t = time.perf_counter()
                answer = client.submit(
                    a.output,
                    procedure,
                    submission_id=a.submission_id,
                    manifest_sha256=a.manifest_sha256_hex,
                )
                ours.append(time.perf_counter() - t)
                assert isinstance(answer, Receipt), answer
                t = time.perf_counter()
                done = subprocess.run(
                    [
                        "curl",
                        "-sS",
                        "--fail-with-body",
                        "--cacert",
                        str(keys.path("tls-ca.pem")),
                        "-o",
                        str(root / "curl.out"),
                        "-H",
                        "Content-Type: application/pkcs7-mime",
                        "-H",
                        f"Idempotency-Key: {b.submission_id}",
                        "--data-binary",
                        f"@{b.output}",
                        agency.url + "/v1/submissions",
                    ],
                    capture_output=True,
                )
                theirs.append(time.perf_counter() - t)
                assert done.returncode == 0, done.stderr
                t = time.perf_counter()
                verdict = verify_file(
                    c.output,
                    decrypt_key=keys.encryption_key,
                    decrypt_cert=keys.encryption_cert,
                    trust_roots=[pki.sign_ca.cert],
                    now=dt.datetime.now(dt.UTC),
                )
                verify_only.append(time.perf_counter() - t)
                assert verdict.ok, verdict.findings
        finally:
            agency.stop()

    m_ours, m_curl, m_verify = (statistics.median(x) for x in (ours, theirs, verify_only))
    mib = size / MiB
    print(f"package: {mib:.1f} MiB, runs: {args.runs} (medians)")
    print(
        f"jpki submit (client + agency + receipt check): {m_ours:6.2f} s  {mib / m_ours:7.1f} MiB/s"
    )
    print(
        f"curl --data-binary to the same agency:        {m_curl:6.2f} s  {mib / m_curl:7.1f} MiB/s"
    )
    print(
        f"agency verify_file alone (no network):        {m_verify:6.2f} s  {mib / m_verify:7.1f} MiB/s"
    )
    print(
        f"ratio ours / curl: {m_ours / m_curl:.2f}  (transport share of ours: {(m_ours - m_verify) / m_ours:.0%})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark: sign a large PDF with the virtual card vs pyHanko with a software key, same file,
same run.

    .venv/bin/python benchmarks/pdf_sign.py [--size-mib 100] [--runs 3] [--dir DIR] [--keep]

The input is generated here: a PDF whose embedded file is one `--size-mib` stream (written by
tests/support/pdf_samples.py, read once beforehand so every run starts from the page cache).

Ours: `signing.pdf.sign.sign_pdf` (moj profile) with `CardSigner` on the in-process virtual card
(real APDUs through ApduChannel to the card's state machine), output through atomic_output
(temp file + fsync + rename). Reference: pyHanko's own `PdfSigner.sign_pdf` with a `SimpleSigner`
holding the same certificate's key in memory, the same 1 MiB I/O buffer, output to a file that is
fsynced too. Each run is
a fresh interpreter (so ru_maxrss is that run's peak RSS); timing covers the signing call only.
Target: ours / reference <= 1.2 (the card path should add only the card operation).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MiB = 1024 * 1024
TARGET_RATIO = 1.2
ROOT = Path(__file__).resolve().parents[1]


def child(kind: str, src: Path, out: Path) -> None:
    from cryptography.hazmat.primitives import serialization

    from jpki_desktop.card.jpki import JpkiSession
    from jpki_desktop.card.pins import PinKind, prepare_pin
    from jpki_desktop.card.transport import ApduChannel
    from jpki_desktop.card.virtual.pki import generate_card_pki
    from jpki_desktop.card.virtual.store import build_card
    from jpki_desktop.card.virtual.transport import VirtualTransport
    from jpki_desktop.signing.formats.pdf.sign import CHUNK

    pki = generate_card_pki()
    assert pki.sign is not None
    extra: dict[str, int] = {}
    if kind == "ours":
        from jpki_desktop.signing.formats.pdf.sign import sign_pdf
        from jpki_desktop.signing.signers.card import CardSigner

        channel = ApduChannel(VirtualTransport(build_card(pki)))
        with prepare_pin(PinKind.SIGN, "ABC123") as pin:
            signer = CardSigner.unlock(JpkiSession(channel), pin)
        before = channel.apdu_count
        cpu0 = resource.getrusage(resource.RUSAGE_SELF)
        start = time.perf_counter()
        sign_pdf(src, out, signer)
        seconds = time.perf_counter() - start
        extra = {
            "apdus_while_signing": channel.apdu_count - before,
            "card_signatures": signer.signatures,
        }
    else:
        from asn1crypto import keys, x509
        from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
        from pyhanko.sign import fields, signers
        from pyhanko_certvalidator.registry import SimpleCertificateStore

        der = lambda c: c.public_bytes(serialization.Encoding.DER)  # noqa: E731
        key = keys.PrivateKeyInfo.load(
            pki.sign.key.private_bytes(
                serialization.Encoding.DER,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        )
        simple = signers.SimpleSigner(
            signing_cert=x509.Certificate.load(der(pki.sign.cert)),
            signing_key=key,
            cert_registry=SimpleCertificateStore.from_certs(
                [x509.Certificate.load(der(pki.sign_ca.cert))]
            ),
        )
        meta = signers.PdfSignatureMetadata(
            field_name="Signature1",
            md_algorithm="sha256",
            subfilter=fields.SigSeedSubFilter.ADOBE_PKCS7_DETACHED,
        )
        cpu0 = resource.getrusage(resource.RUSAGE_SELF)
        start = time.perf_counter()
        with open(src, "rb") as f, open(out, "w+b") as o:
            pdf_signer = signers.PdfSigner(meta, signer=simple)
            writer = IncrementalPdfFileWriter(f, strict=False)
            pdf_signer.sign_pdf(writer, output=o, chunk_size=CHUNK)  # same buffer size as ours
            o.flush()
            os.fsync(o.fileno())
        seconds = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu = usage.ru_utime + usage.ru_stime - cpu0.ru_utime - cpu0.ru_stime
    print(json.dumps({"seconds": seconds, "cpu": cpu, "peak_kib": usage.ru_maxrss, **extra}))


def run_child(kind: str, src: Path, out: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(src), str(out)],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size-mib", type=int, default=100)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--dir", help="work directory (default: a new one under the system temp dir)")
    ap.add_argument("--keep", action="store_true", help="keep the input and outputs")
    ap.add_argument("--child", nargs=3, metavar=("KIND", "SRC", "OUT"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child[0], Path(args.child[1]), Path(args.child[2]))
        return 0
    sys.path.insert(0, str(ROOT / "tests"))
    from jpki_desktop.signing.verification.verify import verify_file
    from support.pdf_samples import write_pdf

    work = Path(args.dir or tempfile.mkdtemp(prefix="jpki-bench-pdf-"))
    work.mkdir(parents=True, exist_ok=True)
    src = work / "big.pdf"
    try:
        write_pdf(src, pages=1, blob_size=args.size_mib * MiB)
        with open(src, "rb") as f:  # warm the page cache for both contenders alike
            while f.read(8 * MiB):
                pass
        size = src.stat().st_size
        print(f"input: {size / MiB:.1f} MiB PDF in {work}")
        results: dict[str, list[dict[str, float]]] = {"ours": [], "pyhanko": []}
        for i in range(args.runs):
            for kind in ("ours", "pyhanko") if i % 2 == 0 else ("pyhanko", "ours"):
                out = work / f"{kind}.pdf"
                results[kind].append(run_child(kind, src, out))
        v = verify_file(work / "ours.pdf", trust_roots=())
        intact = not any(
            f.reason.value in ("content_mismatch", "signature_invalid") for f in v.findings
        )
        ours = [r["seconds"] for r in results["ours"]]
        ref = [r["seconds"] for r in results["pyhanko"]]
        ratios = [o / r for o, r in zip(ours, ref, strict=True)]
        for kind, rows in results.items():
            secs = [r["seconds"] for r in rows]
            print(
                f"{kind:8s} wall {', '.join(f'{s:.2f}' for s in secs)} s "
                f"(median {statistics.median(secs):.2f} s, {size / MiB / statistics.median(secs):.0f} MiB/s), "
                f"cpu median {statistics.median(r['cpu'] for r in rows):.2f} s, "
                f"peak RSS max {max(r['peak_kib'] for r in rows) / 1024:.0f} MiB"
            )
        first = results["ours"][0]
        print(
            f"card path: {int(first['card_signatures'])} card signature, "
            f"{int(first['apdus_while_signing'])} APDU(s) while signing"
        )
        med = statistics.median(ours) / statistics.median(ref)
        print(
            f"ratio ours/pyHanko per run: {', '.join(f'{r:.2f}' for r in ratios)}; "
            f"of medians {med:.2f} (target <= {TARGET_RATIO}) -> "
            f"{'OK' if med <= TARGET_RATIO else 'ABOVE TARGET'}"
        )
        print(f"our output: signature intact={intact} (trust not judged: test PKI)")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Full status read on a slow reader: jpki-desktop vs OpenSC `pkcs15-tool -D`, same card, same run.

Through a private pcscd + vpcd (tests/support/pcscd.py; needs root for its mount namespace), the
virtual card models a slow contact reader: 12 ms per APDU plus 1 ms per byte each way (about
what a card without TA1 costs on a USB reader; card/virtual/timing.py).

  cold    read_snapshot() as `jpki status` runs it (token, which certificates exist, both PIN
          counters, auth certificate, both CA certificates, the card-info PIN counter) with an
          empty card cache;
  warm    the same with the cache the cold read left (the auth certificate's first chunk is
          read, the rest comes from the cache);
  unknown the cold read when neither CA is known (read in full, as for a CA not bundled);
  OpenSC  `pkcs15-tool -D` (one process, jpki driver only, no file caching): PINs and the four
          certificate objects.

On a real card the CA certificates are J-LIS's, which are bundled; the virtual card's test CAs
stand in for them here (passed as known CAs). APDUs and bytes each way are counted on the card
for every client. Speed is reported, never asserted.

    .venv/bin/python benchmarks/card_read.py [-n 3] [--apdu-ms 12] [--byte-ms 1] [--atr HEX]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = Path(tempfile.mkdtemp(prefix="jpki-bench-"))
# libpcsclite reads this once per process: set it before anything touches PC/SC
os.environ["PCSCLITE_CSOCK_NAME"] = str(ROOT / "run" / "pcscd.comm")
sys.path.insert(0, str(HERE.parent / "tests"))
sys.path.insert(0, str(HERE.parent / "src"))

from jpki_desktop.card import pcsc  # noqa: E402
from jpki_desktop.card.cache import CardCache  # noqa: E402
from jpki_desktop.card.connect import open_reader  # noqa: E402
from jpki_desktop.card.jpki import CertSlot  # noqa: E402
from jpki_desktop.card.pins import PinKind  # noqa: E402
from jpki_desktop.card.snapshot import Source, read_snapshot  # noqa: E402
from jpki_desktop.card.virtual.pki import CardPki, generate_card_pki  # noqa: E402
from jpki_desktop.card.virtual.store import CardProfile, build_card  # noqa: E402
from jpki_desktop.card.virtual.timing import ReaderTiming  # noqa: E402
from jpki_desktop.card.virtual.vpcd import VpcdCard  # noqa: E402
from support.pcscd import PrivatePcscd, available  # noqa: E402

OPENSC_CONF = (
    "app default {\n card_drivers = jpki;\n framework pkcs15 {\n  use_file_caching = no;\n }\n}\n"
)
GOAL_COLD, GOAL_WARM, GOAL_COLD_BYTES = 0.35, 0.15, 1400


@dataclass(frozen=True)
class Run:
    seconds: float
    apdus: int
    bytes_in: int  # to the card
    bytes_out: int  # from the card


def on_card(vc: VpcdCard, fn: Callable[[], None]) -> Run:
    card = vc.card
    card.log.clear()
    card.bytes_in = card.bytes_out = 0
    t0 = time.perf_counter()
    fn()
    return Run(time.perf_counter() - t0, len(card.log), card.bytes_in, card.bytes_out)


def ours(reader: str, pki: CardPki, cache_dir: Path | None, known: list[bytes]) -> dict:
    with open_reader(reader) as oc:
        snap = read_snapshot(
            oc.channel,
            reader=oc.reader,
            atr=oc.atr,
            cache=CardCache(cache_dir) if cache_dir else None,
            known_cas=known,
        )
    assert snap.certificates == {
        CertSlot.AUTH: pki.auth.der,
        CertSlot.AUTH_CA: pki.auth_ca.der,
        CertSlot.SIGN_CA: pki.sign_ca.der,
    }, "the snapshot did not hold the card's certificates"
    assert (snap.pins[PinKind.SIGN].remaining, snap.pins[PinKind.AUTH].remaining) == (5, 3)
    return {slot.value: src.value for slot, src in snap.sources.items()}


def opensc_dump(env: dict[str, str]) -> None:
    proc = subprocess.run(
        ["pkcs15-tool", "-D"], env=env, capture_output=True, text=True, timeout=120
    )
    if proc.returncode != 0 or "X.509 Certificate" not in proc.stdout:
        raise RuntimeError(f"pkcs15-tool -D failed: {proc.stderr[-500:]}")


def median_run(runs: list[Run]) -> Run:
    counts = {(r.apdus, r.bytes_in, r.bytes_out) for r in runs}
    assert len(counts) == 1, f"APDU/byte counts vary between runs: {counts}"
    apdus, b_in, b_out = counts.pop()
    return Run(statistics.median(r.seconds for r in runs), apdus, b_in, b_out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-n", type=int, default=3, help="repetitions of each measurement")
    ap.add_argument("--apdu-ms", type=float, default=12.0, help="reader delay per APDU, ms")
    ap.add_argument("--byte-ms", type=float, default=1.0, help="delay per byte each way, ms")
    ap.add_argument("--show-apdus", action="store_true", help="list the APDUs of each client")
    ap.add_argument(
        "--atr",
        default=None,
        help="the card's ATR in hex (default 3B DA 13 …, which advertises extended length; "
        "'3B C5 FF 81 31 FB 45 80 73 C6 01 00 00' gives short reads only)",
    )
    args = ap.parse_args()
    why = available()
    if why:
        print(f"cannot run a private pcscd: {why}", file=sys.stderr)
        return 2
    if not shutil.which("pkcs15-tool"):
        print("OpenSC (pkcs15-tool) is not installed", file=sys.stderr)
        return 2
    conf = ROOT / "opensc.conf"
    conf.write_text(OPENSC_CONF)
    env = dict(os.environ, OPENSC_CONF=str(conf), HOME=str(ROOT))
    daemon = PrivatePcscd(ROOT)
    daemon.start()
    vc = None
    try:
        pki = generate_card_pki()
        profile = CardProfile(atr=bytes.fromhex(args.atr)) if args.atr else CardProfile()
        vc = VpcdCard(build_card(pki, profile=profile), daemon.slot_port(0))
        vc.insert()
        reader = daemon.readers[0]
        with pcsc.Context() as ctx:
            if not ctx.wait_reader_state(reader, True, 5000):
                raise RuntimeError("pcscd did not see the virtual card")
        known = [pki.auth_ca.der, pki.sign_ca.der]
        warm_dir = ROOT / "cache-warm"
        ours(reader, pki, warm_dir, known)  # fills the warm cache; warms imports and pcscd
        vc.timing = ReaderTiming.slow(args.apdu_ms / 1000, args.byte_ms / 1000)
        print(
            f"virtual card in {reader!r} (pcscd + vpcd), ATR {vc.card.atr.hex(' ').upper()}; "
            f"{args.apdu_ms:g} ms per APDU + {args.byte_ms:g} ms per byte each way; "
            f"median of {args.n}"
        )
        print(
            f"certificate sizes: auth {len(pki.auth.der)} B, auth CA {len(pki.auth_ca.der)} B, "
            f"sign CA {len(pki.sign_ca.der)} B"
        )
        sources: dict[str, dict] = {}

        def cold() -> None:
            d = Path(tempfile.mkdtemp(dir=ROOT, prefix="cache-cold-"))
            sources["cold"] = ours(reader, pki, d, known)

        def warm() -> None:
            sources["warm"] = ours(reader, pki, warm_dir, known)

        def unknown() -> None:
            sources["unknown CA"] = ours(reader, pki, None, [])

        clients: dict[str, Callable[[], None]] = {
            "OpenSC pkcs15-tool -D": lambda: opensc_dump(env),
            "jpki-desktop cold (empty cache)": cold,
            "jpki-desktop warm (cache)": warm,
            "jpki-desktop cold, CAs unknown": unknown,
        }
        rows: dict[str, Run] = {}
        for name, fn in clients.items():
            rows[name] = median_run([on_card(vc, fn) for _ in range(args.n)])
            if args.show_apdus:
                print(f"\n{name}: " + "; ".join(r.text[:17] for r in vc.card.log))
        ref = rows["OpenSC pkcs15-tool -D"]
        print(
            f"\n  {'':34} {'APDUs':>6} {'B to card':>10} {'B from card':>12} {'wall ms':>9} {'ratio':>6}"
        )
        for name, r in rows.items():
            print(
                f"  {name:34} {r.apdus:>6} {r.bytes_in:>10} {r.bytes_out:>12} "
                f"{r.seconds * 1000:>9.0f} {r.seconds / ref.seconds:>6.2f}"
            )
        for what, src in sources.items():
            print(f"  sources ({what}): {src}")
        c, w = rows["jpki-desktop cold (empty cache)"], rows["jpki-desktop warm (cache)"]
        print(
            f"\n  goals: cold {c.seconds / ref.seconds:.2f} x OpenSC (<= {GOAL_COLD}), "
            f"warm {w.seconds / ref.seconds:.2f} x (<= {GOAL_WARM}), "
            f"cold bytes from the card {c.bytes_out} (<= {GOAL_COLD_BYTES})"
        )
        ok = (
            c.seconds <= GOAL_COLD * ref.seconds
            and w.seconds <= GOAL_WARM * ref.seconds
            and c.bytes_out <= GOAL_COLD_BYTES
        )
        print(f"  {'all goals met' if ok else 'GOALS NOT MET'}")
        assert sources["cold"]["auth"] == Source.CARD.value
        assert sources["warm"]["auth"] == Source.CACHE.value
    finally:
        if vc is not None:
            vc.remove()
        daemon.stop()
        shutil.rmtree(ROOT, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

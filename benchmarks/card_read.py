#!/usr/bin/env python3
"""Full status read: jpki-desktop's card layer vs OpenSC's pkcs15-tool, same virtual card, same run.

Through a private pcscd + vpcd (tests/support/pcscd.py; needs root for its mount namespace):

  ours    read_snapshot(with_card_info_pin=False) in-process, including connecting to the reader:
          select the AP, token info, certificate availability, both PIN counters, the auth
          certificate and both CA certificates;
  OpenSC  `pkcs15-tool --list-pins` + `--read-certificate 01 / 03 / 04` (one process each, as a
          script would run them): both PIN counters and the same three certificates.

APDUs are counted on the card (VirtualJpkiCard.log) for both, and with ApduChannel.apdu_count
for ours. Then again with a 10 ms per-APDU delay on the card side (VpcdCard.apdu_delay: a real
USB reader's order of magnitude), which slows both clients equally.

    .venv/bin/python benchmarks/card_read.py [-n 20] [--delayed-n 5] [--delay 0.01]
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
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = Path(tempfile.mkdtemp(prefix="jpki-bench-"))
# libpcsclite reads this once per process: set it before anything touches PC/SC
os.environ["PCSCLITE_CSOCK_NAME"] = str(ROOT / "run" / "pcscd.comm")
sys.path.insert(0, str(HERE.parent / "tests"))
sys.path.insert(0, str(HERE.parent / "src"))

from jpki_desktop.card import pcsc  # noqa: E402
from jpki_desktop.card.connect import open_reader  # noqa: E402
from jpki_desktop.card.jpki import CertSlot  # noqa: E402
from jpki_desktop.card.pins import PinKind  # noqa: E402
from jpki_desktop.card.snapshot import read_snapshot  # noqa: E402
from jpki_desktop.card.virtual.pki import generate_card_pki  # noqa: E402
from jpki_desktop.card.virtual.store import build_card  # noqa: E402
from jpki_desktop.card.virtual.vpcd import VpcdCard  # noqa: E402
from support.pcscd import PrivatePcscd, available  # noqa: E402

OPENSC_CONF = (
    "app default {\n card_drivers = jpki;\n framework pkcs15 {\n  use_file_caching = no;\n }\n}\n"
)
OPENSC_STEPS = [
    ["--list-pins"],
    ["--read-certificate", "01"],
    ["--read-certificate", "03"],
    ["--read-certificate", "04"],
]


def ours(reader: str, vc: VpcdCard, pki) -> tuple[float, int]:
    vc.card.log.clear()
    t0 = time.perf_counter()
    with open_reader(reader) as oc:
        snap = read_snapshot(oc.channel, reader=oc.reader, atr=oc.atr, with_card_info_pin=False)
        counted = oc.channel.apdu_count
    elapsed = time.perf_counter() - t0
    on_card = len(vc.card.log)
    assert counted == on_card, (counted, on_card)
    assert snap.certificates == {
        CertSlot.AUTH: pki.auth.der,
        CertSlot.AUTH_CA: pki.auth_ca.der,
        CertSlot.SIGN_CA: pki.sign_ca.der,
    }
    assert (snap.pins[PinKind.SIGN].remaining, snap.pins[PinKind.AUTH].remaining) == (5, 3)
    return elapsed, on_card


def opensc(vc: VpcdCard, env: dict[str, str]) -> tuple[float, int]:
    vc.card.log.clear()
    t0 = time.perf_counter()
    for step in OPENSC_STEPS:
        proc = subprocess.run(
            ["pkcs15-tool", *step], env=env, capture_output=True, text=True, timeout=60
        )
        if proc.returncode != 0 or (
            "--list-pins" not in step and "BEGIN CERTIFICATE" not in proc.stdout
        ):
            raise RuntimeError(f"pkcs15-tool {' '.join(step)} failed: {proc.stderr}")
    return time.perf_counter() - t0, len(vc.card.log)


def opensc_dump(vc: VpcdCard, env: dict[str, str]) -> tuple[float, int]:
    vc.card.log.clear()
    t0 = time.perf_counter()
    subprocess.run(["pkcs15-tool", "-D"], env=env, capture_output=True, check=True, timeout=60)
    return time.perf_counter() - t0, len(vc.card.log)


def measure(fn, n: int) -> tuple[float, int]:
    fn()  # warm-up (imports, pcscd caches, page cache for the OpenSC binaries)
    runs = [fn() for _ in range(n)]
    apdus = {a for _, a in runs}
    assert len(apdus) == 1, f"APDU count varies between runs: {apdus}"
    return statistics.median(t for t, _ in runs), apdus.pop()


def report(title: str, n: int, rows: dict[str, tuple[float, int]]) -> None:
    print(f"\n{title} (median of {n})")
    print(f"  {'':44} {'APDUs':>6} {'wall ms':>9}")
    for name, (t, a) in rows.items():
        print(f"  {name:44} {a:>6} {t * 1000:>9.1f}")
    (t_ours, a_ours), (t_sc, a_sc) = (
        rows["jpki-desktop read_snapshot"],
        rows["OpenSC pkcs15-tool (4 processes)"],
    )
    print(
        f"  ratio ours/OpenSC: APDUs {a_ours / a_sc:.2f}, wall time {t_ours / t_sc:.2f}"
        f"  (target: fewer APDUs and <= 0.50)"
    )
    if "OpenSC pkcs15-tool -D (1 process)" in rows:
        t_d, a_d = rows["OpenSC pkcs15-tool -D (1 process)"]
        print(f"  vs pkcs15-tool -D:  APDUs {a_ours / a_d:.2f}, wall time {t_ours / t_d:.2f}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-n", type=int, default=20, help="repetitions without delay")
    ap.add_argument("--delayed-n", type=int, default=5, help="repetitions with the per-APDU delay")
    ap.add_argument(
        "--delay", type=float, default=0.010, help="per-APDU delay on the card side, seconds"
    )
    ap.add_argument(
        "--show-apdus", action="store_true", help="list the APDUs each client sent once"
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
        vc = VpcdCard(build_card(pki), daemon.slot_port(0))
        vc.insert()
        reader = daemon.readers[0]
        with pcsc.Context() as ctx:
            if not ctx.wait_reader_state(reader, True, 5000):
                raise RuntimeError("pcscd did not see the virtual card")
        print(
            f"virtual card in {reader!r} (pcscd + vpcd); cert sizes: auth {len(pki.auth.der)} B, "
            f"auth CA {len(pki.auth_ca.der)} B, sign CA {len(pki.sign_ca.der)} B"
        )
        if args.show_apdus:
            for name, fn in (
                ("jpki-desktop", lambda: ours(reader, vc, pki)),
                ("OpenSC (4 processes)", lambda: opensc(vc, env)),
            ):
                fn()
                print(f"\n{name}: " + "; ".join(r.text[:14] for r in vc.card.log))
        for delay, n, title in (
            (0.0, args.n, "No injected delay"),
            (args.delay, args.delayed_n, f"{args.delay * 1000:.0f} ms per APDU on the card side"),
        ):
            vc.apdu_delay = delay
            report(
                title,
                n,
                {
                    "jpki-desktop read_snapshot": measure(lambda: ours(reader, vc, pki), n),
                    "OpenSC pkcs15-tool (4 processes)": measure(lambda: opensc(vc, env), n),
                    "OpenSC pkcs15-tool -D (1 process)": measure(lambda: opensc_dump(vc, env), n),
                },
            )
    finally:
        if vc is not None:
            vc.remove()
        daemon.stop()
        shutil.rmtree(ROOT, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

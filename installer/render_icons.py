"""Render the application icon from its one source, resources/icons/jpki-desktop.svg.

    python3 installer/render_icons.py OUTDIR [--ico] [--icns]

writes OUTDIR/jpki-desktop-{16,32,64,128,256,512}.png (the names Briefcase looks for) with
rsvg-convert (Debian: librsvg2-bin), and with --ico / --icns also jpki-desktop.ico (Windows)
and jpki-desktop.icns (macOS) built from those PNGs with Pillow. Nothing rendered is committed.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

SOURCE = Path(__file__).resolve().parent.parent / "resources" / "icons" / "jpki-desktop.svg"
SIZES = (16, 32, 64, 128, 256, 512)


def render_pngs(out: Path) -> list[Path]:
    rsvg = shutil.which("rsvg-convert")
    if rsvg is None:
        raise SystemExit(
            "render_icons: rsvg-convert not found (Debian/Ubuntu: apt-get install librsvg2-bin)"
        )
    out.mkdir(parents=True, exist_ok=True)
    pngs = []
    for size in SIZES:
        png = out / f"jpki-desktop-{size}.png"
        subprocess.run(
            [rsvg, "-w", str(size), "-h", str(size), str(SOURCE), "-o", str(png)], check=True
        )
        pngs.append(png)
    return pngs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--ico", action="store_true", help="also write jpki-desktop.ico (needs Pillow)")
    ap.add_argument(
        "--icns", action="store_true", help="also write jpki-desktop.icns (needs Pillow)"
    )
    args = ap.parse_args(argv)
    pngs = render_pngs(args.outdir)
    if args.ico or args.icns:
        from PIL import Image  # type: ignore[import-not-found]  # optional: Windows/macOS only

        largest = Image.open(pngs[-1])
        if args.ico:
            largest.save(
                args.outdir / "jpki-desktop.ico", sizes=[(s, s) for s in SIZES if s <= 256]
            )
        if args.icns:
            largest.save(args.outdir / "jpki-desktop.icns")
    print(f"render_icons: {len(pngs)} PNGs in {args.outdir}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

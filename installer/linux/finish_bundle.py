"""Complete Briefcase's Linux bundle before packaging (run by installer/build.sh).

    /usr/bin/python3 installer/linux/finish_bundle.py BUNDLE

BUNDLE is Briefcase's `build/jpki-desktop/<vendor>/<codename>/jpki-desktop-<version>` after
`briefcase build`. Adds what the template does not make: the `jpki` command, its man page
(rendered from the argparse parser by the bundle's own interpreter), our desktop entry and the
scalable icon; and refuses a bundle that carries its own PC/SC library.
"""

from __future__ import annotations

import gzip
import os
import shutil
import subprocess
import sys
from pathlib import Path

TOP = Path(__file__).resolve().parents[2]
APP = "jpki-desktop"
APP_ID = "io.github.jpki-desktop.jpki-desktop"  # Briefcase: bundle + "." + app name

# Same bootstrap binary, another entry module: Briefcase's launcher honours BRIEFCASE_MAIN_MODULE.
JPKI_LAUNCHER = """#!/bin/sh
# jpki: the command-line tool of jpki-desktop (same bundled Python, another entry module)
BRIEFCASE_MAIN_MODULE=jpki_desktop.cli
export BRIEFCASE_MAIN_MODULE
exec /usr/bin/jpki-desktop "$@"
"""


# The GUI uses QtCore, QtGui and QtWidgets. PySide6-Essentials also ships Qt's developer tools,
# QML/Quick and Designer, which it does not use: dropped from the package (a third of its size).
# Any plugin or library left that links to a dropped library is dropped too (see prune()).
PYSIDE_UNUSED = [
    "assistant",
    "designer",
    "linguist",
    "lrelease",
    "lupdate",
    "qmlformat",
    "qmlls",
    "qmllint",
    "qmlcachegen",
    "qmlimportscanner",
    "qmltyperegistrar",
    "qsb",
    "balsam",
    "balsamui",
    "rcc",
    "uic",
    "svgtoqml",
    "include",
    "typesystems",
    "glue",
    "scripts",
    "Qt/qml",
    "Qt/metatypes",
    "Qt/plugins/qmltooling",
    "Qt/plugins/designer",
    "Qt/plugins/qmllint",
    "Qt/plugins/sqldrivers",
]
PYSIDE_UNUSED_GLOBS = [
    "*.pyi",
    "Qt/lib/libQt6Quick*",
    "Qt/lib/libQt6Qml*",
    "Qt/lib/libQt6Designer*",
    "Qt/lib/libQt6LabsStyleKit*",
    "Qt/lib/libQt6WaylandCompositor*",
    "Qt/lib/libQt6Sql*",
    "QtQml.*",
    "QtQuick*.*",
    "QtDesigner.*",
    "QtSql.*",
    "QtUiTools.*",
    "libpyside6qml*",
]


def needed(elf: Path) -> set[str]:
    """DT_NEEDED entries of a shared object (readelf from binutils)."""
    out = subprocess.run(["readelf", "-d", str(elf)], capture_output=True, text=True, check=False)
    return {
        line.split("[", 1)[1].rstrip("]") for line in out.stdout.splitlines() if "(NEEDED)" in line
    }


def prune(pyside: Path) -> int:
    """Remove the unused parts of PySide6, then whatever links to them; return bytes freed."""
    before = sum(p.stat().st_size for p in pyside.rglob("*") if p.is_file())
    gone: set[str] = set()
    victims = [pyside / rel for rel in PYSIDE_UNUSED]
    victims += [p for pattern in PYSIDE_UNUSED_GLOBS for p in pyside.glob(pattern)]
    for victim in victims:
        if victim.is_dir():
            shutil.rmtree(victim)
        elif victim.exists() or victim.is_symlink():
            gone.add(victim.name)
            victim.unlink()
    while True:  # plugins and bindings that would fail to load without a dropped library
        broken = [
            so
            for so in pyside.rglob("*.so*")
            if so.is_file() and not so.is_symlink() and needed(so) & gone
        ]
        if not broken:
            break
        for so in broken:
            gone.add(so.name)
            so.unlink()
    for link in [p for p in pyside.rglob("*") if p.is_symlink() and not p.exists()]:
        link.unlink()
    return before - sum(p.stat().st_size for p in pyside.rglob("*") if p.is_file())


def write(path: Path, data: bytes, mode: int = 0o644) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    path.chmod(mode)


def gz(data: bytes) -> bytes:
    return gzip.compress(data, mtime=0)  # mtime 0: the same input gives the same package


def render_manpage(usr: Path) -> bytes:
    """Run the bundle's launcher in place: it finds its code relative to its own path."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "BRIEFCASE"))}
    env["BRIEFCASE_MAIN_MODULE"] = "jpki_desktop.cli.manpage"
    env["COLUMNS"] = "100"
    out = subprocess.run(
        [str(usr / "bin" / APP)], env=env, capture_output=True, check=False, timeout=120
    )
    if out.returncode != 0 or not out.stdout.startswith(b'.\\"'):
        sys.exit(
            f"finish_bundle: rendering the man page failed:\n{out.stderr.decode(errors='replace')}"
        )
    return out.stdout


def main() -> int:
    bundle = Path(sys.argv[1])
    usr = bundle / "usr"
    if not (usr / "bin" / APP).is_file():
        sys.exit(
            f"finish_bundle: {usr / 'bin' / APP} missing: run `briefcase build linux system` first"
        )

    bundled_pcsc = [p for p in usr.rglob("libpcsclite*") if p.is_file()]
    if bundled_pcsc:
        sys.exit(f"finish_bundle: the bundle must use the host's libpcsclite, found {bundled_pcsc}")

    for pyside in (usr / "lib").glob(f"{APP}/app_packages/PySide6"):
        print(f"finish_bundle: PySide6 pruned by {prune(pyside) // 2**20} MiB", file=sys.stderr)
    write(usr / "bin" / "jpki", JPKI_LAUNCHER.encode(), 0o755)
    write(usr / "share" / "man" / "man1" / "jpki.1.gz", gz(render_manpage(usr)))
    write(
        usr / "share" / "applications" / f"{APP_ID}.desktop",
        (TOP / "resources" / "jpki-desktop.desktop").read_bytes(),
    )
    svg = usr / "share" / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    svg.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(TOP / "resources" / "icons" / "jpki-desktop.svg", svg)
    svg.chmod(0o644)
    for d in [usr / "share" / "icons" / "hicolor" / "scalable", svg.parent]:
        d.chmod(0o755)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

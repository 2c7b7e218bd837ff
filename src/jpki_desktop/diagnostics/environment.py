"""Versions a help desk asks for first: app, OS, Python, Qt, pyscard, pcsc-lite.

Nothing here imports PySide6 or pyscard: versions come from package metadata, so a broken Qt
or PC/SC install cannot break the report that is meant to diagnose it.
"""

from __future__ import annotations

import platform
from importlib import metadata
from pathlib import Path

from .. import __version__
from .system import Platform, pcsc_lite_version


def _version(*dists: str) -> str:
    for dist in dists:
        try:
            return metadata.version(dist)
        except metadata.PackageNotFoundError:
            continue
    return "not installed"


def _os_name(plat: Platform) -> str:
    base = f"{platform.system()} {platform.release()} ({platform.machine()})"
    if plat.system == "Linux":
        try:
            for line in Path("/etc/os-release").read_text(errors="replace").splitlines():
                if line.startswith("PRETTY_NAME="):
                    return f"{line.split('=', 1)[1].strip(chr(34))}; {base}"
        except OSError:
            pass
    if plat.system == "Darwin":
        return f"macOS {platform.mac_ver()[0]}; {base}"
    if plat.system == "Windows":
        return f"Windows {platform.version()}; {base}"
    return base


def collect_environment(plat: Platform | None = None) -> dict[str, str]:
    """Ordered name → version. No host name, user name or paths (they identify people)."""
    plat = plat or Platform.detect()
    pcsc_lite = pcsc_lite_version() if plat.system == "Linux" and not plat.flatpak else ""
    return {
        "jpki-desktop": __version__,
        "OS": _os_name(plat),
        "Python": f"{platform.python_version()} ({platform.python_implementation()})",
        "Qt (PySide6)": _version("PySide6-Essentials", "PySide6"),
        "pyscard": _version("pyscard"),
        "pcsc-lite": pcsc_lite
        or ("system PC/SC service" if plat.system in ("Windows", "Darwin") else "unknown"),
        "Flatpak sandbox": f"yes ({plat.flatpak_app})" if plat.flatpak else "no",
    }

"""Platform facts and the two service-level probes: PC/SC library, PC/SC service.

The most common complaint against every eID client is "my reader is not found", and most often
the cause is the PC/SC service (pcscd) not running or not reachable from a Flatpak sandbox.
These probes name the exact fix for the platform they run on.
"""

from __future__ import annotations

import ctypes.util
import os
import platform as _platform
import shutil
import socket
import subprocess
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from types import ModuleType

from ..card.pcsc_loader import load_pcsc
from .model import Probe, ProbeResult, Status, result

ENABLE_PCSCD = "sudo systemctl enable --now pcscd.socket"
DEFAULT_SOCKETS = (Path("/run/pcscd/pcscd.comm"), Path("/var/run/pcscd/pcscd.comm"))

INSTALL_PCSCD = {
    "debian": "sudo apt install pcscd",
    "ubuntu": "sudo apt install pcscd",
    "fedora": "sudo dnf install pcsc-lite",
    "rhel": "sudo dnf install pcsc-lite",
    "suse": "sudo zypper install pcsc-lite",
    "opensuse": "sudo zypper install pcsc-lite",
    "arch": "sudo pacman -S pcsclite",
}


@dataclass(frozen=True)
class Platform:
    system: str  # platform.system(): "Linux", "Windows", "Darwin"
    flatpak: bool = False
    flatpak_app: str = ""
    distro: tuple[str, ...] = ()  # os-release ID followed by ID_LIKE
    socket_path: Path | None = None  # where libpcsclite looks for pcscd (Linux)
    pcscd_installed: bool | None = None  # None: cannot tell (sandbox, not Linux)

    @classmethod
    def detect(
        cls,
        *,
        flatpak_info: Path = Path("/.flatpak-info"),
        os_release: Path = Path("/etc/os-release"),
        env: dict[str, str] | None = None,
        system: str | None = None,
    ) -> Platform:
        env = dict(os.environ) if env is None else env
        system = system or _platform.system()
        flatpak = flatpak_info.exists()
        app = _flatpak_app(flatpak_info) if flatpak else ""
        distro = _distro(os_release) if system == "Linux" else ()
        sock = None
        if system != "Windows":
            if env.get("PCSCLITE_CSOCK_NAME"):
                sock = Path(env["PCSCLITE_CSOCK_NAME"])
            elif system == "Linux":
                sock = next((p for p in DEFAULT_SOCKETS if p.exists()), DEFAULT_SOCKETS[0])
        installed = None
        if system == "Linux" and not flatpak:
            installed = bool(shutil.which("pcscd") or Path("/usr/sbin/pcscd").exists())
        return cls(system, flatpak, app, distro, sock, installed)

    def install_command(self) -> str:
        for name in self.distro:
            if name in INSTALL_PCSCD:
                return INSTALL_PCSCD[name]
        return "install the package 'pcscd' (or 'pcsc-lite') with your package manager"


def _flatpak_app(info: Path) -> str:
    try:
        for line in info.read_text(errors="replace").splitlines():
            if line.startswith("name="):
                return line.split("=", 1)[1].strip()
    except OSError:
        pass
    return ""


def _distro(path: Path) -> tuple[str, ...]:
    try:
        fields = dict(
            line.split("=", 1)
            for line in path.read_text(errors="replace").splitlines()
            if "=" in line
        )
    except OSError:
        return ()
    ids = [fields.get("ID", "").strip('"').lower()] + fields.get("ID_LIKE", "").strip(
        '"'
    ).lower().split()
    return tuple(i for i in ids if i)


def socket_state(path: Path | None) -> str:
    """ "missing", "refused" (a stale file, nobody listening) or "listening"."""
    if path is None or not path.exists():
        return "missing"
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
        s.settimeout(1.0)
        try:
            s.connect(str(path))
        except OSError:
            return "refused"
    return "listening"


# -- probe: library ------------------------------------------------------------------------

LIBRARY = Probe("pcsc_library", "PC/SC library")


def probe_library(plat: Platform) -> tuple[ProbeResult, ModuleType | None]:
    """pyscard importable and the system PC/SC library loadable (pyscard loads it on import)."""
    lib = ctypes.util.find_library("pcsclite") if plat.system not in ("Windows", "Darwin") else None
    try:
        pcsc = load_pcsc()
    except ImportError as exc:
        if _pyscard_installed():
            fix = "Install the PC/SC library: " + (
                "sudo apt install libpcsclite1"
                if "debian" in plat.distro or "ubuntu" in plat.distro
                else "install pcsc-lite (libpcsclite) with your package manager"
            )
            detail = (
                f"pyscard is installed but the system PC/SC library could not be loaded ({exc})."
            )
        else:
            fix = "Reinstall jpki-desktop: its pyscard component is missing."
            detail = "The pyscard component is missing."
        return result(LIBRARY, Status.FAIL, detail, fix, library=lib), None
    return result(
        LIBRARY, Status.OK, "pyscard and the PC/SC library are loaded.", library=lib
    ), pcsc


def _pyscard_installed() -> bool:
    try:
        metadata.version("pyscard")
    except metadata.PackageNotFoundError:
        return False
    return True


# -- probe: service ------------------------------------------------------------------------

SERVICE = Probe("pcsc_service", "PC/SC service")


def probe_service(plat: Platform, pcsc: ModuleType) -> tuple[ProbeResult, bool]:
    try:
        with pcsc.Context():
            pass
    except Exception as exc:  # PcscUnavailable; anything else means the same to the user
        detail, fix = service_fix(plat, socket_state(plat.socket_path))
        return result(SERVICE, Status.FAIL, detail, fix, error=str(exc), socket=_sock(plat)), False
    name = {"Windows": "The Smart Card service", "Darwin": "The macOS smart card service"}.get(
        plat.system, "pcscd"
    )
    return result(SERVICE, Status.OK, f"{name} answers.", socket=_sock(plat)), True


def _sock(plat: Platform) -> str | None:
    return str(plat.socket_path) if plat.socket_path else None


def service_fix(plat: Platform, sock: str) -> tuple[str, str]:
    """(detail, fix) for an unreachable PC/SC service; `sock` is :func:`socket_state`."""
    if plat.system == "Windows":
        return (
            "The Smart Card service (SCardSvr) is not running.",
            "Connect the card reader: Windows starts the Smart Card service when a reader is "
            "plugged in. If it still fails, open Services (services.msc), set 'Smart Card' to "
            "Automatic and click Start.",
        )
    if plat.system == "Darwin":
        return (
            "The macOS smart card service did not answer.",
            "Unplug the reader and plug it in again (directly, not through a hub). If that does "
            "not help, restart the Mac.",
        )
    if plat.flatpak:
        app = plat.flatpak_app or "<app id>"
        if sock == "missing":
            return (
                "This app runs in a Flatpak sandbox that has no access to the smart card service.",
                f"Allow it: flatpak override --user --socket=pcsc {app}  and restart the app. "
                f"pcscd must also run on the host: {ENABLE_PCSCD}",
            )
        if sock == "listening":
            return (
                "Something answers on the smart card socket, but the connection fails: usually the "
                "sandbox's PC/SC library and the host's pcscd speak different protocol versions.",
                "Update the host's pcscd (pcsc-lite) and the Flatpak runtime (flatpak update), "
                "then restart pcscd on the host: sudo systemctl restart pcscd.socket pcscd.service",
            )
        return (
            "The host's pcscd is not running.",
            f"On the host, run: {ENABLE_PCSCD}",
        )
    if plat.pcscd_installed is False:
        return (
            "pcscd (the PC/SC daemon) is not installed.",
            f"Install it: {plat.install_command()}  then start it: {ENABLE_PCSCD}",
        )
    if sock == "listening":
        return (
            "Something answers on pcscd's socket, but the connection fails: usually pcscd and "
            "this app's PC/SC library (libpcsclite) speak different protocol versions.",
            "Update pcscd and libpcsclite to matching versions, then restart pcscd: "
            "sudo systemctl restart pcscd.socket pcscd.service",
        )
    if sock == "refused":
        return (
            "pcscd is not running (it left a stale socket behind).",
            f"Start it again: sudo systemctl restart pcscd.socket  (or: {ENABLE_PCSCD})",
        )
    return (
        "pcscd (the PC/SC daemon) is not running.",
        f"Start it, and let it start on demand from now on: {ENABLE_PCSCD}  "
        "(without systemd: sudo pcscd)",
    )


def pcsc_lite_version() -> str:
    """pcsc-lite's version from `pcscd --version` ("" when not available, e.g. in a sandbox)."""
    exe = shutil.which("pcscd") or ("/usr/sbin/pcscd" if Path("/usr/sbin/pcscd").exists() else None)
    if exe is None:
        return ""
    try:
        out = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=3)
    except (OSError, subprocess.SubprocessError):
        return ""
    for word in (out.stdout + out.stderr).split():
        if word[:1].isdigit() and "." in word:
            return word.rstrip(".")
    return ""

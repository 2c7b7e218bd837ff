"""A private pcscd with the vpcd virtual reader, for tests and benchmarks.

Each instance runs in its own mount namespace (`unshare --mount`) with its own socket directory
and vpcd ports, so parallel test runs and a developer's system pcscd never collide
(pcsc-test-stack.md §7). Clients find it through PCSCLITE_CSOCK_NAME, which libpcsclite reads
once per process: set it before the first PC/SC call.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

VPCD_DRIVER = "/usr/lib/pcsc/drivers/serial/libifdvpcd.so"


def free_port_pair() -> int:
    """A base port p such that p and p+1 are free (vpcd listens on CHANNELID + slot)."""
    import random

    for _ in range(200):
        base = random.randrange(40000, 59998, 2)
        try:
            with socket.socket() as a, socket.socket() as b:
                a.bind(("0.0.0.0", base))
                b.bind(("0.0.0.0", base + 1))
            return base
        except OSError:
            continue
    raise RuntimeError("no free port pair")


def available() -> str | None:
    """Why a private pcscd cannot run here, or None if it can."""
    if os.geteuid() != 0:
        return "needs root for unshare --mount"
    for tool in ("pcscd", "unshare"):
        if shutil.which(tool) is None:
            return f"{tool} not installed"
    if not Path(VPCD_DRIVER).exists():
        return "vsmartcard-vpcd not installed"
    return None


class PrivatePcscd:
    def __init__(
        self, workdir: Path, *, with_vpcd: bool = True, friendly_name: str = "Virtual PCD"
    ) -> None:
        self.workdir = Path(workdir)
        self.run_dir = self.workdir / "run"
        self.conf_dir = self.workdir / "reader.conf.d"
        self.with_vpcd = with_vpcd
        self.friendly_name = friendly_name
        self.port = free_port_pair() if with_vpcd else 0
        self.proc: subprocess.Popen[bytes] | None = None
        self.log_path = self.workdir / "pcscd.log"

    @property
    def socket_path(self) -> Path:
        return self.run_dir / "pcscd.comm"

    @property
    def readers(self) -> list[str]:
        return (
            [f"{self.friendly_name} 00 00", f"{self.friendly_name} 00 01"] if self.with_vpcd else []
        )

    def slot_port(self, slot: int) -> int:
        return self.port + slot

    def start(self, timeout: float = 10.0) -> None:
        self.run_dir.mkdir(parents=True, exist_ok=True)
        self.conf_dir.mkdir(parents=True, exist_ok=True)
        for stale in ("pcscd.comm", "pcscd.pid"):
            (self.run_dir / stale).unlink(missing_ok=True)
        conf = self.conf_dir / "vpcd"
        if self.with_vpcd:
            conf.write_text(
                f'FRIENDLYNAME "{self.friendly_name}"\nDEVICENAME /dev/null:{self.port:#06x}\n'
                f"LIBPATH {VPCD_DRIVER}\nCHANNELID {self.port:#06x}\n"
            )
        else:
            conf.unlink(missing_ok=True)
        script = f'mount --bind "{self.run_dir}" /run/pcscd && exec pcscd --foreground -c "{self.conf_dir}"'
        Path("/run/pcscd").mkdir(parents=True, exist_ok=True)
        log = open(self.log_path, "ab")
        self.proc = subprocess.Popen(
            ["unshare", "--mount", "--propagation", "private", "sh", "-c", script],
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        log.close()
        deadline = time.monotonic() + timeout
        while not self.socket_path.exists():
            if self.proc.poll() is not None:
                raise RuntimeError(
                    f"pcscd exited: {self.log_path.read_text(errors='replace')[-2000:]}"
                )
            if time.monotonic() > deadline:
                raise RuntimeError("pcscd did not create its socket")
            time.sleep(0.02)
        if self.with_vpcd:  # vpcd listens once its reader thread is up
            while time.monotonic() < deadline:
                try:
                    with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                        pass
                    break
                except OSError:
                    time.sleep(0.02)
            # that probe connection looked like a card insertion; let pcscd notice it left
            time.sleep(0.5)

    def stop(self) -> None:
        if self.proc is None:
            return
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        self.proc = None
        for stale in ("pcscd.comm", "pcscd.pid"):
            (self.run_dir / stale).unlink(missing_ok=True)

    def env(self) -> dict[str, str]:
        return {"PCSCLITE_CSOCK_NAME": str(self.socket_path)}

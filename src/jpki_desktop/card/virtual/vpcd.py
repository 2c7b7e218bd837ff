"""Insert the virtual card into a real pcscd through the vpcd virtual reader.

vpcd (vsmartcard) listens on 127.0.0.1:35963 (+slot); the card is the TCP client. Frames are a
2-byte big-endian length + payload; a 1-byte payload is a control byte (00 off, 01 on, 02 reset,
04 ATR). Debian's vpcd 3.3 sends length and payload separately, so TCP_QUICKACK is set before
every recv (it is not sticky) and replies go out in one write: 40 ms → 0.1 ms per APDU.
"""

from __future__ import annotations

import argparse
import logging
import socket
import threading
import time
from collections.abc import Callable
from pathlib import Path

from .card import VirtualJpkiCard
from .store import CardStore, default_demo_dir
from .timing import ReaderTiming

logger = logging.getLogger(__name__)
DEFAULT_PORT = 35963


class VpcdCard:
    """Runs `card` as a vpcd client on a thread. `insert()` connects, `remove()` disconnects."""

    def __init__(
        self, card: VirtualJpkiCard, port: int = DEFAULT_PORT, host: str = "127.0.0.1"
    ) -> None:
        self.card = card
        self.host = host
        self.port = port
        # a slow reader: per-APDU latency plus per-byte time each way (timing.ReaderTiming)
        self.timing = ReaderTiming()
        # Test hook: when it returns True for a command APDU, the card is pulled out instead of
        # answering it (the card never executes that command, as with a real card pulled mid-APDU).
        self.pull_when: Callable[[bytes], bool] | None = None
        self._sock: socket.socket | None = None
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()

    @property
    def apdu_delay(self) -> float:
        return self.timing.apdu_delay

    @apdu_delay.setter
    def apdu_delay(self, seconds: float) -> None:
        self.timing.apdu_delay = seconds

    @property
    def inserted(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def insert(self, timeout: float = 5.0) -> None:
        if self.inserted:
            return
        deadline = time.monotonic() + timeout
        while True:
            try:
                sock = socket.create_connection((self.host, self.port), timeout=1.0)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock.settimeout(None)
        self._sock = sock
        self._stop.clear()
        self.card.reset()
        self._thread = threading.Thread(
            target=self._serve, args=(sock,), name=f"vpcd-card-{self.port}", daemon=True
        )
        self._thread.start()

    def remove(self) -> None:
        self._stop.set()
        sock, self._sock = self._sock, None
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            sock.close()
        if self._thread is not None:
            self._thread.join(timeout=2)
            self._thread = None

    def _pull(self, sock: socket.socket) -> None:
        """Disconnect from the card thread itself (vpcd then reports the card removed)."""
        self._stop.set()
        if self._sock is sock:
            self._sock = None
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        sock.close()
        self.card.reset()  # power is gone with the card

    def _recv_exact(self, sock: socket.socket, n: int) -> bytes | None:
        buf = b""
        while len(buf) < n:
            if hasattr(socket, "TCP_QUICKACK"):
                try:
                    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)
                except OSError:
                    return None
            try:
                part = sock.recv(n - len(buf))
            except OSError:
                return None
            if not part:
                return None
            buf += part
        return buf

    def _serve(self, sock: socket.socket) -> None:
        while not self._stop.is_set():
            head = self._recv_exact(sock, 2)
            if head is None:
                break
            payload = self._recv_exact(sock, int.from_bytes(head, "big"))
            if payload is None:
                break
            if len(payload) == 1:
                ctrl = payload[0]
                if ctrl in (0x00, 0x01, 0x02):
                    self.card.reset()
                    continue
                if ctrl == 0x04:
                    reply = self.card.atr
                else:
                    continue
            else:
                if self.pull_when is not None and self.pull_when(payload):
                    self._pull(sock)
                    break
                # wait() rather than sleep(): a card removed during the delay never executes the command
                if self.timing.wait(self.timing.before(len(payload)), self._stop):
                    break
                reply = self.card.process(payload)
                if self.timing.wait(self.timing.after(len(reply)), self._stop):
                    break
            try:
                sock.sendall(len(reply).to_bytes(2, "big") + reply)
            except OSError:
                break
        logger.debug("vpcd card on port %d stopped", self.port)


def main(argv: list[str] | None = None) -> int:
    """Run a virtual card as a process: `python -m jpki_desktop.card.virtual.vpcd --state DIR`."""
    ap = argparse.ArgumentParser(
        description="Insert the jpki-desktop virtual card into pcscd via vpcd"
    )
    ap.add_argument("--port", type=int, default=DEFAULT_PORT)
    ap.add_argument(
        "--state", type=Path, default=None, help="card state directory (default: the demo card)"
    )
    args = ap.parse_args(argv)
    card, _ = CardStore(args.state or default_demo_dir()).load_or_create()
    vc = VpcdCard(card, args.port)
    vc.insert(timeout=30)
    try:
        while vc.inserted:
            time.sleep(0.5)
    except KeyboardInterrupt:
        vc.remove()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

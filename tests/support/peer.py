"""Another program on the same pcscd, run as its own process with plain pyscard.

`python peer.py READER transaction` connects SHARED and holds SCardBeginTransaction;
`... exclusive` connects SHARE_EXCLUSIVE. It prints "held" once it holds the reader and
releases it when its standard input closes (or after 120 s, so it can never outlive a test).
"""

from __future__ import annotations

import select
import subprocess
import sys

from smartcard import scard


class Peer:
    """Another program holding the reader, as a real second process."""

    def __init__(self, reader: str, how: str) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, __file__, reader, how],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        line = self.proc.stdout.readline()
        if line.strip() != b"held":
            self.proc.kill()
            raise AssertionError(f"peer failed: {line!r} {self.proc.stderr.read()!r}")

    def release(self) -> None:
        if self.proc.poll() is None:
            self.proc.stdin.close()
            self.proc.wait(10)

    def __enter__(self) -> Peer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def main() -> int:
    reader, how = sys.argv[1], sys.argv[2]
    rv, ctx = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
    assert rv == scard.SCARD_S_SUCCESS, scard.SCardGetErrorMessage(rv)
    share = scard.SCARD_SHARE_EXCLUSIVE if how == "exclusive" else scard.SCARD_SHARE_SHARED
    rv, card, _ = scard.SCardConnect(ctx, reader, share, scard.SCARD_PROTOCOL_T1)
    assert rv == scard.SCARD_S_SUCCESS, scard.SCardGetErrorMessage(rv)
    if how == "transaction":
        rv = scard.SCardBeginTransaction(card)
        assert rv == scard.SCARD_S_SUCCESS, scard.SCardGetErrorMessage(rv)
    print("held", flush=True)
    select.select([sys.stdin], [], [], 120)
    if how == "transaction":
        scard.SCardEndTransaction(card, scard.SCARD_LEAVE_CARD)
    scard.SCardDisconnect(card, scard.SCARD_LEAVE_CARD)
    scard.SCardReleaseContext(ctx)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

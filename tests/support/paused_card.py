"""The virtual card as its own process (so its memory is not the signer's), pausing on
COMPUTE DIGITAL SIGNATURE: `python paused_card.py STATE_DIR PORT`. It prints "signing" when
the signature command arrives and answers it only after a line on standard input."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from jpki_desktop.card.virtual.store import CardStore
from jpki_desktop.card.virtual.vpcd import VpcdCard


def main() -> int:
    card, _, _ = CardStore(Path(sys.argv[1])).load()
    vc = VpcdCard(card, int(sys.argv[2]))

    def pause_on_signature(apdu: bytes) -> bool:
        if len(apdu) > 1 and apdu[1] == 0x2A:
            print("signing", flush=True)
            sys.stdin.readline()
        return False  # never pulled: just held while the signer is inside the command

    vc.pull_when = pause_on_signature
    vc.insert(timeout=10)
    print("inserted", flush=True)
    while vc.inserted:
        time.sleep(0.2)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""No stray copy of the signing password in the signer's memory (issue 15 item 6).

A distinctive password is set on the virtual card, which runs as its own process. `jpki sign
--password-stdin` runs in a second process; this test reads that process's memory
(/proc/PID/mem over every readable, writable or anonymous region in /proc/PID/maps) while the
card holds COMPUTE DIGITAL SIGNATURE, i.e. after a successful VERIFY, and again after the
signature was written. Neither the password as typed nor upper-cased may be found."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from jpki_desktop.card import pcsc
from jpki_desktop.card.pins import PinKind
from jpki_desktop.card.virtual.store import CardProfile, CardStore, build_card

pytestmark = pytest.mark.pcsc

SUPPORT = Path(__file__).parents[1] / "support"
TYPED = b"qz7xk9wvm3"  # what the user types (lower case)
SENT = TYPED.upper()  # what the card compares


def scan(pid: int, needles: list[bytes]) -> dict[bytes, list[str]]:
    """Where each needle occurs in the memory of process `pid`."""
    hits: dict[bytes, list[str]] = {n: [] for n in needles}
    with open(f"/proc/{pid}/maps") as maps, open(f"/proc/{pid}/mem", "rb", 0) as mem:
        for line in maps:
            parts = line.split()
            span, perms = parts[0], parts[1]
            name = parts[5] if len(parts) > 5 else "[anon]"
            if "r" not in perms or name in ("[vvar]", "[vsyscall]", "[vdso]"):
                continue
            if "w" not in perms and not name.startswith("["):
                continue  # read-only file mappings (code, constants) cannot hold it
            start, end = (int(x, 16) for x in span.split("-"))
            try:
                mem.seek(start)
                data = mem.read(end - start)
            except OSError:
                continue
            for n in needles:
                i = data.find(n)
                while i >= 0:
                    hits[n].append(f"{name}+{i:#x}")
                    i = data.find(n, i + 1)
    return hits


_unread: dict[int, bytes] = {}  # what came after a marker, per file descriptor


def read_until(stream, marker: bytes, timeout: float = 30.0) -> bytes:
    """Read `stream` (a pipe, or a pty's fd) up to and with `marker`; fail after `timeout`."""
    fd = stream if isinstance(stream, int) else stream.fileno()
    seen = _unread.pop(fd, b"")
    deadline = time.monotonic() + timeout
    while marker not in seen:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            raise AssertionError(f"no {marker!r} within {timeout:g} s: {seen!r}")
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # a pty whose other side closed
            chunk = b""
        if not chunk:
            raise AssertionError(f"stream ended before {marker!r}: {seen!r}")
        seen += chunk
    end = seen.index(marker) + len(marker)
    _unread[fd] = seen[end:]
    return seen[:end]


def _take_terminal() -> None:  # runs in the child: make stdin (a pty) its controlling tty
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


@pytest.mark.skipif(os.geteuid() != 0, reason="reading another process's memory needs root")
@pytest.mark.parametrize("entry", ["password-stdin", "terminal"])
def test_no_copy_of_the_password_during_and_after_a_signature(pcscd, pki, tmp_path, entry):
    _unread.clear()  # file descriptor numbers come back in the next test
    store = CardStore(tmp_path / "card")
    card = build_card(pki)
    card.pin_ref(PinKind.SIGN).set(SENT)
    store.save(card, pki, CardProfile())
    reader = pcscd.readers[1]
    with pcsc.Context() as ctx:  # a card of an earlier test must be gone, or "present" below
        assert ctx.wait_reader_state(reader, False, 5000)  # would be that card, not this one
    card_proc = subprocess.Popen(
        [
            sys.executable,
            str(SUPPORT / "paused_card.py"),
            str(store.directory),
            str(pcscd.slot_port(1)),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    signer = None
    try:
        read_until(card_proc.stdout, b"inserted")
        with pcsc.Context() as ctx:
            assert ctx.wait_reader_state(reader, True, 5000)
        doc = tmp_path / "doc.txt"
        doc.write_text("memory test")
        argv = [
            sys.executable,
            str(SUPPORT / "cli_then_wait.py"),
            "--reader",
            reader,
            "sign",
            str(doc),
            "-o",
            str(tmp_path / "doc.p7s"),
        ]
        if entry == "password-stdin":
            signer = subprocess.Popen(
                [*argv, "--password-stdin"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
            signer.stdin.write(TYPED + b"\n")
            signer.stdin.flush()
            release = lambda: (signer.stdin.write(b"x"), signer.stdin.flush())  # noqa: E731
        else:  # typed at a terminal: the no-echo prompt on /dev/tty
            master, slave = pty.openpty()
            signer = subprocess.Popen(
                argv,
                stdin=slave,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                start_new_session=True,
                preexec_fn=_take_terminal,
            )
            os.close(slave)
            read_until(master, b":")  # the prompt
            os.write(master, TYPED + b"\n")
            release = lambda: os.write(master, b"x\n")  # noqa: E731
        read_until(card_proc.stdout, b"signing")  # the signer now waits inside COMPUTE SIGNATURE
        during = scan(signer.pid, [TYPED, SENT])
        card_proc.stdin.write(b"go\n")
        card_proc.stdin.flush()
        out = read_until(signer.stdout, b"::done::")
        after = scan(signer.pid, [TYPED, SENT])
        release()
        assert signer.wait(30) == 0, (out, signer.stderr.read())
    finally:
        if signer is not None and signer.poll() is None:
            signer.kill()
        card_proc.kill()
        card_proc.wait(10)
    assert (tmp_path / "doc.p7s").stat().st_size > 0
    assert during == {TYPED: [], SENT: []}, during
    assert after == {TYPED: [], SENT: []}, after

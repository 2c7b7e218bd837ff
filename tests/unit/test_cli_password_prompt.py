"""The password prompt at a terminal keeps what is typed the moment the prompt shows (a fast
typist, a paste, a password manager's auto-type): switching echo off flushes pending input,
so the prompt must come after the switch, not before."""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import struct
import termios
import threading
import time

import pytest

from jpki_desktop.card.pins import PinKind
from jpki_desktop.cli import common


@pytest.mark.skipif(common.termios is None, reason="needs a POSIX terminal")
def test_a_password_typed_as_soon_as_the_prompt_shows_is_read(monkeypatch):
    master, slave = pty.openpty()
    real_open, real_write = os.open, os.write

    def open_tty(path, flags, *rest):
        return os.dup(slave) if path == "/dev/tty" else real_open(path, flags, *rest)

    def waiting_input() -> int:
        raw = fcntl.ioctl(slave, termios.FIONREAD, struct.pack("i", 0))
        return int(struct.unpack("i", raw)[0])

    def write_then_type(fd, data):
        written = real_write(fd, data)
        if fd != master and data.endswith(b": "):  # the prompt is on the screen: type at once
            real_write(master, b"abc123\n")
            deadline = time.monotonic() + 2
            while not waiting_input() and time.monotonic() < deadline:
                time.sleep(0.01)  # until the terminal holds the line, as a fast typist's would
        return written

    monkeypatch.setattr(common.os, "open", open_tty)
    monkeypatch.setattr(common.os, "write", write_then_type)
    got: list[object] = []

    def read() -> None:
        try:
            got.append(common.read_password(argparse.Namespace(), PinKind.SIGN))
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            got.append(exc)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(5)
    lost = reader.is_alive()
    if lost:  # the typed line was flushed away: end the read with an empty line
        real_write(master, b"\n")
        reader.join(5)
    try:
        assert not lost, "the password typed after the prompt was discarded"
        (buf,) = got
        assert bytes(buf.bytes) == b"ABC123"  # type: ignore[union-attr]
    finally:
        os.close(master)
        os.close(slave)

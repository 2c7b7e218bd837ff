"""fileio.atomic_output: the rename trick only for regular files; devices, FIFOs and `-` are
streamed to; symlinks are followed (the link survives); the umask is respected and the
default is private (0600)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from jpki_desktop.fileio import PUBLIC, atomic_output, atomic_write_bytes


@pytest.fixture
def umask():
    def set_umask(value: int) -> None:
        os.umask(value)

    old = os.umask(0o022)
    yield set_umask
    os.umask(old)


def mode_of(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_new_regular_file_is_private_by_default(tmp_path, umask):
    atomic_write_bytes(tmp_path / "s.p7s", b"x")
    assert mode_of(tmp_path / "s.p7s") == 0o600


@pytest.mark.parametrize("mask,expected", [(0o022, 0o644), (0o077, 0o600), (0o027, 0o640)])
def test_public_files_respect_the_umask(tmp_path, umask, mask, expected):
    umask(mask)
    atomic_write_bytes(tmp_path / "auth.pem", b"x", PUBLIC)
    assert mode_of(tmp_path / "auth.pem") == expected


def test_replacing_a_regular_file_is_atomic_and_leaves_no_temp_file(tmp_path):
    target = tmp_path / "out.bin"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), atomic_output(target) as f:
        f.write(b"half")
        raise RuntimeError("card pulled")
    assert target.read_bytes() == b"old"
    atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.bin"]


def test_a_symlink_is_followed_and_stays_a_link(tmp_path):
    real = tmp_path / "real.pem"
    real.write_bytes(b"old")
    link = tmp_path / "link.pem"
    link.symlink_to(real)
    atomic_write_bytes(link, b"new")
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_bytes() == b"new"


def test_a_dangling_symlink_creates_its_target(tmp_path):
    link = tmp_path / "link.pem"
    link.symlink_to(tmp_path / "later.pem")
    atomic_write_bytes(link, b"data")
    assert link.is_symlink() and (tmp_path / "later.pem").read_bytes() == b"data"


def test_a_symlink_into_a_missing_directory_is_refused(tmp_path):
    link = tmp_path / "link.pem"
    link.symlink_to(tmp_path / "nowhere" / "x.pem")
    with pytest.raises(FileNotFoundError):
        atomic_write_bytes(link, b"data")
    assert not (tmp_path / "nowhere").exists()


def test_a_fifo_is_streamed_to_not_replaced(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    atomic_write_bytes(fifo, b"through the pipe")
    reader.join(5)
    assert got == [b"through the pipe"]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]


needs_root = pytest.mark.skipif(os.geteuid() != 0, reason="mknod needs root")


def null_device(path):
    """A private node for the /dev/null device: the tests never aim at the real /dev/null,
    which a regression would replace for every process on the machine."""
    os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    return path


@needs_root
def test_a_character_device_is_written_to_not_replaced(tmp_path):
    null = null_device(tmp_path / "null")
    atomic_write_bytes(null, b"discarded")
    st = os.lstat(null)
    assert stat.S_ISCHR(st.st_mode) and st.st_rdev == os.makedev(1, 3)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["null"]


@needs_root
def test_a_symlink_to_a_device_writes_to_the_device(tmp_path):
    null = null_device(tmp_path / "null")
    link = tmp_path / "sink"
    link.symlink_to(null)
    atomic_write_bytes(link, b"discarded")
    assert link.is_symlink() and stat.S_ISCHR(os.lstat(null).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["null", "sink"]


def test_dev_null_is_recognised_as_a_stream_without_writing_to_it():
    """Read-only check on the real /dev/null: it is never renamed over."""
    from jpki_desktop.fileio import _streamed_target

    assert _streamed_target(Path("/dev/null")) is True


def test_dash_is_standard_output(tmp_path):
    code = (
        "from jpki_desktop.fileio import atomic_write_bytes;"
        "atomic_write_bytes('-', b'to stdout\\n')"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, check=True
    )
    assert out.stdout == b"to stdout\n"
    assert list(tmp_path.iterdir()) == []


def test_a_directory_is_refused(tmp_path):
    with pytest.raises(IsADirectoryError):
        atomic_write_bytes(tmp_path, b"x")

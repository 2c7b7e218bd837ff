"""Output files: atomic for regular files, streamed for everything else, private by default.

* A regular file (or a name that does not exist yet) is written to a temp file in the same
  directory, fsynced, then renamed over the target: a failure (card pulled, disk full, wrong
  password) never leaves a partial or clobbered output file.
* ``-`` is standard output; a character or block device (``/dev/null``, a tty), a FIFO or a
  socket is opened and written in place. Renaming over it would replace the device node
  itself (as root, ``-o /dev/null`` would turn ``/dev/null`` into a regular file).
* A symlink is **followed**: its target is written by the rules above and the link stays a
  link. A link whose target directory does not exist is refused (FileNotFoundError).
* Permissions: files are created with ``mode & ~umask``. The default mode is 0600 because
  most outputs carry personal data (the signing certificate, signed documents, packages,
  receipts, reports); callers writing public data pass ``PUBLIC`` (0644 before the umask).
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

PRIVATE = 0o600
PUBLIC = 0o644

STDOUT = "-"


def current_umask() -> int:
    """The process umask, read without changing it (os.umask() sets it, racing other threads)."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    old = os.umask(0o077)  # fallback for systems without /proc: briefly set, then restore
    os.umask(old)
    return old


def _streamed_target(target: Path) -> bool:
    """True when `target` must be written in place, never renamed over."""
    try:
        st = os.stat(target)  # follows symlinks
    except FileNotFoundError:
        return False
    if stat.S_ISDIR(st.st_mode):
        raise IsADirectoryError(21, "Is a directory", str(target))
    return not stat.S_ISREG(st.st_mode)


@contextlib.contextmanager
def atomic_output(path: str | os.PathLike[str], mode: int = PRIVATE) -> Iterator[BinaryIO]:
    """Yield a binary file for the output `path` (see the module docstring for the rules)."""
    if os.fspath(path) == STDOUT:
        out = sys.stdout.buffer
        yield out
        out.flush()
        return
    target = Path(path)
    if target.is_symlink():
        # Follow the link (possibly through several): the link is the user's, keep it.
        target = Path(os.path.realpath(target))
        if not target.parent.is_dir():
            raise FileNotFoundError(2, "No such file or directory", str(target.parent))
    if _streamed_target(target):
        with open(target, "wb") as f:
            yield f
            f.flush()
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    try:
        os.fchmod(fd, mode & ~current_umask() & 0o777)
        with os.fdopen(fd, "wb") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes, mode: int = PRIVATE) -> None:
    with atomic_output(path, mode) as f:
        f.write(data)

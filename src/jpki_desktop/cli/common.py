"""Helpers shared by commands: opening the card, reading passwords, the options several
commands take (declared once here, so that each reads the same in every command), printing."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable
from typing import Any

try:  # POSIX only; on Windows the prompt falls back to getpass
    import termios
except ImportError:  # pragma: no cover - not on the Linux CI
    termios = None  # type: ignore[assignment]
from ..app.card import CardOpener, card_opener
from ..card.errors import FinalTryNotConfirmed
from ..card.pins import PinBuffer, PinKind, prepare_pin
from .errors import PIN_NAMES


def opener_from_args(args: argparse.Namespace) -> CardOpener:
    """Opens the card chosen by --demo / --reader (the first reader holding a card)."""
    return card_opener(args.reader, demo=args.demo)


def password_reader(
    args: argparse.Namespace, kind: PinKind, *, prompt: str | None = None, new: bool = False
) -> Callable[[], PinBuffer]:
    """`read_password`, called by the use case only once the card said the PIN is not blocked."""
    return lambda: read_password(args, kind, prompt=prompt, new=new)


def final_try_question(args: argparse.Namespace) -> Callable[[PinKind], bool]:
    """`confirm_final_try`, asked by the use case only when one try is left."""
    return lambda kind: confirm_final_try(args, kind)


_LINE_MAX = 256  # far beyond any PIN; a longer line is refused, never stored whole


def _read_secret_line(fd: int, echo_off: bool = False, prompt: bytes = b"") -> bytearray:
    """One line from file descriptor `fd`, byte by byte, into a pre-sized bytearray.

    No str and no buffered reader ever holds the secret: `os.read(fd, 1)` returns one-byte
    bytes objects, which CPython shares (they are cached singletons), and the bytearray is
    allocated once so growing it never leaves a freed copy behind. With `echo_off` the
    terminal's echo is switched off for the read (what getpass does, minus its str), and only
    then is `prompt` written: switching flushes pending input (TCSAFLUSH), so a password typed
    or pasted as soon as the prompt showed would otherwise be lost and the read would wait.
    """
    buf = bytearray(_LINE_MAX)
    n = 0
    saved = None
    if echo_off:
        saved = termios.tcgetattr(fd)
        quiet = termios.tcgetattr(fd)
        quiet[3] &= ~termios.ECHO
        termios.tcsetattr(fd, termios.TCSAFLUSH, quiet)
    try:
        if prompt:
            os.write(fd, prompt)
        while True:
            ch = os.read(fd, 1)
            if not ch or ch == b"\n":
                break
            if n < _LINE_MAX:
                buf[n] = ch[0]
            n += 1
    finally:
        if saved is not None:
            termios.tcsetattr(fd, termios.TCSAFLUSH, saved)
    end = min(n, _LINE_MAX)
    if end and buf[end - 1] == 0x0D:  # CRLF
        end -= 1
    if n > _LINE_MAX:
        end = _LINE_MAX  # refused as too long by prepare_pin
    # An exact-size copy, then the big buffer wiped: shrinking it in place could realloc and
    # leave the PIN in the freed block.
    line = bytearray(end)
    for i in range(end):
        line[i] = buf[i]
    for i in range(_LINE_MAX):
        buf[i] = 0
    return line


def _stdin_fd() -> int | None:
    try:
        return sys.stdin.fileno()
    except (AttributeError, OSError, ValueError):  # replaced by a StringIO (tests, embedding)
        return None


def read_password(
    args: argparse.Namespace, kind: PinKind, *, prompt: str | None = None, new: bool = False
) -> PinBuffer:
    """Read without echo, or one line from stdin with --password-stdin; validate before use.

    The bytes typed become the PinBuffer itself (checked and upper-cased in place): one
    mutable buffer from input to APDU. Raises PinFormatError before anything reaches the card.
    """
    if getattr(args, "password_stdin", False):
        fd = _stdin_fd()
        if fd is None:  # not a real file: only str is available (cannot be wiped)
            line = sys.stdin.readline().rstrip("\r\n")
            return prepare_pin(kind, line, new=new)
        return prepare_pin(kind, _read_secret_line(fd), new=new)
    text_prompt = prompt or f"{PIN_NAMES[kind]}: "
    try:
        if termios is None:
            raise OSError("no termios")
        tty = os.open("/dev/tty", os.O_RDWR | os.O_NOCTTY)
    except OSError:  # no terminal (e.g. a service) or Windows: getpass, which returns a str
        return prepare_pin(kind, getpass.getpass(text_prompt), new=new)
    try:
        try:
            raw = _read_secret_line(
                tty, echo_off=True, prompt=text_prompt.encode("utf-8", "replace")
            )
        finally:
            os.write(tty, b"\n")
    finally:
        os.close(tty)
    return prepare_pin(kind, raw, new=new)


def confirm_final_try(args: argparse.Namespace, kind: PinKind) -> bool:
    """Ask before the last remaining try; non-interactive use needs --final-try.

    Returns True when confirmed and raises FinalTryNotConfirmed otherwise, so a "no" ends
    the command before the password is even asked for.
    """
    if getattr(args, "final_try", False):
        return True
    if getattr(args, "password_stdin", False) or not sys.stdin.isatty():
        raise FinalTryNotConfirmed(kind)
    answer = input(
        f"Only ONE try is left for the {PIN_NAMES[kind]}. A wrong entry blocks it. Continue? [y/N] "
    )
    if answer.strip().lower() in ("y", "yes"):
        return True
    raise FinalTryNotConfirmed(kind)


def add_password_options(p: argparse.ArgumentParser) -> None:
    """--password-stdin and --final-try, for a command that gives the card its password(s)."""
    add_password_stdin_option(p, "the password(s)")
    p.add_argument(
        "--final-try", action="store_true", help="allow using the very last remaining try"
    )


def add_password_stdin_option(p: argparse.ArgumentParser, what: str) -> None:
    """--password-stdin: `what` is read from standard input, one per line, not asked for."""
    p.add_argument(
        "--password-stdin",
        action="store_true",
        help=f"read {what} from standard input, one per line",
    )


def add_output_option(
    p: argparse.ArgumentParser,
    what: str,
    *,
    metavar: str,
    required: bool = False,
    default: str = "",
    type: Callable[[str], Any] = str,
) -> None:
    """-o/--output: the file the command writes, always atomically (fileio), so a pulled card
    or a wrong password never leaves half a file. `what` names it ("the signed PDF"); `default`
    says, for an optional one, what is written without -o ("FILE.p7s", "standard output");
    `type` makes the value (by default the name as given, a str)."""
    otherwise = f" (default: {default})" if default else ""
    p.add_argument(
        "-o",
        "--output",
        required=required,
        metavar=metavar,
        type=type,
        help=f"{what}{otherwise}, written atomically",
    )


def add_procedure_option(p: argparse.ArgumentParser, note: str, *, required: bool = False) -> None:
    """--procedure ID: a procedure of the catalogue (`jpki procedures`); `note` says its role."""
    p.add_argument(
        "--procedure",
        required=required,
        metavar="ID",
        help=f"the procedure's id from 'jpki procedures' ({note})",
    )


def add_http_options(p: argparse.ArgumentParser, *, timeout: float, peer: str) -> None:
    """--timeout and --proxy of a command that talks HTTP (net.http.HttpSettings): the timeout
    bounds each whole exchange with `peer`, the proxy is the environment's unless given."""
    p.add_argument(
        "--timeout",
        type=float,
        default=timeout,
        metavar="SECONDS",
        help=f"for each whole exchange with {peer} (default {timeout:g})",
    )
    p.add_argument(
        "--proxy",
        metavar="URL",
        help="HTTP proxy, e.g. http://user:password@proxy:8080 (default: http_proxy/https_proxy)",
    )


def add_list_option(
    p: argparse.ArgumentParser | argparse._ArgumentGroup,
    flag: str,
    metavar: str,
    text: str,
    **kw: Any,
) -> None:
    """A repeatable option: its values in the order given, [] when it is not given; `text`
    is its help, "(repeatable)" is added. `kw`: more of add_argument's (type, choices)."""
    p.add_argument(
        flag, action="append", default=[], metavar=metavar, help=f"{text} (repeatable)", **kw
    )


def add_json_option(p: argparse.ArgumentParser, text: str) -> None:
    """The global --json with this command's own help text. The default is SUPPRESS so that
    the command's parser does not reset a --json given before the command (`jpki --json CMD`)."""
    p.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help=text)


def emit(args: argparse.Namespace, data: Any, text: str) -> None:
    if getattr(args, "json", False):
        print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    else:
        print(text)


def warn(msg: str) -> None:
    print(f"warning: {msg}", file=sys.stderr)

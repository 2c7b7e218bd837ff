"""Helpers shared by commands: opening the card, reading passwords, printing."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from collections.abc import Callable
from typing import Any

from ..app.card import CardOpener, card_opener
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


def read_password(
    args: argparse.Namespace, kind: PinKind, *, prompt: str | None = None, new: bool = False
) -> PinBuffer:
    """Read without echo, or one line from stdin with --password-stdin; validate before use.

    Raises PinFormatError before anything reaches the card.
    """
    if getattr(args, "password_stdin", False):
        line = sys.stdin.readline()
        text = line.rstrip("\r\n")
    else:
        text = getpass.getpass(prompt or f"{PIN_NAMES[kind]}: ")
    try:
        return prepare_pin(kind, text, new=new)
    finally:
        del text


def confirm_final_try(args: argparse.Namespace, kind: PinKind) -> bool:
    """Ask before the last remaining try. Non-interactive use needs --final-try."""
    if getattr(args, "final_try", False):
        return True
    if getattr(args, "password_stdin", False) or not sys.stdin.isatty():
        return False
    answer = input(
        f"Only ONE try is left for the {PIN_NAMES[kind]}. A wrong entry blocks it. Continue? [y/N] "
    )
    return answer.strip().lower() in ("y", "yes")


def add_password_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password(s) from standard input, one per line",
    )
    p.add_argument(
        "--final-try", action="store_true", help="allow using the very last remaining try"
    )


def emit(args: argparse.Namespace, data: Any, text: str) -> None:
    if getattr(args, "json", False):
        print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    else:
        print(text)


def warn(msg: str) -> None:
    print(f"warning: {msg}", file=sys.stderr)

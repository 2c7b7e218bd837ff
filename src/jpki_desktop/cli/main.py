"""`jpki` entry point. Each command lives in `cli/commands/<name>.py` with `register(sub)`."""

from __future__ import annotations

import argparse
import importlib
import logging
import pkgutil
import sys
from typing import Any

from .. import __version__
from . import commands
from . import exitcodes as X
from .errors import describe

# Order of commands in --help; every module in cli/commands/ (not starting with "_") is a
# command, discovered at start-up, so adding a command never needs an edit here.
COMMANDS = [
    "readers",
    "status",
    "cert",
    "pin",
    "expiry",
    "attributes",
    "check",
    "remind",
    "sign",
    "sign-xml",
    "package",
    "verify",
    "procedures",
    "submit",
    "agency-demo",
    "diagnose",
    "watch",
]


def command_modules() -> list[str]:
    names = [m.name for m in pkgutil.iter_modules(commands.__path__) if not m.name.startswith("_")]
    order = [c.replace("-", "_") for c in COMMANDS]
    return sorted(names, key=lambda n: (order.index(n) if n in order else len(order), n))


DEMO_HELP = "use the built-in virtual card (no reader needed)"
READER_HELP = "use this reader (default: the first one holding a card)"


def add_global_options(p: argparse.ArgumentParser, *, defaults: bool) -> None:
    """--demo | --reader, --json and -v. The top-level parser holds the defaults; every command
    and sub-command accepts them too (default SUPPRESS, so a command never resets a value given
    before it), so options go on either side of the command."""

    def default(value: object) -> object:
        return value if defaults else argparse.SUPPRESS

    taken = p._option_string_actions  # a command may define its own --json help text

    def add(where: argparse._ActionsContainer, *flags: str, **options: Any) -> None:
        if flags[0] not in taken:
            where.add_argument(*flags, **options)

    src = p.add_mutually_exclusive_group()
    add(src, "--demo", action="store_true", default=default(False), help=DEMO_HELP)
    add(src, "--reader", metavar="NAME", default=default(None), help=READER_HELP)
    add(p, "--json", action="store_true", default=default(False), help="machine-readable output")
    # a command's parser starts from a fresh namespace: count there apart, add up in main()
    add(
        p,
        "-v",
        "--verbose",
        action="count",
        dest="verbose" if defaults else "verbose_after",
        default=default(0),
        help="-v info, -vv debug, -vvv APDU trace (PINs redacted)",
    )


def _subparsers(p: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    """Every command and sub-command parser below `p` (e.g. `pin status`)."""
    found: list[argparse.ArgumentParser] = []
    for action in p._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in dict.fromkeys(action.choices.values()):  # aliases share a parser
                found.append(child)
                found.extend(_subparsers(child))
    return found


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="jpki",
        description="My Number card / JPKI tool (jpki-desktop). The options --demo, --reader, "
        "--json and -v go before or after the command.",
    )
    p.add_argument("--version", action="version", version=f"jpki-desktop {__version__}")
    add_global_options(p, defaults=True)
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name in command_modules():
        importlib.import_module(f".commands.{name}", __package__).register(sub)
    for child in _subparsers(p):
        add_global_options(child, defaults=False)
    return p


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.demo and args.reader:
        parser.error("argument --reader: not allowed with argument --demo")
    args.verbose += getattr(args, "verbose_after", 0)
    level = {0: logging.WARNING, 1: logging.INFO, 2: logging.DEBUG}.get(args.verbose, 5)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return X.ERROR
    except Exception as exc:  # one place turns every error into a sentence and an exit code
        message, code = describe(exc)
        if code == X.ERROR and args.verbose >= 2:
            raise
        print(f"jpki: {message}", file=sys.stderr)
        return code

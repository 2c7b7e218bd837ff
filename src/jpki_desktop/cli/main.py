"""`jpki` entry point. Each command lives in `cli/commands/<name>.py` with `register(sub)`."""

from __future__ import annotations

import argparse
import importlib
import logging
import pkgutil
import sys

from .. import __version__
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
    from . import commands

    names = [m.name for m in pkgutil.iter_modules(commands.__path__) if not m.name.startswith("_")]
    order = [c.replace("-", "_") for c in COMMANDS]
    return sorted(names, key=lambda n: (order.index(n) if n in order else len(order), n))


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="jpki", description="My Number card / JPKI tool (jpki-desktop)"
    )
    p.add_argument("--version", action="version", version=f"jpki-desktop {__version__}")
    src = p.add_mutually_exclusive_group()
    src.add_argument(
        "--demo", action="store_true", help="use the built-in virtual card (no reader needed)"
    )
    src.add_argument(
        "--reader", metavar="NAME", help="use this reader (default: the first one holding a card)"
    )
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument(
        "-v",
        "--verbose",
        action="count",
        default=0,
        help="-v info, -vv debug, -vvv APDU trace (PINs redacted)",
    )
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name in command_modules():
        importlib.import_module(f".commands.{name}", __package__).register(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
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

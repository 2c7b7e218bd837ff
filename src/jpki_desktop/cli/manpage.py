"""The `jpki(1)` man page, rendered from the argparse parser so that it cannot drift.

`python -m jpki_desktop.cli.manpage > jpki.1` (the Linux package build does this with the
bundled interpreter). Every command, sub-command, option and positional argument of
`main.build_parser()` appears with its help text; the exit codes come from `exitcodes`.
"""

from __future__ import annotations

import argparse
import inspect
import re
import sys
from collections.abc import Iterator

from .. import __version__
from . import exitcodes
from .main import build_parser

_EXIT_LINE = re.compile(r"^([A-Z_]+) = (\d+)(?:\s+#\s*(.*))?$", re.MULTILINE)


def roff_text(text: str) -> str:
    """Escape text for roff: backslashes, hyphens, and a leading '.' or "'" (a request)."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    lines = [("\\&" + line if line.startswith((".", "'")) else line) for line in text.split("\n")]
    return "\n".join(lines)


def _help(parser: argparse.ArgumentParser, action: argparse.Action) -> str:
    if not action.help or action.help == argparse.SUPPRESS:
        return ""
    # argparse's own expansion of %(default)s, %(choices)s, %(prog)s ...
    return parser._get_formatter()._expand_help(action)


def _invocation(action: argparse.Action) -> str:
    """`\\fB\\-o\\fR, \\fB\\-\\-output\\fR \\fIFILE\\fR` (options) or `\\fIFILE\\fR`."""
    if not action.option_strings:
        return f"\\fI{roff_text(_metavar(action))}\\fR"
    names = ", ".join(f"\\fB{roff_text(o)}\\fR" for o in action.option_strings)
    if action.nargs == 0:
        return names
    return f"{names} \\fI{roff_text(_metavar(action))}\\fR"


def _metavar(action: argparse.Action) -> str:
    if isinstance(action.metavar, tuple):
        return " ".join(action.metavar)
    if action.metavar is not None:
        return action.metavar
    if action.choices is not None:
        return "{" + ",".join(str(c) for c in action.choices) + "}"
    return action.dest.upper() if action.option_strings else action.dest


def _subparsers(
    parser: argparse.ArgumentParser,
) -> argparse._SubParsersAction[argparse.ArgumentParser] | None:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    return None


def _shown(action: argparse.Action, *, with_help: bool) -> bool:
    if isinstance(action, argparse._SubParsersAction) or action.help == argparse.SUPPRESS:
        return False
    return with_help or not isinstance(action, argparse._HelpAction)


def _arguments(parser: argparse.ArgumentParser, *, with_help: bool = True) -> Iterator[str]:
    for action in parser._actions:
        if not _shown(action, with_help=with_help):
            continue
        yield ".TP"
        yield _invocation(action)
        yield roff_text(_help(parser, action)) or "\\&"


def _usage(parser: argparse.ArgumentParser) -> str:
    usage = " ".join(parser.format_usage().split())  # argparse wraps at the terminal width
    return re.sub(r"^usage:\s*", "", usage)


def _commands(parser: argparse.ArgumentParser, prefix: str) -> Iterator[str]:
    sub = _subparsers(parser)
    if sub is None:
        return
    helps = {choice.dest: choice.help for choice in sub._choices_actions}
    for name, child in sub.choices.items():
        full = f"{prefix} {name}"
        yield f".SS {roff_text(full)}"
        yield f".B {roff_text(_usage(child))}"
        summary = helps.get(name) or child.description
        if summary:
            yield ".PP"
            yield roff_text(summary)
        if child.description and child.description != summary:
            yield ".PP"
            yield roff_text(child.description)
        if any(_shown(a, with_help=False) for a in child._actions):  # -h is said once, above
            yield ".RS"
            yield from _arguments(child, with_help=False)
            yield ".RE"
        yield from _commands(child, full)


def exit_codes() -> list[tuple[int, str, str]]:
    """(code, NAME, meaning) from exitcodes.py: the comment on each line is its meaning."""
    found = {
        name: (int(code), text or "")
        for name, code, text in _EXIT_LINE.findall(inspect.getsource(exitcodes))
    }
    return sorted((code, name, text) for name, (code, text) in found.items())


def render(parser: argparse.ArgumentParser | None = None) -> str:
    parser = parser or build_parser()
    prog = parser.prog
    lines = [
        '.\\" Generated from the argparse parser by jpki_desktop.cli.manpage; do not edit.',
        f'.TH {roff_text(prog.upper())} 1 "" "jpki-desktop {__version__}" "User Commands"',
        ".ad l",  # long usage lines: no justification, no hyphenation
        ".nh",
        ".SH NAME",
        f"{roff_text(prog)} \\- {roff_text(parser.description or '')}",
        ".SH SYNOPSIS",
        f".B {roff_text(_usage(parser))}",
        ".SH DESCRIPTION",
        roff_text(
            "The command-line tool of jpki-desktop for the My Number card and its public "
            "individual authentication service (JPKI). It reaches the card through the PC/SC "
            "service pcscd; --demo uses the built-in virtual card instead. Passwords are read "
            "without echo, or one per line from standard input with --password-stdin, and are "
            "never stored. Every command has --help."
        ),
        ".SH OPTIONS",
        *_arguments(parser),
        ".SH COMMANDS",
        *_commands(parser, prog),
        ".SH EXIT STATUS",
    ]
    for code, name, meaning in exit_codes():
        lines += [".TP", f"\\fB{code}\\fR", roff_text(f"{name}: {meaning}" if meaning else name)]
    lines += [
        ".SH FILES",
        ".TP",
        "\\fI~/.config/jpki\\-desktop/jpki\\-desktop.ini\\fR",
        "Settings (never a password).",
        ".TP",
        "\\fI~/.local/share/jpki\\-desktop/\\fR",
        "The demo card, the demo agency and submissions.",
        ".TP",
        "\\fI~/.cache/jpki\\-desktop/\\fR",
        "Validated revocation lists.",
        ".SH SEE ALSO",
        ".BR jpki\\-desktop (1),",
        ".BR pcscd (8)",
    ]
    return "\n".join(lines) + "\n"


def main() -> int:
    sys.stdout.write(render())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

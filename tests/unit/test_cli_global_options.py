"""One CLI surface: --json, --reader, --demo and -v go before or after the command, for every
command and sub-command; the reporting commands print the same JSON either way."""

from __future__ import annotations

import argparse
import json

import pytest

from jpki_desktop.card.virtual.store import CardProfile, CardStore, build_card
from jpki_desktop.cli import exitcodes as X
from jpki_desktop.cli.main import build_parser, main

# Every command (and sub-command) with the arguments it needs to parse.
COMMANDS = {
    "readers": ["readers"],
    "status": ["status"],
    "cert": ["cert", "auth"],
    "pin status": ["pin", "status"],
    "pin change": ["pin", "change", "sign"],
    "expiry": ["expiry"],
    "attributes": ["attributes", "--event", "moved"],
    "check": ["check"],
    "remind": ["remind", "-o", "r.ics"],
    "sign": ["sign", "file.txt"],
    "sign-xml": ["sign-xml", "form.xml"],
    "sign-pdf": ["sign-pdf", "in.pdf", "-o", "out.pdf"],
    "package": ["package", "--procedure", "P", "--form", "f.xml", "-o", "o.p7m"],
    "verify": ["verify", "file.p7s"],
    "procedures": ["procedures"],
    "procedures list": ["procedures", "list"],
    "procedures show": ["procedures", "show", "ID"],
    "procedures fill": ["procedures", "fill", "ID"],
    "submit": ["submit", "--pending"],
    "agency-demo": ["agency-demo"],
    "diagnose": ["diagnose"],
    "watch": ["watch"],
}


def command_paths(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()) -> set[str]:
    """Every leaf command path the parser knows, e.g. {"status", "pin status", ...}."""
    paths: set[str] = set()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                below = command_paths(child, (*prefix, name))
                paths |= below or {" ".join((*prefix, name))}
    return paths


def test_every_command_is_covered_here():
    paths = command_paths(build_parser())
    leaves = {p for p in COMMANDS if not any(q.startswith(p + " ") for q in COMMANDS)}
    assert paths <= set(COMMANDS), f"add to COMMANDS: {sorted(paths - set(COMMANDS))}"
    assert leaves <= paths | {"procedures"}


@pytest.mark.parametrize("name", sorted(COMMANDS))
@pytest.mark.parametrize(
    "options,expected",
    [
        (["--demo", "--json", "-v"], {"demo": True, "json": True, "verbose": 1, "reader": None}),
        (
            ["--reader", "R 00 00", "-vv"],
            {"demo": False, "json": False, "verbose": 2, "reader": "R 00 00"},
        ),
        ([], {"demo": False, "json": False, "verbose": 0, "reader": None}),
    ],
)
@pytest.mark.parametrize("side", ["before", "after"])
def test_global_options_on_either_side(name, options, expected, side):
    command = COMMANDS[name]
    argv = [*options, *command] if side == "before" else [*command, *options]
    args = build_parser().parse_args(argv)
    args.verbose += getattr(args, "verbose_after", 0)  # as main() does
    assert {k: getattr(args, k) for k in expected} == expected
    assert callable(args.func)


@pytest.mark.parametrize("name", ["pin status", "procedures show"])
def test_options_between_a_command_and_its_sub_command(name):
    first, *rest = COMMANDS[name]
    args = build_parser().parse_args([first, "--json", "--demo", *rest])
    assert args.json and args.demo


@pytest.mark.parametrize(
    "argv,level",
    [
        (["-v", "status", "-v"], 2),
        (["-vv", "pin", "status", "-v"], 3),
        (["status", "-vv"], 2),
        (["-v", "status"], 1),
    ],
)
def test_verbosity_adds_up_across_both_sides(argv, level, monkeypatch):
    seen = []
    monkeypatch.setattr("jpki_desktop.cli.main.logging.basicConfig", lambda **kw: seen.append(kw))
    monkeypatch.setattr("jpki_desktop.cli.commands.status.run", lambda args: 0)
    monkeypatch.setattr("jpki_desktop.cli.commands.pin.run_status", lambda args: 0)
    assert main(argv) == 0
    assert seen[0]["level"] == {1: 20, 2: 10}.get(level, 5)


def test_an_option_given_before_is_kept_when_the_command_does_not_repeat_it():
    args = build_parser().parse_args(["--json", "--reader", "X", "pin", "status"])
    assert args.json and args.reader == "X" and not args.demo


@pytest.mark.parametrize(
    "argv",
    [
        ["--demo", "status", "--reader", "X"],
        ["--reader", "X", "pin", "status", "--demo"],
        ["status", "--demo", "--reader", "X"],
    ],
)
def test_demo_and_reader_exclude_each_other_on_any_side(argv, capsys):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == X.USAGE
    assert "not allowed with" in capsys.readouterr().err


# -- the reporting commands on the demo card ---------------------------------------------------


@pytest.fixture
def demo(tmp_path, monkeypatch, pki):
    store = CardStore(tmp_path / "demo-card")
    store.save(build_card(pki), pki, CardProfile())
    monkeypatch.setenv("JPKI_DEMO_STATE", str(store.directory))
    return store


def json_of(capsys, argv):
    code = main(argv)
    out = capsys.readouterr().out
    assert code == X.OK, out
    return json.loads(out)


@pytest.mark.parametrize(
    "command",
    [["status"], ["readers"], ["pin", "status"], ["diagnose"], ["expiry"], ["procedures"]],
)
def test_json_after_the_command_is_the_json_before_it(demo, capsys, command):
    before = json_of(capsys, ["--demo", "--json", *command])
    after = json_of(capsys, [*command, "--json", "--demo"])
    if command == ["diagnose"]:  # timings and APDU counts may differ between two runs
        before = [(r["id"], r["status"]) for r in before]
        after = [(r["id"], r["status"]) for r in after]
    elif command == ["expiry"]:
        before.pop("today", None), after.pop("today", None)
    assert before == after and before


def test_status_json_uses_the_snapshot_field_names(demo, capsys):
    data = json_of(capsys, ["status", "--demo", "--json"])
    assert data["pins"]["sign"] == {"remaining": 5, "maximum": 5, "state": "normal"}
    assert set(data) >= {"reader", "atr", "card_kind", "pins", "auth_certificate"}
    pins = json_of(capsys, ["pin", "status", "--demo", "--json"])
    assert pins["sign"] == data["pins"]["sign"]  # one JSON form of a PIN status
    [reader] = json_of(capsys, ["readers", "--json", "--demo"])
    assert reader["name"] == data["reader"] and reader["card_present"] is True

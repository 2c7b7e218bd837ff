"""Packaging facts that must not drift: dependencies, version, man pages, desktop entry, icon.

The package itself is built and installed by installer/smoke-test.sh (CI, after this suite);
these checks are cheap and catch the drift before a build does.
"""

from __future__ import annotations

import argparse
import configparser
import importlib.util
import re
import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from jpki_desktop.cli import manpage
from jpki_desktop.cli.main import build_parser

TOP = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((TOP / "pyproject.toml").read_text(encoding="utf-8"))
BRIEFCASE_TEXT = (TOP / "briefcase.toml").read_text(encoding="utf-8")
BRIEFCASE = tomllib.loads(BRIEFCASE_TEXT)["tool"]["briefcase"]
APP = BRIEFCASE["app"]["jpki-desktop"]


def load_installer_module(relative: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(Path(relative).stem, TOP / relative)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def requirement_name(req: str) -> str:
    name = re.split(r"[\s;\[<>=!~]", req.strip(), maxsplit=1)[0]
    return re.sub(r"[-_.]+", "-", name).lower()


def requires_lists(table: dict[str, Any], where: str = "tool.briefcase") -> list[tuple[str, list]]:
    found = []
    for key, value in table.items():
        if key in ("requires", "test_requires"):
            found.append((f"{where}.{key}", value))
        elif isinstance(value, dict):
            found.extend(requires_lists(value, f"{where}.{key}"))
    return found


def test_python_dependencies_live_only_in_pyproject() -> None:
    # Briefcase's `requires` is cumulative over [project].dependencies; a second pin here would
    # drift (as lxml, pyhanko, icalendar and signxml once went missing).
    project_deps = {requirement_name(r) for r in PYPROJECT["project"]["dependencies"]}
    project_deps |= {
        requirement_name(r) for r in PYPROJECT["project"]["optional-dependencies"]["test"]
    }
    assert "requires" not in APP and "requires" not in BRIEFCASE
    for where, reqs in requires_lists(BRIEFCASE):
        repeated = {requirement_name(r) for r in reqs} & project_deps
        assert not repeated, f"{where} repeats {repeated}: they belong in pyproject.toml only"
    for key in ("version", "license.file"):
        assert key.split(".")[0] not in APP, f"{key} comes from pyproject.toml / [tool.briefcase]"


def test_merged_configuration_is_what_build_sh_feeds_briefcase(tmp_path: Path) -> None:
    # build.sh concatenates the two files: that must stay one valid TOML document, and the
    # Linux control file drawn from it must carry the version and the host PC/SC dependencies.
    package_deb = load_installer_module("installer/linux/package_deb.py")
    merged = tmp_path / "pyproject.toml"
    merged.write_text(
        (TOP / "pyproject.toml").read_text(encoding="utf-8") + BRIEFCASE_TEXT, encoding="utf-8"
    )
    cfg = package_deb.app_config(merged)
    control = package_deb.control(cfg, 1234, "amd64")
    fields = dict(line.split(": ", 1) for line in control.splitlines() if not line[:1].isspace())
    assert fields["Package"] == "jpki-desktop"
    assert fields["Version"] == f"{PYPROJECT['project']['version']}-1"
    assert fields["Installed-Size"] == "1234"
    depends = [d.strip() for d in fields["Depends"].split(",")]
    assert "pcscd" in depends and "libpcsclite1" in depends
    assert "fonts-ipafont-gothic | fonts-noto-cjk" in depends
    assert not any("pcsc-lite" in d or d.startswith("libpcsclite-dev") for d in depends)


def test_changelog_starts_with_the_project_version() -> None:
    text = (TOP / "resources" / "CHANGELOG.md").read_text(encoding="utf-8")
    first = re.search(r"^## (\S+)", text, re.MULTILINE)
    assert first is not None
    assert first.group(1) == PYPROJECT["project"]["version"]


def parser_paths(
    parser: argparse.ArgumentParser, prefix: str
) -> list[tuple[str, argparse.ArgumentParser]]:
    out = [(prefix, parser)]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                out.extend(parser_paths(child, f"{prefix} {name}"))
    return out


def test_jpki_man_page_has_every_command_and_option_of_the_parser() -> None:
    parser = build_parser()
    page = manpage.render(parser)
    paths = parser_paths(parser, "jpki")
    assert len(paths) > 15  # every command of README's list, and sub-commands
    for path, sub in paths:
        if path != "jpki":
            assert f".SS {manpage.roff_text(path)}\n" in page, path
        for action in sub._actions:
            if isinstance(action, argparse._SubParsersAction | argparse._HelpAction):
                continue
            if action.help == argparse.SUPPRESS:  # hidden on purpose (test hooks)
                continue
            for option in action.option_strings:
                assert f"\\fB{manpage.roff_text(option)}\\fR" in page, f"{path} {option}"
            if action.help and action.help != argparse.SUPPRESS:
                first_words = " ".join(action.help.split()[:3])
                if "%(" not in first_words:
                    assert manpage.roff_text(first_words) in page, f"{path}: {action.help}"
    for code in (0, 3, 6, 9, 10):
        assert f".TP\n\\fB{code}\\fR\n" in page


def test_every_option_and_argument_says_what_it_does() -> None:
    # --help and the man page list them; one with no text there is a riddle
    silent = [
        f"{path} {'/'.join(action.option_strings) or action.dest}"
        for path, sub in parser_paths(build_parser(), "jpki")
        for action in sub._actions
        if not isinstance(action, argparse._SubParsersAction | argparse._HelpAction)
        and not action.help
    ]
    assert not silent


def test_jpki_man_page_follows_a_changed_parser() -> None:
    # generated, not written: a new command or option appears without touching the page
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    new = sub.add_parser("frobnicate", help="a command that does not exist")
    new.add_argument("--twice", action="store_true", help="frobnicate twice")
    page = manpage.render(parser)
    assert ".SS jpki frobnicate\n" in page
    assert "\\fB\\-\\-twice\\fR" in page and "frobnicate twice" in page
    assert ".SS jpki frobnicate" not in manpage.render(build_parser())


@pytest.mark.skipif(shutil.which("groff") is None, reason="groff not installed")
@pytest.mark.parametrize("which", ["jpki", "jpki-desktop"])
def test_man_pages_are_clean_roff(which: str, tmp_path: Path) -> None:
    if which == "jpki":
        source = tmp_path / "jpki.1"
        source.write_text(manpage.render(), encoding="utf-8")
    else:
        source = TOP / "resources" / "jpki-desktop.1"
    # -k: preconv (UTF-8, as man-db runs it); -ww: every warning; -z: no output
    out = subprocess.run(
        ["groff", "-k", "-man", "-Tutf8", "-ww", "-z", str(source)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0 and out.stderr == "", out.stderr


def test_roff_escaping() -> None:
    assert manpage.roff_text("--demo") == "\\-\\-demo"
    assert manpage.roff_text(".hidden\n'quote") == "\\&.hidden\n\\&'quote"
    assert manpage.roff_text("a\\b") == "a\\eb"


def test_gui_man_page_documents_every_gui_option(capsys: pytest.CaptureFixture[str]) -> None:
    from jpki_desktop.ui.app import parse_args  # imports PySide6: only this test needs it

    with pytest.raises(SystemExit):
        parse_args(["--help"])
    options = set(re.findall(r"(?<![\w-])--?[a-z][a-z-]*", capsys.readouterr().out))
    assert {"--demo", "--reader", "--lang", "-h", "--help"} <= options
    page = (TOP / "resources" / "jpki-desktop.1").read_text(encoding="utf-8")
    for option in options:  # the whole option: --lang must not be found inside --language
        whole = re.escape(manpage.roff_text(option)) + r"(?![a-z]|\\-)"
        assert re.search(whole, page), option


def read_desktop_entry() -> configparser.SectionProxy:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    entry.read(TOP / "resources" / "jpki-desktop.desktop", encoding="utf-8")
    return entry["Desktop Entry"]


def test_desktop_entry_is_bilingual_and_names_the_installed_icon() -> None:
    entry = read_desktop_entry()
    japanese = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
    for key in ("Name", "Comment", "GenericName"):
        assert entry[key] and not japanese.search(entry[key])
        assert japanese.search(entry[f"{key}[ja]"]), key
    assert entry["Exec"].split()[0] == "jpki-desktop"
    finish_bundle = load_installer_module("installer/linux/finish_bundle.py")
    app_id = f"{BRIEFCASE['bundle']}.jpki-desktop"  # Briefcase's icon and desktop file name
    assert finish_bundle.APP_ID == app_id
    assert entry["Icon"] == app_id


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils")
def test_desktop_entry_validates() -> None:
    out = subprocess.run(
        ["desktop-file-validate", str(TOP / "resources" / "jpki-desktop.desktop")],
        capture_output=True,
        text=True,
        timeout=30,
    )
    errors = [line for line in out.stdout.splitlines() if "error:" in line]
    assert out.returncode == 0 and not errors, out.stdout


def test_icon_source_is_a_square_svg_in_the_sizes_briefcase_wants() -> None:
    render_icons = load_installer_module("installer/render_icons.py")
    root = ET.parse(render_icons.SOURCE).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    _, _, width, height = (float(v) for v in root.attrib["viewBox"].split())
    assert width == height
    assert set(render_icons.SIZES) >= {16, 32, 64, 128, 256, 512}
    assert APP["icon"] == "icons/jpki-desktop"  # build.sh renders into build/briefcase/icons/

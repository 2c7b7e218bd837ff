"""Layering, checked on the AST of every module under src/jpki_desktop.

- pyscard (`smartcard`) is imported only by card/pcsc.py, the PC/SC adapter;
- PySide6 is imported only under ui/;
- the core packages card/, signing/, validity/, diagnostics/ never import ui/ or cli/;
- validity/ never imports card/ (it works on certificates, wherever they came from).

Relative imports are resolved, and string literals passed to importlib.import_module /
__import__ count too. The checker itself is tested on planted violations.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src"
ROOT = "jpki_desktop"
CORE = ("card", "signing", "validity", "diagnostics")


@dataclass(frozen=True)
class Rule:
    applies_to: str  # module prefix ("" = every module)
    forbidden: str  # imported-module prefix
    allowed_in: tuple[str, ...] = ()  # module prefixes exempt from the rule

    def breaks(self, module: str, imported: str) -> bool:
        return (
            _within(module, self.applies_to)
            and _within(imported, self.forbidden)
            and not any(_within(module, a) for a in self.allowed_in)
        )


RULES = [
    Rule("", "smartcard", allowed_in=(f"{ROOT}.card.pcsc",)),
    Rule("", "PySide6", allowed_in=(f"{ROOT}.ui",)),
    *(Rule(f"{ROOT}.{core}", f"{ROOT}.{banned}") for core in CORE for banned in ("ui", "cli")),
    Rule(f"{ROOT}.validity", f"{ROOT}.card"),
]


def _within(name: str, prefix: str) -> bool:
    return prefix == "" or name == prefix or name.startswith(prefix + ".")


def module_name(path: Path) -> tuple[str, bool]:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    is_package = parts[-1] == "__init__"
    if is_package:
        parts = parts[:-1]
    return ".".join(parts), is_package


def imported_modules(source: str, module: str, is_package: bool = False) -> set[str]:
    """Absolute names of everything `source` (the text of `module`) imports."""
    package = module if is_package else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base_parts = package.split(".")
                base = ".".join(base_parts[: len(base_parts) - node.level + 1])
                target = f"{base}.{node.module}" if node.module else base
            else:
                target = node.module or ""
            found.add(target)
            # `from pkg import sub` may import a submodule
            found.update(f"{target}.{alias.name}" for alias in node.names if alias.name != "*")
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in ("import_module", "__import__") and isinstance(node.args[0].value, str):
                found.add(node.args[0].value)
    return found


def violations(modules: dict[str, tuple[str, bool]]) -> list[str]:
    """`modules`: name -> (source, is_package). Returns readable violations."""
    out = []
    for module, (source, is_package) in sorted(modules.items()):
        for imported in sorted(imported_modules(source, module, is_package)):
            for rule in RULES:
                if rule.breaks(module, imported):
                    out.append(f"{module} imports {imported}")
    return sorted(set(out))


def project_modules() -> dict[str, tuple[str, bool]]:
    mods = {}
    for path in sorted((SRC / ROOT).rglob("*.py")):
        name, is_package = module_name(path)
        mods[name] = (path.read_text(encoding="utf-8"), is_package)
    return mods


# -- the project -------------------------------------------------------------------------------


def test_the_scan_sees_the_whole_project():
    mods = project_modules()
    assert f"{ROOT}.card.pcsc" in mods and f"{ROOT}.card.virtual.card" in mods
    assert len(mods) > 30
    assert any("smartcard" in imported_modules(s, m, p) for m, (s, p) in mods.items())


def test_project_respects_the_layering():
    assert violations(project_modules()) == []


# -- the checker on planted violations ---------------------------------------------------------


def check(module: str, source: str, is_package: bool = False) -> list[str]:
    return violations({module: (source, is_package)})


@pytest.mark.parametrize(
    "module,source",
    [
        (f"{ROOT}.card.jpki", "import smartcard"),
        (f"{ROOT}.card.connect", "from smartcard.scard import SCardConnect"),
        (f"{ROOT}.ui.window", "from smartcard import scard"),
        (f"{ROOT}.signing.cms", "from PySide6.QtCore import QObject"),
        (f"{ROOT}.cli.main", "import PySide6.QtWidgets"),
        (
            f"{ROOT}.card.snapshot",
            "import importlib\nmod = importlib.import_module('PySide6.QtGui')",
        ),
        (f"{ROOT}.card.snapshot", "from ..ui import dashboard"),
        (f"{ROOT}.card.virtual.store", "from ...cli.errors import describe"),
        (f"{ROOT}.card", "from .. import ui"),  # package __init__: `..` is jpki_desktop
        (f"{ROOT}.diagnostics.report", "from jpki_desktop.cli import main"),
        (f"{ROOT}.signing.pades", "def f():\n    from jpki_desktop.ui.theme import colours\n"),
        (f"{ROOT}.validity.check", "from ..card.jpki import CertSlot"),
        (f"{ROOT}.validity.check", "from jpki_desktop import card"),
        (
            f"{ROOT}.validity.check",
            "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import jpki_desktop.card.pins\n",
        ),
    ],
)
def test_checker_flags_a_planted_violation(module, source):
    is_package = module == f"{ROOT}.card"
    assert check(module, source, is_package), f"not flagged: {module}: {source!r}"


@pytest.mark.parametrize(
    "module,source",
    [
        (f"{ROOT}.card.pcsc", "from smartcard import scard"),
        (
            f"{ROOT}.ui.window",
            "from PySide6.QtWidgets import QMainWindow\nfrom ..card.jpki import JpkiSession",
        ),
        (f"{ROOT}.ui.app", "from ..cli import exitcodes"),
        (f"{ROOT}.cli.commands.status", "from ...card.snapshot import read_snapshot"),
        (
            f"{ROOT}.signing.cms",
            "from ..card.jpki import JpkiSession\nfrom ..validity import certificate",
        ),
        (f"{ROOT}.card.virtual.store", "from ..pins import PinKind\nfrom .card import PinRef"),
        (f"{ROOT}.validity.check", "from ..fileio import atomic_output\nimport cryptography.x509"),
        (f"{ROOT}.card.uidata", "import uidata"),  # prefixes match whole names only
    ],
)
def test_checker_accepts_allowed_imports(module, source):
    assert check(module, source) == []


def test_relative_imports_are_resolved():
    assert imported_modules("from ..apdu import SW", f"{ROOT}.card.virtual.card") >= {
        f"{ROOT}.card.apdu"
    }
    assert f"{ROOT}.card.pins" in imported_modules(
        "from . import pins", f"{ROOT}.card", is_package=True
    )
    assert f"{ROOT}.ui" in imported_modules("from ... import ui", f"{ROOT}.card.virtual.vpcd")

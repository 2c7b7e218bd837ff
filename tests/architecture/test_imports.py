"""Layering, checked on the AST of every module under src/jpki_desktop.

- pyscard (`smartcard`) is imported only by card/pcsc.py, the PC/SC adapter;
- PySide6 is imported only under ui/;
- the core (card, signing, validity, diagnostics, procedures, submission, agency, and the
  coming trust/ and net/) never imports app/, ui/ or cli/; app/ never imports ui/ or cli/;
- validity/ never imports card/ (it works on certificates, wherever they came from);
- the front ends (ui/, cli/) reach the core only through app/: from a core package they may
  import only a VALUE module (value types, errors, pure local rules: no I/O, no card, no
  network) or, from a module that also holds use cases, only the names in VALUE_NAMES;
- no import cycle between the top-level packages (function-local imports included);
- function-local imports are a handful, each with a `# local import: <reason>` comment.

Relative imports are resolved; imports under `if TYPE_CHECKING:` and inside functions count;
string literals passed to importlib.import_module / __import__ count too. The checkers
themselves are tested on planted violations and a planted cycle.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src"
ROOT = "jpki_desktop"
CORE = (
    "card",
    "signing",
    "validity",
    "diagnostics",
    "procedures",
    "submission",
    "agency",
    "trust",
    "net",
)
FRONT_ENDS = ("ui", "cli")

# Core modules a front end may import whole: value types, errors, pure rules.
VALUE_MODULES = frozenset(
    f"{ROOT}.{m}"
    for m in (
        "card.errors",
        "card.pins",  # PinKind/PinStatus, the PinBuffer and the local format rules
        "diagnostics.model",
        "procedures.errors",
        "procedures.model",
        "signing.errors",
        "signing.verification.grade",  # a verdict's grade: a pure function of the verdict
        "signing.verification.verdict",
        "submission.errors",
        "net.errors",
        "validity.errors",
        "validity.dates",
        "validity.date_input",  # parsing what a resident types as a date
    )
)
# Core modules that also hold use cases: only these names (value and error types).
VALUE_NAMES: dict[str, frozenset[str]] = {
    f"{ROOT}.{m}": frozenset(names.split())
    for m, names in {
        "card.jpki": "CertSlot CardKind CertAvailability TokenInfo",
        "card.snapshot": "CardSnapshot CardVariant ReadProgress ReadStep Unread",
        "card.monitor": "MonitorEvent ReaderAdded ReaderRemoved CardInserted CardRemoved "
        "ServiceLost ServiceRestored",
        "diagnostics.report": "ReportWording ENGLISH",
        "procedures.catalogue": "Catalogue",  # the procedures as loaded, passed around
        "trust.context": "Revocation RevocationMode",
        "signing.packaging.package": "PackageInfo",
        "submission.account": "ServiceAccount",
        "submission.client": "ClientSettings FlushResult",
        "net.http": "HttpSettings",
        "signing.formats.pdf.inspect": "PdfInfo",
        "signing.formats.pdf.profiles": "Profile",
        "signing.formats.pdf.sign": "PdfSignOptions PdfSignResult",
        "signing.formats.pdf.stamp": "VisibleStamp",
        "submission.receipt": "Answer Receipt Rejection",
        "submission.store": "Entry EntryMeta Listing",
        "validity.attributes": "Action AttributeCheck Field LifeEvent Verdict",
        "validity.certificate": "JpkiCertificate SignAttributes",
        "validity.check": "Attempt Basis CheckResult Outcome Reason",
        "validity.expiry": "CertDates ExpiryReport Facts Limit Reason Source State Subject "
        "Timeline",
        "validity.revocation": "Endpoints Method",
        "trust.anchors": "BundledAnchorTampered",
    }.items()
}

# At most this many function-local imports in the front ends and app/, and in the whole tree.
MAX_LOCAL_IMPORTS_FRONT = 6
MAX_LOCAL_IMPORTS_ALL = 8
LOCAL_REASON = "# local import:"


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
    *(
        Rule(f"{ROOT}.{core}", f"{ROOT}.{banned}")
        for core in CORE
        for banned in ("app", *FRONT_ENDS)
    ),
    *(Rule(f"{ROOT}.app", f"{ROOT}.{banned}") for banned in FRONT_ENDS),
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


@dataclass(frozen=True)
class Imported:
    target: str  # the module named by the statement
    names: tuple[str, ...]  # `from target import names`; () for `import target`
    local: bool  # inside a function
    line: int


def imports(source: str, module: str, is_package: bool = False) -> Iterator[Imported]:
    """Every import statement (and import_module/__import__ literal) of `source`."""
    package = module if is_package else module.rpartition(".")[0]

    def visit(node: ast.AST, local: bool) -> Iterator[Imported]:
        for child in ast.iter_child_nodes(node):
            inner = local or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
            if isinstance(child, ast.Import):
                for alias in child.names:
                    yield Imported(alias.name, (), local, child.lineno)
            elif isinstance(child, ast.ImportFrom):
                if child.level:
                    base_parts = package.split(".")
                    base = ".".join(base_parts[: len(base_parts) - child.level + 1])
                    target = f"{base}.{child.module}" if child.module else base
                else:
                    target = child.module or ""
                yield Imported(target, tuple(a.name for a in child.names), local, child.lineno)
            elif (
                isinstance(child, ast.Call)
                and child.args
                and isinstance(child.args[0], ast.Constant)
                and isinstance(child.args[0].value, str)
            ):
                func = child.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                if name in ("import_module", "__import__"):
                    yield Imported(child.args[0].value, (), local, child.lineno)
            yield from visit(child, inner)

    yield from visit(ast.parse(source), False)


def imported_modules(source: str, module: str, is_package: bool = False) -> set[str]:
    """Absolute names of everything `source` (the text of `module`) imports."""
    found: set[str] = set()
    for imp in imports(source, module, is_package):
        found.add(imp.target)
        # `from pkg import sub` may import a submodule
        found.update(f"{imp.target}.{n}" for n in imp.names if n != "*")
    return found


def _core_module(name: str) -> bool:
    return any(_within(name, f"{ROOT}.{c}") for c in CORE)


def front_end_violations(module: str, source: str, is_package: bool = False) -> list[str]:
    """A front end importing the core other than for its values."""
    if not any(_within(module, f"{ROOT}.{f}") for f in FRONT_ENDS):
        return []
    out = []
    for imp in imports(source, module, is_package):
        if not _core_module(imp.target) and not (imp.target == ROOT and imp.names):
            continue
        if not imp.names:  # `import jpki_desktop.x.y`
            if imp.target not in VALUE_MODULES:
                out.append(f"{module} imports {imp.target}")
            continue
        for name in imp.names:
            sub = f"{imp.target}.{name}"
            if imp.target == ROOT and not _core_module(sub):
                continue  # `from jpki_desktop import __version__`, `from .. import app`
            if (
                sub in VALUE_MODULES
                or imp.target in VALUE_MODULES
                or name in VALUE_NAMES.get(imp.target, ())
            ):
                continue
            out.append(f"{module} imports {imp.target}.{name} (not a value type: use app/)")
    return out


def violations(modules: dict[str, tuple[str, bool]]) -> list[str]:
    """`modules`: name -> (source, is_package). Returns readable violations."""
    out = []
    for module, (source, is_package) in sorted(modules.items()):
        for imported in sorted(imported_modules(source, module, is_package)):
            for rule in RULES:
                if rule.breaks(module, imported):
                    out.append(f"{module} imports {imported}")
        out += front_end_violations(module, source, is_package)
    return sorted(set(out))


def project_modules() -> dict[str, tuple[str, bool]]:
    mods = {}
    for path in sorted((SRC / ROOT).rglob("*.py")):
        name, is_package = module_name(path)
        mods[name] = (path.read_text(encoding="utf-8"), is_package)
    return mods


# -- the package graph -------------------------------------------------------------------------


def _package_of(name: str, packages: set[str]) -> str | None:
    """The top-level package (or top-level module) of jpki_desktop that `name` lies in."""
    parts = name.split(".")
    if len(parts) < 2 or parts[0] != ROOT or parts[1] not in packages:
        return None
    return parts[1]


def package_graph(
    modules: dict[str, tuple[str, bool]],
) -> dict[str, dict[str, list[str]]]:
    """package -> imported package -> the modules that import it (function-local included)."""
    packages = {m.split(".")[1] for m in modules if m.count(".") >= 1}
    graph: dict[str, dict[str, list[str]]] = {p: {} for p in packages}
    for module, (source, is_package) in modules.items():
        here = _package_of(module, packages)
        if here is None:
            continue
        for imported in imported_modules(source, module, is_package):
            there = _package_of(imported, packages)
            if there is not None and there != here:
                graph[here].setdefault(there, []).append(module)
    return graph


def cycles(graph: dict[str, dict[str, list[str]]]) -> list[list[str]]:
    """Strongly connected components of more than one package (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def connect(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, {})):
            if w not in index:
                connect(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            connect(v)
    return sorted(found)


def local_imports(modules: dict[str, tuple[str, bool]]) -> list[tuple[str, int, bool]]:
    """(module, line, has a reason comment) of every function-local import."""
    out = []
    for module, (source, is_package) in sorted(modules.items()):
        lines = source.splitlines()
        for imp in imports(source, module, is_package):
            if imp.local:
                text = lines[imp.line - 1]
                before = lines[imp.line - 2] if imp.line >= 2 else ""
                out.append((module, imp.line, LOCAL_REASON in text or LOCAL_REASON in before))
    return sorted(set(out))


# -- the project -------------------------------------------------------------------------------


def test_the_scan_sees_the_whole_project():
    mods = project_modules()
    assert f"{ROOT}.card.pcsc" in mods and f"{ROOT}.card.virtual.card" in mods
    assert f"{ROOT}.app.signing" in mods and f"{ROOT}.ui.pages.flow" in mods
    assert len(mods) > 30
    assert any("smartcard" in imported_modules(s, m, p) for m, (s, p) in mods.items())


def test_project_respects_the_layering():
    assert violations(project_modules()) == []


def test_the_allowed_value_modules_exist():
    mods = project_modules()
    known = set(VALUE_MODULES) | set(VALUE_NAMES)
    missing = {
        m for m in known if m not in mods and not m.startswith((f"{ROOT}.trust", f"{ROOT}.net"))
    }
    assert not missing, f"stale entries: {sorted(missing)}"


def test_no_package_import_cycle():
    graph = package_graph(project_modules())
    assert {"app", "ui", "cli", "card", "procedures", "submission", "agency"} <= set(graph)
    assert cycles(graph) == []


def test_front_ends_and_app_have_few_local_imports_each_with_a_reason():
    mods = {
        m: v
        for m, v in project_modules().items()
        if any(_within(m, f"{ROOT}.{p}") for p in ("app", *FRONT_ENDS))
    }
    found = local_imports(mods)
    assert [f"{m}:{line}" for m, line, reason in found if not reason] == []
    assert len(found) <= MAX_LOCAL_IMPORTS_FRONT, found


def test_the_whole_tree_has_few_local_imports_each_with_a_reason():
    found = local_imports(project_modules())
    assert [f"{m}:{line}" for m, line, reason in found if not reason] == []
    assert len(found) <= MAX_LOCAL_IMPORTS_ALL, found


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
        (f"{ROOT}.app.flow", "from PySide6.QtCore import Signal"),
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
        # the core never reaches up into the application layer; app never into a front end
        (f"{ROOT}.submission.client", "from ..app.submission import SubmissionService"),
        (f"{ROOT}.procedures.loader", "from jpki_desktop.app import flow"),
        (f"{ROOT}.agency.server", "from ..ui.settings import Settings"),
        (f"{ROOT}.app.signing", "from ..cli.common import read_password"),
        (f"{ROOT}.app.flow", "from ..ui.tasks import run_task"),
        # front ends: orchestration of the core is app/'s job
        (f"{ROOT}.cli.commands.status", "from ...card.snapshot import read_snapshot"),
        (f"{ROOT}.cli.commands.sign", "from ...signing.card_signer import CardSigner, preflight"),
        (f"{ROOT}.cli.commands.submit", "from ...submission import SubmissionClient"),
        (f"{ROOT}.cli.commands.submit", "from ...submission.client import agency_for_package"),
        (f"{ROOT}.ui.pages.expiry", "from ...validity.check import check_certificate"),
        (f"{ROOT}.ui.pages.expiry", "from ...validity.check import CheckResult, check_certificate"),
        (f"{ROOT}.ui.pages.diagnostics", "from ...diagnostics import run_diagnosis"),
        (f"{ROOT}.ui.pages.diagnostics", "from ...diagnostics import Status"),  # not its module
        (f"{ROOT}.ui.flow.step_sign", "from ...card.jpki import JpkiSession"),
        (
            f"{ROOT}.ui.flow.step_sign",
            "def f():\n    from ...signing.package import build_package\n",
        ),
        (f"{ROOT}.ui.pages.verify", "import jpki_desktop.signing.verify"),
        (f"{ROOT}.ui.app", "from .. import agency"),
        (f"{ROOT}.ui.app", "from ..agency.server import start_agency"),
        (
            f"{ROOT}.cli.commands.watch",
            "import importlib\nimportlib.import_module('jpki_desktop.card.monitor')",
        ),
        (f"{ROOT}.ui.card_service", "from ..card import snapshot"),
        (f"{ROOT}.cli.commands.procedures", "from ...procedures import load_catalogue"),
        (f"{ROOT}.cli", "from ..trust import build_context"),  # the coming trust module too
    ],
)
def test_checker_flags_a_planted_violation(module, source):
    is_package = module in (f"{ROOT}.card", f"{ROOT}.cli")
    assert check(module, source, is_package), f"not flagged: {module}: {source!r}"


@pytest.mark.parametrize(
    "module,source",
    [
        (f"{ROOT}.card.pcsc", "from smartcard import scard"),
        (
            f"{ROOT}.ui.window",
            "from PySide6.QtWidgets import QMainWindow\nfrom ..card.jpki import CertSlot",
        ),
        (f"{ROOT}.ui.app", "from ..cli import exitcodes"),
        (f"{ROOT}.cli.commands.status", "from ...app.card import read_status, snapshot_dict"),
        (f"{ROOT}.cli.commands.status", "from ...card.snapshot import CardSnapshot"),
        (f"{ROOT}.cli.errors", "from ..card import errors as E\nfrom ..card.pins import PinKind"),
        (f"{ROOT}.ui.messages", "from ..submission import errors as SU"),
        (f"{ROOT}.ui.pages.expiry", "from ...validity.check import CheckResult, Outcome"),
        (f"{ROOT}.ui.main_window", "from .. import __version__"),
        (f"{ROOT}.ui.pages.certificates", "from ...fileio import atomic_write_bytes"),
        (f"{ROOT}.ui.app", "from .. import app"),
        (
            f"{ROOT}.signing.cms",
            "from ..card.jpki import JpkiSession\nfrom ..validity import certificate",
        ),
        (f"{ROOT}.app.signing", "from ..signing.card_signer import CardSigner, preflight"),
        (f"{ROOT}.card.virtual.store", "from ..pins import PinKind\nfrom .card import PinRef"),
        (f"{ROOT}.validity.check", "from ..fileio import atomic_output\nimport cryptography.x509"),
        (f"{ROOT}.card.uidata", "import uidata"),  # prefixes match whole names only
        (f"{ROOT}.ui.applet", "from ..cardinal import x"),  # neither is a core package
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


# -- the cycle and local-import checkers on planted trees --------------------------------------


def planted(**sources: str) -> dict[str, tuple[str, bool]]:
    """module name (dots as __) -> source; a trailing __init marks a package."""
    out = {}
    for key, source in sources.items():
        name = f"{ROOT}." + key.replace("__", ".")
        is_package = name.endswith(".init")
        out[name.removesuffix(".init")] = (source, is_package)
    return out


def test_cycle_checker_finds_a_planted_cycle():
    tree = planted(
        alpha__a="from ..beta.b import B",
        beta__b="from ..gamma import c",
        gamma__c="def f():\n    from jpki_desktop.alpha.a import A\n",  # local imports count
        delta__d="from ..alpha import a",
    )
    assert cycles(package_graph(tree)) == [["alpha", "beta", "gamma"]]


def test_cycle_checker_finds_a_two_package_cycle_through_a_package_init():
    tree = planted(alpha__init="from ..beta import thing", beta__x="from ..alpha import y")
    assert cycles(package_graph(tree)) == [["alpha", "beta"]]


def test_cycle_checker_accepts_a_layered_tree():
    tree = planted(
        alpha__a="from ..beta.b import B\nfrom ..gamma import c",
        beta__b="from ..gamma.c import C\nfrom . import sibling",
        beta__sibling="from .b import B",  # cycles inside one package are not package cycles
        gamma__c="import json\nfrom .. import __version__",
    )
    assert cycles(package_graph(tree)) == []


def test_the_project_cycle_check_would_see_a_new_back_edge():
    mods = dict(project_modules())
    mods[f"{ROOT}.card.planted"] = ("from ..app import card", False)
    assert any("app" in c and "card" in c for c in cycles(package_graph(mods)))


def test_local_import_counter_sees_reasons_and_their_absence():
    tree = planted(
        alpha__a=(
            "import json\n"
            "def f():\n"
            "    from . import b  # local import: b imports a\n"
            "def g():\n"
            "    # local import: optional dependency\n"
            "    import keyring\n"
            "def h():\n"
            "    import fcntl\n"
        )
    )
    found = local_imports(tree)
    assert [(line, reason) for _m, line, reason in found] == [(3, True), (6, True), (8, False)]

#!/usr/bin/env python3
"""Print the package layers of jpki_desktop as text, computed from the imports in the code.

    .venv/bin/python scripts/architecture.py            # the diagram the README shows
    .venv/bin/python scripts/architecture.py --check    # exit 1 if README.md shows another one

Each line is a top-level package and the packages it imports (module-level and function-level
imports alike; `TYPE_CHECKING` blocks included). Packages are listed from the front ends down
to the base, so every arrow points down the page: a cycle would make that impossible, and is
reported instead.
"""

from __future__ import annotations

import ast
import sys
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "jpki_desktop"
BEGIN, END = "<!-- architecture:begin -->", "<!-- architecture:end -->"


def _package_of(path: Path) -> str:
    rel = path.relative_to(SRC).parts
    return rel[0].removesuffix(".py") if len(rel) > 1 or rel[0] != "__init__.py" else ""


def _absolute(node: ast.ImportFrom, path: Path) -> str:
    if not node.level:
        return node.module or ""
    parts = ["jpki_desktop", *path.relative_to(SRC).with_suffix("").parts]
    if parts[-1] == "__init__":
        parts = parts[:-1]
    else:
        parts = parts[:-1]
    base = parts[: len(parts) - node.level + 1]
    return ".".join(base + ([node.module] if node.module else []))


def graph() -> dict[str, set[str]]:
    deps: dict[str, set[str]] = {}
    for path in sorted(SRC.rglob("*.py")):
        pkg = _package_of(path)
        if not pkg or pkg == "resources":
            continue
        deps.setdefault(pkg, set())
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                target = _absolute(node, path)
                names = [target] + [f"{target}.{a.name}" for a in node.names]
            for name in names:
                parts = name.split(".")
                if parts[0] != "jpki_desktop" or len(parts) < 2 or parts[1] == pkg:
                    continue
                other = parts[1]
                if (SRC / other).is_dir() or (SRC / f"{other}.py").is_file():
                    deps[pkg].add(other)
    return deps


def diagram() -> str:
    deps = graph()
    try:
        order = list(TopologicalSorter(deps).static_order())  # dependencies first
    except CycleError as exc:
        raise SystemExit(f"import cycle between packages: {' -> '.join(exc.args[1])}") from None
    order.reverse()  # front ends first
    width = max(len(p) for p in order)
    lines = [
        f"{p.ljust(width)}  -> {', '.join(sorted(deps[p])) or '(nothing of ours)'}" for p in order
    ]
    return "\n".join(lines)


def main() -> int:
    text = diagram()
    if "--check" not in sys.argv:
        print(text)
        return 0
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    if BEGIN not in readme:
        print("README.md has no architecture block", file=sys.stderr)
        return 1
    shown = readme.split(BEGIN, 1)[1].split(END, 1)[0].strip().strip("`").strip()
    if shown != text:
        print("README.md's architecture diagram is out of date:\n" + text, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

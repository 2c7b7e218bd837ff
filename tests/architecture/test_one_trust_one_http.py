"""One trust module and one HTTP client (issue 10 items 2 and 3), checked on the source:
one ValidationContext factory, one async runner, one set of certificate conversions, one
reason vocabulary for verdicts and checks, one check_certificate, one HTTP client."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "jpki_desktop"


def _modules() -> dict[str, str]:
    return {str(p.relative_to(SRC)): p.read_text("utf-8") for p in SRC.rglob("*.py")}


def _calls(text: str, name: str) -> int:
    n = 0
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Call):
            f = node.func
            got = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", None)
            owner = (
                f.value.id if isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) else ""
            )
            if f"{owner}.{got}" == name or (("." not in name) and got == name):
                n += 1
    return n


def _where(predicate) -> set[str]:  # type: ignore[no-untyped-def]
    return {path for path, text in _modules().items() if predicate(text)}


def test_one_validation_context_factory():
    assert _where(lambda t: _calls(t, "ValidationContext")) == {"trust/context.py"}


def test_one_async_runner():
    assert _where(lambda t: _calls(t, "asyncio.run")) == {"trust/aio.py"}


def test_one_set_of_certificate_conversions():
    pattern = re.compile(r"Certificate\.load\(|load_der_x509_certificate\([^)]*\.dump\(\)")
    assert _where(lambda t: bool(pattern.search(t))) == {"trust/convert.py"}


def test_one_reason_vocabulary_for_verdicts_and_checks():
    classes = _where(lambda t: bool(re.search(r"^class Reason\b", t, re.M)))
    # validity/expiry.py's Reason says why an expiry date is missing (under 15, not issued),
    # a timeline fact, not a verdict on a signature or certificate
    assert classes == {"trust/reasons.py", "validity/expiry.py"}
    assert _where(lambda t: bool(re.search(r"^def check_certificate\b", t, re.M))) == {
        "validity/check.py"
    }


@pytest.mark.parametrize(
    "module", ["http.client", "urllib.request", "requests", "aiohttp", "httpx"]
)
def test_one_http_client(module: str):
    def imports(text: str) -> bool:
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.Import) and any(a.name == module for a in node.names):
                return True
            if isinstance(node, ast.ImportFrom) and node.module == module:
                return True
        return False

    assert _where(imports) <= {"net/http.py"}

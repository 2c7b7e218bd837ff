"""The standing fuzz suite (issue 15): every parser that takes outside input gets generated
input and must answer with a verdict or a typed error, never a traceback or a hang.

`outcome()` bounds each case (5 s, SIGALRM) and counts it; the session prints the total and
fails if fewer than MIN_CASES ran (a silently shrunken suite would prove nothing).
Run alone: `pytest tests/fuzz` (about a minute on a loaded 2-core machine).
"""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

MIN_CASES = 10_000
CASE_LIMIT_S = 5.0
_count = {"cases": 0, "typed_errors": 0}

settings.register_profile(
    "fuzz",
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


class Hang(BaseException):
    """A case that ran longer than CASE_LIMIT_S (BaseException: no parser may swallow it)."""


@contextlib.contextmanager
def _bounded() -> Iterator[None]:
    def fire(*_: object) -> None:
        raise Hang(f"a case ran longer than {CASE_LIMIT_S} s")

    old = signal.signal(signal.SIGALRM, fire)
    signal.setitimer(signal.ITIMER_REAL, CASE_LIMIT_S)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def outcome(fn: Callable[[], Any], typed: tuple[type[BaseException], ...]) -> Any:
    """Run one case: its result, or the typed error it raised. Anything else propagates and
    fails the test (hypothesis then shrinks it to a minimal input)."""
    _count["cases"] += 1
    with _bounded():
        try:
            return fn()
        except typed as exc:
            _count["typed_errors"] += 1
            return exc


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if _count["cases"]:
        terminalreporter.write_line(
            f"fuzz: {_count['cases']} generated cases, {_count['typed_errors']} typed errors, "
            "0 tracebacks"
        )


@pytest.fixture(scope="session", autouse=True)
def _enough_cases(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    session = request.session
    files = {item.path.name for item in session.items if item.path.parent.name == "fuzz"}
    whole_suite = files == {"test_fuzz_card.py", "test_fuzz_documents.py"}
    whole_suite = whole_suite and not session.config.option.keyword
    if whole_suite and session.testsfailed == 0 and _count["cases"] < MIN_CASES:
        pytest.fail(f"only {_count['cases']} fuzz cases ran; at least {MIN_CASES} expected")

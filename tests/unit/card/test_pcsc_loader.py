"""pyscard loads the system PC/SC library when it is imported, so only `card.pcsc_loader`
imports the PC/SC adapter, on first use: the demo card, the card monitor and the diagnosis must
keep working on a machine where that import fails."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys

import pytest

import jpki_desktop.card
from jpki_desktop.app.card import list_readers
from jpki_desktop.card.monitor import CardMonitor, ServiceLost
from jpki_desktop.card.pcsc_loader import load_pcsc
from jpki_desktop.diagnostics.model import Status
from jpki_desktop.diagnostics.system import Platform, probe_library


@pytest.fixture
def no_pyscard(monkeypatch):
    """As on a machine without libpcsclite: importing pyscard (and so card.pcsc) fails."""
    monkeypatch.setitem(sys.modules, "smartcard", None)
    monkeypatch.delitem(sys.modules, "jpki_desktop.card.pcsc", raising=False)
    monkeypatch.delattr(jpki_desktop.card, "pcsc", raising=False)


def test_the_loader_returns_the_adapter():
    pcsc = load_pcsc()
    assert pcsc.__name__ == "jpki_desktop.card.pcsc"
    assert callable(pcsc.reader_infos)


def test_importing_the_card_layer_and_its_use_cases_does_not_load_pyscard(tmp_path):
    modules = (
        "jpki_desktop.cli.main",
        "jpki_desktop.app.card",
        "jpki_desktop.app.card_source",
        "jpki_desktop.app.monitor",
        "jpki_desktop.card.connect",
        "jpki_desktop.card.monitor",
        "jpki_desktop.diagnostics",
    )
    code = (
        "import importlib, json, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "print(json.dumps(sorted(m for m in sys.modules"
        " if m.split('.')[0] == 'smartcard' or m == 'jpki_desktop.card.pcsc')))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "JPKI_DEMO_STATE": str(tmp_path / "demo")},
    )
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == []


def test_without_pyscard_the_loader_raises_import_error(no_pyscard):
    with pytest.raises(ImportError):
        load_pcsc()


def test_without_pyscard_the_diagnosis_names_the_missing_library(no_pyscard):
    found, module = probe_library(Platform.detect())
    assert module is None
    assert found.status is Status.FAIL
    assert found.fix


def test_without_pyscard_the_monitor_reports_the_service_lost(no_pyscard):
    events: queue.Queue[object] = queue.Queue()
    monitor = CardMonitor(events.put, backoff_start=0.05, backoff_max=0.05).start()
    try:
        event = events.get(timeout=20)
    finally:
        assert monitor.stop()
    assert isinstance(event, ServiceLost)
    assert monitor.service_available is False


def test_without_pyscard_a_real_reader_listing_fails_with_import_error(no_pyscard):
    with pytest.raises(ImportError):
        list_readers()

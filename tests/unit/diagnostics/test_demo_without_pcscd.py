"""`jpki --demo diagnose` on a machine without pcscd: the demo card works, so nothing FAILs;
the missing service is a warning with its fix (a real reader will need it)."""

from __future__ import annotations

import json
import os
import subprocess
import sys


def test_demo_diagnosis_warns_about_missing_service_but_does_not_fail(tmp_path):
    env = dict(os.environ)
    env["PCSCLITE_CSOCK_NAME"] = str(tmp_path / "no-pcscd" / "pcscd.comm")
    env["JPKI_DEMO_STATE"] = str(tmp_path / "demo")
    out = subprocess.run(
        [sys.executable, "-m", "jpki_desktop.cli", "--demo", "--json", "diagnose"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    probes = {p["id"]: p for p in json.loads(out.stdout)}
    service = next(p for pid, p in probes.items() if "service" in pid)
    assert service["status"] == "warn"
    assert "demo card does not need it" in service["detail"]
    assert service["fix"]
    assert [p["id"] for p in probes.values() if p["status"] == "fail"] == []

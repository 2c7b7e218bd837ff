"""`jpki diagnose` and `jpki watch` as subprocesses, some against daemons of their own.

libpcsclite reads PCSCLITE_CSOCK_NAME once per process, so states that need a differently
configured pcscd (no readers, readers appearing) run the CLI in a child process pointed at a
PrivatePcscd of this test, leaving the session daemon alone.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time

import pytest
from cryptography import x509

from jpki_desktop.card.virtual.pki import era_coded_birth_date
from jpki_desktop.validity.dates import last_valid_day
from support.pcscd import PrivatePcscd, available, free_port_pair

pytestmark = pytest.mark.pcsc


def jpki(
    *args: str, env: dict[str, str] | None = None, timeout: float = 60
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "jpki_desktop.cli", *args],
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.fixture
def own_pcscd(tmp_path):
    why = available()
    if why:
        pytest.skip(why)
    daemon = PrivatePcscd(tmp_path / "pcscd", with_vpcd=False, friendly_name="Own PCD")
    daemon.start()
    yield daemon
    daemon.stop()


def by_id(stdout: str) -> dict:
    return {p["id"]: p for p in json.loads(stdout)}


def test_pcscd_running_without_readers(own_pcscd):
    out = jpki("diagnose", "--json", env=own_pcscd.env())
    assert out.returncode == 0, out.stderr
    probes = by_id(out.stdout)
    assert probes["pcsc_service"]["status"] == "ok"
    assert probes["readers"]["status"] == "fail"
    assert "No card reader" in probes["readers"]["detail"] and probes["readers"]["fix"]
    assert {probes[k]["status"] for k in ("card_present", "jpki_application", "sign_pin")} == {
        "skipped"
    }
    assert all(set(p) >= {"id", "status", "detail", "fix"} for p in probes.values())


def test_socket_that_answers_but_does_not_speak_pcscd_protocol(tmp_path):
    path = tmp_path / "pcscd.comm"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.listen(8)

    def hang_up():
        while True:
            try:
                conn, _ = server.accept()
            except OSError:
                return
            conn.close()

    threading.Thread(target=hang_up, daemon=True).start()
    try:
        out = jpki("diagnose", "--json", env={"PCSCLITE_CSOCK_NAME": str(path)})
    finally:
        server.close()
    svc = by_id(out.stdout)["pcsc_service"]
    assert svc["status"] == "fail" and "protocol versions" in svc["detail"]
    assert "restart pcscd" in svc["fix"]


def personal_strings(pki) -> list[str]:
    h = pki.holder
    found = [
        h.name,
        *h.name.split("\u3000"),
        h.address,
        h.my_number,
        h.birth_date.isoformat(),
        h.birth_date.strftime("%Y%m%d"),
        h.birth_date.strftime("%Y/%m/%d"),
        era_coded_birth_date(h.birth_date),
    ]
    for issued in (pki.sign, pki.auth):
        cert = issued.cert
        found += [
            format(cert.serial_number, "X"),
            format(cert.serial_number, "x"),
            str(cert.serial_number),
            cert.subject.rfc4514_string(),
        ]
        found += [a.value for a in cert.subject if a.oid == x509.oid.NameOID.COMMON_NAME]
    found.append(last_valid_day(pki.auth.cert.not_valid_after_utc).isoformat())  # a birthday
    return found


@pytest.mark.parametrize("demo", [False, True], ids=["pcsc", "demo"])
def test_export_is_masked_by_default(pcscd, pcsc_card, pki, tmp_path, demo):
    if demo:
        from jpki_desktop.card.virtual.store import CardStore

        _, card_pki = CardStore(os.environ["JPKI_DEMO_STATE"]).load_or_create()
    else:
        card_pki = pki
    report = tmp_path / "report.txt"
    out = jpki(*(["--demo"] if demo else []), "diagnose", "--export", str(report))
    assert out.returncode == 0, out.stderr
    text = report.read_text(encoding="utf-8")
    assert "Personal data: masked" in text and "Checks" in text
    for key in ("jpki-desktop", "OS", "Python", "Qt (PySide6)", "pyscard", "pcsc-lite"):
        assert key in text
    assert "[FAIL]" not in text and "[WARN]" not in text
    json_out = jpki(*(["--demo"] if demo else []), "diagnose", "--json").stdout
    for secret in personal_strings(card_pki):
        assert secret not in text, secret
        assert secret not in json_out, secret

    unmasked = tmp_path / "unmasked.txt"
    jpki(*(["--demo"] if demo else []), "diagnose", "--export", str(unmasked), "--unmasked")
    expiry = last_valid_day(card_pki.auth.cert.not_valid_after_utc).isoformat()
    assert expiry in unmasked.read_text(encoding="utf-8")  # masking really removed something


def test_text_output_and_global_json_flag(pcscd, pcsc_card):
    out = jpki("diagnose")
    assert out.returncode == 0 and "[ OK ] JPKI application" in out.stdout
    assert len(json.loads(jpki("--json", "diagnose").stdout)) == 12


def test_export_to_an_impossible_path_is_a_clear_error(pcscd, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    out = jpki("diagnose", "--export", str(blocker / "report.txt"))
    assert out.returncode != 0
    assert out.stderr.startswith("jpki: ") and "Traceback" not in out.stderr


def test_watch_reports_readers_appearing_and_leaving_across_pcscd_restarts(own_pcscd):
    """pcscd only re-reads its reader configuration on start, so new readers are made by
    restarting it with vpcd configured: the watcher must report the service going away,
    coming back, and the readers it then finds."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "jpki_desktop.cli", "watch", "--json", "--timeout", "60"],
        env={**os.environ, **own_pcscd.env()},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: list[dict] = []

    def read(n: int, timeout: float = 10) -> list[dict]:
        deadline = time.monotonic() + timeout
        got: list[dict] = []
        while len(got) < n:
            assert time.monotonic() < deadline, f"only {got} within {timeout} s"
            line = proc.stdout.readline()
            assert line, proc.stderr.read()
            event = json.loads(line)
            if not event["event"].startswith("card_"):  # PrivatePcscd.start() probes vpcd's port
                got.append(event)
        lines.extend(got)
        return got

    try:
        time.sleep(1.0)  # the watcher is up and sees no readers
        own_pcscd.stop()
        assert read(1)[0]["event"] == "service_lost"
        own_pcscd.with_vpcd, own_pcscd.port = True, free_port_pair()
        own_pcscd.start()
        got = read(3)
        assert [e["event"] for e in got] == ["service_restored", "reader_added", "reader_added"]
        assert {e["reader"] for e in got[1:]} == set(own_pcscd.readers)

        own_pcscd.stop()
        got = read(3)
        assert [e["event"] for e in got] == ["service_lost", "reader_removed", "reader_removed"]
        own_pcscd.with_vpcd = False
        own_pcscd.start()
        assert read(1)[0]["event"] == "service_restored"
    finally:
        proc.terminate()  # our own child
        proc.wait(timeout=10)

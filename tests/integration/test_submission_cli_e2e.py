"""The demo as a user runs it: `jpki procedures fill`, `jpki --demo package`, `jpki agency-demo`,
`jpki submit` — default locations (demo card, demo agency) redirected to temp folders."""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import threading

import pytest

from jpki_desktop.cli.main import main

PROCEDURE = "demo.city.change-of-address"


@pytest.fixture
def demo_env(tmp_path, monkeypatch):
    monkeypatch.setenv("JPKI_DEMO_AGENCY", str(tmp_path / "agency"))
    monkeypatch.setenv("JPKI_DEMO_STATE", str(tmp_path / "card"))
    return tmp_path


@pytest.fixture
def demo_agency(demo_env):
    """`jpki agency-demo --port 0` in a thread."""
    from jpki_desktop.cli.commands import agency_demo

    ready, stop = threading.Event(), threading.Event()
    args = argparse.Namespace(port=0, dir=None)
    t = threading.Thread(
        target=agency_demo.run, args=(args,), kwargs={"ready": ready, "stop": stop}, daemon=True
    )
    t.start()
    assert ready.wait(30)
    yield demo_env / "agency"
    stop.set()
    t.join(10)


def jpki(capsys, monkeypatch, *argv, stdin: str = ""):
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _fill(capsys, monkeypatch, form, name="見本　花子"):
    code, _, err = jpki(
        capsys,
        monkeypatch,
        "procedures",
        "fill",
        PROCEDURE,
        "--set",
        f"name={name}",
        "--set",
        "birth_date=1985-06-30",
        "--set",
        "current_address=東京都千代田区見本町一丁目２番３号",
        "--set",
        f"move_date={dt.date.today()}",
        "--set",
        "new_postal_code=100-0002",
        "--set",
        "new_address=東京都千代田区新町一丁目1番1号",
        "--set",
        "members=1",
        "-o",
        str(form),
    )
    assert code == 0, err


def _package(capsys, monkeypatch, form, p7m, password="ABC123", procedure=PROCEDURE):
    return jpki(
        capsys,
        monkeypatch,
        "--demo",
        "--json",
        "package",
        "--procedure",
        procedure,
        "--form",
        str(form),
        "-o",
        str(p7m),
        "--password-stdin",
        stdin=f"{password}\n",
    )


def _sign_tries(capsys, monkeypatch):
    code, out, err = jpki(capsys, monkeypatch, "--demo", "--json", "pin", "status")
    assert code == 0, err
    return json.loads(out)["sign"]["remaining"]


def test_fill_package_submit_history(demo_agency, demo_env, capsys, monkeypatch):
    form, p7m, store = demo_env / "form.xml", demo_env / "move.p7m", str(demo_env / "store")
    _fill(capsys, monkeypatch, form)
    code, out, err = _package(capsys, monkeypatch, form, p7m)
    assert code == 0, err
    made = json.loads(out)
    # no --procedure: the agency is found from the package's recipient
    code, out, err = jpki(
        capsys,
        monkeypatch,
        "--json",
        "submit",
        str(p7m),
        "--store",
        store,
        "--submission-id",
        made["submission_id"],
        "--manifest-sha256",
        made["manifest_sha256"],
    )
    assert code == 0, err
    receipt = json.loads(out)
    assert receipt["accepted"] and receipt["procedure_id"] == PROCEDURE
    assert receipt["submission_id"] == made["submission_id"]
    code, out, _ = jpki(capsys, monkeypatch, "submit", "--history", "--store", store)
    assert receipt["receipt_number"] in out and "accepted" in out
    assert (demo_agency / "accepted").is_dir()


def test_agency_demo_serves_procedures(demo_agency):
    from jpki_desktop.agency.location import demo_base_url
    from jpki_desktop.net.http import HttpClient, HttpSettings

    pem = (demo_agency / "keys" / "tls-ca.pem").read_bytes()
    answer = HttpClient(HttpSettings(ca_pem=pem)).get(demo_base_url(demo_agency) + "/procedures")
    listed = json.loads(answer.raise_for_status().body)
    assert PROCEDURE in {p["id"] for p in listed}


def test_agency_demo_json_names_its_endpoint(demo_env, capsys):
    from jpki_desktop.cli.commands import agency_demo

    ready, stop = threading.Event(), threading.Event()
    args = argparse.Namespace(port=0, dir=demo_env / "agency2", json=True)
    t = threading.Thread(
        target=agency_demo.run, args=(args,), kwargs={"ready": ready, "stop": stop}, daemon=True
    )
    t.start()
    try:
        assert ready.wait(30)
        data = json.loads(capsys.readouterr().out)
    finally:
        stop.set()
        t.join(10)
    assert data["url"].startswith("https://127.0.0.1:")
    assert data["submissions"] == data["url"] + "/v1/submissions"
    assert (demo_env / "agency2" / "keys" / "tls-ca.pem").samefile(data["tls_ca"])
    assert data["demo_account"]["user_id"]


def test_port_in_use_is_a_clear_error(demo_agency, capsys):
    from jpki_desktop.agency.location import demo_base_url

    port = int(demo_base_url(demo_agency).rsplit(":", 1)[1])
    code = main(["agency-demo", "--port", str(port)])
    assert code == 1
    assert f"cannot listen on 127.0.0.1:{port}" in capsys.readouterr().err


def test_package_refuses_an_applicant_who_is_not_the_certificate_holder(
    demo_env, capsys, monkeypatch
):
    form, p7m = demo_env / "form.xml", demo_env / "move.p7m"
    _fill(capsys, monkeypatch, form, name="見本　太郎")  # the demo card holds 見本　花子
    code, out, err = _package(capsys, monkeypatch, form, p7m)
    assert code == 8, err
    assert "name (氏名)" in err and "did not sign" in err
    assert "見本" not in err  # what differs is named, the values never
    assert "Traceback" not in err and out == ""
    assert not p7m.exists() and list(demo_env.glob("*.p7m*")) == []
    assert _sign_tries(capsys, monkeypatch) == 5  # the password was right: no try lost


def test_package_checks_the_form_against_its_procedure_before_the_card(
    demo_env, capsys, monkeypatch
):
    form, p7m = demo_env / "form.xml", demo_env / "move.p7m"
    form.write_text('<?xml version="1.0" encoding="UTF-8"?><Other>x</Other>', "utf-8")
    code, _, err = _package(capsys, monkeypatch, form, p7m, password="WRONG1")
    assert code == 2, err
    assert "does not follow the procedure's template (wrong-root" in err
    assert not p7m.exists()
    assert _sign_tries(capsys, monkeypatch) == 5  # refused before any VERIFY


def test_package_for_an_unknown_procedure_says_the_applicant_is_not_checked(
    demo_env, capsys, monkeypatch
):
    form, p7m = demo_env / "form.xml", demo_env / "any.p7m"
    _fill(capsys, monkeypatch, form, name="見本　太郎")
    code, _, err = _package(capsys, monkeypatch, form, p7m, procedure="example.unlisted")
    assert code == 0, err
    assert "'example.unlisted' is not known here" in err and "not checked" in err
    assert p7m.is_file()

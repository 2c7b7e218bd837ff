"""`jpki procedures`, `jpki submit` (against the in-process agency with a stand-in opener)."""

from __future__ import annotations

import json

import pytest

from jpki_desktop.agency.server import start_agency
from jpki_desktop.cli.main import main
from jpki_desktop.cli.submission_text import describe
from jpki_desktop.submission.errors import Undelivered
from support.agency_fixtures import (  # noqa: F401
    FakeOpener,
    agency_dir,
    agency_keys_template,
    demo_catalogue,
    good_opened,
)


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_procedures_list_show(capsys):
    code, out, _ = run(capsys, "procedures")
    assert code == 0 and "demo.etax.income-tax-return" in out and "[account]" in out
    code, out, _ = run(
        capsys, "--json", "procedures", "--lang", "ja", "show", "demo.general.application"
    )
    data = json.loads(out)
    assert code == 0 and data["fields"][0]["label"] == "氏名"
    code, _, err = run(capsys, "procedures", "show", "nope")
    assert code == 2 and "No procedure 'nope'" in err


def test_procedures_fill(capsys, tmp_path):
    code, _, err = run(
        capsys,
        "procedures",
        "fill",
        "demo.city.change-of-address",
        "--set",
        "name=",
        "--set",
        "members=0",
    )
    assert code == 9
    assert "name (Name): This item is required. [required]" in err
    assert "members (People moving): Enter a value of at least 1. [too-small]" in err
    code, _, err = run(
        capsys,
        "procedures",
        "fill",
        "demo.city.change-of-address",
        "--set",
        "members=0",
        "--lang",
        "ja",
    )
    assert code == 9 and "members (転居する人数): 1以上の値を入力してください。 [too-small]" in err
    out_file = tmp_path / "form.xml"
    values = tmp_path / "v.json"
    values.write_text(
        json.dumps(
            {
                "name": "見本　花子",
                "birth_date": "1985-06-30",
                "current_address": "東京都",
                "move_date": "today-placeholder",
            }
        ),
        encoding="utf-8",
    )
    import datetime as dt

    code, _, err = run(
        capsys,
        "procedures",
        "fill",
        "demo.city.change-of-address",
        "--values",
        str(values),
        "--set",
        f"move_date={dt.date.today().isoformat()}",
        "--set",
        "new_postal_code=１００－０００２",
        "--set",
        "new_address=東京都千代田区新町1",
        "--set",
        "members=2",
        "-o",
        str(out_file),
    )
    assert code == 0, err
    assert "<NewPostalCode>100-0002</NewPostalCode>" in out_file.read_text(encoding="utf-8")


@pytest.fixture
def running(agency_dir, demo_catalogue, pki, monkeypatch):
    monkeypatch.setenv("JPKI_DEMO_AGENCY", str(agency_dir))
    opener = FakeOpener(good_opened(demo_catalogue, pki.sign.cert))
    with start_agency(agency_dir, catalogue=demo_catalogue, opener=opener) as agency:
        yield agency, opener


def test_submit_prints_the_receipt_and_lists_history(capsys, running, tmp_path):
    package = tmp_path / "s.p7m"
    package.write_bytes(b"package bytes")
    store = str(tmp_path / "store")
    code, out, err = run(
        capsys,
        "submit",
        str(package),
        "--procedure",
        "demo.city.change-of-address",
        "--submission-id",
        "sub-0001",
        "--store",
        store,
    )
    assert code == 0, err
    assert "ACCEPTED (receipt verified)" in out and "receipt number: DEMO-" in out
    code, out, _ = run(capsys, "--json", "submit", "--history", "--store", store)
    [row] = json.loads(out)
    assert (
        row["outcome"] == "accepted"
        and row["submission_id"] == "sub-0001"
        and row["receipt_number"].startswith("DEMO-")
    )
    code, out, _ = run(capsys, "submit", "--pending", "--store", store)
    assert out.strip() == "outbox is empty"


def test_submit_rejection_reaches_the_user(capsys, running, tmp_path, demo_catalogue, pki):
    _, opener = running
    opener.result = good_opened(demo_catalogue, pki.sign.cert, current_address="大阪府大阪市")
    package = tmp_path / "s.p7m"
    package.write_bytes(b"package bytes")
    code, out, _ = run(
        capsys,
        "submit",
        str(package),
        "--procedure",
        "demo.city.change-of-address",
        "--store",
        str(tmp_path / "st"),
    )
    assert code == 9
    assert "REJECTED by the agency (applicant-mismatch" in out
    assert (
        "The applicant's details in the form (Current address) do not match the signing "
        "certificate." in out
    )  # the form's label


def test_submit_when_agency_down_then_flush(capsys, running, tmp_path, agency_dir):
    agency, _ = running
    agency.stop()
    package = tmp_path / "s.p7m"
    package.write_bytes(b"package bytes")
    store = str(tmp_path / "st")
    code, _, err = run(
        capsys,
        "submit",
        str(package),
        "--procedure",
        "demo.city.change-of-address",
        "--store",
        store,
        "--timeout",
        "2",
        "--retries",
        "0",
    )
    assert code == 10 and "kept in the outbox" in err
    code, out, _ = run(capsys, "--json", "submit", "--pending", "--store", store)
    [row] = json.loads(out)
    assert row["attempts"] == 1 and row["last_error"] == "unreachable"


def test_flush_with_an_undelivered_entry_says_so(capsys, running, tmp_path):
    # issue 15 item 4: `submit --flush` crashed with NameError (describe) on an undelivered entry
    agency, _ = running
    agency.stop()
    package = tmp_path / "s.p7m"
    package.write_bytes(b"package bytes")
    store = str(tmp_path / "st")
    down = ["--store", store, "--timeout", "2", "--retries", "0"]
    code, _, _ = run(
        capsys, "submit", str(package), "--procedure", "demo.city.change-of-address", *down
    )
    assert code == 10
    code, out, err = run(capsys, "submit", "--flush", *down)
    assert code == 10, err
    assert "still queued: The agency could not be reached" in out and "Traceback" not in err
    code, out, _ = run(capsys, "submit", "--flush", "--json", *down)  # --json after the command
    [row] = json.loads(out)
    assert code == 10 and row["error"].startswith("The agency could not be reached")
    code, out, _ = run(capsys, "--json", "submit", "--pending", "--store", store)
    [entry] = json.loads(out)
    assert entry["attempts"] == 3  # one per run, and the package is still in the outbox


def test_account_needed(capsys, running, tmp_path, monkeypatch):
    import io

    package = tmp_path / "s.p7m"
    package.write_bytes(b"package bytes")
    store = str(tmp_path / "st")
    code, _, err = run(
        capsys,
        "submit",
        str(package),
        "--procedure",
        "demo.etax.income-tax-return",
        "--store",
        store,
    )
    assert code == 2 and "needs your service account" in err
    monkeypatch.setattr("sys.stdin", io.StringIO("wrong\n"))
    code, _, err = run(
        capsys,
        "submit",
        str(package),
        "--procedure",
        "demo.etax.income-tax-return",
        "--store",
        store,
        "--user-id",
        "1234567890123456",
        "--password-stdin",
    )
    assert code == 10 and "refused the service account" in err


@pytest.mark.parametrize(
    "reason,says,never",
    [
        ("unreachable", "next time the app starts", "cannot help"),
        ("timeout", "jpki submit --flush", "cannot help"),
        ("server-error", "next time the app starts", "ask the agency"),
        ("account", "--user-id and the correct password", "next time the app starts"),
        ("tls", "ask the agency", "next time the app starts"),
        ("protocol", "ask the agency", "--flush"),
    ],
)
def test_undelivered_says_resend_only_where_it_can_help(reason, says, never):
    described = describe(Undelivered(reason))
    assert described is not None
    text, _ = described
    assert "kept in the outbox" in text
    assert says in text and never not in text, text

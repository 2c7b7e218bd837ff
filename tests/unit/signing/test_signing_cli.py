"""`jpki sign / sign-xml / package / verify` on a private demo card and demo agency."""

from __future__ import annotations

import io
import json

import pytest

from jpki_desktop.cli import exitcodes as X
from jpki_desktop.cli.main import main


@pytest.fixture
def demo(tmp_path, monkeypatch):
    """A fresh demo card and demo agency for this test only (counters never leak)."""
    monkeypatch.setenv("JPKI_DEMO_STATE", str(tmp_path / "card"))
    monkeypatch.setenv("JPKI_DEMO_AGENCY", str(tmp_path / "agency"))
    work = tmp_path / "work"
    work.mkdir()
    (work / "form.xml").write_bytes("<DATA id='DATA'><NAME>見本</NAME></DATA>".encode())
    (work / "scan.pdf").write_bytes(b"%PDF-1.4\n" + bytes(5000))
    monkeypatch.chdir(work)
    return work


def jpki(monkeypatch, capsys, *argv, stdin=""):
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_package_then_verify_round_trip_on_a_fresh_machine(demo, monkeypatch, capsys):
    code, out, err = jpki(
        monkeypatch,
        capsys,
        "--demo",
        "package",
        "--procedure",
        "DEMO-0001",
        "--form",
        "form.xml",
        "--attach",
        "scan.pdf",
        "-o",
        "out.p7m",
        "--password-stdin",
        stdin="abc123\n",
    )
    assert code == 0, err
    assert (demo.parent / "agency" / "agency.key").exists()
    code, out, _ = jpki(monkeypatch, capsys, "--demo", "--json", "verify", "out.p7m")
    v = json.loads(out)
    assert code == X.OK and v["ok"] and v["submission"]["procedure"] == "DEMO-0001"
    assert v["files"] == ["form.xml", "attachments/scan.pdf", "META-INF/submission.xml"]
    # without the agency key it cannot be judged: exit 10, not "valid"
    code, out, _ = jpki(monkeypatch, capsys, "verify", "out.p7m")
    assert code == X.UNCHECKED and "decrypt_key_required" in out


def test_package_with_explicit_agency_files(demo, monkeypatch, capsys):
    from jpki_desktop.agency.encryption_key import ensure_encryption_key

    agency = ensure_encryption_key(demo / "other-agency")
    code, _, err = jpki(
        monkeypatch,
        capsys,
        "--demo",
        "package",
        "--procedure",
        "P1",
        "--form",
        "form.xml",
        "--to",
        str(agency.cert_path),
        "-o",
        "o.p7m",
        "--password-stdin",
        stdin="ABC123\n",
    )
    assert code == 0, err
    code, out, _ = jpki(
        monkeypatch,
        capsys,
        "--demo",
        "verify",
        "o.p7m",
        "--decrypt-key",
        str(agency.key_path),
        "--decrypt-cert",
        str(agency.cert_path),
    )
    assert code == 0 and "VALID (package)" in out


def test_wrong_password_reports_tries_from_card_and_writes_nothing(demo, monkeypatch, capsys):
    code, _, err = jpki(
        monkeypatch,
        capsys,
        "--demo",
        "package",
        "--procedure",
        "P1",
        "--form",
        "form.xml",
        "-o",
        "out.p7m",
        "--password-stdin",
        stdin="WRONG1\n",
    )
    assert code == X.PIN_INCORRECT
    assert "4 tries left (read from the card)" in err
    assert not (demo / "out.p7m").exists()
    assert sorted(p.name for p in demo.iterdir()) == ["form.xml", "scan.pdf"]


def test_bad_password_format_never_reaches_the_card(demo, monkeypatch, capsys):
    code, _, err = jpki(
        monkeypatch, capsys, "--demo", "sign", "form.xml", "--password-stdin", stdin="ab\n"
    )
    assert code == X.PIN_REFUSED and "was not sent" in err
    code, out, _ = jpki(monkeypatch, capsys, "--demo", "--json", "pin", "status")
    assert json.loads(out)["sign"]["remaining"] == 5


def test_sign_and_verify_p7s_and_tampered_content(demo, monkeypatch, capsys):
    code, _, err = jpki(
        monkeypatch, capsys, "--demo", "sign", "scan.pdf", "--password-stdin", stdin="abc123\n"
    )
    assert code == 0 and "name, address, birth date and sex" in err
    code, out, _ = jpki(
        monkeypatch, capsys, "--demo", "verify", "scan.pdf.p7s"
    )  # content found next to it
    assert code == 0 and "VALID (p7s)" in out
    (demo / "scan.pdf").write_bytes(b"%PDF-1.4\nchanged")
    code, out, _ = jpki(monkeypatch, capsys, "--demo", "verify", "scan.pdf.p7s")
    assert code == X.INVALID and "content_mismatch" in out


def test_sign_xml_and_verify_with_trust_file(demo, monkeypatch, capsys):
    code, _, _ = jpki(
        monkeypatch,
        capsys,
        "--demo",
        "sign-xml",
        "form.xml",
        "-o",
        "signed.xml",
        "--password-stdin",
        stdin="abc123\n",
    )
    assert code == 0
    code, out, _ = jpki(
        monkeypatch, capsys, "verify", "signed.xml"
    )  # bundled J-LIS roots: not trusted
    assert code == X.INVALID and "untrusted" in out
    code, pem, _ = jpki(monkeypatch, capsys, "--demo", "cert", "sign-ca", "--pem")
    (demo / "ca.pem").write_text(pem)
    code, out, _ = jpki(
        monkeypatch, capsys, "verify", "signed.xml", "--trust", "ca.pem", "--revocation", "none"
    )
    assert code == 0, out


def test_package_refuses_bad_inputs_before_the_card(demo, monkeypatch, capsys):
    (demo / "bad.xml").write_bytes(b"<a>")
    code, _, err = jpki(
        monkeypatch,
        capsys,
        "--demo",
        "package",
        "--procedure",
        "P1",
        "--form",
        "bad.xml",
        "-o",
        "o.p7m",
        "--password-stdin",
        stdin="WRONG1\n",
    )
    assert code == X.USAGE and "not well-formed" in err
    code, _, err = jpki(
        monkeypatch, capsys, "package", "--procedure", "P1", "--form", "form.xml", "-o", "o.p7m"
    )
    assert code == X.USAGE and "--to" in err
    code, out, _ = jpki(monkeypatch, capsys, "--demo", "--json", "pin", "status")
    assert json.loads(out)["sign"]["remaining"] == 5  # nothing reached the card

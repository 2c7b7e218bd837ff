"""`jpki sign-pdf` and `jpki verify FILE.pdf` on a private demo card."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from jpki_desktop.cli import exitcodes as X
from jpki_desktop.cli.main import main

sys.path.insert(0, str(Path(__file__).parents[2]))
from support.pdf_samples import write_pdf  # noqa: E402


@pytest.fixture
def demo(tmp_path, monkeypatch):
    monkeypatch.setenv("JPKI_DEMO_STATE", str(tmp_path / "card"))
    work = tmp_path / "work"
    work.mkdir()
    write_pdf(work / "in.pdf", pages=2)
    monkeypatch.chdir(work)
    return work


def jpki(monkeypatch, capsys, *argv, stdin=""):
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_sign_pdf_then_co_sign_then_verify(demo, monkeypatch, capsys):
    code, out, err = jpki(
        monkeypatch, capsys, "--demo", "sign-pdf", "in.pdf", "-o", "one.pdf", "--password-stdin",
        stdin="abc123\n",
    )  # fmt: skip
    assert code == 0, err
    assert err.index("生年月日") < err.index("date of birth")  # Japanese first, then English
    code, out, err = jpki(
        monkeypatch, capsys, "--demo", "--json", "sign-pdf", "one.pdf", "-o", "two.pdf",
        "--visible", "1:300,40,550,110", "--reason", "連名", "--password-stdin", stdin="abc123\n",
    )  # fmt: skip
    assert code == 0, err
    data = json.loads(out)
    assert data["co_signature"] and data["field"] == "Signature2"
    assert data["signing_time"].endswith("+09:00")
    code, out, _ = jpki(monkeypatch, capsys, "--demo", "--json", "verify", "two.pdf")
    v = json.loads(out)
    assert code == X.OK and v["ok"] and v["kind"] == "pdf"
    first, second = v["pdf_signatures"]
    assert (first["revisions_after"], second["whole_document"]) == (1, True)
    code, out, _ = jpki(monkeypatch, capsys, "--demo", "verify", "two.pdf")
    assert "signature 2 of 2 (Signature2): valid" in out and "JST (+09:00)" in out
    assert "1 later revision(s) followed it" in out
    # without the demo CA: not trusted, exit 9, the reason named
    code, out, _ = jpki(monkeypatch, capsys, "verify", "two.pdf")
    assert code == X.INVALID and "[untrusted]" in out


def test_sign_pdf_refusals_and_usage(demo, monkeypatch, capsys):
    (demo / "bad.pdf").write_bytes(b"%PDF-1.7\ntruncated")
    code, _, err = jpki(monkeypatch, capsys, "--demo", "sign-pdf", "bad.pdf", "-o", "x.pdf")
    assert code == X.PIN_REFUSED and "damaged" in err and "card was not used" in err
    code, _, err = jpki(
        monkeypatch, capsys, "--demo", "sign-pdf", "in.pdf", "-o", "x.pdf", "--profile", "pades-b-t"
    )
    assert code == X.USAGE and "--tsa" in err
    code, _, err = jpki(
        monkeypatch, capsys, "--demo", "sign-pdf", "in.pdf", "-o", "x.pdf", "--tsa",
        "http://127.0.0.1:9/tsa",
    )  # fmt: skip
    assert code == X.USAGE and "no timestamp" in err and not (demo / "x.pdf").exists()
    code, _, err = jpki(
        monkeypatch, capsys, "--demo", "sign-pdf", "in.pdf", "-o", "x.pdf", "--visible", "1:2,3"
    )
    assert code == X.USAGE and "PAGE:X1,Y1,X2,Y2" in err
    code, _, err = jpki(
        monkeypatch, capsys, "--demo", "sign-pdf", "in.pdf", "-o", "x.pdf", "--password-stdin",
        stdin="wrong1\n",
    )  # fmt: skip
    assert code == X.PIN_INCORRECT and "4 tries left" in err
    assert not (demo / "x.pdf").exists()

"""One bad store file never breaks the whole list: a damaged entry is skipped, named and left
as it is (issue 15 item 13), through the store and through `jpki submit --history/--pending`."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest

from jpki_desktop.cli.main import main
from jpki_desktop.submission.errors import StoreEntryDamaged
from jpki_desktop.submission.receipt import Receipt
from jpki_desktop.submission.store import Entry, SubmissionStore

WHEN = dt.datetime(2025, 3, 1, 9, 0, tzinfo=dt.UTC)

# name -> (bytes written over the file, problem code; None: readable after all)
DAMAGE = {
    "empty": (b"", "empty"),
    "truncated": (None, "not-json"),  # the first half of the real file
    "bom": (None, None),  # BOM + the real file: intact JSON, listed as usual
    "wrong-type": (b"[1, 2, 3]", "not-an-object"),
    "garbage": (bytes(range(256)) * 4, "not-utf8"),
}


def _damage(path: Path, case: str) -> bytes:
    original = path.read_bytes()
    data, _ = DAMAGE[case]
    if case == "truncated":
        data = original[: len(original) // 2]
    elif case == "bom":
        data = b"\xef\xbb\xbf" + original
    assert data is not None
    path.write_bytes(data)
    return data


def _answered(store: SubmissionStore, tmp_path: Path, n: int) -> Entry:
    pkg = tmp_path / f"p{n}.p7m"
    pkg.write_bytes(f"package {n}".encode())
    entry = store.enqueue(pkg, procedure_id="demo.x", agency_id="demo.a", submission_id=f"s-{n}")
    receipt = Receipt(
        receipt_number=f"DEMO-20250301-00000{n}",
        received_at=WHEN + dt.timedelta(minutes=n),
        submission_id=f"s-{n}",
        procedure_id="demo.x",
        agency_id="demo.a",
        manifest_sha256="aa" * 32,
        package_sha256=hashlib.sha256(pkg.read_bytes()).hexdigest(),
        signed=b"signed answer as received",
    )
    return store.complete(entry, receipt)


def _queued(store: SubmissionStore, tmp_path: Path, n: int) -> Entry:
    pkg = tmp_path / f"q{n}.p7m"
    pkg.write_bytes(f"queued {n}".encode())
    return store.enqueue(pkg, procedure_id="demo.x", agency_id="demo.a", submission_id=f"q-{n}")


def jpki(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("case", sorted(DAMAGE))
@pytest.mark.parametrize("file", ["answer.json", "meta.json"])
def test_history_skips_and_names_a_damaged_entry(tmp_path, capsys, case, file):
    store = SubmissionStore(tmp_path / "s")
    good = [_answered(store, tmp_path, n) for n in (1, 3)]
    bad = _answered(store, tmp_path, 2)
    written = _damage(bad.directory / file, case)
    before = {p.name: p.read_bytes() for p in bad.directory.iterdir()}
    expected = DAMAGE[case][1]

    listing = store.scan_history()
    if expected is None:  # a byte order mark is not damage
        assert sorted(e.meta.entry_id for e in listing.entries) == ["s-1", "s-2", "s-3"]
        assert listing.damaged == []
    else:
        assert sorted(e.meta.entry_id for e in listing.entries) == ["s-1", "s-3"]
        [d] = listing.damaged
        assert (Path(d.directory), d.file, d.problem) == (bad.directory, file, expected)
        assert store.history() == listing.entries
    assert {e.answer().receipt_number for e in listing.entries} == {
        f"DEMO-20250301-00000{e.meta.entry_id[-1]}" for e in listing.entries
    }

    code, out, err = jpki(capsys, "--json", "submit", "--history", "--store", str(store.root))
    assert code == 0, err
    rows = json.loads(out)
    numbers = {r["receipt_number"] for r in rows}
    assert {"DEMO-20250301-000001", "DEMO-20250301-000003"} <= numbers
    if expected is None:
        assert "DEMO-20250301-000002" in numbers and "damaged" not in err
    else:
        assert "DEMO-20250301-000002" not in numbers
        assert f"damaged entry {bad.directory} ({file}: {expected})" in err
        assert "Traceback" not in err
    code, out, _ = jpki(capsys, "submit", "--history", "--store", str(store.root))
    assert code == 0 and out.count("accepted DEMO-") == (3 if expected is None else 2)
    # nothing was changed, moved or lost
    assert {p.name: p.read_bytes() for p in bad.directory.iterdir()} == before
    assert (bad.directory / file).read_bytes() == written
    assert all(e.directory.is_dir() for e in good)


@pytest.mark.parametrize("case", sorted(DAMAGE))
def test_pending_skips_and_names_a_damaged_entry(tmp_path, capsys, case):
    store = SubmissionStore(tmp_path / "s")
    first, bad, last = (_queued(store, tmp_path, n) for n in (1, 2, 3))
    written = _damage(bad.directory / "meta.json", case)
    expected = DAMAGE[case][1]

    listing = store.scan_outbox()
    ids = [e.meta.entry_id for e in listing.entries]
    if expected is None:
        assert ids == ["q-1", "q-2", "q-3"] and listing.damaged == []
    else:
        assert ids == ["q-1", "q-3"]
        assert [(d.file, d.problem) for d in listing.damaged] == [("meta.json", expected)]

    code, out, err = jpki(capsys, "--json", "submit", "--pending", "--store", str(store.root))
    assert code == 0, err
    assert [r["entry"] for r in json.loads(out)] == ids
    if expected is not None:
        assert f"damaged entry {bad.directory} (meta.json: {expected})" in err
    assert (bad.directory / "meta.json").read_bytes() == written


def test_meta_json_with_wrong_field_types_is_damaged(tmp_path):
    store = SubmissionStore(tmp_path / "s")
    bad = _queued(store, tmp_path, 1)
    meta = json.loads((bad.directory / "meta.json").read_text(encoding="utf-8"))
    for field, value in (("attempts", "3"), ("attempts", True), ("agency_id", None)):
        (bad.directory / "meta.json").write_text(json.dumps({**meta, field: value}), "utf-8")
        [d] = store.scan_outbox().damaged
        assert (d.problem, d.detail) == ("bad-field", field)
    del meta["package_sha256"]
    (bad.directory / "meta.json").write_text(json.dumps(meta), "utf-8")
    [d] = store.scan_outbox().damaged
    assert (d.problem, d.detail) == ("bad-field", "package_sha256")


def test_a_damaged_outbox_entry_is_not_overwritten_by_the_same_package(tmp_path):
    store = SubmissionStore(tmp_path / "s")
    pkg = tmp_path / "a.p7m"
    pkg.write_bytes(b"package")
    bad = store.enqueue(pkg, procedure_id="p", agency_id="a", submission_id="sub-1")
    (bad.directory / "meta.json").write_bytes(b"[1,2,3]")
    again = store.enqueue(pkg, procedure_id="p", agency_id="a", submission_id="sub-1")
    assert again.directory != bad.directory
    assert (bad.directory / "meta.json").read_bytes() == b"[1,2,3]"
    assert [e.directory for e in store.pending()] == [again.directory]
    assert again.package.read_bytes() == b"package"


def test_a_damaged_answer_json_in_the_outbox_stays_there_on_flush(tmp_path):
    from jpki_desktop.procedures import load_catalogue
    from jpki_desktop.submission.client import SubmissionClient

    store = SubmissionStore(tmp_path / "s")
    done = _answered(store, tmp_path, 1)
    # as after a crash between writing the answer and moving the entry
    moved = store.outbox_dir / done.directory.name
    store.outbox_dir.mkdir(parents=True, exist_ok=True)
    done.directory.rename(moved)
    (moved / "answer.json").write_bytes(b"")
    client = SubmissionClient(load_catalogue(), store, accounts=None)
    [result] = client.flush()
    assert isinstance(result.error, StoreEntryDamaged) and result.error.problem == "empty"
    assert moved.is_dir() and (moved / "answer.json").read_bytes() == b""
    assert store.history() == []

from __future__ import annotations

from jpki_desktop.submission.store import SubmissionStore


def test_enqueue_is_idempotent_and_copies(tmp_path):
    pkg = tmp_path / "a.p7m"
    pkg.write_bytes(b"package")
    store = SubmissionStore(tmp_path / "s")
    e1 = store.enqueue(pkg, procedure_id="p", agency_id="a", submission_id="sub-1")
    e2 = store.enqueue(pkg, procedure_id="p", agency_id="a", submission_id="sub-1")
    assert e1.directory == e2.directory and len(store.pending()) == 1
    assert e1.package.read_bytes() == b"package"
    assert (e1.package.stat().st_mode & 0o777) == 0o600
    pkg.write_bytes(b"other bytes, same id")
    e3 = store.enqueue(pkg, procedure_id="p", agency_id="a", submission_id="sub-1")
    assert e3.directory != e1.directory and len(store.pending()) == 2


def test_unsafe_submission_ids_do_not_become_paths(tmp_path):
    pkg = tmp_path / "a.p7m"
    pkg.write_bytes(b"package")
    store = SubmissionStore(tmp_path / "s")
    e = store.enqueue(pkg, procedure_id="p", agency_id="a", submission_id="../../etc/passwd")
    assert e.directory.parent == store.outbox_dir and e.directory.name.startswith("pkg-")
    assert e.meta.submission_id == "../../etc/passwd"


def test_failures_are_counted(tmp_path):
    pkg = tmp_path / "a.p7m"
    pkg.write_bytes(b"package")
    store = SubmissionStore(tmp_path / "s")
    e = store.enqueue(pkg, procedure_id="p", agency_id="a")
    store.record_failure(e, "timeout", 3)
    [again] = SubmissionStore(tmp_path / "s").pending()
    assert again.meta.attempts == 3 and again.meta.last_error == "timeout"


def test_default_location_is_the_user_data_dir(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert SubmissionStore().root == tmp_path / "xdg" / "jpki-desktop" / "submissions"


def test_flush_lock_is_exclusive(tmp_path):
    store = SubmissionStore(tmp_path / "s")
    with store.flush_lock() as first:
        with SubmissionStore(tmp_path / "s").flush_lock() as second:
            assert first is True and second is False
    with store.flush_lock() as again:
        assert again is True


def test_flush_skips_while_another_process_flushes(tmp_path):
    from jpki_desktop.agency.resolver import reference_resolver
    from jpki_desktop.procedures import load_catalogue
    from jpki_desktop.submission.client import SubmissionClient

    pkg = tmp_path / "a.p7m"
    pkg.write_bytes(b"package")
    store = SubmissionStore(tmp_path / "s")
    store.enqueue(pkg, procedure_id="demo.city.change-of-address", agency_id="demo.city-office")
    client = SubmissionClient(
        load_catalogue(resolver=reference_resolver(tmp_path / "agency")), store, accounts=None
    )
    with SubmissionStore(tmp_path / "s").flush_lock():
        assert client.flush() == []
    assert len(store.pending()) == 1

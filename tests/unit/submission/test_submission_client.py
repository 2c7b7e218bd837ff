"""The client against the real HTTPS endpoint, with a stand-in package opener (the signing
engine's verifier is exercised end to end in tests/integration/test_submission_e2e.py)."""

from __future__ import annotations

import json
import shutil

import pytest

from jpki_desktop.agency.accounts import DEMO_PASSWORD, DEMO_USER_ID, AccountBook
from jpki_desktop.agency.opener import Opened
from jpki_desktop.agency.server import start_agency
from jpki_desktop.net.http import HttpClient
from jpki_desktop.net.http import HttpSettings as TransportSettings
from jpki_desktop.submission.account import ServiceAccount
from jpki_desktop.submission.client import ClientSettings, SubmissionClient
from jpki_desktop.submission.errors import AccountRequired, AnswerInvalid, Undelivered
from jpki_desktop.submission.receipt import Receipt, Rejection
from jpki_desktop.submission.store import SubmissionStore
from support.agency_fixtures import (  # noqa: F401 (fixtures)
    FakeOpener,
    agency_dir,
    agency_keys_template,
    copy_agency,
    demo_catalogue,
    good_opened,
    with_,
)

FAST = ClientSettings(transport=TransportSettings(timeout=5.0), attempts=3, backoff=(0.0,))


@pytest.fixture
def package(tmp_path):
    p = tmp_path / "submission.p7m"
    p.write_bytes(b"\x30\x80 stand-in package bytes " * 100)
    return p


@pytest.fixture
def opener(demo_catalogue, pki):
    return FakeOpener(good_opened(demo_catalogue, pki.sign.cert))


@pytest.fixture
def agency(agency_dir, demo_catalogue, opener):
    running = start_agency(agency_dir, catalogue=demo_catalogue, opener=opener)
    yield running
    running.stop()


def client(catalogue, tmp_path, **kw) -> SubmissionClient:
    delays = []
    c = SubmissionClient(
        catalogue,
        SubmissionStore(tmp_path / "store"),
        FAST,
        accounts=None,
        sleep=delays.append,
        **kw,
    )
    c.delays = delays  # type: ignore[attr-defined]
    return c


def test_receipt_is_verified_and_stored(agency, demo_catalogue, package, tmp_path):
    c = client(demo_catalogue, tmp_path)
    procedure = demo_catalogue.get("demo.city.change-of-address")
    seen = []
    answer = c.submit(
        package,
        procedure,
        progress=lambda sent, total: seen.append((sent, total)),
        submission_id="sub-0001",
        manifest_sha256="ab" * 32,
    )
    assert isinstance(answer, Receipt)
    assert answer.submission_id == "sub-0001"
    assert answer.procedure_id == procedure.id
    assert answer.receipt_number.startswith("DEMO-")
    assert seen[-1] == (package.stat().st_size, package.stat().st_size)
    assert c.store.pending() == []
    [done] = c.store.history()
    assert done.meta.outcome == "accepted"
    stored = done.answer(demo_catalogue.resolve(procedure.agency).receipt_cert)  # from disk
    assert stored == answer
    assert done.package.read_bytes() == package.read_bytes()
    # the agency kept what it accepted
    [record] = agency.service.records.list_accepted()
    assert record["receipt_number"] == answer.receipt_number


def test_duplicate_send_gets_the_same_receipt(agency, demo_catalogue, package, tmp_path, opener):
    procedure = demo_catalogue.get("demo.city.change-of-address")
    first = client(demo_catalogue, tmp_path / "a").submit(
        package, procedure, submission_id="sub-0001", manifest_sha256="ab" * 32
    )
    again = client(demo_catalogue, tmp_path / "b").submit(
        package, procedure, submission_id="sub-0001", manifest_sha256="ab" * 32
    )
    assert again.signed == first.signed
    assert opener.calls == 1  # the retry was recognised by its idempotency key
    # the same signed content encrypted again (new bytes): still the original receipt
    reencrypted = tmp_path / "again.p7m"
    reencrypted.write_bytes(package.read_bytes() + b"x")
    third = client(demo_catalogue, tmp_path / "c").submit(
        reencrypted, procedure, submission_id="sub-0001", manifest_sha256="ab" * 32
    )
    assert third.signed == first.signed and opener.calls == 2
    assert len(agency.service.records.list_accepted()) == 1


def test_same_submission_id_other_content_is_rejected(
    agency, demo_catalogue, package, tmp_path, opener
):
    procedure = demo_catalogue.get("demo.city.change-of-address")
    client(demo_catalogue, tmp_path / "a").submit(package, procedure, submission_id="sub-0001")
    opener.result = with_(opener.result, manifest_sha256="cd" * 32)
    other = tmp_path / "other.p7m"
    other.write_bytes(b"different")
    answer = client(demo_catalogue, tmp_path / "b").submit(
        other, procedure, submission_id="sub-0001"
    )
    assert isinstance(answer, Rejection) and answer.code == "submission-id-reused"


def test_applicant_mismatch_is_rejected_with_reason(
    agency, demo_catalogue, package, tmp_path, opener, pki
):
    opener.result = good_opened(
        demo_catalogue, pki.sign.cert, name="見本　太郎", birth_date="1985-07-01"
    )
    procedure = demo_catalogue.get("demo.city.change-of-address")
    c = client(demo_catalogue, tmp_path)
    answer = c.submit(package, procedure, submission_id="sub-0001")
    assert isinstance(answer, Rejection)
    assert answer.code == "applicant-mismatch"
    assert answer.details == ("name", "birth_date")
    assert "氏名・生年月日" in answer.message("ja")
    assert "(Name, Date of birth)" in answer.message("en")  # the form's labels
    assert "太郎" not in answer.message("ja")  # no personal data echoed back
    [done] = c.store.history()
    assert done.meta.outcome == "rejected"
    assert agency.service.records.list_accepted() == []


def test_applicant_matches_despite_spaces_and_width(
    agency, demo_catalogue, package, tmp_path, opener, pki
):
    opener.result = good_opened(
        demo_catalogue,
        pki.sign.cert,
        name="見本 花子",
        current_address="東京都千代田区見本町一丁目2番3号",
    )
    answer = client(demo_catalogue, tmp_path).submit(
        package, demo_catalogue.get("demo.city.change-of-address")
    )
    assert isinstance(answer, Receipt)


def test_verifier_findings_become_a_specific_rejection(
    agency, demo_catalogue, package, tmp_path, opener
):
    opener.result = Opened(findings=(("digest_mismatch", "form.xml"),), submission_id="sub-0001")
    answer = client(demo_catalogue, tmp_path).submit(
        package, demo_catalogue.get("demo.city.change-of-address")
    )
    assert isinstance(answer, Rejection)
    assert answer.code == "package-invalid"
    assert answer.details == ("digest_mismatch:form.xml",)
    opener.result = Opened(findings=(("revoked", ""),))
    other = tmp_path / "p2.p7m"
    other.write_bytes(b"other")
    answer = client(demo_catalogue, tmp_path / "2").submit(
        other, demo_catalogue.get("demo.city.change-of-address")
    )
    assert answer.code == "certificate-revoked"
    assert "失効" in answer.message("ja")


def test_invalid_form_is_rejected(agency, demo_catalogue, package, tmp_path, opener):
    bad = opener.result.form_xml.replace(b"<Members>1</Members>", b"<Members>99</Members>")
    opener.result = with_(opener.result, form_xml=bad)
    answer = client(demo_catalogue, tmp_path).submit(
        package, demo_catalogue.get("demo.city.change-of-address")
    )
    assert answer.code == "form-invalid" and answer.details == ("members:too-large",)


def test_package_for_another_procedure_is_rejected(
    agency, demo_catalogue, package, tmp_path, opener
):
    answer = client(demo_catalogue, tmp_path).submit(
        package, demo_catalogue.get("demo.general.application")
    )
    assert answer.code == "wrong-procedure"  # header says one procedure, the signed package another
    opener.result = with_(opener.result, recipient_cert_sha256="00" * 32)
    other = tmp_path / "p2.p7m"
    other.write_bytes(b"other")
    answer = client(demo_catalogue, tmp_path / "2").submit(
        other, demo_catalogue.get("demo.city.change-of-address")
    )
    assert answer.code == "wrong-procedure" and answer.details == ("recipient-certificate",)


def test_endpoint_down_then_delivered_after_restart(
    agency_dir, demo_catalogue, package, tmp_path, opener
):
    procedure = demo_catalogue.get("demo.city.change-of-address")
    (agency_dir / "url").write_text(
        "https://127.0.0.1:1", encoding="ascii"
    )  # nothing listens there
    first = client(demo_catalogue, tmp_path)
    with pytest.raises(Undelivered) as e:
        first.submit(package, procedure, submission_id="sub-0001")
    assert e.value.reason == "unreachable" and e.value.attempts == 3
    assert first.delays == [0.0, 0.0]
    [queued] = first.store.pending()
    assert queued.meta.attempts == 3 and queued.meta.last_error == "unreachable"
    package.unlink()  # the outbox has its own copy
    with start_agency(agency_dir, catalogue=demo_catalogue, opener=opener):
        restarted = client(demo_catalogue, tmp_path)  # a new client, as after an app restart
        [result] = restarted.flush()
        assert isinstance(result.answer, Receipt) and result.error is None
        assert restarted.store.pending() == [] and len(restarted.store.history()) == 1
        assert restarted.flush() == []


def test_wrong_tls_certificate_is_refused(
    agency_keys_template, demo_catalogue, package, tmp_path, opener
):
    # an endpoint with its own, different TLS certificate (e.g. an impostor on the port)
    from jpki_desktop.agency.keys import ensure_demo_agency

    other_dir = tmp_path / "impostor"
    ensure_demo_agency(other_dir)
    with start_agency(other_dir, catalogue=demo_catalogue, opener=opener) as impostor:
        c = client(demo_catalogue, tmp_path)
        with pytest.raises(Undelivered) as e:
            c.submit(
                package,
                demo_catalogue.get("demo.city.change-of-address"),
                endpoint=impostor.url + "/v1/submissions",
            )
        assert e.value.reason == "tls" and e.value.attempts == 1  # not retried
        assert opener.calls == 0
        assert len(c.store.pending()) == 1


def test_forged_receipt_is_not_accepted(
    agency, demo_catalogue, package, tmp_path, agency_keys_template
):
    # the agency signs with a key the procedure does not pin
    from jpki_desktop.agency.keys import ensure_demo_agency

    other = ensure_demo_agency(tmp_path / "other")
    agency.service.receipt_key = other.receipt_key
    agency.service.receipt_cert = other.receipt_cert
    c = client(demo_catalogue, tmp_path)
    with pytest.raises(AnswerInvalid) as e:
        c.submit(package, demo_catalogue.get("demo.city.change-of-address"))
    assert e.value.problem == "wrong-signer"
    assert len(c.store.pending()) == 1  # kept, to be tried again


def test_inconclusive_check_is_retried_with_the_agencys_delay(
    agency, demo_catalogue, package, tmp_path, opener
):
    opener.queue = [Opened(findings=(("revocation_unknown", ""),), inconclusive=True)]
    c = client(demo_catalogue, tmp_path)
    answer = c.submit(
        package, demo_catalogue.get("demo.city.change-of-address"), submission_id="sub-0001"
    )
    assert isinstance(answer, Receipt)
    assert c.delays == [30.0]  # Retry-After 60, capped by max_retry_after
    assert opener.calls == 2


def test_service_account_required_checked_and_kept_out_of_files(
    agency, demo_catalogue, package, tmp_path, opener, pki
):
    from support.agency_fixtures import TODAY  # noqa: F401

    tax = demo_catalogue.get("demo.etax.income-tax-return")
    c = client(demo_catalogue, tmp_path)
    with pytest.raises(AccountRequired):
        c.submit(package, tax)
    assert len(c.store.pending()) == 1  # queued all the same
    with pytest.raises(Undelivered) as e:
        c.submit(package, tax, ServiceAccount(DEMO_USER_ID, "wrong-password"))
    assert e.value.reason == "account" and e.value.status == 401
    assert opener.calls == 0  # refused before anything was opened
    # the right account reaches the agency (which then checks the package)
    opener.result = with_(opener.result, procedure_id=tax.id, recipient=tax.agency.id)
    answer = c.submit(package, tax, ServiceAccount(DEMO_USER_ID, DEMO_PASSWORD))
    assert (
        isinstance(answer, Rejection) and answer.code == "form-invalid"
    )  # an address form is no tax return
    for f in (tmp_path / "store").rglob("*"):
        if f.is_file():
            assert DEMO_PASSWORD.encode() not in f.read_bytes()


def test_flush_finishes_an_interrupted_completion(agency, demo_catalogue, package, tmp_path):
    c = client(demo_catalogue, tmp_path)
    procedure = demo_catalogue.get("demo.city.change-of-address")
    answer = c.submit(package, procedure, submission_id="sub-0001")
    [done] = c.store.history()
    # simulate a crash after the answer was written but before the move
    shutil.move(str(done.directory), str(c.store.outbox_dir / done.directory.name))
    [result] = client(demo_catalogue, tmp_path).flush()
    assert result.answer == answer or result.answer.receipt_number == answer.receipt_number
    assert c.store.pending() == []


def test_procedures_are_served(agency, demo_catalogue):
    pem = demo_catalogue.resolve(
        demo_catalogue.get("demo.city.change-of-address").agency
    ).tls_ca_pem
    answer = HttpClient(TransportSettings(ca_pem=pem)).get(agency.url + "/procedures")
    listed = json.loads(answer.raise_for_status().body)
    assert {p["id"] for p in listed} == set(demo_catalogue.ids())
    assert all(p["receipt_cert"].startswith("-----BEGIN CERTIFICATE-----") for p in listed)


def test_server_listens_on_loopback_only(agency):
    assert agency._server.server_address[0] == "127.0.0.1"
    assert agency.url.startswith("https://127.0.0.1:")


def test_account_book_hashes(tmp_path):
    book = AccountBook(tmp_path / "a.json")
    book.add("0000000000000001", "secret-1")
    assert book.check("0000000000000001", "secret-1")
    assert not book.check("0000000000000001", "secret-2")
    assert not book.check("0000000000000002", "secret-1")
    assert b"secret-1" not in (tmp_path / "a.json").read_bytes()


def test_same_package_again_returns_the_kept_receipt_without_sending(
    agency, demo_catalogue, package, tmp_path, opener
):
    c = client(demo_catalogue, tmp_path)
    procedure = demo_catalogue.get("demo.city.change-of-address")
    first = c.submit(package, procedure)  # no submission id known here
    again = c.submit(package, procedure)
    assert again == first and opener.calls == 1
    [entry] = c.store.history()
    assert entry.meta.submission_id == "sub-0001"  # learnt from the receipt
    assert c.store.find_answered("sub-0001") == entry


@pytest.mark.parametrize("second", ["another endpoint", "the procedure's endpoint"])
def test_a_one_off_endpoint_does_not_stick_to_the_queued_package(
    agency, demo_catalogue, package, tmp_path, opener, second
):
    procedure = demo_catalogue.get("demo.city.change-of-address")
    c = client(demo_catalogue, tmp_path)
    dead = "https://127.0.0.1:1/v1/submissions"  # nothing listens there
    with pytest.raises(Undelivered) as e:
        c.submit(package, procedure, submission_id="sub-0001", endpoint=dead)
    assert e.value.reason == "unreachable"
    [queued] = c.store.pending()
    assert queued.meta.endpoint_override == dead
    endpoint = agency.url + "/v1/submissions" if second == "another endpoint" else ""
    answer = c.submit(package, procedure, submission_id="sub-0001", endpoint=endpoint)
    assert isinstance(answer, Receipt) and opener.calls == 1
    [done] = c.store.history()
    assert done.directory.name == queued.directory.name  # the same entry, not a second copy
    assert done.meta.endpoint_override == endpoint
    assert c.store.pending() == []

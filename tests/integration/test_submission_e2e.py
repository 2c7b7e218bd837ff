"""Home-use flow steps 2-7 end to end on the virtual card: choose a procedure, fill the form,
sign and package with the signing engine, submit over HTTPS to the reference agency, and get
a verified receipt stored in the history; plus the ways it must fail."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest

from jpki_desktop.agency.server import start_agency
from jpki_desktop.card.jpki import JpkiSession
from jpki_desktop.card.pins import PinKind, prepare_pin
from jpki_desktop.procedures import render_form
from jpki_desktop.signing.packaging.envelope import EnvelopeWriter, decrypt_to
from jpki_desktop.signing.packaging.package import build_package
from jpki_desktop.signing.signers.card import CardSigner
from jpki_desktop.signing.signers.raw import SoftwareSigner
from jpki_desktop.submission import (
    ClientSettings,
    Receipt,
    Rejection,
    SubmissionClient,
    SubmissionStore,
    TransportSettings,
)
from jpki_desktop.submission.client import agency_for_package
from jpki_desktop.submission.errors import Undelivered
from support.agency_fixtures import (  # noqa: F401
    agency_dir,
    agency_keys_template,
    change_of_address_values,
    demo_catalogue,
)

FAST = ClientSettings(transport=TransportSettings(timeout=10), attempts=2, backoff=(0.0,))
PROCEDURE = "demo.city.change-of-address"


@pytest.fixture
def procedure(demo_catalogue):
    return demo_catalogue.get(PROCEDURE)


@pytest.fixture
def soft_signer(pki):
    return SoftwareSigner(pki.sign.key, pki.sign.cert, [pki.sign_ca.cert])


@pytest.fixture
def agency(agency_dir, demo_catalogue, pki):
    with start_agency(
        agency_dir, catalogue=demo_catalogue, trust_roots=[pki.sign_ca.cert]
    ) as running:
        yield running


def make_package(catalogue, procedure, signer, out: Path, attachments=(), **values):
    form = render_form(procedure, values or change_of_address_values(), attachments)
    return build_package(
        form,
        list(attachments),
        procedure_id=procedure.id,
        recipient_cert=catalogue.resolve(procedure.agency).encryption_cert,
        signer=signer,
        output=out,
        recipient_id=procedure.agency.id,
    )


def new_client(catalogue, tmp_path) -> SubmissionClient:
    return SubmissionClient(
        catalogue, SubmissionStore(tmp_path / "store"), FAST, accounts=None, sleep=lambda s: None
    )


def send(client, procedure, info):
    return client.submit(
        info.output,
        procedure,
        submission_id=info.submission_id,
        manifest_sha256=info.manifest_sha256_hex,
    )


def test_fill_sign_on_the_card_package_submit_receipt(
    agency, demo_catalogue, procedure, channel, tmp_path, card
):
    # Step 4/5: one VERIFY of the signing password, one COMPUTE DIGITAL SIGNATURE
    with prepare_pin(PinKind.SIGN, "ABC123") as pin:
        signer = CardSigner.unlock(JpkiSession(channel), pin)
    info = make_package(demo_catalogue, procedure, signer, tmp_path / "move.p7m")
    assert signer.signatures == 1
    # Step 6/7
    client = new_client(demo_catalogue, tmp_path)
    answer = send(client, procedure, info)
    assert isinstance(answer, Receipt), answer
    assert answer.submission_id == info.submission_id
    assert answer.manifest_sha256 == info.manifest_sha256_hex
    [done] = client.store.history()
    assert done.meta.outcome == "accepted"
    assert (
        done.answer(demo_catalogue.resolve(procedure.agency).receipt_cert).receipt_number
        == answer.receipt_number
    )
    # the agency kept the package and the form it accepted
    [record] = agency.service.records.list_accepted()
    assert record["submission_id"] == info.submission_id
    kept = next((agency.directory / "accepted").iterdir())
    assert "<Name>見本　花子</Name>" in (kept / "form.xml").read_text(encoding="utf-8")


def test_general_application_with_attachments(agency, demo_catalogue, soft_signer, tmp_path):
    procedure = demo_catalogue.get("demo.general.application")
    pdf = tmp_path / "計画書.pdf"
    pdf.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 4000)
    values = {
        "name": "見本　花子",
        "birth_date": "1985-06-30",
        "address": "東京都千代田区見本町一丁目２番３号",
        "email": "hanako@example.jp",
        "category": "permit",
        "subject": "道路使用許可",
        "body": "申請します。",
    }
    info = make_package(
        demo_catalogue, procedure, soft_signer, tmp_path / "app.p7m", [pdf], **values
    )
    seen = []
    answer = new_client(demo_catalogue, tmp_path).submit(
        info.output,
        procedure,
        progress=lambda s, t: seen.append(s),
        submission_id=info.submission_id,
        manifest_sha256=info.manifest_sha256_hex,
    )
    assert isinstance(answer, Receipt), answer
    assert seen[-1] == info.output.stat().st_size and len(seen) > 10  # streamed in chunks


def test_duplicate_send_gets_the_same_receipt(
    agency, demo_catalogue, procedure, soft_signer, tmp_path
):
    info = make_package(demo_catalogue, procedure, soft_signer, tmp_path / "p.p7m")
    first = send(new_client(demo_catalogue, tmp_path / "a"), procedure, info)
    second = send(new_client(demo_catalogue, tmp_path / "b"), procedure, info)
    assert isinstance(first, Receipt) and second.signed == first.signed
    assert len(agency.service.records.list_accepted()) == 1


def test_endpoint_down_then_delivered_after_restart(
    agency_dir, demo_catalogue, procedure, soft_signer, tmp_path, pki
):
    info = make_package(demo_catalogue, procedure, soft_signer, tmp_path / "p.p7m")
    (agency_dir / "url").write_text("https://127.0.0.1:1", encoding="ascii")
    with pytest.raises(Undelivered) as e:
        send(new_client(demo_catalogue, tmp_path), procedure, info)
    assert e.value.reason == "unreachable"
    info.output.unlink()  # only the outbox copy is left
    with start_agency(agency_dir, catalogue=demo_catalogue, trust_roots=[pki.sign_ca.cert]):
        restarted = new_client(demo_catalogue, tmp_path)
        [result] = restarted.flush()
        assert (
            isinstance(result.answer, Receipt) and result.answer.submission_id == info.submission_id
        )
        assert restarted.store.pending() == []


def _reseal(p7m: Path, keys, out: Path, edit) -> None:
    """The attacker of signing-formats.md P6: anyone can encrypt to the agency."""
    plain = io.BytesIO()
    with open(p7m, "rb") as f:
        decrypt_to(f, plain, keys.encryption_key, keys.encryption_cert)
    src = zipfile.ZipFile(plain)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as dst:
        for info in src.infolist():
            data = edit(info.filename, src.read(info.filename))
            dst.writestr(info, data)
    with open(out, "wb") as f:
        w = EnvelopeWriter(f, keys.encryption_cert)
        w.write(buf.getvalue())
        w.close()


def test_tampered_package_rejection_reaches_the_user(
    agency, demo_catalogue, procedure, soft_signer, tmp_path
):
    info = make_package(demo_catalogue, procedure, soft_signer, tmp_path / "p.p7m")
    # 1. bytes changed in transit or on disk: the envelope does not open (AES-GCM tag)
    damaged = tmp_path / "damaged.p7m"
    data = bytearray(info.output.read_bytes())
    data[len(data) // 2] ^= 0x01
    damaged.write_bytes(bytes(data))
    answer = new_client(demo_catalogue, tmp_path / "a").submit(damaged, procedure)
    assert isinstance(answer, Rejection) and answer.code == "decryption-failed"
    # 2. re-sealed with an edited form: the signed manifest catches it
    forged = tmp_path / "forged.p7m"
    _reseal(
        info.output,
        agency.keys,
        forged,
        lambda name, d: d.replace("新町".encode(), "旧町".encode()) if name == "form.xml" else d,
    )
    answer = new_client(demo_catalogue, tmp_path / "b").submit(forged, procedure)
    assert isinstance(answer, Rejection) and answer.code == "package-invalid"
    assert "digest_mismatch:form.xml" in answer.details
    assert "does not match its signature" in answer.message("en")
    assert agency.service.records.list_accepted() == []


def test_applicant_not_the_certificate_holder(
    agency, demo_catalogue, procedure, soft_signer, tmp_path
):
    values = change_of_address_values(name="見本　太郎")
    info = make_package(demo_catalogue, procedure, soft_signer, tmp_path / "p.p7m", **values)
    answer = send(new_client(demo_catalogue, tmp_path), procedure, info)
    assert isinstance(answer, Rejection)
    assert answer.code == "applicant-mismatch" and answer.details == ("name",)
    assert "氏名" in answer.message("ja")


def test_signer_outside_the_trust_roots(
    agency_dir, demo_catalogue, procedure, soft_signer, tmp_path
):
    from jpki_desktop.card.virtual.pki import issue_ca

    with start_agency(agency_dir, catalogue=demo_catalogue, trust_roots=[issue_ca().cert]):
        info = make_package(demo_catalogue, procedure, soft_signer, tmp_path / "p.p7m")
        answer = send(new_client(demo_catalogue, tmp_path), procedure, info)
    assert isinstance(answer, Rejection) and answer.code == "signer-untrusted"


def test_wrong_tls_certificate_is_refused(
    agency_keys_template, demo_catalogue, procedure, soft_signer, tmp_path, pki
):
    from jpki_desktop.agency.keys import ensure_demo_agency

    other = tmp_path / "impostor"
    ensure_demo_agency(other)
    with start_agency(other, trust_roots=[pki.sign_ca.cert]) as impostor:
        info = make_package(demo_catalogue, procedure, soft_signer, tmp_path / "p.p7m")
        client = new_client(demo_catalogue, tmp_path)
        with pytest.raises(Undelivered) as e:
            client.submit(
                info.output,
                procedure,
                submission_id=info.submission_id,
                endpoint=impostor.url + "/v1/submissions",
            )
        assert e.value.reason == "tls"
        assert impostor.service.records.list_accepted() == [] and len(client.store.pending()) == 1


def test_agency_is_found_from_the_package(agency, demo_catalogue, procedure, soft_signer, tmp_path):
    info = make_package(demo_catalogue, procedure, soft_signer, tmp_path / "p.p7m")
    found, candidates = agency_for_package(demo_catalogue, info.output)
    assert found == procedure.agency
    assert (
        demo_catalogue.resolve(found).receipt_cert
        == demo_catalogue.resolve(procedure.agency).receipt_cert
    )
    assert {p.id for p in candidates} == set(
        demo_catalogue.ids()
    )  # the demo agency serves all three
    answer = new_client(demo_catalogue, tmp_path).submit(info.output, None, agency=found)
    assert isinstance(answer, Receipt) and answer.procedure_id == PROCEDURE


def test_move_date_is_checked_again_by_the_agency(
    agency, demo_catalogue, procedure, soft_signer, tmp_path, monkeypatch
):
    # signed yesterday, 14 days after the move: by the time it arrives it is too late
    old = (dt.date.today() - dt.timedelta(days=15)).isoformat()
    import jpki_desktop.procedures.validation as V

    monkeypatch.setattr(V, "today_jst", lambda: dt.date.today() - dt.timedelta(days=2))
    info = make_package(
        demo_catalogue,
        procedure,
        soft_signer,
        tmp_path / "p.p7m",
        **change_of_address_values(move_date=old),
    )
    monkeypatch.undo()
    answer = send(new_client(demo_catalogue, tmp_path), procedure, info)
    assert isinstance(answer, Rejection) and answer.code == "form-invalid"
    assert answer.details == ("move_date:date-too-early",)


@pytest.mark.pcsc
def test_signed_through_pcscd_and_vpcd(
    pcscd, pcsc_card, agency, demo_catalogue, procedure, tmp_path
):
    from jpki_desktop.card.connect import open_reader

    with open_reader(pcscd.readers[0]) as oc:
        with oc.channel.transaction():
            with prepare_pin(PinKind.SIGN, "ABC123") as pin:
                signer = CardSigner.unlock(JpkiSession(oc.channel), pin)
            info = make_package(demo_catalogue, procedure, signer, tmp_path / "p.p7m")
    answer = send(new_client(demo_catalogue, tmp_path), procedure, info)
    assert isinstance(answer, Receipt), answer


def test_agency_failure_is_a_500_and_the_package_stays_queued(
    agency, demo_catalogue, procedure, soft_signer, tmp_path
):
    info = make_package(demo_catalogue, procedure, soft_signer, tmp_path / "p.p7m")

    def broken(path):
        raise RuntimeError("disk full")

    agency.service.opener = broken
    client = new_client(demo_catalogue, tmp_path)
    with pytest.raises(Undelivered) as e:
        send(client, procedure, info)
    assert e.value.reason == "server-error" and e.value.status == 500 and e.value.attempts == 2
    assert len(client.store.pending()) == 1

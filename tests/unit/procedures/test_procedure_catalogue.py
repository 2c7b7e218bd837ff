from __future__ import annotations

import json
from pathlib import Path

import pytest

from jpki_desktop.procedures import (
    ApplicantAttribute,
    FieldType,
    ProcedureFileError,
    UnknownProcedure,
    load_catalogue,
)
from jpki_desktop.procedures.catalogue import builtin_dir
from jpki_desktop.procedures.loader import load_procedure_file, parse_procedure
from jpki_desktop.procedures.resolve import MaterialResolver

DEMO_IDS = [
    "demo.city.change-of-address",
    "demo.etax.income-tax-return",
    "demo.general.application",
]


def test_builtin_catalogue_has_the_three_demo_procedures():
    cat = load_catalogue()
    assert cat.ids() == DEMO_IDS
    for p in cat:
        assert p.demo
        assert p.name.ja and p.name.en
        assert p.signature.package == "asic-e-cades-bes"
        assert p.agency.is_demo
        attrs = set(p.applicant_fields())
        assert attrs == {
            ApplicantAttribute.NAME,
            ApplicantAttribute.ADDRESS,
            ApplicantAttribute.BIRTH_DATE,
        }
        for f in p.fields:
            assert f.label.ja and f.label.en, f.id


def test_builtin_data_ships_inside_the_package():
    d = builtin_dir()
    assert "jpki_desktop" in d.parts and (d / "demo-income-tax-return.json").is_file()


def test_etax_style_namespace_is_clearly_demo():
    p = load_catalogue().get("demo.etax.income-tax-return")
    assert p.namespace == "http://xml.e-tax.demo.invalid/XSD/shotoku"
    assert p.agency.account.required
    assert p.field("salary_income").type is FieldType.MONEY


def test_only_the_general_application_takes_attachments():
    cat = load_catalogue()
    assert cat.get("demo.general.application").attachments.allowed
    assert cat.get("demo.general.application").attachments.min_count == 1
    assert not cat.get("demo.etax.income-tax-return").attachments.allowed


def test_unknown_procedure():
    with pytest.raises(UnknownProcedure) as e:
        load_catalogue().get("nope")
    assert e.value.procedure_id == "nope"


def _demo_json() -> dict:
    return json.loads((builtin_dir() / "demo-change-of-address.json").read_text(encoding="utf-8"))


def _write(tmp_path: Path, data: dict) -> Path:
    template = (builtin_dir() / "demo-change-of-address.xml").read_text(encoding="utf-8")
    (tmp_path / "demo-change-of-address.xml").write_text(template, encoding="utf-8")
    path = tmp_path / "p.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_extra_folder_overrides_builtin(tmp_path):
    data = _demo_json()
    data["version"] = "9999.1"
    _write(tmp_path, data)
    cat = load_catalogue([tmp_path])
    assert cat.get("demo.city.change-of-address").version == "9999.1"
    assert len(cat) == 3


@pytest.mark.parametrize(
    "mutate, problem",
    [
        (lambda d: d.update(colour="red"), "unknown-key"),
        (lambda d: d["form"]["fields"][0].update(lenght=3), "unknown-key"),
        (lambda d: d.pop("agency"), "missing"),
        (lambda d: d.update(format=2), "unsupported-format"),
        (lambda d: d["form"]["fields"][0].update(type="colour"), "unknown-type"),
        (lambda d: d["form"]["fields"][0].update(pattern="(["), "bad-pattern"),
        (lambda d: d["form"]["fields"][0].update(label={"ja": "氏名"}), "needs-ja-and-en"),
        (lambda d: d["form"]["fields"].append(dict(d["form"]["fields"][0])), "duplicate-field-id"),
        (lambda d: d["form"]["fields"].pop(), "bad-template"),  # template refers to a missing field
        (lambda d: d["form"].update(namespace="urn:other"), "bad-template"),
        (lambda d: d["agency"].update(endpoint="http://example.org/"), "endpoint-not-https"),
        (lambda d: d["form"].update(template_file="../x.xml"), "bad-template-file"),
        (
            lambda d: d["form"]["fields"][0].update(applicant="shoe-size"),
            "unknown-applicant-attribute",
        ),
        (lambda d: d.update(signature={"package": "pades"}), "unsupported-signature-profile"),
        (lambda d: d.update(signature={"digest": "sha1"}), "unsupported-signature-profile"),
    ],
)
def test_malformed_procedure_files_are_refused_with_a_code(tmp_path, mutate, problem):
    data = _demo_json()
    mutate(data)
    with pytest.raises(ProcedureFileError) as e:
        load_procedure_file(_write(tmp_path, data))
    assert e.value.problem == problem


def test_unreadable_file(tmp_path):
    p = tmp_path / "broken.json"
    p.write_text("{", encoding="utf-8")
    with pytest.raises(ProcedureFileError) as e:
        load_procedure_file(p)
    assert e.value.problem == "unreadable"


def test_inline_template_and_inline_pem(tmp_path):
    from cryptography.hazmat.primitives import serialization

    from jpki_desktop.card.virtual.pki import issue_ca

    pem = issue_ca().cert.public_bytes(serialization.Encoding.PEM).decode()
    data = _demo_json()
    data["form"]["template"] = (builtin_dir() / "demo-change-of-address.xml").read_text(
        encoding="utf-8"
    )
    del data["form"]["template_file"]
    data["agency"].update(
        endpoint="https://agency.example/v1", encryption_cert=pem, receipt_cert="receipt.pem"
    )
    del data["agency"]["tls_ca"]
    (tmp_path / "receipt.pem").write_text(pem)
    p = parse_procedure(data, tmp_path / "x.json")
    assert not p.agency.is_demo
    agency = MaterialResolver()(p.agency)
    assert agency.endpoint_url == "https://agency.example/v1"
    assert agency.encryption_cert.subject == agency.receipt_cert.subject
    assert agency.tls_ca_pem is None

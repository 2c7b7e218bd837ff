from __future__ import annotations

import datetime as dt

import pytest
from lxml import etree

from jpki_desktop.procedures import (
    FormInvalid,
    check_form,
    load_catalogue,
    prefill_from_card,
    render_form,
)
from jpki_desktop.procedures.template import FormTemplate
from support.agency_fixtures import etax_values

TODAY = dt.date(2025, 3, 1)
ETAX_NS = "http://xml.e-tax.demo.invalid/XSD/shotoku"


@pytest.fixture(scope="module")
def cat():
    return load_catalogue()


def codes(issues):
    return {(i.field, i.code) for i in issues}


def test_ime_input_is_normalised(cat):
    p = cat.get("demo.etax.income-tax-return")
    values, issues = check_form(
        p,
        etax_values(
            tax_year="２０２４",
            birth_date="1985/6/30",
            postal_code="１００ー０００１",
            salary_income="5,000,000円",
            phone="０３－１２３４－５６７８",
            declaration="はい",
        ),
        today=TODAY,
    )
    assert issues == []
    assert values["tax_year"] == "2024"
    assert values["birth_date"] == "1985-06-30"
    assert values["postal_code"] == "100-0001"
    assert values["salary_income"] == "5000000"
    assert values["phone"] == "03-1234-5678"
    assert values["declaration"] == "true"
    assert values["name"] == "見本　花子"  # names keep their full-width space


def test_every_problem_is_reported_per_field(cat):
    p = cat.get("demo.etax.income-tax-return")
    _, issues = check_form(
        p,
        etax_values(
            name="",
            tax_year="1999",
            birth_date="2099-01-01",
            postal_code="12-34",
            filing_type="green",
            salary_income="-5",
            name_kana="mihon",
            declaration="false",
            address="x" * 101,
            phone="call me",
            colour="red",
        ),
        today=TODAY,
    )
    assert codes(issues) == {
        ("name", "required"),
        ("tax_year", "too-small"),
        ("birth_date", "date-too-late"),
        ("postal_code", "invalid-postal-code"),
        ("filing_type", "not-an-option"),
        ("salary_income", "too-small"),
        ("name_kana", "pattern"),
        ("declaration", "required"),
        ("address", "too-long"),
        ("phone", "invalid-phone"),
        ("colour", "unknown-field"),
    }
    by = {i.field: i for i in issues}
    assert by["name_kana"].message("ja") == "全角カタカナで入力してください。"
    assert by["name_kana"].message("en") == "Use full-width katakana."
    assert by["address"].message("en") == "Enter at most 100 characters (now 101)."
    assert "100文字以内" in by["address"].message("ja")
    assert by["birth_date"].message("en") == "Enter a date on or before 2025-03-01."


def test_control_characters_are_refused(cat):
    p = cat.get("demo.etax.income-tax-return")
    _, issues = check_form(p, etax_values(occupation="a\x00b"), today=TODAY)
    assert codes(issues) == {("occupation", "invalid-character")}


def test_relative_date_bounds(cat):
    p = cat.get("demo.city.change-of-address")
    base = {
        "name": "見本　花子",
        "birth_date": "1985-06-30",
        "current_address": "東京都",
        "new_postal_code": "100-0002",
        "new_address": "東京都千代田区新町1-1",
        "members": "2",
    }
    _, issues = check_form(p, {**base, "move_date": "2025-02-14"}, today=TODAY)
    assert codes(issues) == {("move_date", "date-too-early")}
    assert issues[0].params == {"min": "2025-02-15"}
    _, issues = check_form(p, {**base, "move_date": "2025-02-15"}, today=TODAY)
    assert issues == []
    _, issues = check_form(p, {**base, "move_date": "2025-02-30"}, today=TODAY)
    assert codes(issues) == {("move_date", "invalid-date")}


def test_render_escapes_and_omits_empty_optional_fields(cat):
    p = cat.get("demo.etax.income-tax-return")
    xml = render_form(
        p, etax_values(occupation='<会社員> & "x"', name="見本　花子]]>"), today=TODAY
    )
    root = etree.fromstring(xml)
    ns = {"e": ETAX_NS}
    assert root.tag == f"{{{ETAX_NS}}}DATA"
    assert root.findtext(".//e:SHOKUGYO", namespaces=ns) == '<会社員> & "x"'
    assert root.findtext(".//e:NOZEISHA_NM", namespaces=ns) == "見本　花子]]>"
    assert root.find(".//e:NOZEISHA_TEL", namespaces=ns) is None  # optional and empty
    assert b"urn:x-jpki-desktop:form-template" not in xml
    assert xml.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")


def test_render_refuses_invalid_data(cat):
    with pytest.raises(FormInvalid) as e:
        render_form(cat.get("demo.etax.income-tax-return"), etax_values(name=""), today=TODAY)
    assert codes(e.value.issues) == {("name", "required")}


def test_attachments_are_listed_and_checked(cat, tmp_path):
    p = cat.get("demo.general.application")
    values = {
        "name": "見本　花子",
        "birth_date": "1985-06-30",
        "address": "東京都",
        "email": "hanako@example.jp",
        "category": "other",
        "subject": "件名",
        "body": "line 1\r\nline 2",
    }
    with pytest.raises(FormInvalid) as e:
        render_form(p, values, [], today=TODAY)
    assert codes(e.value.issues) == {("attachments", "too-few-attachments")}
    pdf = tmp_path / "plan.pdf"
    pdf.write_bytes(b"%PDF-1.4 demo")
    exe = tmp_path / "virus.exe"
    exe.write_bytes(b"MZ")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    _, issues = check_form(p, values, [pdf, exe, empty, tmp_path / "gone.png"], today=TODAY)
    assert codes(issues) == {
        ("attachments", "attachment-type"),
        ("attachments", "attachment-empty"),
        ("attachments", "attachment-missing"),
    }
    xml = render_form(p, values, [pdf], today=TODAY)
    values_back, entries = FormTemplate.for_procedure(p).extract(xml)
    assert [(a.name, a.size) for a in entries] == [("plan.pdf", 13)]
    assert values_back["body"] == "line 1\nline 2"


def test_attachments_refused_where_not_allowed(cat, tmp_path):
    f = tmp_path / "a.pdf"
    f.write_bytes(b"x")
    _, issues = check_form(cat.get("demo.etax.income-tax-return"), etax_values(), [f], today=TODAY)
    assert codes(issues) == {("attachments", "attachments-not-allowed")}


def test_extract_round_trip(cat):
    p = cat.get("demo.etax.income-tax-return")
    xml = render_form(p, etax_values(), today=TODAY)
    values, _ = FormTemplate.for_procedure(p).extract(xml)
    assert values["name"] == "見本　花子"
    assert values["birth_date"] == "1985-06-30"
    assert values["phone"] == ""


def test_prefill_from_card_attributes(cat):
    p = cat.get("demo.city.change-of-address")
    v = prefill_from_card(p, "見本　花子", "東京都千代田区見本町一丁目２番３号", "19850630")
    assert v == {
        "name": "見本　花子",
        "birth_date": "1985-06-30",
        "current_address": "東京都千代田区見本町一丁目２番３号",
    }


@pytest.mark.parametrize(
    "typed", ["昭和60年6月30日", "S60.6.30", "１９８５年６月３０日", "1985/6/30"]
)
def test_form_dates_take_every_form_the_expiry_page_takes(cat, typed):
    p = cat.get("demo.etax.income-tax-return")
    values, issues = check_form(p, etax_values(birth_date=typed), today=TODAY)
    assert issues == [] and values["birth_date"] == "1985-06-30"


@pytest.mark.parametrize("typed", ["1985-02-30", "平成32年1月1日", "1985/6"])
def test_form_refuses_impossible_dates(cat, typed):
    p = cat.get("demo.etax.income-tax-return")
    _, issues = check_form(p, etax_values(birth_date=typed), today=TODAY)
    assert ("birth_date", "invalid-date") in codes(issues)

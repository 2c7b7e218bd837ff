"""The agency reads received forms: hostile XML must be refused, not expanded."""

from __future__ import annotations

import pytest

from jpki_desktop.procedures import FormXmlError, load_catalogue
from jpki_desktop.procedures.template import FormTemplate


@pytest.fixture(scope="module")
def template():
    return FormTemplate.for_procedure(load_catalogue().get("demo.city.change-of-address"))


def test_doctype_and_entities_refused(template):
    xml = b"""<?xml version="1.0"?>
<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>
<TenkyoTodoke xmlns="http://xml.demo.invalid/jpki-desktop/juki/tenkyo/1"><Applicant><Name>&e;</Name></Applicant></TenkyoTodoke>"""
    with pytest.raises(FormXmlError) as e:
        template.extract(xml)
    assert e.value.problem == "doctype-not-allowed"


def test_wrong_root_or_namespace(template):
    with pytest.raises(FormXmlError) as e:
        template.extract(b"<TenkyoTodoke/>")
    assert e.value.problem == "wrong-root"


def test_not_well_formed(template):
    with pytest.raises(FormXmlError) as e:
        template.extract(b"<a><b></a>")
    assert e.value.problem == "not-well-formed"


def test_repeated_field_refused(template):
    ns = "http://xml.demo.invalid/jpki-desktop/juki/tenkyo/1"
    xml = f'<TenkyoTodoke xmlns="{ns}"><Applicant><Name>A</Name><Name>B</Name></Applicant></TenkyoTodoke>'
    with pytest.raises(FormXmlError) as e:
        template.extract(xml.encode())
    assert e.value.problem == "field-repeated"

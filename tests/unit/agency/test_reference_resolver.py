"""Procedures describe agencies as plain values; the reference agency's material is read only
through the resolver the caller injects (issue 10, item 4)."""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import hashes

from jpki_desktop.agency.keys import ensure_demo_agency
from jpki_desktop.agency.location import announce_url, withdraw_url
from jpki_desktop.agency.resolver import reference_resolver
from jpki_desktop.procedures import (
    AgencyMaterialMissing,
    MaterialResolver,
    RefKind,
    load_catalogue,
)
from support.agency_fixtures import agency_dir, agency_keys_template  # noqa: F401

SRC = Path(__file__).resolve().parents[3] / "src" / "jpki_desktop"


def test_loading_and_reading_the_catalogue_touches_no_file(tmp_path):
    target = tmp_path / "agency"
    catalogue = load_catalogue(resolver=reference_resolver(target))
    for p in catalogue:
        a = p.agency
        assert a.is_demo and a.endpoint == "@demo/v1/submissions"
        assert (a.encryption_cert.kind, a.encryption_cert.value) == (
            RefKind.REFERENCE,
            "agency.pem",
        )
        assert a.receipt_cert.value == "receipt.pem" and a.tls_ca is not None
        assert a.id and a.name.ja and a.account is not None
    assert not target.exists()  # nothing generated, nothing read
    agency = next(iter(catalogue)).agency
    with pytest.raises(dataclasses.FrozenInstanceError):
        agency.endpoint = "https://elsewhere.example"  # type: ignore[misc]


def test_without_the_reference_agency_a_demo_reference_is_missing_material(tmp_path):
    catalogue = load_catalogue()  # the default resolver knows inline and file references only
    agency = catalogue.get("demo.city.change-of-address").agency
    with pytest.raises(AgencyMaterialMissing) as e:
        catalogue.resolve(agency)
    assert e.value.ref.startswith("@demo/")
    with pytest.raises(AgencyMaterialMissing):
        MaterialResolver()(agency)


def test_the_reference_resolver_reads_the_demo_agencys_material(agency_dir):
    keys = ensure_demo_agency(agency_dir)
    catalogue = load_catalogue(resolver=reference_resolver(agency_dir))
    resolved = catalogue.resolve(catalogue.get("demo.etax.income-tax-return").agency)
    fp = hashes.SHA256()
    assert resolved.encryption_cert.fingerprint(fp) == keys.encryption_cert.fingerprint(fp)
    assert resolved.receipt_cert.fingerprint(fp) == keys.receipt_cert.fingerprint(fp)
    assert resolved.tls_ca_pem == keys.tls_ca_pem
    assert resolved.id == "demo.tax-office"
    assert resolved.endpoint_url == "https://127.0.0.1:47443/v1/submissions"


def test_the_endpoint_follows_the_running_agency_each_time(agency_dir):
    catalogue = load_catalogue(resolver=reference_resolver(agency_dir))
    agency = catalogue.get("demo.general.application").agency
    announce_url(agency_dir, "https://127.0.0.1:50001")
    assert catalogue.resolve(agency).endpoint_url == "https://127.0.0.1:50001/v1/submissions"
    announce_url(agency_dir, "https://127.0.0.1:50002")
    assert catalogue.resolve(agency).endpoint_url == "https://127.0.0.1:50002/v1/submissions"
    withdraw_url(agency_dir, "https://127.0.0.1:50001")  # not the one announced: kept
    assert catalogue.resolve(agency).endpoint_url.startswith("https://127.0.0.1:50002/")
    withdraw_url(agency_dir, "https://127.0.0.1:50002")
    assert catalogue.resolve(agency).endpoint_url.startswith("https://127.0.0.1:47443/")


def test_first_resolution_generates_the_demo_agency(tmp_path):
    target = tmp_path / "fresh"
    catalogue = load_catalogue(resolver=reference_resolver(target))
    resolved = catalogue.resolve(catalogue.get("demo.city.change-of-address").agency)
    assert (target / "agency.pem").is_file() and (target / "keys" / "receipt.pem").is_file()
    assert ensure_demo_agency(target).encryption_cert == resolved.encryption_cert


def _imports(module: Path) -> set[str]:
    """Absolute jpki_desktop subpackages a module imports (relative imports resolved)."""
    rel = module.relative_to(SRC).with_suffix("").parts
    package = ("jpki_desktop", *rel[:-1])
    found: set[str] = set()
    for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                name = ".".join((*base, node.module)) if node.module else ".".join(base)
            else:
                name = node.module or ""
            names = [name] + [f"{name}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        else:
            continue
        found.update(n.split(".")[1] for n in names if n.startswith("jpki_desktop."))
    return found


@pytest.mark.parametrize(
    "package,forbidden",
    [
        ("procedures", {"agency", "submission", "signing", "card", "cli", "ui"}),
        ("submission", {"agency", "cli", "ui"}),
        ("signing", {"agency", "procedures", "submission"}),
    ],
)
def test_the_reference_agency_is_imported_by_no_core_package(package, forbidden):
    for module in sorted((SRC / package).rglob("*.py")):
        assert not _imports(module) & forbidden, module

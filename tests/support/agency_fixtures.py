"""Fixtures for the submission and agency tests: demo agency keys generated once per session,
copied into a fresh directory per test; a stand-in package opener."""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from jpki_desktop.agency.keys import ensure_demo_agency
from jpki_desktop.agency.opener import Opened
from jpki_desktop.agency.resolver import reference_resolver
from jpki_desktop.procedures import load_catalogue, render_form

TODAY = dt.date(2025, 3, 1)


@pytest.fixture(scope="session")
def agency_keys_template(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("agency-keys")
    ensure_demo_agency(d)
    return d


def copy_agency(template: Path, target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    shutil.copytree(template / "keys", target / "keys")
    for name in ("agency.pem", "agency.key"):
        shutil.copy2(template / name, target / name)
    return target


@pytest.fixture
def agency_dir(agency_keys_template, tmp_path) -> Path:
    return copy_agency(agency_keys_template, tmp_path / "agency")


@pytest.fixture
def demo_catalogue(agency_dir):
    return load_catalogue(resolver=reference_resolver(agency_dir))


def change_of_address_values(**over) -> dict[str, str]:
    v = {
        "name": "見本　花子",
        "birth_date": "1985-06-30",
        "current_address": "東京都千代田区見本町一丁目２番３号",
        "move_date": dt.date.today().isoformat(),
        "new_postal_code": "100-0002",
        "new_address": "東京都千代田区新町一丁目1番1号",
        "members": "1",
    }
    v.update(over)
    return v


def etax_values(**over) -> dict[str, str]:
    """A complete demo income-tax return (its agency needs a service account)."""
    v = {
        "tax_year": "2024",
        "name": "見本　花子",
        "birth_date": "1985-06-30",
        "postal_code": "100-0001",
        "address": "東京都千代田区見本町一丁目２番３号",
        "filing_type": "white",
        "salary_income": "5000000",
        "deductions_total": "1200000",
        "withheld_tax": "100000",
        "declaration": "true",
    }
    v.update(over)
    return v


class FakeOpener:
    """Returns `result` for every package (tests set it); counts calls."""

    def __init__(self, result: Opened) -> None:
        self.result = result
        self.calls = 0
        self.queue: list[Opened] = []

    def __call__(self, path: Path) -> Opened:
        self.calls += 1
        return self.queue.pop(0) if self.queue else self.result


def good_opened(
    catalogue, signer_cert, *, submission_id="sub-0001", manifest="ab" * 32, **values
) -> Opened:
    p = catalogue.get("demo.city.change-of-address")
    form = render_form(p, change_of_address_values(**values))
    return Opened(
        findings=(),
        signer_cert=signer_cert,
        procedure_id=p.id,
        recipient=p.agency.id,
        submission_id=submission_id,
        form_xml=form,
        manifest_sha256=manifest,
    )


def with_(opened: Opened, **changes) -> Opened:
    return replace(opened, **changes)

from __future__ import annotations

import datetime as dt

import pytest

from jpki_desktop.agency.applicant import applicant_mismatches, same_text
from jpki_desktop.card.virtual.pki import Holder, generate_card_pki
from jpki_desktop.procedures import load_catalogue


@pytest.mark.parametrize(
    "typed, certified, flags, ok",
    [
        ("見本　花子", "見本　花子", (), True),
        ("見本 花子", "見本　花子", (), True),
        ("見本花子", "見本　花子", (), True),
        ("見本　太郎", "見本　花子", (), False),
        ("東京都千代田区見本町1-2-3", "東京都千代田区見本町１－２－３", (), True),
        (
            "東京都千代田区見本町1丁目2番3号",
            "東京都千代田区見本町一丁目２番３号",
            (),
            True,
        ),  # same place
        (
            "東京都千代田区見本町2丁目2番3号",
            "東京都千代田区見本町一丁目２番３号",
            (),
            False,
        ),  # another place
        (
            "髙橋　一郎",
            "高橋　一郎",
            (True, False, False, False, False),
            True,
        ),  # 代替文字 at position 0
        ("髙橋　一郎", "高橋　一郎", (), False),
    ],
)
def test_same_text(typed, certified, flags, ok):
    assert same_text(typed, certified, flags) is ok


def test_mismatch_names_attributes_only(pki):
    p = load_catalogue().get("demo.general.application")
    values = {"name": "見本　花子", "address": pki.holder.address, "birth_date": "1985-06-30"}
    assert applicant_mismatches(p, values, pki.sign.cert) == []
    values["address"] = "大阪府"
    values["birth_date"] = "1985-06-29"
    assert applicant_mismatches(p, values, pki.sign.cert) == ["address", "birth_date"]


def test_auth_certificate_is_not_a_signer(pki):
    p = load_catalogue().get("demo.general.application")
    assert applicant_mismatches(p, {}, pki.auth.cert) == ["certificate"]


def test_other_holder():
    other = generate_card_pki(
        Holder("試験　次郎", dt.date(1990, 1, 2), "1", "大阪府大阪市試験区1-1", "000000000000")
    )
    p = load_catalogue().get("demo.general.application")
    values = {"name": "試験　次郎", "address": "大阪府大阪市試験区1-1", "birth_date": "1990-01-02"}
    assert applicant_mismatches(p, values, other.sign.cert) == []

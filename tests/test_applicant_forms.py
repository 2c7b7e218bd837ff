"""Issue 13, item 2: which spellings of the applicant are one and the same, for the agency and
for the client alike (they call the same function).

The signing certificate of the test holder records 「東京都千代田区見本町一丁目２番３号」,
「見本　花子」 and 1985-06-30. Treated as EQUAL to that address: half-/full-width digits,
letters and dashes (1-2-3, １－２－３, 1−2−3, 1ー2ー3), spaces anywhere (ASCII or U+3000),
kanji numerals (一丁目二番三号), and the block written as 1-2-3, 1丁目2番3号, 1丁目2番地3,
1丁目2-3 or 1-2-3号. NOT equal: another block or lot number, a missing or extra part
(prefecture, ward, building), other characters. A character the certificate flags as a
substitute (代替文字) matches any one character in its place, and only there.
"""

from __future__ import annotations

import datetime as dt

import pytest

from jpki_desktop.agency import applicant as agency_side
from jpki_desktop.agency import service
from jpki_desktop.app import applicant as client_side
from jpki_desktop.app.flow import ApplicationFlow
from jpki_desktop.card.virtual.pki import DEMO_HOLDER, Holder, generate_card_pki
from jpki_desktop.procedures import load_catalogue
from jpki_desktop.validity.attributes import same_text

CERTIFIED = "東京都千代田区見本町一丁目２番３号"


@pytest.mark.parametrize(
    "typed, equal",
    [
        # -- the same address ----------------------------------------------------------------
        ("東京都千代田区見本町一丁目２番３号", True),  # as recorded
        ("東京都千代田区見本町1-2-3", True),  # half-width, hyphens
        ("東京都千代田区見本町１－２－３", True),  # full-width digits and dashes
        ("東京都千代田区見本町1−2−3", True),  # U+2212 minus
        ("東京都千代田区見本町1‐2‐3", True),  # U+2010 hyphen
        ("東京都千代田区見本町1ー2ー3", True),  # the IME's long-vowel mark between digits
        ("東京都千代田区見本町１丁目２番地３", True),  # 番地 form
        ("東京都千代田区見本町1丁目2番3号", True),
        ("東京都千代田区見本町一丁目二番三号", True),  # kanji numerals throughout
        ("東京都千代田区見本町1丁目2-3", True),
        ("東京都千代田区見本町1-2-3号", True),
        ("東京都 千代田区 見本町 1-2-3", True),  # ASCII spaces
        ("東京都　千代田区　見本町　一丁目　２番　３号", True),  # U+3000
        ("ﾄｳｷｮｳ", False),  # a reading is not the address
        # -- another address ----------------------------------------------------------------
        ("東京都千代田区見本町1-2-4", False),  # another number
        ("東京都千代田区見本町2丁目2番3号", False),  # another block
        ("東京都千代田区見本町1-23", False),  # 23 is not 2-3
        ("東京都千代田区見本町12-3", False),
        ("千代田区見本町1-2-3", False),  # the prefecture is part of the recorded address
        ("東京都千代田区見本町1-2-3見本ハイツ101", False),  # a building the record lacks
        ("東京都千代田区見本町1-2", False),
        ("", False),
    ],
)
def test_address_forms(typed, equal):
    assert same_text(CERTIFIED, (), typed) is equal
    # the agency's wrapper agrees (it takes the typed text first)
    assert agency_side.same_text(typed, CERTIFIED) is equal


@pytest.mark.parametrize(
    "certified, flags, typed, equal",
    [
        ("見本　花子", (), "見本　花子", True),
        ("見本　花子", (), "見本 花子", True),
        ("見本　花子", (), "見本花子", True),
        ("見本　花子", (), "ｍｉｈｏｎ", False),
        ("見本　花子", (), "見本　太郎", False),
        ("高橋　一郎", (True, False, False, False, False), "髙橋　一郎", True),  # 代替文字
        ("高橋　一郎", (), "髙橋　一郎", False),  # no flag: another character
        ("高橋　一郎", (True, False, False, False, False), "高槗　一郎", False),  # not flagged
        # a substitute in the address, the block part still compared as numbers
        (
            "東京都千代田区見夲町一丁目２番３号",
            (False,) * 8 + (True,),
            "東京都千代田区見本町1-2-3",
            True,
        ),
    ],
)
def test_names_and_substitute_characters(certified, flags, typed, equal):
    assert same_text(certified, flags, typed) is equal


@pytest.fixture(scope="module")
def procedure():
    return load_catalogue().get("demo.city.change-of-address")


def values(**over):
    v = {"name": "見本　花子", "birth_date": "1985-06-30", "current_address": CERTIFIED}
    v.update(over)
    return v


@pytest.mark.parametrize(
    "over, wrong",
    [
        ({}, []),
        ({"current_address": "東京都千代田区見本町１丁目２番地３"}, []),
        ({"current_address": "東京都千代田区見本町1-2-3"}, []),
        ({"birth_date": "1985/6/30"}, []),
        ({"birth_date": "昭和60年6月30日"}, []),  # 和暦
        ({"birth_date": "１９８５－０６－３０"}, []),
        ({"name": " 見本 花子 "}, []),
        ({"current_address": "東京都千代田区見本町1-2-4"}, ["current_address"]),
        ({"birth_date": "1985-06-29"}, ["birth_date"]),
        ({"name": "見本　太郎", "birth_date": "1985-07-01"}, ["name", "birth_date"]),
    ],
)
def test_client_and_agency_decide_alike(pki, procedure, over, wrong):
    typed = values(**over)
    # the client: field ids, from what the user typed
    assert ApplicationFlow.applicant_mismatches(procedure, typed, pki.sign.der) == wrong
    # the agency: attribute names, the same decision
    ids = {a.value: f.id for a, f in procedure.applicant_fields().items()}
    assert [ids[n] for n in agency_side.applicant_mismatches(procedure, typed, pki.sign.cert)] == (
        wrong
    )


def test_one_comparison_in_one_place():
    """The agency's service, the client's check (GUI flow and CLI) and the attribute-change
    check share one function: they can never disagree about two spellings."""
    assert service.applicant_mismatches is agency_side.applicant_mismatches
    assert client_side.applicant_mismatches is agency_side.applicant_mismatches
    assert agency_side._same_text is same_text


def test_not_a_signing_certificate(pki, procedure):
    assert ApplicationFlow.applicant_mismatches(procedure, values(), pki.auth.der) == [
        "certificate"
    ]
    assert ApplicationFlow.applicant_mismatches(procedure, values(), b"not DER") == ["certificate"]


def test_prefill_from_the_certificate_matches_it(pki, procedure):
    filled = ApplicationFlow.applicant_from_certificate(procedure, pki.sign.der)
    assert filled == {
        "name": DEMO_HOLDER.name,
        "current_address": DEMO_HOLDER.address,
        "birth_date": DEMO_HOLDER.birth_date.isoformat(),
    }
    assert ApplicationFlow.applicant_mismatches(procedure, filled, pki.sign.der) == []
    assert ApplicationFlow.applicant_from_certificate(procedure, pki.auth.der) == {}


def test_rejection_names_the_form_labels(procedure):
    names = ["name", "address"]
    assert agency_side.mismatch_labels(procedure, names, "ja") == ["氏名", "現住所"]
    assert agency_side.mismatch_labels(procedure, names, "en") == ["Name", "Current address"]
    assert agency_side.mismatch_labels(procedure, ["certificate"], "ja") == ["証明書"]


def test_another_holder():
    other = generate_card_pki(
        Holder("試験　次郎", dt.date(1990, 1, 2), "1", "大阪府大阪市試験区1丁目1番", "000000000000")
    )
    p = load_catalogue().get("demo.general.application")
    typed = {"name": "試験 次郎", "address": "大阪府大阪市試験区1-1", "birth_date": "1990/1/2"}
    assert ApplicationFlow.applicant_mismatches(p, typed, other.sign.cert) == []

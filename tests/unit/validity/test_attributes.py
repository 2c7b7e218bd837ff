"""Attribute-change check: no false alarm for the same data written differently; a real
difference or a declared life event means the signing certificate is (or will be) revoked."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

import pytest

from jpki_desktop.validity.attributes import (
    Action,
    Field,
    LifeEvent,
    Verdict,
    check_attributes,
    normalise,
    same_text,
)
from jpki_desktop.validity.certificate import Sex, SignAttributes, parse_certificate


@dataclass(frozen=True)
class Card:
    name: str = "見本　花子"
    address: str = "東京都千代田区見本町一丁目２番３号"
    birth_date: object = "19850630"
    sex: str = "2"


def cert_attrs(
    name="見本　花子",
    address="東京都千代田区見本町一丁目２番３号",
    name_flags=None,
    addr_flags=None,
):
    return SignAttributes(
        name=name,
        birth_date=dt.date(1985, 6, 30),
        birth_era=None,
        birth_date_wareki="昭和60年6月30日",
        sex=Sex.FEMALE,
        sex_code="2",
        address=address,
        name_substitutes=tuple(name_flags or (False,) * len(name)),
        address_substitutes=tuple(addr_flags or (False,) * len(address)),
    )


@pytest.mark.parametrize(
    "card_address",
    [
        "東京都千代田区見本町一丁目２番３号",
        "東京都千代田区見本町一丁目2番3号",  # half-width digits
        "東京都千代田区見本町１丁目２番３号",  # full-width arabic vs kanji numeral
        "東京都 千代田区　見本町一丁目 2番3号",  # ASCII and ideographic spaces
        "東京都千代田区見本町1丁目2番3号",
    ],
)
def test_same_address_written_differently_is_no_alarm(card_address):
    r = check_attributes(cert_attrs(), Card(address=card_address))
    assert r.verdict is Verdict.UNCHANGED and r.differences == () and not r.sign_revoked


def test_same_name_with_different_spacing_and_width():
    assert (
        check_attributes(cert_attrs(name="ﾐﾎﾝ　ﾊﾅｺ"), Card(name="ミホン ハナコ")).verdict
        is Verdict.UNCHANGED
    )
    assert (
        check_attributes(cert_attrs(name="見本　花子"), Card(name="見本花子")).verdict
        is Verdict.UNCHANGED
    )


def test_substitute_character_is_a_wildcard():
    # 髙 (outside JIS level 1-2) is written 高 in the certificate and flagged as a substitute
    cert = cert_attrs(name="高橋　一郎", name_flags=(True, False, False, False, False))
    assert check_attributes(cert, Card(name="髙橋　一郎")).verdict is Verdict.UNCHANGED
    assert (
        check_attributes(cert, Card(name="髙橋\U000e0100　一郎")).verdict is Verdict.UNCHANGED
    )  # IVS
    # without the flag the same pair is a difference
    assert check_attributes(cert_attrs(name="高橋　一郎"), Card(name="髙橋　一郎")).differences == (
        Field.NAME,
    )
    # the wildcard covers one character only
    assert check_attributes(cert, Card(name="髙髙橋　一郎")).differences == (Field.NAME,)
    assert check_attributes(cert, Card(name="橋　一郎")).differences == (Field.NAME,)


def test_flag_string_shorter_than_text_is_tolerated():
    cert = cert_attrs(name="高橋　一郎", name_flags=(True,))
    assert check_attributes(cert, Card(name="髙橋一郎")).verdict is Verdict.UNCHANGED


@pytest.mark.parametrize(
    "card,field",
    [
        (Card(address="東京都千代田区見本町一丁目２番４号"), Field.ADDRESS),
        (Card(address="大阪府大阪市北区見本町一丁目２番３号"), Field.ADDRESS),
        (Card(name="山田　花子"), Field.NAME),
        (Card(birth_date="19850701"), Field.BIRTH_DATE),
        (Card(birth_date=dt.date(1985, 7, 1)), Field.BIRTH_DATE),
        (Card(sex="1"), Field.SEX),
    ],
)
def test_real_difference_means_already_revoked(card, field):
    r = check_attributes(cert_attrs(), card)
    assert r.verdict is Verdict.CHANGED and r.differences == (field,)
    assert r.sign_revoked and r.auth_keeps_working
    assert r.actions == (Action.NEW_SIGNING_CERTIFICATE,)
    assert r.to_json()["sign_revoked_already"] is True


def test_equivalent_birth_and_sex_encodings():
    assert check_attributes(cert_attrs(), Card(birth_date="319850630")).verdict is Verdict.UNCHANGED
    assert (
        check_attributes(cert_attrs(), Card(birth_date=dt.date(1985, 6, 30))).verdict
        is Verdict.UNCHANGED
    )
    other = replace(cert_attrs(), sex=Sex.OTHER, sex_code="3")
    assert check_attributes(other, Card(sex="9")).verdict is Verdict.UNCHANGED
    # unreadable card-side values are not reported as changes
    assert (
        check_attributes(cert_attrs(), Card(birth_date="garbage", sex="?")).verdict
        is Verdict.UNCHANGED
    )


def test_declared_events_without_card():
    r = check_attributes(None, None, [LifeEvent.MOVED, LifeEvent.MARRIED, LifeEvent.MOVED])
    assert r.verdict is Verdict.CHANGE_DECLARED and r.sign_revoked and r.auth_keeps_working
    assert r.events == (LifeEvent.MOVED, LifeEvent.MARRIED)
    assert r.affected == (Field.ADDRESS, Field.NAME) and not r.compared
    assert r.actions == (Action.REGISTER_CHANGE_WITH_CARD, Action.NEW_SIGNING_CERTIFICATE)
    assert r.to_json()["sign_revoked_already"] is False


def test_difference_wins_over_declared_event():
    r = check_attributes(cert_attrs(), Card(address="大阪府"), [LifeEvent.MOVED])
    assert r.verdict is Verdict.CHANGED and r.events == (LifeEvent.MOVED,)


def test_nothing_to_compare():
    assert check_attributes(None, Card()).verdict is Verdict.NOT_COMPARED
    assert check_attributes(cert_attrs(), None).verdict is Verdict.NOT_COMPARED


def test_virtual_card_certificate_matches_its_own_card_info(pki):
    cert = parse_certificate(pki.sign.der).attributes
    h = pki.holder
    card = Card(
        name=h.name, address=h.address, birth_date=h.birth_date.strftime("%Y%m%d"), sex=h.sex
    )
    assert check_attributes(cert, card).verdict is Verdict.UNCHANGED


@pytest.mark.parametrize(
    "raw,norm",
    [
        ("二十三番地", "23番地"),
        ("百五番", "105番"),
        ("十丁目", "10丁目"),
        ("一宮市", "一宮市"),
        ("１－２－３", "1-2-3"),
        ("1‐2−3", "1-2-3"),
        ("ｶﾞ", "ガ"),
    ],
)
def test_normalise(raw, norm):
    assert normalise(raw) == norm


def test_same_text_direct():
    assert same_text("ａｂｃ", (), "abc")
    assert not same_text("abc", (), "abd")


@pytest.mark.parametrize(
    "event,field",
    [(LifeEvent.BIRTH_DATE_CORRECTED, Field.BIRTH_DATE), (LifeEvent.SEX_CHANGED, Field.SEX)],
)
def test_birth_date_and_sex_changes_can_be_declared(event, field):
    """Issue 13, item 12: all four attributes have a life event, not only name and address."""
    r = check_attributes(cert_attrs(), None, [event])
    assert r.verdict is Verdict.CHANGE_DECLARED and r.affected == (field,) and r.sign_revoked

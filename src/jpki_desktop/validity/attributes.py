"""Has a change of the basic four attributes (基本4情報) revoked the signing certificate?

    result = check_attributes(cert.attributes, recorded=card_info_attributes, events={LifeEvent.MOVED})
    result.verdict, result.differences, result.sign_revoked, result.actions

The signing certificate holds name, address, birth date and sex and is revoked automatically
when any of them changes (move, marriage, name change, …); the auth certificate is not.
`recorded` is what the card's card-info application (券面事項入力補助AP) holds — any object with
`name`, `address`, `birth_date` (date, `YYYYMMDD` or `EYYYYMMDD`) and `sex` (code) — and
`events` are life events the user declares.

Comparison normalises first, so the same address is never reported as changed: NFKC (full-/
half-width), no spaces (incl. U+3000), dash variants, kanji numerals before 丁目/番地/番/号, the
block written as 1-2-3, 1丁目2番3号 or 1丁目2番地3, and each character the certificate flags as
a substitute (代替文字) matches any one character. The agency's applicant check
(agency.applicant) uses this same comparison.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from .certificate import Sex, SignAttributes


class LifeEvent(str, enum.Enum):
    MOVED = "moved"
    MARRIED = "married"
    DIVORCED = "divorced"
    NAME_CHANGED = "name_changed"
    BIRTH_DATE_CORRECTED = "birth_date_corrected"  # the resident register's date was corrected
    SEX_CHANGED = "sex_changed"  # e.g. a change of the registered sex


class Field(str, enum.Enum):
    NAME = "name"
    ADDRESS = "address"
    BIRTH_DATE = "birth_date"
    SEX = "sex"


EVENT_FIELDS = {
    LifeEvent.MOVED: Field.ADDRESS,
    LifeEvent.MARRIED: Field.NAME,
    LifeEvent.DIVORCED: Field.NAME,
    LifeEvent.NAME_CHANGED: Field.NAME,
    LifeEvent.BIRTH_DATE_CORRECTED: Field.BIRTH_DATE,
    LifeEvent.SEX_CHANGED: Field.SEX,
}


class Verdict(str, enum.Enum):
    UNCHANGED = "unchanged"  # compared: the card's records match the certificate
    CHANGED = "changed"  # the card's records differ: the signing certificate has been revoked
    CHANGE_DECLARED = "change_declared"  # it will be revoked once the change is registered
    NOT_COMPARED = "not_compared"  # nothing to compare and nothing declared


class Action(str, enum.Enum):
    REGISTER_CHANGE_WITH_CARD = (
        "register_change_with_card"  # bring the card when notifying the change
    )
    NEW_SIGNING_CERTIFICATE = "new_signing_certificate"  # apply at the municipal office
    NONE = "none"


class Recorded(Protocol):
    """Read-only, so that frozen values (the card's BasicAttributes) fit."""

    @property
    def name(self) -> str: ...

    @property
    def address(self) -> str: ...

    @property
    def birth_date(self) -> object: ...

    @property
    def sex(self) -> str: ...


@dataclass(frozen=True)
class AttributeCheck:
    verdict: Verdict
    differences: tuple[Field, ...] = ()  # fields where card and certificate disagree
    events: tuple[LifeEvent, ...] = ()
    affected: tuple[Field, ...] = ()  # fields the declared events change
    compared: bool = False
    sign_revoked: bool = False  # is (CHANGED) or will be (CHANGE_DECLARED) revoked
    auth_keeps_working: bool = True  # the auth certificate holds no personal data
    actions: tuple[Action, ...] = ()

    def to_json(self) -> dict[str, object]:
        return {
            "verdict": self.verdict.value,
            "differences": [f.value for f in self.differences],
            "events": [e.value for e in self.events],
            "affected": [f.value for f in self.affected],
            "compared": self.compared,
            "sign_revoked": self.sign_revoked,
            "sign_revoked_already": self.verdict is Verdict.CHANGED,
            "auth_keeps_working": self.auth_keeps_working,
            "actions": [a.value for a in self.actions],
        }


# -- normalisation --------------------------------------------------------------------------

_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"), "-")
_SPACES = re.compile(r"\s+")
_VARIATION = re.compile("[\ufe00-\ufe0f\U000e0100-\U000e01ef]")
_KANJI_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")}
_KANJI_NUMBER = re.compile("([〇一二三四五六七八九十百千]+)(?=丁目|番地|番(?!町)|号)")


def _kanji_to_int(text: str) -> int:
    total, current = 0, 0
    for ch in text:
        if ch in _KANJI_DIGITS:
            current = current * 10 + _KANJI_DIGITS[ch]
        else:
            unit = {"十": 10, "百": 100, "千": 1000}[ch]
            total += (current or 1) * unit
            current = 0
    return total + current


# 一丁目２番地３, １丁目２番３号, 2番地の3 → 1-2-3: a block marker (丁目, 番地, 番) or の between
# two numbers is a dash; a trailing marker (…3号, …2番地) goes. 番町 is a town name, not a block.
_BLOCK_BETWEEN = re.compile(r"(\d+)(?:丁目|番地|番(?!町))の?(?=\d)|(\d+)の(?=\d)")
_LONG_VOWEL_DASH = re.compile(r"(?<=\d)ー(?=\d)")  # 1ー2ー3: the IME's ー typed for a dash
_BLOCK_AFTER = re.compile(r"(\d+)(?:丁目|番地|番(?!町)|号)")


def normalise(text: str) -> str:
    """NFKC, no spaces or variation selectors, one dash, arabic numbers (二十三番地 → 23番地)."""
    text = unicodedata.normalize("NFKC", text)
    text = _VARIATION.sub("", _SPACES.sub("", text)).translate(_DASHES)
    text = _LONG_VOWEL_DASH.sub("-", text)
    return _KANJI_NUMBER.sub(lambda m: str(_kanji_to_int(m.group(1))), text)


def comparison_form(text: str) -> str:
    """What `same_text` compares: `normalise`, and the block part of an address as numbers
    joined by dashes (一丁目２番３号, １丁目２番地３ and 1-2-3 all give 1-2-3)."""
    text = _BLOCK_BETWEEN.sub(lambda m: (m.group(1) or m.group(2)) + "-", normalise(text))
    return _BLOCK_AFTER.sub(r"\1", text)


def same_text(cert_text: str, substitutes: Iterable[bool], other: str) -> bool:
    """Equal after normalising; a substitute position in `cert_text` matches any one character
    (plus combining marks) of `other`."""
    flags = list(substitutes)
    pattern: list[str] = []
    literal: list[str] = []
    for i, ch in enumerate(cert_text):
        if i < len(flags) and flags[i]:
            pattern.append(re.escape(comparison_form("".join(literal))))
            literal = []
            pattern.append(r"\S[\u0300-\u036f\u3099\u309a]*")
        else:
            literal.append(ch)
    pattern.append(re.escape(comparison_form("".join(literal))))
    return re.fullmatch("".join(pattern), comparison_form(other)) is not None


def _as_date(value: object) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if len(text) == 9 and text.isdigit():  # EYYYYMMDD
        text = text[1:]
    try:
        return (
            dt.date(int(text[:4]), int(text[4:6]), int(text[6:8]))
            if len(text) == 8 and text.isdigit()
            else None
        )
    except ValueError:
        return None


def differences(cert: SignAttributes, recorded: Recorded) -> tuple[Field, ...]:
    """Fields that differ. A field that cannot be read on the card side is not reported."""
    out = []
    if not same_text(cert.name, cert.name_substitutes, recorded.name):
        out.append(Field.NAME)
    if not same_text(cert.address, cert.address_substitutes, recorded.address):
        out.append(Field.ADDRESS)
    birth = _as_date(recorded.birth_date)
    if birth is not None and birth != cert.birth_date:
        out.append(Field.BIRTH_DATE)
    sex = Sex.from_code(str(recorded.sex).strip())
    if sex is not None and sex is not cert.sex:
        out.append(Field.SEX)
    return tuple(out)


def check_attributes(
    cert: SignAttributes | None,
    recorded: Recorded | None = None,
    events: Iterable[LifeEvent] = (),
) -> AttributeCheck:
    events = tuple(dict.fromkeys(events))
    affected = tuple(dict.fromkeys(EVENT_FIELDS[e] for e in events))
    compared = cert is not None and recorded is not None
    diff = differences(cert, recorded) if cert is not None and recorded is not None else ()
    if diff:
        return AttributeCheck(
            Verdict.CHANGED,
            diff,
            events,
            affected,
            True,
            sign_revoked=True,
            actions=(Action.NEW_SIGNING_CERTIFICATE,),
        )
    if events:
        return AttributeCheck(
            Verdict.CHANGE_DECLARED,
            (),
            events,
            affected,
            compared,
            sign_revoked=True,
            actions=(Action.REGISTER_CHANGE_WITH_CARD, Action.NEW_SIGNING_CERTIFICATE),
        )
    if compared:
        return AttributeCheck(Verdict.UNCHANGED, compared=True, actions=(Action.NONE,))
    return AttributeCheck(Verdict.NOT_COMPARED)

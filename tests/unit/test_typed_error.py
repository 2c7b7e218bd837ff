"""TypedError, the base of the typed errors: a subclass's fields make its constructor and its
attributes (nothing else), and its text (args, str()) follows `_text` or its first field."""

from __future__ import annotations

import inspect
from dataclasses import KW_ONLY

import pytest

from jpki_desktop.card import errors as E
from jpki_desktop.card.pins import PinKind
from jpki_desktop.net import errors as N
from jpki_desktop.signing import errors as S
from jpki_desktop.submission import errors as U
from jpki_desktop.typed_error import TypedError


class Root(TypedError):
    """No fields: keeps Exception's constructor."""


class Coded(Root):
    code: str
    detail: str = ""
    _: KW_ONLY
    attempts: int = 1
    _text = ("{code}", "{detail}")


class Sized(Root):
    path: str
    size: int
    _text = "{path}: {size} bytes"


class Named(Root):
    name: str | None = None


class Counted(Coded):
    def __init__(self, code: str) -> None:
        super().__init__(code, "counted", attempts=3)


def test_fields_make_the_constructor_and_the_only_attributes():
    assert str(inspect.signature(Coded)) == (
        "(code: 'str', detail: 'str' = '', *, attempts: 'int' = 1) -> None"
    )
    e = Coded("c", "d", attempts=2)
    assert vars(e) == {"code": "c", "detail": "d", "attempts": 2}
    with pytest.raises(TypeError):
        Coded("c", "d", 2)  # keyword-only after KW_ONLY


def test_the_text_is_made_once_from_the_template():
    assert Sized("a.pdf", 12).args == ("a.pdf: 12 bytes",)
    assert str(Coded("c", "d")) == "c: d"
    assert Coded("c").args == ("c",)  # an empty part after the first is left out


def test_without_a_template_the_text_is_the_first_field():
    assert Named("reader").args == ("reader",)
    assert Named().args == ("",)  # None shows as nothing


def test_a_class_without_fields_keeps_the_parents_constructor():
    assert Root().args == ()
    assert Root("free", "text").args == ("free", "text")
    assert Counted("c").args == ("c: counted",)
    assert vars(Counted("c")) == {"code": "c", "detail": "counted", "attempts": 3}


def test_errors_compare_by_identity_and_show_their_text():
    a, b = Sized("p", 1), Sized("p", 1)
    assert a != b and a == a and len({a, b}) == 2
    assert repr(a) == "Sized('p: 1 bytes')"


def test_the_project_errors_keep_their_texts():
    assert str(E.PinBlocked(PinKind.SIGN)) == "sign remaining=0"
    assert str(E.ApduError(0x6A82, ins=0xA4)) == "SW=6A82 INS=A4"
    assert str(E.ReaderBusy("R1", transaction=True)) == "R1"
    assert isinstance(E.NoCard(), E.ReaderError)
    assert str(S.TimestampError("https://tsa", "")) == "https://tsa: "  # a template, not parts
    assert str(U.Undelivered("server-error", "503", status=503)) == "server-error: 503"
    timed = N.TimedOut("https://x", 2.5)
    assert (str(timed), timed.detail) == (
        "https://x: no complete answer within 2.5 s",
        "no complete answer within 2.5 s",
    )
    lost = N.ConnectFailed("u", "h", 443, detail="connection lost")
    assert (lost.detail, N.ConnectFailed("u", "h", 443).detail) == (
        "connection lost",
        "cannot connect to h:443",
    )
    assert N.ProxyRefused("u", "p:1", 403).detail == "proxy p:1 answered 403"

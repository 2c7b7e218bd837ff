"""PIN kinds, their rules, and local format checks that run before any APDU.

A PIN that cannot be right must never reach the card: a wrong-format VERIFY still costs a try.
PIN bytes live in a :class:`PinBuffer` (a bytearray) that is zero-filled after use.
"""

from __future__ import annotations

import contextlib
import enum
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .errors import PinFormatError


class PinKind(enum.Enum):
    SIGN = "sign"  # 署名用パスワード, JPKI EF 001B
    AUTH = "auth"  # 利用者証明用暗証番号, JPKI EF 0018
    CARD_INFO = "card_info"  # 券面事項入力補助用暗証番号, text AP EF 0011

    @property
    def max_tries(self) -> int:
        return 5 if self is PinKind.SIGN else 3

    @property
    def min_length(self) -> int:
        return 6 if self is PinKind.SIGN else 4

    @property
    def max_length(self) -> int:
        return 16 if self is PinKind.SIGN else 4

    @property
    def digits_only(self) -> bool:
        return self is not PinKind.SIGN


class FormatProblem(str, enum.Enum):
    EMPTY = "empty"
    TOO_SHORT = "too_short"
    TOO_LONG = "too_long"
    FULL_WIDTH = "full_width"  # e.g. "１２３４" typed with a Japanese IME on
    SPACE = "space"
    NOT_DIGITS = "not_digits"
    BAD_CHARACTER = "bad_character"
    NEEDS_LETTER_AND_DIGIT = "needs_letter_and_digit"  # new signing password only


_ALNUM = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
_DIGITS = frozenset(b"0123456789")
_SPACE_POINTS = frozenset(map(ord, " \t\u3000\r\n"))


class PinBuffer:
    """ASCII PIN bytes in a mutable buffer, wiped by :meth:`wipe` or on context exit."""

    __slots__ = ("_buf",)

    def __init__(self, data: bytearray) -> None:
        self._buf = data

    def __enter__(self) -> PinBuffer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.wipe()

    def __len__(self) -> int:
        return len(self._buf)

    def __repr__(self) -> str:  # never show the value
        return f"PinBuffer(len={len(self._buf)})"

    @property
    def bytes(self) -> bytearray:
        return self._buf

    def wipe(self) -> None:
        _wipe(self._buf)

    @contextlib.contextmanager
    def apdu(self, cla: int, ins: int, p1: int, p2: int) -> Iterator[bytearray]:
        """A case-3 command APDU carrying this PIN, in a bytearray wiped when the block ends
        (an APDU built as `bytes` would be a copy of the PIN that can never be wiped)."""
        if not 0 < len(self._buf) <= 255:
            raise ValueError("a PIN APDU carries 1..255 bytes")
        apdu = bytearray(5 + len(self._buf))
        apdu[0:4] = (cla, ins, p1, p2)
        apdu[4] = len(self._buf)
        for i, b in enumerate(self._buf):
            apdu[5 + i] = b
        try:
            yield apdu
        finally:
            _wipe(apdu)


def _code_points(raw: bytearray) -> Iterator[int]:
    """UTF-8 code points of `raw` without building a str (which could not be wiped).

    Malformed sequences give U+FFFD, which no PIN rule allows.
    """
    i, n = 0, len(raw)
    while i < n:
        b = raw[i]
        if b < 0x80:
            yield b
            i += 1
            continue
        if 0xC2 <= b <= 0xDF:
            length, cp = 2, b & 0x1F
        elif 0xE0 <= b <= 0xEF:
            length, cp = 3, b & 0x0F
        elif 0xF0 <= b <= 0xF4:
            length, cp = 4, b & 0x07
        else:
            yield 0xFFFD
            i += 1
            continue
        j = i + 1
        while j < i + length and j < n and raw[j] & 0xC0 == 0x80:
            cp = (cp << 6) | (raw[j] & 0x3F)
            j += 1
        yield cp if j == i + length else 0xFFFD
        i = j


def _classify(kind: PinKind, points: Iterable[int]) -> list[FormatProblem]:
    """Problems with the code points `points` (SIGN compared upper-cased). An existing signing password follows the same rules as a new one
    (6-16 of A-Z/0-9, letters and digits mixed): a password that breaks them cannot be right,
    and sending it would spend a try."""
    problems: list[FormatProblem] = []
    allowed = _DIGITS if kind.digits_only else _ALNUM
    space = full_width = other = has_digit = has_letter = False
    count = 0
    for o in points:
        count += 1
        # Upper-case ASCII a-z only: str.upper() would turn "ß" into "SS" and "ı" or "ſ" into
        # ASCII letters, sending a password the user never typed.
        if kind is PinKind.SIGN and 0x61 <= o <= 0x7A:
            o -= 0x20
        if o < 128 and o in allowed:
            has_digit = has_digit or o in _DIGITS
            has_letter = has_letter or 65 <= o <= 90
        elif o in _SPACE_POINTS:
            space = True
        elif 0xFF01 <= o <= 0xFF5E:
            # Full-width ASCII comes from an IME left on. Silently mapping it to ASCII would hide
            # a habit that costs tries in other software, so it is refused with its own reason.
            full_width = True
        else:
            other = True
    if not count:
        return [FormatProblem.EMPTY]
    if space:
        problems.append(FormatProblem.SPACE)
    if full_width:
        problems.append(FormatProblem.FULL_WIDTH)
    if other:
        problems.append(
            FormatProblem.NOT_DIGITS if kind.digits_only else FormatProblem.BAD_CHARACTER
        )
    if count < kind.min_length:
        problems.append(FormatProblem.TOO_SHORT)
    elif count > kind.max_length:
        problems.append(FormatProblem.TOO_LONG)
    if kind is PinKind.SIGN and not problems and not (has_digit and has_letter):
        problems.append(FormatProblem.NEEDS_LETTER_AND_DIGIT)
    return problems


def _wipe(buf: bytearray) -> None:
    for i in range(len(buf)):
        buf[i] = 0
    buf.clear()


def _check(kind: PinKind, text: str | bytearray) -> list[FormatProblem]:
    points = _code_points(text) if isinstance(text, bytearray) else (ord(c) for c in text)
    return _classify(kind, points)


def check_pin_format(kind: PinKind, text: str | bytearray) -> list[FormatProblem]:
    """Problems with `text` as an entry of an existing PIN (empty list = may be sent)."""
    return _check(kind, text)


def check_new_pin(kind: PinKind, text: str | bytearray) -> list[FormatProblem]:
    """Problems with `text` as a new PIN; the signing password must mix letters and digits."""
    # the same rules hold for a PIN being set and one being presented
    return _check(kind, text)


def prepare_pin(kind: PinKind, text: str | bytearray, *, new: bool = False) -> PinBuffer:
    """Validate and encode a PIN for VERIFY / CHANGE REFERENCE DATA.

    Raises :class:`~jpki_desktop.card.errors.PinFormatError` (no APDU has been sent).
    The signing password is upper-cased: the card compares bytes exactly and users think in
    any case. A `bytearray` (UTF-8, e.g. read from standard input) is checked and upper-cased
    **in place** and becomes the buffer itself, so no second copy of the PIN exists; it is
    wiped if it is refused.
    """
    del new  # a PIN being set and one being presented follow the same rules
    if isinstance(text, bytearray):
        problems = _classify(kind, _code_points(text))
        if problems:
            _wipe(text)
            raise PinFormatError(kind, problems[0].value)
        for i, b in enumerate(text):  # all ASCII A-Z a-z 0-9 now
            if 0x61 <= b <= 0x7A and kind is PinKind.SIGN:
                text[i] = b - 0x20
        return PinBuffer(text)
    problems = _classify(kind, (ord(c) for c in text))
    if problems:
        raise PinFormatError(kind, problems[0].value)
    # Sized once and filled in place: a growing bytearray leaves freed copies behind.
    out = bytearray(len(text))
    for i, ch in enumerate(text):
        o = ord(ch)
        out[i] = o - 0x20 if kind is PinKind.SIGN and 0x61 <= o <= 0x7A else o
    return PinBuffer(out)


class PinState(enum.Enum):
    NORMAL = "normal"
    LOW = "low"  # fewer than the maximum, more than one left
    FINAL_TRY = "final_try"
    BLOCKED = "blocked"
    UNKNOWN = "unknown"  # e.g. the card did not report a counter


@dataclass(frozen=True)
class PinStatus:
    """Remaining tries read from the card with the empty VERIFY (never spends a try)."""

    kind: PinKind
    remaining: int | None
    maximum: int

    @property
    def state(self) -> PinState:
        if self.remaining is None:
            return PinState.UNKNOWN
        if self.remaining == 0:
            return PinState.BLOCKED
        if self.remaining == 1:
            return PinState.FINAL_TRY
        if self.remaining < self.maximum:
            return PinState.LOW
        return PinState.NORMAL

    @property
    def blocked(self) -> bool:
        return self.remaining == 0

"""PIN kinds, their rules, and local format checks that run before any APDU.

A PIN that cannot be right must never reach the card: a wrong-format VERIFY still costs a try.
PIN bytes live in a :class:`PinBuffer` (a bytearray) that is zero-filled after use.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


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
_SPACES = frozenset(" \t\u3000\r\n")


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
        for i in range(len(self._buf)):
            self._buf[i] = 0
        self._buf.clear()


def _problems(kind: PinKind, text: str) -> tuple[list[FormatProblem], bytearray]:
    """Classify `text`; return problems and the bytes that would be sent (upper-cased for SIGN)."""
    if not text:
        return [FormatProblem.EMPTY], bytearray()
    problems: list[FormatProblem] = []
    allowed = _DIGITS if kind.digits_only else _ALNUM
    out = bytearray()
    space = full_width = other = False
    for ch in text:
        o = ord(ch)
        # Upper-case ASCII a-z only: str.upper() would turn "ß" into "SS" and "ı" or "ſ" into
        # ASCII letters, sending a password the user never typed.
        if kind is PinKind.SIGN and 0x61 <= o <= 0x7A:
            o -= 0x20
        if o < 128 and o in allowed:
            out.append(o)
        elif ch in _SPACES:
            space = True
        elif "\uff01" <= ch <= "\uff5e":
            # Full-width ASCII comes from an IME left on. Silently mapping it to ASCII would hide
            # a habit that costs tries in other software, so it is refused with its own reason.
            full_width = True
        else:
            other = True
    if space:
        problems.append(FormatProblem.SPACE)
    if full_width:
        problems.append(FormatProblem.FULL_WIDTH)
    if other:
        problems.append(
            FormatProblem.NOT_DIGITS if kind.digits_only else FormatProblem.BAD_CHARACTER
        )
    if len(text) < kind.min_length:
        problems.append(FormatProblem.TOO_SHORT)
    elif len(text) > kind.max_length:
        problems.append(FormatProblem.TOO_LONG)
    return problems, out


def check_pin_format(kind: PinKind, text: str) -> list[FormatProblem]:
    """Problems with `text` as an entry of an existing PIN (empty list = may be sent)."""
    problems, out = _problems(kind, text)
    for i in range(len(out)):
        out[i] = 0
    return problems


def check_new_pin(kind: PinKind, text: str) -> list[FormatProblem]:
    """Problems with `text` as a new PIN; the signing password must mix letters and digits."""
    problems, out = _problems(kind, text)
    if kind is PinKind.SIGN and not problems:
        has_digit = any(b in _DIGITS for b in out)
        has_letter = any(65 <= b <= 90 for b in out)
        if not (has_digit and has_letter):
            problems.append(FormatProblem.NEEDS_LETTER_AND_DIGIT)
    for i in range(len(out)):
        out[i] = 0
    return problems


def prepare_pin(kind: PinKind, text: str, *, new: bool = False) -> PinBuffer:
    """Validate and encode a PIN for VERIFY / CHANGE REFERENCE DATA.

    Raises :class:`~jpki_desktop.card.errors.PinFormatError` (no APDU has been sent).
    The signing password is upper-cased: the card compares bytes exactly and users think in
    any case.
    """
    from .errors import PinFormatError

    problems = check_new_pin(kind, text) if new else check_pin_format(kind, text)
    if problems:
        raise PinFormatError(kind, problems[0].value)
    _, out = _problems(kind, text)
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

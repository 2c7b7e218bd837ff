"""Typed card errors. They carry data, never sentences: the UI and the CLI phrase them.

No exception here ever holds a PIN value.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .pins import PinKind


class JpkiError(Exception):
    """Root of every error raised by the card layer."""


class ReaderError(JpkiError):
    """Something between us and the card (PC/SC service, reader, card presence)."""


class PcscUnavailable(ReaderError):
    """The PC/SC service (pcscd / Smart Card service) cannot be reached."""

    def __init__(self, detail: str = "") -> None:
        super().__init__(detail)
        self.detail = detail


class NoReader(ReaderError):
    """No card reader is connected (or the named reader does not exist)."""

    def __init__(self, reader_name: str | None = None) -> None:
        super().__init__(reader_name or "")
        self.reader_name = reader_name


class NoCard(ReaderError):
    """The reader is present but holds no card."""

    def __init__(self, reader_name: str | None = None) -> None:
        super().__init__(reader_name or "")
        self.reader_name = reader_name


class CardRemoved(ReaderError):
    """The card was removed (or reset by someone else) during an operation."""

    def __init__(self, reader_name: str | None = None) -> None:
        super().__init__(reader_name or "")
        self.reader_name = reader_name


class ReaderBusy(ReaderError):
    """Another program holds the reader: exclusively, or (`transaction`) inside a PC/SC
    transaction that did not end within the bounded wait. We never kill other processes."""

    def __init__(self, reader_name: str | None = None, *, transaction: bool = False) -> None:
        super().__init__(reader_name or "")
        self.reader_name = reader_name
        self.transaction = transaction


class TransportError(ReaderError):
    """Any other PC/SC failure; `code` is the PC/SC error code when known."""

    def __init__(self, code: int | None = None, detail: str = "") -> None:
        super().__init__(f"{code:#010x} {detail}" if code is not None else detail)
        self.code = code
        self.detail = detail


class ApduError(JpkiError):
    """The card answered a status word we did not expect."""

    def __init__(self, sw: int, data: bytes = b"", ins: int | None = None) -> None:
        super().__init__(f"SW={sw:04X}" + (f" INS={ins:02X}" if ins is not None else ""))
        self.sw = sw
        self.data = data
        self.ins = ins


class NotJpkiCard(JpkiError):
    """The card does not answer the JPKI application (SELECT by AID failed)."""

    def __init__(self, sw: int | None = None) -> None:
        super().__init__(f"SW={sw:04X}" if sw is not None else "")
        self.sw = sw


class ApplicationNotFound(JpkiError):
    """Another application (e.g. the card-info input helper AP) is not on this card/token."""

    def __init__(self, aid: bytes, sw: int) -> None:
        super().__init__(f"{aid.hex().upper()} SW={sw:04X}")
        self.aid = aid
        self.sw = sw


class SecurityStatusNotSatisfied(JpkiError):
    """69 82: the operation needs a PIN that has not been verified in this session."""

    def __init__(self, what: str = "") -> None:
        super().__init__(what)
        self.what = what


class PinError(JpkiError):
    """Base of the PIN outcomes that the card reported."""

    def __init__(self, kind: PinKind, remaining: int) -> None:
        super().__init__(f"{kind.value} remaining={remaining}")
        self.kind = kind
        self.remaining = remaining


class PinIncorrect(PinError):
    """The card refused the PIN; `remaining` was read back from the card (>= 1)."""


class PinBlocked(PinError):
    """The PIN is blocked (0 tries left). Only the municipal office (or kiosk route) unblocks it."""

    def __init__(self, kind: PinKind) -> None:
        super().__init__(kind, 0)


class PinNotSet(JpkiError):
    """The card holds no reference data for this PIN (the face-authentication card has none):
    nothing can be verified, so nothing is ever sent. `sw` is the card's answer to the status
    query (or to selecting the PIN file)."""

    def __init__(self, kind: PinKind, sw: int) -> None:
        super().__init__(f"{kind.value} SW={sw:04X}")
        self.kind = kind
        self.sw = sw


class PinFormatError(JpkiError):
    """The PIN cannot be right; raised before any APDU is sent.

    `reason` is a machine-readable code from :class:`jpki_desktop.card.pins.FormatProblem`.
    """

    def __init__(self, kind: PinKind, reason: str) -> None:
        super().__init__(f"{kind.value}: {reason}")
        self.kind = kind
        self.reason = reason


class CardDataError(JpkiError):
    """Data read from the card is malformed (bad DER header, bad TLV, truncated file)."""

    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what


class FinalTryNotConfirmed(PinError):
    """Only one try is left and the caller did not confirm that the user agreed to use it.

    Raised before anything is sent, so the last try is never spent by accident.
    """

    def __init__(self, kind: PinKind) -> None:
        super().__init__(kind, 1)

"""Typed card errors. They carry data, never sentences: the UI and the CLI phrase them.

No exception here ever holds a PIN value.
"""

from __future__ import annotations

from dataclasses import KW_ONLY
from typing import TYPE_CHECKING

from ..typed_error import TypedError

if TYPE_CHECKING:
    from .pins import PinKind


class JpkiError(TypedError):
    """Root of every error raised by the card layer."""


class ReaderError(JpkiError):
    """Something between us and the card (PC/SC service, reader, card presence)."""


class PcscUnavailable(ReaderError):
    """The PC/SC service (pcscd / Smart Card service) cannot be reached."""

    detail: str = ""


class NamedReaderError(ReaderError):
    """Base of the errors about one reader: `reader_name`, or None when no name was asked for."""

    reader_name: str | None = None


class NoReader(NamedReaderError):
    """No card reader is connected (or the named reader does not exist)."""


class NoCard(NamedReaderError):
    """The reader is present but holds no card."""


class CardRemoved(NamedReaderError):
    """The card was removed (or reset by someone else) during an operation."""


class ReaderBusy(NamedReaderError):
    """Another program holds the reader: exclusively, or (`transaction`) inside a PC/SC
    transaction that did not end within the bounded wait. We never kill other processes."""

    _: KW_ONLY
    transaction: bool = False


class TransportError(ReaderError):
    """Any other PC/SC failure; `code` is the PC/SC error code when known."""

    code: int | None = None
    detail: str = ""

    def _message(self) -> str:
        return f"{self.code:#010x} {self.detail}" if self.code is not None else self.detail


class ApduError(JpkiError):
    """The card answered a status word we did not expect."""

    sw: int
    data: bytes = b""
    ins: int | None = None

    def _message(self) -> str:
        return f"SW={self.sw:04X}" + (f" INS={self.ins:02X}" if self.ins is not None else "")


class NotJpkiCard(JpkiError):
    """The card does not answer the JPKI application (SELECT by AID failed)."""

    sw: int | None = None

    def _message(self) -> str:
        return f"SW={self.sw:04X}" if self.sw is not None else ""


class ApplicationNotFound(JpkiError):
    """Another application (e.g. the card-info input helper AP) is not on this card/token."""

    aid: bytes
    sw: int

    def _message(self) -> str:
        return f"{self.aid.hex().upper()} SW={self.sw:04X}"


class SecurityStatusNotSatisfied(JpkiError):
    """69 82: the operation needs a PIN that has not been verified in this session."""

    what: str = ""


class PinError(JpkiError):
    """Base of the PIN outcomes that the card reported."""

    kind: PinKind
    remaining: int
    _text = "{kind.value} remaining={remaining}"


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

    kind: PinKind
    sw: int
    _text = "{kind.value} SW={sw:04X}"


class PinFormatError(JpkiError):
    """The PIN cannot be right; raised before any APDU is sent.

    `reason` is a machine-readable code from :class:`jpki_desktop.card.pins.FormatProblem`.
    """

    kind: PinKind
    reason: str
    _text = "{kind.value}: {reason}"


class CardDataError(JpkiError):
    """Data read from the card is malformed (bad DER header, bad TLV, truncated file)."""

    what: str


class FinalTryNotConfirmed(PinError):
    """Only one try is left and the caller did not confirm that the user agreed to use it.

    Raised before anything is sent, so the last try is never spent by accident.
    """

    def __init__(self, kind: PinKind) -> None:
        super().__init__(kind, 1)

"""The PC/SC adapter: the only module that imports pyscard.

It uses pyscard's thin `scard` layer so every PC/SC call and error code is ours to map:
connect shared with T=1|T=0, disconnect with SCARD_LEAVE_CARD (the pyscard default powers the
card down for every other client), PC/SC transactions around command sequences, and
SCardGetStatusChange for presence (never poll with connect(): see pcsc-test-stack.md).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from smartcard import scard

from .errors import (
    CardRemoved,
    NoCard,
    NoReader,
    PcscUnavailable,
    ReaderBusy,
    ReaderError,
    TransportError,
)

logger = logging.getLogger(__name__)

_SERVICE_DOWN = {
    scard.SCARD_E_NO_SERVICE,
    scard.SCARD_E_SERVICE_STOPPED,
    scard.SCARD_E_INVALID_HANDLE,
}
_NO_READERS = getattr(scard, "SCARD_E_NO_READERS_AVAILABLE", 0x8010002E)
_REMOVED = {scard.SCARD_W_REMOVED_CARD, scard.SCARD_W_RESET_CARD, scard.SCARD_E_NO_SMARTCARD}
_UNKNOWN_READER = {scard.SCARD_E_UNKNOWN_READER, scard.SCARD_E_READER_UNAVAILABLE}
PNP_READER = "\\\\?PnP?\\Notification"
# Failures that may mean "the card left mid-APDU"; how long to wait for pcscd to confirm it.
_MAYBE_REMOVED = {
    scard.SCARD_E_NOT_TRANSACTED,
    scard.SCARD_F_COMM_ERROR,
    getattr(scard, "SCARD_E_COMM_DATA_LOST", 0x8010002F),
}
_REMOVAL_WAIT_MS = 1500


def _error_for(code: int, reader: str | None = None, *, during_io: bool = False) -> Exception:
    if code in _SERVICE_DOWN:
        return PcscUnavailable(scard.SCardGetErrorMessage(code))
    if code == scard.SCARD_E_SHARING_VIOLATION:
        return ReaderBusy(reader)
    if code in _REMOVED:
        return (
            CardRemoved(reader)
            if during_io or code != scard.SCARD_E_NO_SMARTCARD
            else NoCard(reader)
        )
    if code == scard.SCARD_W_REMOVED_CARD:
        return NoCard(reader)
    if code in _UNKNOWN_READER or code == _NO_READERS:
        return NoReader(reader)
    return TransportError(code, scard.SCardGetErrorMessage(code))


class Context:
    """A PC/SC context; raises :class:`PcscUnavailable` when the service cannot be reached."""

    def __init__(self) -> None:
        try:
            hresult, self.handle = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
        except scard.error as exc:  # pyscard raises when libpcsclite itself fails
            raise PcscUnavailable(str(exc)) from None
        if hresult != scard.SCARD_S_SUCCESS:
            raise _error_for(hresult)

    def close(self) -> None:
        if self.handle is not None:
            scard.SCardReleaseContext(self.handle)
            self.handle = None

    def __enter__(self) -> Context:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def list_readers(self) -> list[str]:
        hresult, readers = scard.SCardListReaders(self.handle, [])
        if hresult == _NO_READERS:
            return []
        if hresult != scard.SCARD_S_SUCCESS:
            raise _error_for(hresult)
        return list(readers)

    def reader_states(self, readers: list[str]) -> dict[str, tuple[int, bytes]]:
        """Current state flags and ATR per reader, without waiting."""
        states = [(r, scard.SCARD_STATE_UNAWARE) for r in readers]
        hresult, new = scard.SCardGetStatusChange(self.handle, 0, states)
        if hresult not in (scard.SCARD_S_SUCCESS, scard.SCARD_E_TIMEOUT):
            raise _error_for(hresult)
        return {name: (flags, bytes(atr)) for name, flags, atr in new}

    def wait_for_change(
        self, states: list[tuple[str, int]], timeout_ms: int
    ) -> list[tuple[str, int, bytes]] | None:
        """SCardGetStatusChange; None on timeout. Include PNP_READER to hear about new readers."""
        hresult, new = scard.SCardGetStatusChange(self.handle, timeout_ms, states)
        if hresult == scard.SCARD_E_TIMEOUT:
            return None
        if hresult == scard.SCARD_E_CANCELLED:
            return []
        if hresult != scard.SCARD_S_SUCCESS:
            raise _error_for(hresult)
        return [(name, flags, bytes(atr)) for name, flags, atr in new]

    def cancel(self) -> None:
        if self.handle is not None:
            scard.SCardCancel(self.handle)

    def wait_reader_state(self, reader: str, present: bool, timeout_ms: int = 5000) -> bool:
        """Wait until `reader` reports a card present (or empty). True if reached in time."""
        want = scard.SCARD_STATE_PRESENT if present else scard.SCARD_STATE_EMPTY
        state = scard.SCARD_STATE_UNAWARE
        import time

        deadline = time.monotonic() + timeout_ms / 1000
        while True:
            left = int((deadline - time.monotonic()) * 1000)
            if left <= 0:
                return False
            result = self.wait_for_change([(reader, state)], left)
            if result is None:
                return False
            if not result:
                continue
            _, flags, _ = result[0]
            if flags & want and not flags & scard.SCARD_STATE_MUTE:
                return True
            state = flags & ~scard.SCARD_STATE_CHANGED


def list_readers() -> list[str]:
    with Context() as ctx:
        return ctx.list_readers()


@dataclass(frozen=True)
class ReaderInfo:
    name: str
    card_present: bool
    exclusive: bool  # another process holds it exclusively
    atr: bytes


STATE_PRESENT = scard.SCARD_STATE_PRESENT
STATE_EMPTY = scard.SCARD_STATE_EMPTY
STATE_EXCLUSIVE = scard.SCARD_STATE_EXCLUSIVE
STATE_INUSE = scard.SCARD_STATE_INUSE
STATE_MUTE = scard.SCARD_STATE_MUTE
STATE_CHANGED = scard.SCARD_STATE_CHANGED
STATE_UNAVAILABLE = scard.SCARD_STATE_UNAVAILABLE
STATE_UNKNOWN = scard.SCARD_STATE_UNKNOWN
STATE_UNAWARE = scard.SCARD_STATE_UNAWARE


def reader_infos() -> list[ReaderInfo]:
    with Context() as ctx:
        readers = ctx.list_readers()
        states = ctx.reader_states(readers) if readers else {}
    return [
        ReaderInfo(
            name,
            bool(flags & scard.SCARD_STATE_PRESENT) and not flags & scard.SCARD_STATE_MUTE,
            bool(flags & scard.SCARD_STATE_EXCLUSIVE),
            atr,
        )
        for name, (flags, atr) in states.items()
    ]


class PcscTransport:
    """One connection to the card in `reader`. Implements the `Transport` seam."""

    def __init__(self, reader: str, *, exclusive: bool = False) -> None:
        self.reader_name = reader
        self._ctx = Context()
        share = scard.SCARD_SHARE_EXCLUSIVE if exclusive else scard.SCARD_SHARE_SHARED
        try:
            hresult, self._card, self.protocol = scard.SCardConnect(
                self._ctx.handle, reader, share, scard.SCARD_PROTOCOL_T1 | scard.SCARD_PROTOCOL_T0
            )
        except scard.error as exc:
            self._ctx.close()
            raise TransportError(None, str(exc)) from None
        if hresult != scard.SCARD_S_SUCCESS:
            self._ctx.close()
            self._card = None
            if hresult in (scard.SCARD_E_NO_SMARTCARD, scard.SCARD_W_REMOVED_CARD):
                raise NoCard(reader)
            raise _error_for(hresult, reader)
        self._pci = (
            scard.SCARD_PCI_T1 if self.protocol == scard.SCARD_PROTOCOL_T1 else scard.SCARD_PCI_T0
        )
        self._atr = b""

    @property
    def atr(self) -> bytes:
        if not self._atr and self._card is not None:
            hresult, _, _, _, atr = scard.SCardStatus(self._card)
            if hresult == scard.SCARD_S_SUCCESS:
                self._atr = bytes(atr)
        return self._atr

    def send_and_receive(self, apdu: bytes) -> tuple[bytes, int]:
        if self._card is None:
            raise CardRemoved(self.reader_name)
        hresult, response = scard.SCardTransmit(self._card, self._pci, list(apdu))
        if hresult != scard.SCARD_S_SUCCESS:
            raise self._io_failure(hresult)
        if len(response) < 2:
            raise self._io_failure(None)
        return bytes(response[:-2]), (response[-2] << 8) | response[-1]

    def _io_failure(self, code: int | None) -> Exception:
        """Classify a failed exchange. A card pulled mid-APDU first shows up as a generic failure
        (SCARD_E_NOT_TRANSACTED, or an empty response with vpcd); pcscd reports the removal only
        at its next presence poll, so wait briefly for the reader to say whether it is empty."""
        if code is not None and code not in _MAYBE_REMOVED:
            return _error_for(code, self.reader_name, during_io=True)
        hresult, *_ = scard.SCardStatus(self._card)
        if hresult in _REMOVED:
            return CardRemoved(self.reader_name)
        try:
            if self._ctx.wait_reader_state(self.reader_name, False, _REMOVAL_WAIT_MS):
                return CardRemoved(self.reader_name)
        except ReaderError:
            pass
        if code is None:
            return TransportError(None, "response shorter than a status word")
        return TransportError(code, scard.SCardGetErrorMessage(code))

    def begin_transaction(self) -> None:
        hresult = scard.SCardBeginTransaction(self._card)
        if hresult != scard.SCARD_S_SUCCESS:
            raise _error_for(hresult, self.reader_name, during_io=True)

    def end_transaction(self) -> None:
        if self._card is not None:
            scard.SCardEndTransaction(self._card, scard.SCARD_LEAVE_CARD)

    def power_down(self) -> None:
        """Disconnect with SCARD_UNPOWER_CARD: the only reliable way to clear a verified PIN
        (a warm reset or a plain disconnect leaves it verified on real cards, protocol §2.4)."""
        if self._card is not None:
            scard.SCardDisconnect(self._card, scard.SCARD_UNPOWER_CARD)
            self._card = None

    def close(self) -> None:
        if self._card is not None:
            scard.SCardDisconnect(self._card, scard.SCARD_LEAVE_CARD)
            self._card = None
        self._ctx.close()

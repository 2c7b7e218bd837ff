"""The PC/SC adapter: the only module that imports pyscard.

It uses pyscard's thin `scard` layer so every PC/SC call and error code is ours to map:
connect shared with T=1|T=0, disconnect with SCARD_LEAVE_CARD (the pyscard default powers the
card down for every other client), PC/SC transactions around command sequences, and
SCardGetStatusChange for presence (never poll with connect(): see pcsc-test-stack.md).
"""

from __future__ import annotations

import logging
import os
import threading
import time
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
# How long a card operation waits for another program's PC/SC transaction to end before it
# reports the reader busy. pcsc-lite's SCardBeginTransaction itself waits forever.
BUSY_TIMEOUT_ENV = "JPKI_READER_BUSY_TIMEOUT"
DEFAULT_BUSY_TIMEOUT = 5.0


def busy_timeout() -> float:
    """Seconds to wait for a reader held by another program (env JPKI_READER_BUSY_TIMEOUT)."""
    try:
        value = float(os.environ.get(BUSY_TIMEOUT_ENV, ""))
    except ValueError:
        return DEFAULT_BUSY_TIMEOUT
    return value if 0 < value <= 600 else DEFAULT_BUSY_TIMEOUT


def _service_down() -> PcscUnavailable | None:
    """A PcscUnavailable if pcscd no longer answers (a fresh context cannot be made)."""
    try:
        with Context() as ctx:
            ctx.list_readers()
    except PcscUnavailable as exc:
        return exc
    except TransportError as exc:  # a killed pcscd may still accept, then drop, a connection
        return PcscUnavailable(str(exc))
    except ReaderError:
        return None
    return None


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


def _bounded_connect(
    ctx: Context, reader: str, share: int, timeout_s: float
) -> tuple[int, int, int] | Exception | None:
    """SCardConnect, giving up after `timeout_s`; None when it did not return in time.

    pcscd makes SCardConnect wait, with no timeout, for as long as another program holds a
    PC/SC transaction, and the client library offers no way to interrupt it. So the call runs
    on a helper thread with its own context; if it times out the thread is abandoned: when it
    finally connects (the other program let go) it disconnects and releases the context itself.
    """
    lock = threading.Lock()
    outcome: list[tuple[int, int, int] | Exception] = []
    abandoned = False
    done = threading.Event()

    def connect() -> None:
        try:
            result: tuple[int, int, int] | Exception = scard.SCardConnect(
                ctx.handle, reader, share, scard.SCARD_PROTOCOL_T1 | scard.SCARD_PROTOCOL_T0
            )
        except scard.error as exc:  # pyscard raises when libpcsclite itself fails
            result = exc
        with lock:
            if not abandoned:
                outcome.append(result)
                done.set()
                return
        if not isinstance(result, Exception) and result[0] == scard.SCARD_S_SUCCESS:
            scard.SCardDisconnect(result[1], scard.SCARD_LEAVE_CARD)
        ctx.close()

    threading.Thread(target=connect, name="pcsc-connect", daemon=True).start()
    done.wait(timeout_s)
    with lock:
        if outcome:
            return outcome[0]
        abandoned = True
    logger.info("reader %s held by another program; gave up connecting", reader)
    return None


class PcscTransport:
    """One connection to the card in `reader`. Implements the `Transport` seam."""

    def __init__(
        self, reader: str, *, exclusive: bool = False, busy_timeout_s: float | None = None
    ) -> None:
        self.reader_name = reader
        self.busy_timeout_s = busy_timeout() if busy_timeout_s is None else busy_timeout_s
        self._ctx = Context()
        share = scard.SCARD_SHARE_EXCLUSIVE if exclusive else scard.SCARD_SHARE_SHARED
        connected = _bounded_connect(self._ctx, reader, share, self.busy_timeout_s)
        if connected is None:  # the helper thread owns (and will close) the context now
            self._card = None
            raise ReaderBusy(reader, transaction=True)
        if isinstance(connected, Exception):
            self._ctx.close()
            raise TransportError(None, str(connected)) from None
        hresult, self._card, self.protocol = connected
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

    def send_and_receive(self, apdu: bytes | bytearray) -> tuple[bytes, int]:
        if self._card is None:
            raise CardRemoved(self.reader_name)
        command = list(apdu)  # pyscard wants a list of ints; it may hold a PIN: wiped below
        try:
            hresult, response = scard.SCardTransmit(self._card, self._pci, command)
        finally:
            for i in range(len(command)):
                command[i] = 0
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
        down = _service_down()  # did pcscd itself die? ("RPC transport error", or no answer)
        if down is not None:
            return down
        if self._card is None:
            return CardRemoved(self.reader_name)
        hresult, *_ = scard.SCardStatus(self._card)
        if hresult in _SERVICE_DOWN:
            return PcscUnavailable(scard.SCardGetErrorMessage(hresult))
        if hresult in _REMOVED:
            return CardRemoved(self.reader_name)
        try:
            if self._ctx.wait_reader_state(self.reader_name, False, _REMOVAL_WAIT_MS):
                return CardRemoved(self.reader_name)
        except PcscUnavailable as exc:
            return exc
        except ReaderError:
            pass
        if code is None:
            return TransportError(None, "response shorter than a status word")
        return TransportError(code, scard.SCardGetErrorMessage(code))

    def begin_transaction(self) -> None:
        """SCardBeginTransaction with a bounded wait.

        pcsc-lite retries every 100 ms for as long as another program holds a transaction,
        releasing its lock between tries; disconnecting the handle from here ends that loop
        with SCARD_E_INVALID_HANDLE. So the call runs on a helper thread, and after
        `busy_timeout_s` this connection is closed and :class:`ReaderBusy` raised.
        """
        if self._card is None:
            raise CardRemoved(self.reader_name)
        card = self._card
        result: list[int] = []
        done = threading.Event()

        def begin() -> None:
            try:
                result.append(scard.SCardBeginTransaction(card))
            except scard.error:
                result.append(scard.SCARD_E_INVALID_HANDLE)
            finally:
                done.set()

        threading.Thread(target=begin, name="pcsc-begin-transaction", daemon=True).start()
        if not done.wait(self.busy_timeout_s):
            logger.info("reader %s held by another program's transaction", self.reader_name)
            self._card = None
            scard.SCardDisconnect(card, scard.SCARD_LEAVE_CARD)
            done.wait(2.0)
            raise ReaderBusy(self.reader_name, transaction=True)
        hresult = result[0]
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

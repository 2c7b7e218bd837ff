"""The transport seam: anything that can exchange one APDU with a card.

`Transport.send_and_receive(apdu) -> (data, sw)` is implemented by the PC/SC adapter
(`card/pcsc.py`) and by the in-process virtual card. :class:`ApduChannel` sits on top: it
handles 61xx / 6Cxx defensively, counts APDUs, traces them at the TRAFFIC level (below DEBUG)
with PIN bodies redacted, and can inject a per-APDU delay to model a real USB reader.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Iterator
from typing import Protocol, runtime_checkable

from .apdu import INS, SECRET_INS, build, redact

TRAFFIC = 5
logging.addLevelName(TRAFFIC, "TRAFFIC")
logger = logging.getLogger(__name__)

_JPKI_AID = bytes.fromhex("D392F000260100000001")
# EFs of the JPKI application whose contents hold no personal data, so traces may show them:
# token info, certificate availability, the user authentication certificate, both CA
# certificates. Everything else read from a card (the signing certificate with name, address,
# birth date and sex; the card-info application's My Number and basic four attributes;
# anything on an unknown application) is traced as its length only.
_PUBLIC_JPKI_EFS = frozenset({0x0006, 0x0008, 0x000A, 0x000B, 0x0002})


@runtime_checkable
class Transport(Protocol):
    def send_and_receive(self, apdu: bytes | bytearray) -> tuple[bytes, int]: ...

    def close(self) -> None: ...


class ApduChannel:
    """APDU exchange with bookkeeping. Not thread-safe: one card thread owns it."""

    def __init__(self, transport: Transport, *, apdu_delay: float = 0.0) -> None:
        self.transport = transport
        self.apdu_delay = apdu_delay
        self.apdu_count = 0
        self._transaction_depth = 0
        # Set once a PIN went to the card: the card keeps it verified until power-off, even
        # for other programs after we disconnect, so close() must then power the card down.
        self.secret_presented = False
        self._trace_app: bytes | None = None  # for trace redaction: the selected application
        self._trace_ef: int | None = None  # and EF, as far as the commands sent tell

    def _track_selection(self, apdu: bytes | bytearray) -> None:
        if len(apdu) < 4:
            return
        ins, p1 = apdu[1], apdu[2]
        body = bytes(apdu[5 : 5 + apdu[4]]) if len(apdu) > 5 else b""
        if ins == INS.SELECT and p1 == 0x04:
            self._trace_app, self._trace_ef = body, None
        elif ins == INS.SELECT and p1 == 0x02 and len(body) == 2:
            self._trace_ef = int.from_bytes(body, "big")
        elif ins == INS.READ_BINARY and p1 & 0x80:
            self._trace_ef = p1 & 0x1F

    def _shown_response(self, apdu: bytes | bytearray, data: bytes) -> str:
        if not data:
            return ""
        if apdu[1] in SECRET_INS:
            return "<secret>"
        if apdu[1] in (INS.READ_BINARY, INS.GET_RESPONSE) and not (
            self._trace_app == _JPKI_AID and self._trace_ef in _PUBLIC_JPKI_EFS
        ):
            return f"<{len(data)} bytes of card data redacted>"
        return data.hex()

    def transmit(self, apdu: bytes | bytearray) -> tuple[bytes, int]:
        data, sw = self._exchange(apdu)
        chunks = [data]
        # T=1 cards like JPKI never send these; odd readers / T=0 bridges might.
        for _ in range(64):
            if sw >> 8 == 0x61:
                data, sw = self._exchange(
                    build(0x00, INS.GET_RESPONSE, 0, 0, le=(sw & 0xFF) or 256)
                )
                chunks.append(data)
            elif sw >> 8 == 0x6C and len(apdu) >= 5:
                chunks = []
                apdu = apdu[:-1] + bytes((sw & 0xFF,))
                data, sw = self._exchange(apdu)
                chunks.append(data)
            else:
                break
        return b"".join(chunks), sw

    def _exchange(self, apdu: bytes | bytearray) -> tuple[bytes, int]:
        if self.apdu_delay:
            time.sleep(self.apdu_delay)
        self.apdu_count += 1
        if len(apdu) > 5 and apdu[1] in SECRET_INS:
            self.secret_presented = True
        else:  # a PIN-bearing APDU is never sliced into a copy
            self._track_selection(apdu)
        if logger.isEnabledFor(TRAFFIC):
            logger.log(TRAFFIC, "SEND %s", redact(apdu))
        data, sw = self.transport.send_and_receive(apdu)
        if logger.isEnabledFor(TRAFFIC):
            logger.log(TRAFFIC, "RECV %s SW=%04X", self._shown_response(apdu, data), sw)
        return data, sw

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Hold a PC/SC transaction (if the transport has one) around a command sequence.

        Re-entrant: only the outermost level begins and ends the PC/SC transaction, so a
        select→verify inside a larger sequence cannot be split by another process.
        """
        begin = getattr(self.transport, "begin_transaction", None)
        end = getattr(self.transport, "end_transaction", None)
        if begin is None or end is None or self._transaction_depth:
            self._transaction_depth += 1
            try:
                yield
            finally:
                self._transaction_depth -= 1
            return
        begin()
        self._transaction_depth = 1
        try:
            yield
        finally:
            self._transaction_depth = 0
            end()

    def close(self) -> None:
        """Disconnect; power the card down first if a PIN was presented (log out)."""
        power_down = getattr(self.transport, "power_down", None)
        if self.secret_presented and power_down is not None:
            try:
                power_down()
            finally:
                self.secret_presented = False
        self.transport.close()

"""A forward-only ZIP writer: the output is an encrypting stream that cannot seek back.

Entries whose bytes are known up front (``mimetype``, the XML files, the signature) get their
CRC and sizes in the local header, so ``mimetype`` is first, STORED and without a data
descriptor, as ASiC requires. Streamed entries (attachments) are STORED with a data descriptor
(general-purpose flag bit 3), and switch to ZIP64 when their announced size or the offset needs
it. Names are UTF-8 (flag bit 11).
"""

from __future__ import annotations

import datetime as dt
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import BinaryIO, Protocol

ZIP64_LIMIT = 0xFFFFFFFF  # module constant so tests can force the ZIP64 paths with small files
CHUNK = 1024 * 1024
FLAG_DESCRIPTOR = 0x0008
FLAG_UTF8 = 0x0800
STORED, DEFLATED = 0, 8


class Sink(Protocol):
    """Must consume `data` during the call (the writer reuses its read buffer)."""

    def write(self, data: bytes | memoryview) -> object: ...


@dataclass
class _Entry:
    name: bytes
    method: int
    flags: int
    crc: int
    compressed: int
    size: int
    offset: int
    zip64: bool


def _dos_time(when: dt.datetime) -> tuple[int, int]:
    t = max(when, dt.datetime(1980, 1, 1, tzinfo=when.tzinfo))
    return (t.hour << 11) | (t.minute << 5) | (t.second // 2), ((t.year - 1980) << 9) | (
        t.month << 5
    ) | t.day


class ZipStreamWriter:
    def __init__(self, out: Sink, when: dt.datetime) -> None:
        self._out = out
        self._offset = 0
        self._entries: list[_Entry] = []
        self._names: set[bytes] = set()
        self._time, self._date = _dos_time(when)

    def _write(self, data: bytes | memoryview) -> None:
        self._out.write(data)
        self._offset += len(data)

    def _name(self, name: str) -> tuple[bytes, int]:
        raw = name.encode("utf-8")
        if raw in self._names:
            raise ValueError(f"duplicate entry {name!r}")
        self._names.add(raw)
        return raw, (FLAG_UTF8 if not name.isascii() else 0)

    def _local_header(self, e: _Entry, extra: bytes, crc: int, csize: int, usize: int) -> bytes:
        version = 45 if e.zip64 else 20
        return (
            struct.pack(
                "<IHHHHHIIIHH",
                0x04034B50,
                version,
                e.flags,
                e.method,
                self._time,
                self._date,
                crc,
                csize,
                usize,
                len(e.name),
                len(extra),
            )
            + e.name
            + extra
        )

    def add_bytes(self, name: str, data: bytes, *, compress: bool = False) -> None:
        """An entry whose content is in memory: sizes and CRC go into the local header."""
        raw, flags = self._name(name)
        body = data
        method = STORED
        if compress:
            c = zlib.compressobj(6, zlib.DEFLATED, -15)
            body = c.compress(data) + c.flush()
            method = DEFLATED
        crc = zlib.crc32(data)
        zip64 = len(data) >= ZIP64_LIMIT or self._offset >= ZIP64_LIMIT
        e = _Entry(raw, method, flags, crc, len(body), len(data), self._offset, zip64)
        if zip64:
            extra = struct.pack("<HHQQ", 0x0001, 16, len(data), len(body))
            self._write(self._local_header(e, extra, crc, 0xFFFFFFFF, 0xFFFFFFFF))
        else:
            self._write(self._local_header(e, b"", crc, len(body), len(data)))
        self._write(body)
        self._entries.append(e)

    def add_stream(
        self,
        name: str,
        source: BinaryIO,
        size: int,
        *,
        observe: Callable[[bytes], None] | None = None,
        chunk: int = CHUNK,
    ) -> int:
        """A STORED entry streamed from `source`; `observe` sees every chunk (hashing, progress).
        `size` is what the caller expects (it decides ZIP64); at most `size + 1` bytes are read,
        and the real count is returned, so a source that grew shows as ``size + 1``."""
        raw, flags = self._name(name)
        zip64 = size + 1 >= ZIP64_LIMIT or self._offset >= ZIP64_LIMIT  # + 1: a source that grew
        e = _Entry(raw, STORED, flags | FLAG_DESCRIPTOR, 0, 0, 0, self._offset, zip64)
        extra = struct.pack("<HHQQ", 0x0001, 16, 0, 0) if zip64 else b""
        self._write(
            self._local_header(e, extra, 0, 0xFFFFFFFF if zip64 else 0, 0xFFFFFFFF if zip64 else 0)
        )
        crc = 0
        count = 0
        buf = bytearray(chunk)
        view = memoryview(buf)
        while count <= size:
            n = source.readinto(view[: min(chunk, size + 1 - count)])  # type: ignore[attr-defined]
            if not n:
                break
            piece = view[:n]
            crc = zlib.crc32(piece, crc)
            if observe is not None:
                observe(piece)  # type: ignore[arg-type]
            self._write(piece)  # the sink consumes it before the buffer is reused
            count += n
        if count >= ZIP64_LIMIT and not zip64:
            raise ValueError("entry grew past 4 GiB without ZIP64")  # caller announced a wrong size
        e.crc, e.compressed, e.size = crc, count, count
        if zip64:
            self._write(struct.pack("<IIQQ", 0x08074B50, crc, count, count))
        else:
            self._write(struct.pack("<IIII", 0x08074B50, crc, count, count))
        self._entries.append(e)
        return count

    def close(self) -> None:
        """Write the central directory (and the ZIP64 end records when needed)."""
        cd_start = self._offset
        for e in self._entries:
            fields = []
            size = e.size
            csize = e.compressed
            offset = e.offset
            if size >= ZIP64_LIMIT or e.zip64:
                fields.append(size)
                size = 0xFFFFFFFF
            if csize >= ZIP64_LIMIT or e.zip64:
                fields.append(csize)
                csize = 0xFFFFFFFF
            if offset >= ZIP64_LIMIT:
                fields.append(offset)
                offset = 0xFFFFFFFF
            extra = (
                struct.pack(f"<HH{len(fields)}Q", 0x0001, 8 * len(fields), *fields)
                if fields
                else b""
            )
            version = 45 if fields else 20
            self._write(
                struct.pack(
                    "<IHHHHHHIIIHHHHHII",
                    0x02014B50,
                    (3 << 8) | version,
                    version,
                    e.flags,
                    e.method,
                    self._time,
                    self._date,
                    e.crc,
                    csize,
                    size,
                    len(e.name),
                    len(extra),
                    0,
                    0,
                    0,
                    0o100644 << 16,
                    offset,
                )
                + e.name
                + extra
            )
        cd_size = self._offset - cd_start
        count = len(self._entries)
        if count >= 0xFFFF or cd_start >= ZIP64_LIMIT or cd_size >= ZIP64_LIMIT:
            eocd64 = self._offset
            self._write(
                struct.pack(
                    "<IQHHIIQQQQ", 0x06064B50, 44, 45, 45, 0, 0, count, count, cd_size, cd_start
                )
            )
            self._write(struct.pack("<IIQI", 0x07064B50, 0, eocd64, 1))
            self._write(
                struct.pack(
                    "<IHHHHIIH", 0x06054B50, 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0
                )
            )
        else:
            self._write(
                struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, cd_size, cd_start, 0)
            )

"""Just enough streaming BER to read a CMS envelope of any size without loading it.

Single-byte tags, definite and indefinite lengths. Small elements are read whole (bounded);
the ciphertext is yielded in chunks. Any inconsistency, or running out of input, raises
:class:`~.errors.MalformedEnvelope`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from asn1crypto import core

from ..errors import MalformedEnvelope

MAX_ELEMENT = 1024 * 1024
CHUNK = 1024 * 1024


def octets_header(n: int) -> bytes:
    """DER header of a primitive OCTET STRING of `n` bytes."""
    if n < 0x80:
        return bytes((0x04, n))
    raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes((0x04, 0x80 | len(raw))) + raw


class BerReader:
    def __init__(self, source: BinaryIO) -> None:
        self._src = source
        self.pos = 0
        self._peeked: tuple[int, int | None, bytes] | None = None

    def _read(self, n: int) -> bytes:
        data = self._src.read(n)
        if len(data) != n:
            raise MalformedEnvelope("truncated")
        self.pos += n
        return data

    def _header(self) -> tuple[int, int | None, bytes]:
        if self._peeked is not None:
            h, self._peeked = self._peeked, None
            return h
        first = self._read(2)
        tag, lb = first[0], first[1]
        if tag & 0x1F == 0x1F:
            raise MalformedEnvelope("multi_byte_tag")
        if lb < 0x80:
            return tag, lb, first
        if lb == 0x80:
            if not tag & 0x20:
                raise MalformedEnvelope("indefinite_primitive")
            return tag, None, first
        nbytes = lb & 0x7F
        if nbytes > 8:
            raise MalformedEnvelope("length")
        raw = self._read(nbytes)
        return tag, int.from_bytes(raw, "big"), first + raw

    def peek(self) -> tuple[int, int | None]:
        if self._peeked is None:
            self._peeked = self._header()
        return self._peeked[0], self._peeked[1]

    def _expect(self, tag: int) -> tuple[int | None, bytes]:
        got, length, header = self._header()
        if got != tag:
            raise MalformedEnvelope(f"tag_{got:02x}_not_{tag:02x}")
        return length, header

    def enter(self, tag: int) -> int | None:
        """Open a constructed element; returns its end position (None: indefinite)."""
        length, _ = self._expect(tag)
        return None if length is None else self.pos + length

    def leave(self, end: int | None) -> None:
        if end is None:
            if self._read(2) != b"\x00\x00":
                raise MalformedEnvelope("missing_end_of_contents")
        elif self.pos != end or self._peeked is not None:
            raise MalformedEnvelope("length_mismatch")

    def _read_tlv(self, tag: int) -> tuple[bytes, bytes]:
        length, header = self._expect(tag)
        if length is None or length > MAX_ELEMENT:
            raise MalformedEnvelope(f"element_{tag:02x}")
        return header, self._read(length)

    def read_element(self, tag: int) -> bytes:
        """A whole small element with a definite length, header included."""
        header, value = self._read_tlv(tag)
        return header + value

    def read_primitive(self, tag: int) -> bytes:
        return self._read_tlv(tag)[1]

    def read_oid(self) -> str:
        return str(core.ObjectIdentifier.load(self.read_element(0x06)).dotted)

    def iter_octets(self, primitive_tag: int, constructed_tag: int) -> Iterator[bytes]:
        """The content octets of an [n] IMPLICIT OCTET STRING, primitive or segmented."""
        tag, length, _ = self._header()
        if tag == primitive_tag and length is not None:
            yield from self._stream(length)
        elif tag == constructed_tag:
            yield from self._segments(None if length is None else self.pos + length)
        else:
            raise MalformedEnvelope("encrypted_content")

    def _stream(self, length: int) -> Iterator[bytes]:
        left = length
        while left:
            piece = self._read(min(CHUNK, left))
            left -= len(piece)
            yield piece

    def _segments(self, end: int | None) -> Iterator[bytes]:
        while True:
            if end is not None and self.pos >= end:
                if self.pos != end:
                    raise MalformedEnvelope("length_mismatch")
                return
            tag, length, _ = self._header()
            if end is None and tag == 0 and length == 0:
                return  # end-of-contents
            if tag == 0x04 and length is not None:
                yield from self._stream(length)
            elif tag == 0x24:
                yield from self._segments(None if length is None else self.pos + length)
            else:
                raise MalformedEnvelope("segment")

    def expect_end(self) -> None:
        if self._src.read(1):
            raise MalformedEnvelope("trailing_data")


MAX_DEPTH = 64


def structure_problem(data: bytes, *, der: bool) -> str | None:
    """Why `data` is not one well-formed BER (or, with `der`, DER) element, or None.

    Checks every TLV down the tree: each constructed element is exactly filled by its
    children, nothing trails the outer element, and with `der` every length is definite and
    minimally encoded. asn1crypto parses lazily and never looks at parts nobody reads (a
    damaged digestAlgorithms SET passed unnoticed, where OpenSSL refuses the file)."""
    try:
        end = _walk(data, 0, len(data), der, 0)
    except _Bad as exc:
        return str(exc)
    return None if end == len(data) else "trailing_data"


class _Bad(Exception):
    pass


def _walk(data: bytes, pos: int, limit: int, der: bool, depth: int) -> int:
    """Parse one element at `pos` (not beyond `limit`); return the position after it."""
    if depth > MAX_DEPTH:
        raise _Bad("too_deep")
    if pos + 2 > limit:
        raise _Bad("truncated")
    tag = data[pos]
    pos += 1
    if tag & 0x1F == 0x1F:  # high tag number: base-128 digits
        while True:
            if pos >= limit:
                raise _Bad("truncated")
            pos += 1
            if not data[pos - 1] & 0x80:
                break
    if pos >= limit:
        raise _Bad("truncated")
    first = data[pos]
    pos += 1
    constructed = bool(tag & 0x20)
    if first == 0x80:  # indefinite length
        if der or not constructed:
            raise _Bad("indefinite_length")
        while True:
            if pos + 2 <= limit and data[pos] == 0 and data[pos + 1] == 0:
                return pos + 2
            pos = _walk(data, pos, limit, der, depth + 1)
    if first & 0x80:
        n = first & 0x7F
        if n > 8 or pos + n > limit:
            raise _Bad("length")
        length = int.from_bytes(data[pos : pos + n], "big")
        if der and (data[pos] == 0 or length < 0x80):
            raise _Bad("length_not_minimal")
        pos += n
    else:
        length = first
    end = pos + length
    if end > limit:
        raise _Bad("length_exceeds_parent")
    if constructed:
        while pos < end:
            pos = _walk(data, pos, end, der, depth + 1)
        if pos != end:
            raise _Bad("length_mismatch")
    return end

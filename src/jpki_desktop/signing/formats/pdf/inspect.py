"""Can this PDF be signed? Checked before the card is touched (no password asked, no try spent).

Refused with :class:`~..errors.PdfRefused`: not a PDF, damaged (pyHanko cannot read its
cross-reference data, trailer, catalog or page tree), encrypted, or certified with "no changes
allowed" (DocMDP P=1: any signature added would break the certification).
"""

from __future__ import annotations

import os
import struct
from dataclasses import dataclass
from typing import BinaryIO

from pyhanko.pdf_utils import generic, misc
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.fields import MDPPerm
from pyhanko.sign.validation.pdf_embedded import read_certification_data

from ...errors import PdfRefused

HEADER_WINDOW = 1024  # the PDF spec lets %PDF- start anywhere in the first 1024 bytes
# what pyHanko's parser raises on damaged input besides its own PdfError
PARSE_ERRORS = (
    misc.PdfError,
    ValueError,
    TypeError,
    KeyError,
    IndexError,
    AttributeError,
    AssertionError,
    RecursionError,
    struct.error,
    EOFError,
)


@dataclass(frozen=True)
class PageBox:
    x1: float
    y1: float
    x2: float
    y2: float

    @property
    def width(self) -> float:
        return self.x2 - self.x1

    @property
    def height(self) -> float:
        return self.y2 - self.y1


@dataclass(frozen=True)
class PdfInfo:
    """What the signer and the user need to know about a PDF before signing it."""

    size: int
    pages: int
    signatures: int  # signatures already in the file (a new one is a co-signature)
    certified: MDPPerm | None  # DocMDP permission of a certification signature, if any
    first_page: PageBox  # media box of page 1 (the GUI places a stamp on it by default)


def open_reader(stream: BinaryIO) -> PdfFileReader:
    """A pyHanko reader, or PdfRefused(not_pdf / damaged)."""
    stream.seek(0)
    if b"%PDF-" not in stream.read(HEADER_WINDOW):
        raise PdfRefused("not_pdf")
    stream.seek(0)
    try:
        return PdfFileReader(stream, strict=False)
    except PARSE_ERRORS as exc:
        raise PdfRefused("damaged", type(exc).__name__) from None


def page_box(reader: PdfFileReader, index: int) -> PageBox:
    """Media box of page `index` (0-based); PdfRefused(page_out_of_range / damaged)."""
    try:
        count = int(reader.root["/Pages"]["/Count"])
    except PARSE_ERRORS as exc:
        raise PdfRefused("damaged", type(exc).__name__) from None
    if not 0 <= index < count:
        raise PdfRefused("page_out_of_range", str(index + 1))
    try:
        ref, _resources = reader.find_page_for_modification(index)  # type: ignore[no-untyped-call]
        page = ref.get_object()
        box = _inherited(page, "/MediaBox")
        x1, y1, x2, y2 = (float(v) for v in box)
    except PARSE_ERRORS as exc:
        raise PdfRefused("damaged", type(exc).__name__) from None
    return PageBox(min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2))


def _inherited(page: generic.DictionaryObject, key: str) -> generic.ArrayObject:
    node: generic.PdfObject = page
    for _ in range(64):  # page trees are shallow; a loop here is damage
        assert isinstance(node, generic.DictionaryObject)
        if key in node:
            value = node[key]
            assert isinstance(value, generic.ArrayObject) and len(value) == 4
            return value
        node = node["/Parent"]
    raise misc.PdfReadError("page tree too deep")


def inspect_reader(reader: PdfFileReader, size: int) -> PdfInfo:
    if reader.encrypted:
        raise PdfRefused("encrypted")
    try:
        certification = read_certification_data(reader)
        signatures = len(reader.embedded_signatures)
        pages = int(reader.root["/Pages"]["/Count"])
    except PARSE_ERRORS as exc:
        raise PdfRefused("damaged", type(exc).__name__) from None
    if pages < 1:
        raise PdfRefused("damaged", "no_pages")
    certified = certification.permission if certification is not None else None
    if certified is MDPPerm.NO_CHANGES:
        raise PdfRefused("certified_no_changes")
    return PdfInfo(size, pages, signatures, certified, page_box(reader, 0))


def inspect_pdf(path: str | os.PathLike[str]) -> PdfInfo:
    """Read the PDF once, refuse what cannot be signed; the file is opened read-only."""
    with open(path, "rb") as f:
        size = os.fstat(f.fileno()).st_size
        return inspect_reader(open_reader(f), size)

"""Small PDFs for the PDF signing tests and benchmark, written by hand (not by pyHanko, the code
under test): classic cross-reference table, uncompressed page contents (so a test can change a
byte of visible text), optionally one large stream streamed to disk in chunks.
"""

from __future__ import annotations

import os
from pathlib import Path

CHUNK = 1024 * 1024


def write_pdf(
    path: str | os.PathLike[str],
    *,
    pages: int = 1,
    text: str = "Hello PDF",
    blob_size: int = 0,
    version: str = "1.7",
) -> Path:
    """A PDF with `pages` A4 pages showing `text` (ASCII) and, when `blob_size` > 0, an
    embedded file of that many bytes (pseudo-random, incompressible, written in chunks)."""
    target = Path(path)
    objects: list[bytes | None] = []  # index + 1 = object number; None: the blob, streamed

    def add(body: bytes | None) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in below
    pages_obj = add(b"")
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    kids = []
    for n in range(pages):
        content = f"BT /F1 24 Tf 72 720 Td ({text} page {n + 1}) Tj ET".encode()
        c = add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] "
                b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>"
                % (pages_obj, font, c)
            )
        )
    names = b""
    blob = 0
    if blob_size:
        blob = add(None)
        spec = add(b"<< /Type /Filespec /F (data.bin) /UF (data.bin) /EF << /F %d 0 R >> >>" % blob)
        names = b" /Names << /EmbeddedFiles << /Names [(data.bin) %d 0 R] >> >>" % spec
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R%s >>" % (pages_obj, names)
    objects[pages_obj - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        pages,
    )
    offsets = []
    with open(target, "wb") as f:
        f.write(b"%%PDF-%s\n%%\xe2\xe3\xcf\xd3\n" % version.encode())
        for i, body in enumerate(objects, 1):
            offsets.append(f.tell())
            f.write(b"%d 0 obj\n" % i)
            if body is None:
                f.write(b"<< /Type /EmbeddedFile /Length %d >>\nstream\n" % blob_size)
                _write_random(f, blob_size, seed=blob)
                f.write(b"\nendstream")
            else:
                f.write(body)
            f.write(b"\nendobj\n")
        xref = f.tell()
        f.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
        for off in offsets:
            f.write(b"%010d 00000 n \n" % off)
        f.write(
            b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n"
            % (len(objects) + 1, catalog, xref)
        )
    return target


def _write_random(f, size: int, *, seed: int) -> None:  # noqa: ANN001
    block = bytes((i * 2654435761 + seed) >> 7 & 0xFF for i in range(4096)) * (CHUNK // 4096)
    left = size
    while left:
        n = min(left, CHUNK)
        f.write(block[:n])
        left -= n


def contents_cms(raw: bytes):  # noqa: ANN201 - asn1crypto's cms.ContentInfo
    """The CMS at the start of a signature's zero-padded /Contents. The DER's own length ends
    it: stripping the zeros would also cut a signature whose last byte happens to be 0x00."""
    from asn1crypto import cms

    return cms.ContentInfo.load(raw, strict=False)

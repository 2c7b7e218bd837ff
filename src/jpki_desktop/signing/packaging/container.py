"""Checks on a decrypted ASiC-E container, before and after trusting anything in it.

Hygiene first, without extracting: ``mimetype`` first/STORED/exact; entry names (absolute,
``..``, backslashes, drive letters, control characters, duplicates, links, encrypted
entries); limits on entry count, total size and compression ratio (zip bombs). Then the
manifest: every listed file present with its SHA-256, nothing unlisted. Reading is streamed
and capped at each entry's declared size, so a lying header cannot inflate past the limits.
"""

from __future__ import annotations

import hashlib
import stat
import struct
import unicodedata
import zipfile
from dataclasses import dataclass
from typing import BinaryIO

from ..verification.verdict import Finding, Reason
from . import asic

CHUNK = 1024 * 1024


@dataclass(frozen=True)
class ZipLimits:
    max_entries: int = 10_000
    max_total_size: int = 16 * 1024**3  # uncompressed bytes, all entries together
    max_ratio: int = 100  # uncompressed / compressed, for entries larger than ratio_floor
    ratio_floor: int = 1024 * 1024
    max_xml_size: int = 64 * 1024 * 1024  # manifest, submission.xml, form.xml (read into memory)
    max_signature_size: int = 1024 * 1024


class LimitExceeded(Exception):
    pass


def _unsafe(name: str) -> bool:
    if not name or name.startswith("/") or "\\" in name or "\x00" in name:
        return True
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in name):
        return True
    parts = name.rstrip("/").split("/")
    if any(p in ("", ".", "..") for p in parts):
        return True
    return len(parts[0]) >= 2 and parts[0][1] == ":"  # C:evil


def _mimetype_ok(f: BinaryIO, infos: list[zipfile.ZipInfo]) -> bool:
    f.seek(0)
    header = f.read(30)
    if len(header) < 30 or header[:4] != b"PK\x03\x04":
        return False
    _, _, flags, method, _, _, _, csize, usize, nlen, xlen = struct.unpack("<IHHHHHIIIHH", header)
    if method != zipfile.ZIP_STORED or f.read(nlen) != b"mimetype" or flags & 0x0009:
        return False
    f.read(xlen)
    content = f.read(len(asic.MIMETYPE) + 1)
    first = infos[0] if infos else None
    return (
        content[: len(asic.MIMETYPE)] == asic.MIMETYPE
        and usize == csize == len(asic.MIMETYPE)
        and first is not None
        and first.filename == "mimetype"
        and first.header_offset == 0
    )


def hygiene(zf: zipfile.ZipFile, f: BinaryIO, limits: ZipLimits) -> list[Finding]:
    findings: list[Finding] = []
    infos = zf.infolist()
    if len(infos) > limits.max_entries:
        return [Finding(Reason.ZIP_LIMITS, f"entries {len(infos)}")]
    if not _mimetype_ok(f, infos):
        findings.append(Finding(Reason.ZIP_MIMETYPE))
    seen: set[str] = set()
    total = 0
    for info in infos:
        name = info.filename
        key = unicodedata.normalize("NFC", name).casefold()
        mode = info.external_attr >> 16
        if _unsafe(name) or key in seen or stat.S_ISLNK(mode) or info.flag_bits & 0x1:
            findings.append(Finding(Reason.ZIP_UNSAFE_PATH, name))
        seen.add(key)
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            findings.append(Finding(Reason.MALFORMED, f"compression {info.compress_type}: {name}"))
        total += info.file_size
        if info.file_size > limits.ratio_floor and info.file_size > limits.max_ratio * max(
            info.compress_size, 1
        ):
            findings.append(Finding(Reason.ZIP_LIMITS, f"ratio {name}"))
    if total > limits.max_total_size:
        findings.append(Finding(Reason.ZIP_LIMITS, f"total {total}"))
    return findings


def read_capped(zf: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int) -> bytes:
    if info.file_size > cap:
        raise LimitExceeded(info.filename)
    with zf.open(info) as src:
        data = src.read(info.file_size + 1)
    if len(data) > info.file_size:
        raise LimitExceeded(info.filename)
    return data


def digest_entry(zf: zipfile.ZipFile, info: zipfile.ZipInfo, hash_name: str) -> bytes:
    h = hashlib.new(hash_name)
    seen = 0
    with zf.open(info) as src:
        while chunk := src.read(CHUNK):
            seen += len(chunk)
            if seen > info.file_size:
                raise LimitExceeded(info.filename)
            h.update(chunk)
    return h.digest()


def check_manifest_entries(
    zf: zipfile.ZipFile, entries: list[asic.ManifestEntry], signature_name: str
) -> tuple[list[Finding], list[str]]:
    """Digests of every listed file; files nobody signed. Returns (findings, covered names)."""
    findings: list[Finding] = []
    by_name = {i.filename: i for i in zf.infolist() if not i.is_dir()}
    covered = []
    for entry in entries:
        info = by_name.get(entry.name)
        if info is None:
            findings.append(Finding(Reason.MISSING_FILE, entry.name))
            continue
        hash_name = asic.DIGEST_URIS.get(entry.digest_uri)
        if hash_name is None:
            weak = asic.WEAK_DIGEST_URIS.get(entry.digest_uri, entry.digest_uri)
            findings.append(Finding(Reason.WEAK_ALGORITHM, f"{weak}: {entry.name}"))
            continue
        if digest_entry(zf, info, hash_name) != entry.digest:
            findings.append(Finding(Reason.DIGEST_MISMATCH, entry.name))
        covered.append(entry.name)
    listed = {e.name for e in entries} | {"mimetype", asic.MANIFEST, signature_name}
    for name in by_name:
        if name not in listed:
            findings.append(Finding(Reason.UNLISTED_FILE, name))
    return findings, covered

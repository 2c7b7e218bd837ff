"""Tampered signed PDFs: every case is not valid, with the right reason (and the untouched file
is valid, so each case fails because of its change)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

from jpki_desktop.signing.formats.pdf.sign import sign_pdf
from jpki_desktop.signing.verification.verdict import Reason
from jpki_desktop.signing.verification.verify import verify_file

sys.path.insert(0, str(Path(__file__).parents[2]))
from support.pdf_samples import contents_cms, write_pdf  # noqa: E402

BR = re.compile(rb"/ByteRange \[(\d+) (\d+) (\d+) (\d+)\]")


@pytest.fixture
def signed(tmp_path, soft_signer, roots) -> bytes:
    src = write_pdf(tmp_path / "in.pdf", pages=2, text="Pay 100 yen")
    out = tmp_path / "signed.pdf"
    sign_pdf(src, out, soft_signer)
    assert verify_file(out, trust_roots=roots).ok
    return out.read_bytes()


def _verdict(tmp_path, data: bytes, roots):
    p = tmp_path / "tampered.pdf"
    p.write_bytes(data)
    return verify_file(p, trust_roots=roots)


def _gap(data: bytes) -> tuple[int, int]:
    m = BR.search(data)
    assert m
    _, a, b, _ = map(int, m.groups())
    return a, b


def test_byte_changed_inside_the_signed_range(tmp_path, signed, roots):
    data = signed.replace(b"Pay 100 yen page 1", b"Pay 900 yen page 1")
    assert data != signed
    v = _verdict(tmp_path, data, roots)
    assert not v.ok and Reason.CONTENT_MISMATCH in v.reasons


def test_byte_changed_outside_the_signed_range_in_the_signature(tmp_path, signed, roots):
    a, b = _gap(signed)
    contents = bytes.fromhex(signed[a + 1 : b - 1].decode())
    end = len(contents_cms(contents).dump())
    pos = a + 1 + 2 * (end - 5)  # a hex digit inside the signature value
    flipped = b"0" if signed[pos : pos + 1] != b"0" else b"1"
    data = signed[:pos] + flipped + signed[pos + 1 :]
    v = _verdict(tmp_path, data, roots)
    assert not v.ok and Reason.SIGNATURE_INVALID in v.reasons


def test_byte_changed_outside_the_signed_range_in_the_padding(tmp_path, signed, roots):
    _a, b = _gap(signed)
    pos = b - 10  # in the zero padding of /Contents
    assert signed[pos : pos + 1] == b"0"
    v = _verdict(tmp_path, signed[:pos] + b"7" + signed[pos + 1 :], roots)
    assert v.reasons == (Reason.PDF_CONTENTS,)


def test_appended_revision_that_changes_a_page(tmp_path, signed, roots):
    p = tmp_path / "signed.pdf"
    p.write_bytes(signed)
    out = tmp_path / "edited.pdf"
    with open(p, "rb") as f:
        w = IncrementalPdfFileWriter(f, strict=False)
        page_ref, _res = w.find_page_for_modification(0)
        stream = generic.StreamObject(stream_data=b"BT /F1 24 Tf 72 720 Td (Pay 900 yen) Tj ET")
        page = page_ref.get_object()
        page["/Contents"] = w.add_object(stream)
        w.update_container(page)
        with open(out, "wb") as o:
            w.write(o)
    v = verify_file(out, trust_roots=roots)
    (rep,) = v.pdf_signatures
    assert not v.ok and Reason.PDF_MODIFIED in v.reasons
    assert rep.revisions_after == 1 and rep.modification == "other"


def test_byte_range_shifted(tmp_path, signed, roots):
    m = BR.search(signed)
    assert m
    a, b, c, d = map(int, m.groups())
    old = m.group(0)
    new = b"/ByteRange [%d %d %d %d]" % (a, b + 1, c + 1, d - 1)
    # keep the file length: pyHanko pads the /ByteRange array with spaces
    tail = signed[m.end() : m.end() + 2 + len(new) - len(old)]
    assert set(tail) <= set(b" ") or len(new) == len(old)
    data = signed[: m.start()] + new + signed[m.end() + len(new) - len(old) :]
    assert len(data) == len(signed)
    v = _verdict(tmp_path, data, roots)
    assert not v.ok and Reason.PDF_BYTE_RANGE in v.reasons


def test_contents_replaced_by_a_valid_signature_of_another_pdf(
    tmp_path, signed, soft_signer, roots
):
    other_src = write_pdf(tmp_path / "other.pdf", pages=2, text="Pay 999 yen")
    other = tmp_path / "other-signed.pdf"
    sign_pdf(other_src, other, soft_signer)
    theirs = other.read_bytes()
    a1, b1 = _gap(signed)
    a2, b2 = _gap(theirs)
    assert b1 - a1 == b2 - a2
    data = signed[:a1] + theirs[a2:b2] + signed[b1:]
    v = _verdict(tmp_path, data, roots)
    assert not v.ok and Reason.CONTENT_MISMATCH in v.reasons


def test_bytes_appended_after_the_signed_revision(tmp_path, signed, roots):
    v = _verdict(tmp_path, signed + b"\n% appended junk\n" * 4, roots)
    assert not v.ok and Reason.PDF_TRAILING_DATA in v.reasons


def test_an_unsigned_pdf_and_garbage_are_not_valid(tmp_path, roots):
    plain = write_pdf(tmp_path / "plain.pdf")
    assert verify_file(plain, trust_roots=roots).reasons == (Reason.PDF_UNSIGNED,)
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n" + bytes(300))
    assert verify_file(broken, trust_roots=roots).reasons == (Reason.MALFORMED,)


def test_untrusted_signer(tmp_path, signed):
    v = _verdict(tmp_path, signed, [])  # the bundled J-LIS roots do not issue test certs
    assert v.reasons == (Reason.UNTRUSTED,)


def test_random_damage_never_raises_and_signed_bytes_never_pass(tmp_path, signed, roots):
    import random

    a, b = _gap(signed)
    rng = random.Random(20261201)
    p = tmp_path / "fuzz.pdf"
    for _ in range(60):
        data = bytearray(signed)
        pos = rng.choice([rng.randrange(0, a), rng.randrange(b, len(data))])  # signed bytes
        data[pos] = (data[pos] + rng.randrange(1, 256)) % 256
        if rng.random() < 0.3:
            data = data[: rng.randrange(len(data))]
        p.write_bytes(data)
        v = verify_file(p, trust_roots=roots)  # never raises
        assert not v.ok, pos


def _token(pdf: bytes) -> tuple[bytes, bytes]:
    """(DER of the signature's timestamp token, the TSA's signature value inside it)."""
    from asn1crypto import cms

    a, b = _gap(pdf)
    info = contents_cms(bytes.fromhex(pdf[a + 1 : b - 1].decode()))
    token = info["content"]["signer_infos"][0]["unsigned_attrs"][0]["values"][0]
    return token.dump(), token["content"]["signer_infos"][0]["signature"].native


def _replace_in_contents(pdf: bytes, old: bytes, new: bytes) -> bytes:
    """Swap equal-length DER bytes inside /Contents (its hex is upper or lower case)."""
    assert len(old) == len(new)
    a, b = _gap(pdf)
    hexed = pdf[a + 1 : b - 1]
    for case in (str.upper, str.lower):
        o, n = case(old.hex()).encode(), case(new.hex()).encode()
        if o in hexed:
            return pdf[: a + 1] + hexed.replace(o, n, 1) + pdf[b - 1 :]
    raise AssertionError("not found in /Contents")


def test_timestamp_token_corrupted_or_over_another_signature(tmp_path, soft_signer, roots):
    from jpki_desktop.signing.formats.pdf.profiles import Profile
    from jpki_desktop.signing.formats.pdf.sign import PdfSignOptions
    from jpki_desktop.signing.formats.timestamp import Rfc3161TimeStamper
    from support.pdf_tsa import running_tsa

    src = write_pdf(tmp_path / "in.pdf")
    other_src = write_pdf(tmp_path / "other.pdf", text="Another")
    opts = PdfSignOptions(profile=Profile.PADES_B_T)
    with running_tsa(tmp_path / "tsa") as tsa:
        stamper = Rfc3161TimeStamper(tsa.url)
        sign_pdf(src, tmp_path / "a.pdf", soft_signer, opts, timestamper=stamper)
        mine = (tmp_path / "a.pdf").read_bytes()
        my_token, tsa_sig = _token(mine)
        for _ in range(10):  # a token of the same length (the nonce's DER length varies)
            sign_pdf(other_src, tmp_path / "b.pdf", soft_signer, opts, timestamper=stamper)
            their_token, _ = _token((tmp_path / "b.pdf").read_bytes())
            if len(their_token) == len(my_token):
                break
        trust = [*roots, tsa.ca_cert]
    assert verify_file(tmp_path / "a.pdf", trust_roots=trust).ok
    flipped = bytes([tsa_sig[0], tsa_sig[1] ^ 0xFF]) + tsa_sig[2:]
    v = _verdict(tmp_path, _replace_in_contents(mine, tsa_sig, flipped), trust)
    assert v.reasons == (Reason.TIMESTAMP_INVALID,)
    assert v.pdf_signatures[0].timestamp_ok is False
    assert len(their_token) == len(my_token)
    v = _verdict(tmp_path, _replace_in_contents(mine, my_token, their_token), trust)
    assert v.reasons == (Reason.TIMESTAMP_INVALID,)


def test_the_cms_is_read_by_its_own_length_not_by_stripping_zeros():
    # the padding of /Contents is zeros, and so may be a signature's last byte (1 in 256)
    from asn1crypto import cms, core

    der = cms.ContentInfo({"content_type": "data", "content": core.OctetString(b"sig\x00")}).dump()
    assert der.endswith(b"\x00")
    assert contents_cms(der + bytes(32)).dump() == der

"""PDF signing on the in-process virtual card: the moj profile's rules checked on the bytes,
one card operation per signature, refusals before the card is touched, co-signatures, the
visible stamp, PAdES-B-T against a real TSA (`openssl ts -reply`), and no partial output."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
from pathlib import Path

import asn1crypto.tsp  # noqa: F401  (registers signing_certificate_v2)
import pytest
from asn1crypto import cms
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.signers.pdf_signer import PdfSignatureMetadata

from jpki_desktop.app import pdf as use_case
from jpki_desktop.card import errors as E
from jpki_desktop.signing.errors import InvalidInput, PdfRefused, TimestampFailed
from jpki_desktop.signing.formats.pdf.inspect import inspect_pdf
from jpki_desktop.signing.formats.pdf.profiles import Profile
from jpki_desktop.signing.formats.pdf.sign import PdfSignOptions, holder_name, sign_pdf
from jpki_desktop.signing.formats.pdf.stamp import parse_visible
from jpki_desktop.signing.verification.verdict import Reason
from jpki_desktop.signing.verification.verify import verify_file

sys.path.insert(0, str(Path(__file__).parents[2]))
from support.pdf_samples import contents_cms, write_pdf  # noqa: E402
from support.pdf_tsa import running_tsa  # noqa: E402

SIGN = 0x2A


def _signs(card) -> int:
    return sum(1 for r in card.log if r.ins == SIGN and r.lc > 0)


def _sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


@pytest.fixture
def doc(tmp_path) -> Path:
    return write_pdf(tmp_path / "申請書.pdf", pages=2)


def _sig(path: Path, index: int = -1):
    reader = PdfFileReader(open(path, "rb"), strict=False)  # noqa: SIM115
    return reader, reader.embedded_signatures[index]


def test_moj_profile_meets_the_registration_systems_rules(card, card_signer, doc, tmp_path, roots):
    before = _sha(doc)
    out = tmp_path / "signed.pdf"
    result = sign_pdf(doc, out, card_signer)
    assert _signs(card) == 1 and card_signer.signatures == 1  # one card operation
    assert _sha(doc) == before  # the input is never modified
    data = out.read_bytes()
    assert data.startswith(doc.read_bytes())  # an incremental update...
    assert data.count(b"%%EOF") == doc.read_bytes().count(b"%%EOF") + 1  # ...exactly one
    reader, sig = _sig(out)
    d = sig.sig_object
    assert d["/Type"] == "/Sig" and d["/SubFilter"] == "/adbe.pkcs7.detached"
    assert str(d["/Name"]) == holder_name(card_signer.certificate) != ""
    assert re.fullmatch(r"D:\d{14}[+-]\d\d'\d\d'?", str(d["/M"])), d["/M"]
    assert "/DSS" not in reader.root  # nothing appended after the signature
    br = [int(x) for x in d["/ByteRange"]]
    assert br[0] == 0 and br[2] + br[3] == len(data)
    gap = data[br[1] : br[2]]
    assert gap[:1] == b"<" and gap[-1:] == b">"
    raw = bytes.fromhex(gap[1:-1].decode())
    info = contents_cms(raw)
    der = info.dump()
    assert raw[len(der) :] == bytes(len(raw) - len(der))  # zeros only after the DER CMS
    sd = info["content"]
    si = sd["signer_infos"][0]
    assert si["digest_algorithm"]["algorithm"].native == "sha256"
    assert si["signature_algorithm"]["algorithm"].native == "sha256_rsa"
    assert {a["type"].native for a in si["signed_attrs"]} == {
        "content_type",
        "message_digest",
        "signing_time",
    }
    assert not si["unsigned_attrs"].native  # no timestamp
    serials = {c.chosen.serial_number for c in sd["certificates"]}
    assert card_signer.certificate.serial_number in serials
    assert result.field_name == "Signature1" and result.signatures_before == 0
    v = verify_file(out, trust_roots=roots)
    assert v.ok, v.findings
    (rep,) = v.pdf_signatures
    assert rep.whole_document and rep.trust_path[0] == holder_name(card_signer.certificate)


def test_co_signature_keeps_the_first_valid_and_reports_both_in_order(
    card, card_signer, soft_signer, doc, tmp_path, roots
):
    first = tmp_path / "one.pdf"
    both = tmp_path / "two.pdf"
    sign_pdf(doc, first, card_signer)
    result = sign_pdf(first, both, soft_signer)
    assert result.signatures_before == 1 and result.field_name == "Signature2"
    assert both.read_bytes().startswith(first.read_bytes())
    v = verify_file(both, trust_roots=roots)
    assert v.ok, v.findings
    a, b = v.pdf_signatures
    assert (a.field, a.revisions_after, a.whole_document) == ("Signature1", 1, False)
    assert (b.field, b.revisions_after, b.whole_document) == ("Signature2", 0, True)
    assert a.modification in ("form_filling", "annotations")  # a signature, not an edit


def test_visible_stamp_lands_on_the_chosen_page(card_signer, doc, tmp_path, roots):
    out = tmp_path / "stamped.pdf"
    opts = PdfSignOptions(visible=parse_visible("2:300,50,550,120"), reason="申請", location="東京")
    sign_pdf(doc, out, card_signer, opts)
    reader, sig = _sig(out)
    widget = sig.sig_field
    assert [round(float(x)) for x in widget["/Rect"]] == [300, 50, 550, 120]
    page1, page2 = (k.get_object() for k in reader.root["/Pages"]["/Kids"])
    names = [str(a.get_object().get("/T")) for a in page2.get("/Annots", [])]
    assert names == ["Signature1"] and "/Annots" not in page1
    assert str(sig.sig_object["/Reason"]) == "申請"
    assert verify_file(out, trust_roots=roots).ok
    with pytest.raises(PdfRefused) as e:
        sign_pdf(
            doc,
            tmp_path / "x.pdf",
            card_signer,
            PdfSignOptions(visible=parse_visible("3:1,1,50,50")),
        )
    assert e.value.reason == "page_out_of_range"
    with pytest.raises(PdfRefused) as e:
        sign_pdf(
            doc,
            tmp_path / "x.pdf",
            card_signer,
            PdfSignOptions(visible=parse_visible("1:500,800,700,900")),
        )
    assert e.value.reason == "bad_box"
    for bad in ("1:0,0,5,5", "x", "0:1,1,100,100", "1:1,1,100"):
        with pytest.raises(InvalidInput):
            parse_visible(bad)
    assert not (tmp_path / "x.pdf").exists()


def _encrypted(doc: Path, tmp_path: Path) -> Path:
    out = tmp_path / "enc.pdf"
    r = subprocess.run(
        ["qpdf", "--encrypt", "user", "owner", "256", "--", str(doc), str(out)],
        capture_output=True,
        timeout=60,
    )
    assert r.returncode == 0, r.stderr
    return out


def _certified_no_changes(doc: Path, tmp_path: Path, soft_signer) -> Path:
    out = tmp_path / "certified.pdf"
    from jpki_desktop.signing.formats.cades import RawSignerAdapter

    with open(doc, "rb") as f, open(out, "wb") as o:
        w = IncrementalPdfFileWriter(f, strict=False)
        meta = PdfSignatureMetadata(
            field_name="Author", certify=True, docmdp_permissions=fields.MDPPerm.NO_CHANGES
        )
        signers.sign_pdf(w, meta, signer=RawSignerAdapter(soft_signer), output=o)
    return out


@pytest.mark.skipif(not shutil.which("qpdf"), reason="qpdf is installed by scripts/setup.sh")
def test_refused_before_the_card_is_touched(card, channel, doc, tmp_path, soft_signer):
    trunc = tmp_path / "truncated.pdf"
    trunc.write_bytes(doc.read_bytes()[:400])
    garbage = tmp_path / "garbage.pdf"
    garbage.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 8)
    not_pdf = tmp_path / "photo.pdf"
    not_pdf.write_bytes(b"\x89PNG\r\n" + bytes(500))
    cases = {
        "encrypted": _encrypted(doc, tmp_path),
        "certified_no_changes": _certified_no_changes(doc, tmp_path, soft_signer),
        "damaged": trunc,
        "not_pdf": not_pdf,
    }
    cases_damaged = [garbage]
    unlocked = []

    def unlock():
        unlocked.append(True)
        raise AssertionError("the card must not be touched")

    for reason, path in [*cases.items(), *(("damaged", p) for p in cases_damaged)]:
        out = tmp_path / f"out-{reason}.pdf"
        request = use_case.PdfSignRequest(path, out)
        with pytest.raises(PdfRefused) as e:
            use_case.sign_pdf(request, unlock)
        assert e.value.reason == reason, path
        assert not out.exists()
    assert unlocked == [] and card.log == []  # not one APDU


def test_pdf_certified_with_form_filling_allowed_can_be_signed(doc, tmp_path, soft_signer, roots):
    certified = tmp_path / "c.pdf"
    from jpki_desktop.signing.formats.cades import RawSignerAdapter

    with open(doc, "rb") as f, open(certified, "wb") as o:
        w = IncrementalPdfFileWriter(f, strict=False)
        meta = PdfSignatureMetadata(field_name="Author", certify=True)
        signers.sign_pdf(w, meta, signer=RawSignerAdapter(soft_signer), output=o)
    assert inspect_pdf(certified).certified is fields.MDPPerm.FILL_FORMS
    out = tmp_path / "c2.pdf"
    sign_pdf(certified, out, soft_signer)
    v = verify_file(out, trust_roots=roots)
    assert [r.field for r in v.pdf_signatures] == ["Author", "Signature2"]
    assert v.ok, v.findings


def test_a_failure_during_signing_leaves_no_file_and_keeps_an_old_one(
    card, card_signer, doc, tmp_path
):
    out = tmp_path / "signed.pdf"
    out.write_bytes(b"an older file")

    class Pulled:
        certificate = card_signer.certificate
        chain = card_signer.chain

        def sign_digest_info(self, der: bytes) -> bytes:
            raise E.CardRemoved()

    with pytest.raises(E.CardRemoved):
        sign_pdf(doc, out, Pulled())
    assert out.read_bytes() == b"an older file"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    with pytest.raises(InvalidInput):
        sign_pdf(doc, doc, card_signer)  # never over the input


def test_pades_b_t_with_a_real_tsa(card, card_signer, doc, tmp_path, roots):
    out = tmp_path / "pades.pdf"
    with running_tsa(tmp_path / "tsa") as tsa:
        request = use_case.PdfSignRequest(
            doc, out, PdfSignOptions(profile=Profile.PADES_B_T), tsa.url
        )
        use_case.sign_pdf(request, lambda: _as_cm(card_signer))
        assert len(tsa.requests) == 2  # the probe (reused to size the signature) + the token
        ca = tsa.ca_cert
    assert _signs(card) == 1
    _reader, sig = _sig(out)
    assert sig.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"
    si = sig.signer_info
    assert {a["type"].native for a in si["signed_attrs"]} == {
        "content_type",
        "message_digest",
        "signing_certificate_v2",
    }
    assert [a["type"].native for a in si["unsigned_attrs"]] == ["signature_time_stamp_token"]
    v = verify_file(out, trust_roots=[*roots, ca])
    assert v.ok, v.findings
    (rep,) = v.pdf_signatures
    assert rep.timestamp_ok and rep.timestamp_time is not None
    v = verify_file(out, trust_roots=roots)  # the TSA's root not trusted
    assert v.reasons == (Reason.TIMESTAMP_UNTRUSTED,)


class _as_cm:  # noqa: N801 - a context manager yielding an already unlocked signer
    def __init__(self, signer) -> None:
        self.signer = signer

    def __enter__(self):
        return self.signer

    def __exit__(self, *exc) -> None:
        pass


@pytest.mark.parametrize("mode", ["garbage", "error", "down"])
def test_tsa_trouble_is_reported_before_the_password(card, doc, tmp_path, mode):
    out = tmp_path / "pades.pdf"
    asked = []
    with running_tsa(tmp_path / "tsa") as tsa:
        tsa.mode = mode if mode != "down" else "ok"
        url = tsa.url if mode != "down" else "http://127.0.0.1:9/tsa"
        request = use_case.PdfSignRequest(doc, out, PdfSignOptions(profile=Profile.PADES_B_T), url)
        with pytest.raises(TimestampFailed) as e:
            use_case.sign_pdf(request, lambda: asked.append(1), notify=asked.append)
    assert e.value.url == url and asked == [] and card.log == [] and not out.exists()
    with pytest.raises(InvalidInput) as e2:
        use_case.sign_pdf(
            use_case.PdfSignRequest(doc, out, PdfSignOptions(Profile.PADES_B_T)), None
        )
    assert e2.value.what == "tsa_required"


def test_privacy_notice_comes_before_the_password(card_signer, doc, tmp_path):
    order = []

    class Unlock:
        def __enter__(self):
            order.append("password")
            return card_signer

        def __exit__(self, *exc) -> None:
            pass

    use_case.sign_pdf(
        use_case.PdfSignRequest(doc, tmp_path / "o.pdf"),
        Unlock,
        notify=lambda n: order.append(n),
    )
    assert order == [use_case.PRIVACY_NOTICE, "password"]
    assert set(use_case.PRIVACY_NOTICE.attributes) == {"name", "address", "birth_date", "sex"}

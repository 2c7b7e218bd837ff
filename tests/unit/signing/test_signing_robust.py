"""Damaged input never raises or hangs, and whatever still verifies after a mutation delivers
exactly the signed content of the original (BER and ZIP have bytes that carry no meaning, such
as a RecipientInfo version or a ZIP timestamp; flipping those may be harmless, nothing else)."""

from __future__ import annotations

import io
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from signing_helpers import open_package

from jpki_desktop.signing.formats.cades import sign_detached
from jpki_desktop.signing.formats.xmldsig import sign_xml
from jpki_desktop.signing.verification.verify import sniff, verify_bytes, verify_file

SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _mutate(data: bytes, flips: list[tuple[int, int]], cut: int | None) -> bytes:
    b = bytearray(data)
    for pos, bit in flips:
        b[pos % len(b)] ^= 1 << bit
    return bytes(b[:cut] if cut is not None else b)


mutations = st.tuples(
    st.lists(st.tuples(st.integers(0, 10**7), st.integers(0, 7)), min_size=1, max_size=4),
    st.none() | st.integers(0, 10**5),
)


@SETTINGS
@given(m=mutations)
def test_damaged_package(package, agency, roots, m):
    data = package.read_bytes()
    good = verify_bytes(data, decrypt_key=agency.key, decrypt_cert=agency.cert, trust_roots=roots)
    v = verify_bytes(
        _mutate(data, *m), decrypt_key=agency.key, decrypt_cert=agency.cert, trust_roots=roots
    )
    if v.ok:
        assert (v.manifest_sha256_hex, v.form_xml, v.submission) == (
            good.manifest_sha256_hex,
            good.form_xml,
            good.submission,
        )


@SETTINGS
@given(m=mutations)
def test_damaged_container_resealed(package, agency, roots, tmp_path, m):
    """The attacker re-encrypts a damaged ZIP: the checks behind decryption must hold."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, content in open_package(package, agency):
            zf.writestr(zipfile.ZipInfo(name), content)
    original = buf.getvalue()
    damaged = _mutate(original, *m)
    good = verify_bytes(
        data_p7m := package.read_bytes(),
        decrypt_key=agency.key,
        decrypt_cert=agency.cert,
        trust_roots=roots,
    )
    assert data_p7m and good.ok
    p = tmp_path / "forged.p7m"
    from jpki_desktop.signing.packaging.envelope import EnvelopeWriter

    with open(p, "wb") as f:
        w = EnvelopeWriter(f, agency.cert)
        w.write(damaged)
        w.close()
    v = verify_file(p, decrypt_key=agency.key, decrypt_cert=agency.cert, trust_roots=roots)
    if v.ok:
        assert (v.manifest_sha256_hex, v.form_xml, v.submission) == (
            good.manifest_sha256_hex,
            good.form_xml,
            good.submission,
        )
        assert set(v.files) == set(good.files)


@SETTINGS
@given(m=mutations)
def test_damaged_p7s_and_xml(soft_signer, roots, m):
    sig = sign_detached(b"content", soft_signer)
    v = verify_bytes(_mutate(sig, *m), trust_roots=roots)
    assert not v.ok  # detached, without --content
    xml = sign_xml(b"<form id='F'><a>1</a></form>", soft_signer)
    damaged = _mutate(xml, *m)
    if verify_bytes(damaged, trust_roots=roots).ok:
        assert _unsigned(damaged) == _unsigned(xml)


def _unsigned(xml: bytes) -> bytes:
    """The root element without its ds:Signature, canonicalised: what the signature covers."""
    from lxml import etree

    root = etree.fromstring(xml)
    for sig in root.findall("{http://www.w3.org/2000/09/xmldsig#}Signature"):
        root.remove(sig)
    return etree.tostring(root, method="c14n")


@given(head=st.binary(max_size=80))
def test_sniff_never_raises(head):
    sniff(head)


def test_signed_xml_whose_certificate_has_an_unknown_key_type(soft_signer, roots):
    """Found by the fuzzer above: one flipped bit in the embedded certificate's key algorithm
    (rsaEncryption 1.2.840.113549.1.1.1 -> 1.1.…) made signxml raise cryptography's
    UnsupportedAlgorithm through verify_bytes. It is a finding, as in a .p7s."""
    import base64
    import re

    xml = sign_xml(b"<form id='F'><a>1</a></form>", soft_signer)
    rsa = bytes.fromhex("06092a864886f70d010101")
    found = re.search(rb"<ds:X509Certificate>([^<]+)</ds:X509Certificate>", xml)
    assert found is not None
    der = base64.b64decode(b"".join(found.group(1).split()))
    assert der.count(rsa) == 1  # the subject key's algorithm
    bad = base64.b64encode(der.replace(rsa, bytes.fromhex("060929864886f70d010101")))
    v = verify_bytes(xml.replace(found.group(1), bad), trust_roots=roots)
    assert not v.ok and "weak_algorithm" in {f.reason.value for f in v.findings}

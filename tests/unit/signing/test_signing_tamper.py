"""The verifier rejects every forged or damaged package for the right reason (and only that)."""

from __future__ import annotations

import datetime as dt
import hashlib
import zipfile

import pytest
from signing_helpers import (
    crl_revoking,
    expired_signer,
    get,
    replace,
    sha1_signature,
    signer_without_non_repudiation,
)

from jpki_desktop.signing.formats.cades import sign_detached
from jpki_desktop.signing.packaging import asic
from jpki_desktop.signing.packaging.container import ZipLimits
from jpki_desktop.signing.verification.verdict import Kind, Reason
from jpki_desktop.signing.verification.verify import verify_file
from jpki_desktop.trust.context import Revocation, RevocationMode

ATTACHMENT = "attachments/申請書.pdf"


@pytest.fixture
def check(agency, roots):
    def run(path, **kw):
        kw.setdefault("trust_roots", roots)
        kw.setdefault("decrypt_key", agency.key)
        kw.setdefault("decrypt_cert", agency.cert)
        return verify_file(path, **kw)

    return run


def _manifest_with(entries, name, data):
    """The manifest an attacker would write after changing `name` to `data`."""
    _, refs = asic.parse_manifest(get(entries, asic.MANIFEST))
    objects = [
        asic.DataObject(
            r.name,
            asic.mime_type(r.name),
            "sha256",
            hashlib.sha256(data).digest() if r.name == name else r.digest,
        )
        for r in refs
    ]
    return asic.build_manifest(objects)


def test_good_package_is_accepted_with_its_metadata(package, check, pki):
    v = check(package)
    assert v.ok, v.findings
    assert v.kind is Kind.PACKAGE
    assert v.submission.procedure == "TEST-0001"
    assert v.form_xml.startswith(b"<DATA")
    assert v.signer_cert == pki.sign.cert
    assert set(v.files) == {"form.xml", ATTACHMENT, asic.SUBMISSION}
    assert len(v.manifest_sha256_hex) == 64


def test_edited_form(package, repack, check):
    forged = repack(
        package, lambda e: replace(e, "form.xml", get(e, "form.xml").replace(b"1000", b"9000"))
    )
    assert check(forged).reasons == (Reason.DIGEST_MISMATCH,)
    assert check(forged).findings[0].subject == "form.xml"


def test_extra_file(package, repack, check):
    forged = repack(package, lambda e: [*e, ("attachments/extra.pdf", b"%PDF unsigned")])
    v = check(forged)
    assert v.reasons == (Reason.UNLISTED_FILE,)
    assert v.findings[0].subject == "attachments/extra.pdf"


def test_removed_file(package, repack, check):
    forged = repack(package, lambda e: [(n, d) for n, d in e if n != ATTACHMENT])
    v = check(forged)
    assert v.reasons == (Reason.MISSING_FILE,)
    assert v.findings[0].subject == ATTACHMENT


def test_patched_manifest(package, repack, check):
    def mutate(e):
        edited = get(e, "form.xml").replace(b"1000", b"9000")
        e = replace(e, "form.xml", edited)
        return replace(e, asic.MANIFEST, _manifest_with(e, "form.xml", edited))

    v = check(repack(package, mutate))
    assert v.reasons == (Reason.CONTENT_MISMATCH,)  # the signature no longer covers the manifest


def test_wrong_recipient_key(package, check, other_agency, agency):
    assert check(package, decrypt_key=other_agency.key, decrypt_cert=other_agency.cert).reasons == (
        Reason.WRONG_RECIPIENT,
    )
    # the right certificate with someone else's key: same answer for every cause, no oracle
    assert check(package, decrypt_key=other_agency.key, decrypt_cert=agency.cert).reasons == (
        Reason.DECRYPTION_FAILED,
    )


def test_no_decrypt_key_is_inconclusive(package, check):
    v = check(package, decrypt_key=None, decrypt_cert=None)
    assert v.reasons == (Reason.DECRYPT_KEY_REQUIRED,) and v.inconclusive


def test_signed_for_another_agency_and_resealed(package, repack, check, other_agency):
    # the legitimate package for A, decrypted by A and re-encrypted to B (replay to another agency)
    forged = repack(package, lambda e: e, to=other_agency.cert)
    v = check(forged, decrypt_key=other_agency.key, decrypt_cert=other_agency.cert)
    assert v.reasons == (Reason.RECIPIENT_MISMATCH,)


def test_signer_revoked(package, check, pki):
    crl = crl_revoking(pki.sign_ca, pki.sign.cert.serial_number)
    v = check(package, revocation=Revocation(RevocationMode.REQUIRE, crls=(crl,)))
    assert v.reasons == (Reason.REVOKED,)
    clean = crl_revoking(pki.sign_ca, 12345)
    good = check(package, revocation=Revocation(RevocationMode.REQUIRE, crls=(clean,)))
    assert good.ok and good.revocation_checked


def test_revocation_required_but_unavailable(package, check):
    v = check(package, revocation=Revocation(RevocationMode.REQUIRE))
    assert v.reasons == (Reason.REVOCATION_UNKNOWN,) and v.inconclusive
    assert check(package, revocation=Revocation(RevocationMode.NONE)).ok


def test_signer_expired_at_signing_time(package, repack, check, pki):
    signer = expired_signer(pki)

    def mutate(e):
        sig = sign_detached(
            get(e, asic.MANIFEST),
            signer,
            signing_time=dt.datetime(2022, 1, 1, tzinfo=dt.UTC),
        )
        return replace(e, asic.SIGNATURE, sig)

    v = check(repack(package, mutate))
    assert Reason.EXPIRED_AT_SIGNING in v.reasons
    assert set(v.reasons) <= {Reason.EXPIRED_AT_SIGNING, Reason.CERT_EXPIRED}


def test_sha1_signature(package, repack, check, pki, soft_signer):
    v = check(
        repack(
            package,
            lambda e: replace(
                e, asic.SIGNATURE, sha1_signature(soft_signer, pki.sign.key, get(e, asic.MANIFEST))
            ),
        )
    )
    assert v.reasons == (Reason.WEAK_ALGORITHM,)
    assert v.findings[0].subject == "sha1"


def test_truncated_file(package, check, tmp_path):
    data = package.read_bytes()
    for cut in (len(data) - 10, len(data) // 2, 40):
        p = tmp_path / f"cut{cut}.p7m"
        p.write_bytes(data[:cut])
        v = check(p)
        assert v.reasons == (Reason.MALFORMED,), (cut, v.findings)


def test_path_traversal_entry(package, repack, check):
    forged = repack(
        package, lambda e: [*e, ("attachments/../../etc/cron.d/evil", b"* * * * * root sh")]
    )
    v = check(forged)
    assert v.reasons == (Reason.ZIP_UNSAFE_PATH,)
    assert v.files == ()  # nothing was read from an unsafe container


def test_absolute_and_backslash_names(package, repack, check):
    for name in ("/etc/passwd", "attachments\\..\\x", "C:/x"):
        v = check(repack(package, lambda e, name=name: [*e, (name, b"x")]))
        assert v.reasons == (Reason.ZIP_UNSAFE_PATH,), name


def test_zip_bomb_signed_by_the_sender(package, repack, check, soft_signer):
    """A citizen bombing the agency: the bomb is listed and validly signed; only limits stop it."""
    bomb = bytes(50 * 1024 * 1024)

    def mutate(e):
        e = [*e, ("attachments/bomb.bin", bomb)]
        _, refs = asic.parse_manifest(get(e, asic.MANIFEST))
        objects = [asic.DataObject(r.name, "application/pdf", "sha256", r.digest) for r in refs]
        objects.append(
            asic.DataObject(
                "attachments/bomb.bin",
                "application/octet-stream",
                "sha256",
                hashlib.sha256(bomb).digest(),
            )
        )
        manifest = asic.build_manifest(objects)
        e = replace(e, asic.MANIFEST, manifest)
        return replace(e, asic.SIGNATURE, sign_detached(manifest, soft_signer))

    forged = repack(package, mutate, deflate={"attachments/bomb.bin"})
    v = check(forged)
    assert v.reasons == (Reason.ZIP_LIMITS,)
    assert "bomb.bin" in v.findings[0].subject
    assert check(
        forged, limits=ZipLimits(max_ratio=10**6, max_total_size=10 * 1024**2)
    ).reasons == (Reason.ZIP_LIMITS,)
    assert check(forged, limits=ZipLimits(max_ratio=10**6)).ok  # with the limits lifted it verifies


def test_mimetype_not_first(package, repack, check):
    v = check(repack(package, lambda e: e[1:] + e[:1]))
    assert v.reasons == (Reason.ZIP_MIMETYPE,)


def test_signer_without_non_repudiation(package, repack, check, pki):
    signer = signer_without_non_repudiation(pki)
    v = check(
        repack(
            package,
            lambda e: replace(e, asic.SIGNATURE, sign_detached(get(e, asic.MANIFEST), signer)),
        )
    )
    assert v.reasons == (Reason.KEY_USAGE,)


def test_untrusted_without_roots_uses_bundled_jlis_roots(package, check):
    v = check(package, trust_roots=())
    assert v.reasons in ((Reason.UNTRUSTED,), (Reason.NO_TRUST_ANCHOR,))


def test_not_a_zip_inside(check, agency, tmp_path):
    from jpki_desktop.signing.packaging.envelope import EnvelopeWriter

    p = tmp_path / "junk.p7m"
    with open(p, "wb") as f:
        w = EnvelopeWriter(f, agency.cert)
        w.write(b"not a zip at all")
        w.close()
    assert check(p).reasons == (Reason.MALFORMED,)


def test_container_hygiene_helper_on_plain_zip(tmp_path, package, agency, roots):
    from signing_helpers import open_package

    entries = open_package(package, agency)
    p = tmp_path / "pkg.asice"
    with zipfile.ZipFile(p, "w") as zf:
        for name, data in entries:
            zf.writestr(zipfile.ZipInfo(name), data)
    v = verify_file(p, trust_roots=roots)
    assert v.kind is Kind.CONTAINER and v.ok, v.findings

"""The card-backed signer on the in-process virtual card: one password entry, one signature,
and no partial output when anything fails."""

from __future__ import annotations

import errno
import hashlib
from contextlib import contextmanager

import pytest
from signing_helpers import FORM

from jpki_desktop import fileio
from jpki_desktop.card import errors as E
from jpki_desktop.card.jpki import JpkiSession
from jpki_desktop.card.pins import PinKind, prepare_pin
from jpki_desktop.card.transport import ApduChannel
from jpki_desktop.card.virtual.pki import generate_card_pki
from jpki_desktop.card.virtual.store import build_card
from jpki_desktop.card.virtual.transport import VirtualTransport
from jpki_desktop.signing.errors import NoSigningCertificate
from jpki_desktop.signing.formats.cades import sign_detached
from jpki_desktop.signing.formats.xmldsig import sign_xml
from jpki_desktop.signing.packaging import package as package_module
from jpki_desktop.signing.packaging.package import build_package
from jpki_desktop.signing.signers.card import CardSigner, preflight
from jpki_desktop.signing.verification.verify import verify_file

VERIFY, SIGN = 0x20, 0x2A


def _count(card, ins, with_data=True):
    return sum(1 for r in card.log if r.ins == ins and (r.lc > 0 or not with_data))


def _build(signer, agency, out, attachments=()):
    return build_package(
        FORM,
        list(attachments),
        procedure_id="TEST-0001",
        recipient_cert=agency.cert,
        signer=signer,
        output=out,
    )


def test_package_with_card_one_verify_one_signature(
    card, channel, agency, roots, tmp_path, attachment
):
    session = JpkiSession(channel)
    preflight(session)
    with prepare_pin(PinKind.SIGN, "ABC123") as pin:
        signer = CardSigner.unlock(session, pin)
    info = _build(signer, agency, tmp_path / "out.p7m", [attachment])
    assert _count(card, VERIFY) == 1  # the password went to the card once
    assert _count(card, SIGN) == 1 and signer.signatures == 1
    v = verify_file(
        info.output, decrypt_key=agency.key, decrypt_cert=agency.cert, trust_roots=roots
    )
    assert v.ok, v.findings
    assert (
        v.submission.id == info.submission_id and v.manifest_sha256_hex == info.manifest_sha256_hex
    )


def test_p7s_and_xml_with_card(card, card_signer, roots, tmp_path):
    sig = tmp_path / "f.p7s"
    content = tmp_path / "f.txt"
    content.write_bytes(b"hello")
    sig.write_bytes(sign_detached(b"hello", card_signer))
    xml = tmp_path / "f.xml"
    xml.write_bytes(sign_xml(FORM, card_signer))
    assert _count(card, VERIFY) == 1 and _count(card, SIGN) == 2
    assert verify_file(sig, content=content, trust_roots=roots).ok
    assert verify_file(xml, trust_roots=roots).ok


def test_signing_certificate_is_read_after_the_password(card, channel):
    session = JpkiSession(channel)
    with prepare_pin(PinKind.SIGN, "ABC123") as pin:
        CardSigner.unlock(session, pin)
    reads = [i for i, r in enumerate(card.log) if r.ins in (0xB0, 0xA4)]
    first_verify = next(i for i, r in enumerate(card.log) if r.ins == VERIFY and r.lc > 0)
    assert any(i > first_verify for i in reads)


def test_wrong_password_reports_remaining_and_writes_nothing(channel, card, tmp_path):
    session = JpkiSession(channel)
    with pytest.raises(E.PinIncorrect) as exc, prepare_pin(PinKind.SIGN, "WRONG1") as pin:
        CardSigner.unlock(session, pin)
    assert exc.value.remaining == 4 == card.pin_ref(PinKind.SIGN).remaining


def test_card_pulled_before_signing_leaves_no_file(
    card_signer, transport, agency, tmp_path, attachment
):
    out = tmp_path / "out.p7m"
    transport.remove()
    with pytest.raises(E.CardRemoved):
        _build(card_signer, agency, out, [attachment])
    assert list(tmp_path.iterdir()) == [attachment]  # neither the output nor a temp file


class _FullDisk:
    def __init__(self, f, room):
        self._f, self._room = f, room

    def write(self, data):
        self._room -= len(data)
        if self._room < 0:
            raise OSError(errno.ENOSPC, "No space left on device")
        return self._f.write(data)


def test_disk_full_leaves_no_file(monkeypatch, soft_signer, agency, tmp_path, attachment):
    @contextmanager
    def full_output(path, mode=0o644):
        with fileio.atomic_output(path, mode) as f:
            yield _FullDisk(f, 50_000)

    monkeypatch.setattr(package_module, "atomic_output", full_output)
    out = tmp_path / "out.p7m"
    with pytest.raises(OSError) as exc:
        _build(soft_signer, agency, out, [attachment])
    assert exc.value.errno == errno.ENOSPC
    assert list(tmp_path.iterdir()) == [attachment]


def test_existing_output_survives_a_failed_run(card_signer, transport, agency, tmp_path):
    out = tmp_path / "out.p7m"
    out.write_bytes(b"previous")
    transport.remove()
    with pytest.raises(E.CardRemoved):
        _build(card_signer, agency, out)
    assert out.read_bytes() == b"previous"


def test_preflight_refuses_card_without_signing_certificate_and_blocked_password(pki):
    young = generate_card_pki(with_signing_cert=False, sign_ca=pki.sign_ca, auth_ca=pki.auth_ca)
    session = JpkiSession(ApduChannel(VirtualTransport(build_card(young))))
    with pytest.raises(NoSigningCertificate):
        preflight(session)
    card = build_card(pki)
    card.pin_ref(PinKind.SIGN).remaining = 0
    with pytest.raises(E.PinBlocked):
        preflight(JpkiSession(ApduChannel(VirtualTransport(card))))
    assert not any(r.ins == VERIFY and r.lc > 0 for r in card.log)


def test_manifest_digest_matches_package_info(card_signer, agency, tmp_path):
    info = _build(card_signer, agency, tmp_path / "o.p7m")
    v = verify_file(
        info.output,
        decrypt_key=agency.key,
        decrypt_cert=agency.cert,
        trust_roots=[card_signer.chain[0]],
    )
    assert v.ok
    assert hashlib.sha256(b"").hexdigest() != info.manifest_sha256_hex == v.manifest_sha256_hex


def test_attachment_growing_during_packaging_is_refused(soft_signer, agency, tmp_path):
    from jpki_desktop.signing.errors import AttachmentChanged

    growing = tmp_path / "log.txt"
    growing.write_bytes(b"x" * (3 * 1024 * 1024))
    appended = []

    def progress(done, total):
        if not appended:  # another program appends while we read
            with open(growing, "ab") as f:
                f.write(b"more")
            appended.append(True)

    out = tmp_path / "out.p7m"
    with pytest.raises(AttachmentChanged) as exc:
        build_package(
            FORM,
            [growing],
            procedure_id="P",
            recipient_cert=agency.cert,
            signer=soft_signer,
            output=out,
            progress=progress,
        )
    assert exc.value.expected == 3 * 1024 * 1024 and exc.value.actual == exc.value.expected + 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["log.txt"]

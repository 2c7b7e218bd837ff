"""Fixtures for the signing engine: agencies, signers, a package, and the re-packer."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from cryptography import x509
from signing_helpers import FORM, Entries, open_package, seal

from jpki_desktop.agency.encryption_key import DemoEncryptionKey, generate_encryption_key
from jpki_desktop.card.jpki import JpkiSession
from jpki_desktop.card.pins import PinKind, prepare_pin
from jpki_desktop.card.virtual.pki import CardPki
from jpki_desktop.signing.packaging.package import build_package
from jpki_desktop.signing.signers.card import CardSigner
from jpki_desktop.signing.signers.raw import SoftwareSigner


@pytest.fixture(scope="session")
def agency() -> DemoEncryptionKey:
    return generate_encryption_key("test agency A")


@pytest.fixture(scope="session")
def other_agency() -> DemoEncryptionKey:
    return generate_encryption_key("test agency B")


@pytest.fixture
def soft_signer(pki: CardPki) -> SoftwareSigner:
    assert pki.sign is not None
    return SoftwareSigner(pki.sign.key, pki.sign.cert, [pki.sign_ca.cert])


@pytest.fixture
def roots(pki: CardPki) -> list[x509.Certificate]:
    return [pki.sign_ca.cert]


@pytest.fixture
def card_signer(channel) -> CardSigner:
    session = JpkiSession(channel)
    with prepare_pin(PinKind.SIGN, "ABC123") as pin:
        return CardSigner.unlock(session, pin)


@pytest.fixture
def attachment(tmp_path: Path) -> Path:
    p = tmp_path / "申請書.pdf"
    p.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 400)
    return p


@pytest.fixture
def package(tmp_path, agency, soft_signer, attachment) -> Path:
    out = tmp_path / "submission.p7m"
    build_package(
        FORM,
        [attachment],
        procedure_id="TEST-0001",
        recipient_cert=agency.cert,
        signer=soft_signer,
        output=out,
    )
    return out


@pytest.fixture
def repack(tmp_path, agency) -> Callable[..., Path]:
    """repack(p7m, mutate) -> a new .p7m whose entries are mutate(entries), sealed to `agency`."""

    def run(
        p7m: Path, mutate: Callable[[Entries], Entries], *, to: x509.Certificate | None = None, **kw
    ) -> Path:
        entries = mutate(open_package(p7m, agency))
        return seal(entries, to or agency.cert, tmp_path / "forged.p7m", **kw)

    return run

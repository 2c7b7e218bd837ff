"""Signing with the card: the one preflight→unlock sequence, and the use cases built on it.

`card_signer` is the only place that checks the card can sign (signing certificate present,
password not blocked; no try spent), asks for the password once, VERIFYs once and reads the
signing certificate. `sign_file`, `sign_xml_form`, `make_package` and the GUI flow
(`app.flow`) all sign through it. Everything that can fail without the card fails first.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from ..agency.encryption_key import DEMO_RECIPIENT_ID, DemoEncryptionKey, ensure_encryption_key
from ..card.connect import OpenCard
from ..card.jpki import JpkiSession
from ..fileio import atomic_write_bytes
from ..procedures import Procedure
from ..signing.errors import InvalidInput
from ..signing.formats.cades import sign_detached
from ..signing.formats.timestamp import Rfc3161TimeStamper
from ..signing.formats.xmldsig import sign_xml, signature_chain
from ..signing.formats.xmlsafe import MAX_XML_BYTES, UnsafeXml, parse_xml
from ..signing.packaging.envelope import check_recipient
from ..signing.packaging.package import PackageInfo, Progress, build_package
from ..signing.signers.card import CardSigner, preflight
from .applicant import check_applicant, form_values
from .pins import FinalTry, PinInput, final_try_allowed, take_pin

CardOpener = Callable[[], OpenCard]


def timestamper(url: str | None) -> Rfc3161TimeStamper | None:
    """The RFC 3161 client for `url`, probed once so that a TSA that is down, or answers
    garbage, fails before the card is touched and before anything is written."""
    if not url:
        return None
    stamper = Rfc3161TimeStamper(url)
    stamper.probe()
    return stamper


@contextlib.contextmanager
def card_signer(card: OpenCard, pin: PinInput, confirm_final_try: FinalTry) -> Iterator[CardSigner]:
    """Check the card can sign (no try spent), take the password ONCE, unlock.

    The PC/SC transaction is held until the caller's signing is done: between VERIFY and the
    signature no other program may use the card. `pin` is wiped once VERIFY is done.
    """
    with card.channel.transaction():
        session = JpkiSession(card.channel)
        final = final_try_allowed(preflight(session), confirm_final_try)
        with take_pin(pin) as buffer:
            signer = CardSigner.unlock(session, buffer, final_try_confirmed=final)
        yield signer


@contextlib.contextmanager
def card_unlocked(
    open_card: CardOpener, pin: PinInput, confirm_final_try: FinalTry
) -> Iterator[CardSigner]:
    """Open the card and unlock it through `card_signer` (for use cases that sign later)."""
    with open_card() as card, card_signer(card, pin, confirm_final_try) as signer:
        yield signer


@dataclass(frozen=True)
class SignedFile:
    source: Path
    output: Path
    signer: x509.Certificate
    signature: int = 1  # XML: the position of this signature in the co-signature chain


def sign_file(
    open_card: CardOpener,
    source: Path,
    output: Path,
    pin: PinInput,
    confirm_final_try: FinalTry,
    *,
    stamper: Rfc3161TimeStamper | None = None,
) -> SignedFile:
    """A detached CAdES-BES signature (.p7s) over `source`, written atomically to `output`;
    CAdES-T (an RFC 3161 signature timestamp) with `stamper` (see `timestamper`)."""
    with open(source, "rb"):  # a missing or unreadable file fails before the card is touched
        pass
    with open_card() as card, card_signer(card, pin, confirm_final_try) as signer:
        with open(source, "rb") as f:
            der = sign_detached(f, signer, timestamper=stamper)
    atomic_write_bytes(output, der)
    return SignedFile(source, output, signer.certificate)


def check_xml(source: Path) -> bytes:
    """The XML to sign, refused (InvalidInput) before any password is asked if it is unsafe,
    or if it holds a signature outside the co-signature chain (it could not be co-signed)."""
    xml = source.read_bytes()
    try:
        root = parse_xml(xml, max_bytes=MAX_XML_BYTES)
    except UnsafeXml as exc:
        raise InvalidInput("xml_" + exc.what, str(source)) from None
    if signature_chain(root) is None:
        raise InvalidInput("xml_signature_layout", str(source))
    return xml


def sign_xml_form(
    open_card: CardOpener, source: Path, output: Path, pin: PinInput, confirm_final_try: FinalTry
) -> SignedFile:
    """An enveloped XMLDSig (rsa-sha256) inside the form, written atomically to `output`; on
    an already signed form, a co-signature that covers the form and the earlier signatures."""
    xml = check_xml(source)
    earlier = signature_chain(parse_xml(xml, max_bytes=MAX_XML_BYTES)) or ()
    with open_card() as card, card_signer(card, pin, confirm_final_try) as signer:
        signed = sign_xml(xml, signer)
    atomic_write_bytes(output, signed)
    return SignedFile(source, output, signer.certificate, len(earlier) + 1)


# -- packages ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Recipient:
    """Who a package is encrypted to; `demo` is set for the generated demo agency."""

    cert: x509.Certificate
    recipient_id: str | None = None
    demo: DemoEncryptionKey | None = None


def package_recipient(
    certificate_file: str | None, *, demo: bool, recipient_id: str | None = None
) -> Recipient:
    if certificate_file:
        return Recipient(load_certificates(certificate_file)[0], recipient_id)
    if demo:
        agency = ensure_encryption_key()
        return Recipient(agency.cert, recipient_id or DEMO_RECIPIENT_ID, agency)
    raise InvalidInput("recipient_missing")


def check_package_inputs(recipient: Recipient, form: Path, attachments: Sequence[Path]) -> bytes:
    """Everything that can fail without the card, first. Returns the form's bytes."""
    check_recipient(recipient.cert)
    xml = form.read_bytes()
    try:
        parse_xml(xml)
    except UnsafeXml as exc:
        raise InvalidInput("form_" + exc.what, str(form)) from None
    for a in attachments:
        if not a.is_file():
            raise InvalidInput("attachment_not_a_file", str(a))
    return xml


def make_package(
    open_card: CardOpener,
    *,
    procedure_id: str,
    form: Path,
    attachments: Sequence[Path],
    recipient: Recipient,
    output: Path,
    pin: PinInput,
    confirm_final_try: FinalTry,
    progress: Progress | None = None,
    stamper: Rfc3161TimeStamper | None = None,
    procedure: Procedure | None = None,
) -> PackageInfo:
    """Sign (one VERIFY, one signature) and encrypt a submission package (.p7m). With the
    `procedure` (when it is known here), the form is read as the agency reads it before the
    card is touched, and its applicant checked against the signing certificate before the
    card signs (ApplicantMismatch)."""
    xml = check_package_inputs(recipient, form, attachments)
    values = form_values(procedure, xml) if procedure is not None else None
    with open_card() as card, card_signer(card, pin, confirm_final_try) as signer:
        if procedure is not None and values is not None:
            check_applicant(procedure, values, signer.certificate)
        return build_package(
            xml,
            list(attachments),
            procedure_id=procedure_id,
            recipient_cert=recipient.cert,
            signer=signer,
            output=output,
            recipient_id=recipient.recipient_id,
            progress=progress,
            timestamper=stamper,
        )


# -- key and certificate files -----------------------------------------------------------------


def load_certificates(path: str) -> list[x509.Certificate]:
    data = Path(path).read_bytes()
    try:
        if b"-----BEGIN" in data:
            return x509.load_pem_x509_certificates(data)
        return [x509.load_der_x509_certificate(data)]
    except ValueError:
        raise InvalidInput("certificate_file", path) from None


def load_private_key(path: str) -> rsa.RSAPrivateKey:
    data = Path(path).read_bytes()
    try:
        key = (
            serialization.load_pem_private_key(data, password=None)
            if b"-----BEGIN" in data
            else serialization.load_der_private_key(data, password=None)
        )
    except (ValueError, TypeError):
        raise InvalidInput("key_file", path) from None
    if not isinstance(key, rsa.RSAPrivateKey):
        raise InvalidInput("key_file", path)
    return key

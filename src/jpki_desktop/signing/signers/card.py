"""The card-backed :class:`~.signer.RawSigner`: the JPKI signing key never leaves the card.

One password entry per submission: :meth:`CardSigner.unlock` VERIFYs the signing password
once, then reads the signing certificate (the card only releases it after that VERIFY) and the
signing CA certificate. Each format then sends exactly one COMPUTE DIGITAL SIGNATURE. Works the
same on a real card, through pcscd + vpcd, and on the in-process virtual card.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from cryptography import x509

from ...card.errors import PinBlocked
from ...card.jpki import CertSlot, JpkiSession
from ...card.pins import PinBuffer, PinKind, PinStatus
from ..errors import NoSigningCertificate
from .cert_usable import cached_crls, check_ca, check_signing_certificate
from .raw import SignerBase


def _clock(now: dt.datetime | None) -> dt.datetime:
    return now if now is not None else dt.datetime.now(dt.UTC)


def preflight(session: JpkiSession, *, now: dt.datetime | None = None) -> PinStatus:
    """Before prompting: the card has a signing certificate, the password is not blocked, and
    `now` (default: the computer's clock) is inside the card's signing CA validity
    (:mod:`.cert_usable` explains why the CA and not the signing certificate here).

    Spends no try (empty VERIFY). Returns the password status so the caller can ask for
    confirmation before the final try.
    """
    if not session.cert_availability().sign:
        raise NoSigningCertificate()
    status = session.pin_status(PinKind.SIGN)
    if status.blocked:
        raise PinBlocked(PinKind.SIGN)
    check_ca(
        x509.load_der_x509_certificate(session.read_certificate(CertSlot.SIGN_CA)), _clock(now)
    )
    return status


class CardSigner(SignerBase):
    """Adapter from a :class:`JpkiSession` (signing password verified) to ``RawSigner``."""

    def __init__(
        self,
        session: JpkiSession,
        certificate: x509.Certificate,
        chain: Sequence[x509.Certificate] = (),
    ) -> None:
        super().__init__(certificate, chain)
        self._session = session

    @classmethod
    def unlock(
        cls,
        session: JpkiSession,
        pin: PinBuffer,
        *,
        final_try_confirmed: bool = False,
        now: dt.datetime | None = None,
        crls: Iterable[bytes] | None = None,
    ) -> CardSigner:
        """VERIFY the signing password (once), then read the signing and CA certificates and
        refuse a certificate that is expired, not yet valid or known revoked at `now` (default:
        the computer's clock; `crls` default: the validity check's cache) BEFORE any signature.

        Raises the card's typed errors (``PinIncorrect`` with the re-read count, ``PinBlocked``,
        ``FinalTryNotConfirmed``, ``CardRemoved``...) and ``CertificateUnusable``. The caller
        wipes `pin`.
        """
        session.verify(PinKind.SIGN, pin, final_try_confirmed=final_try_confirmed)
        cert = x509.load_der_x509_certificate(session.read_certificate(CertSlot.SIGN))
        ca = x509.load_der_x509_certificate(session.read_certificate(CertSlot.SIGN_CA))
        check_signing_certificate(cert, ca, _clock(now), cached_crls() if crls is None else crls)
        return cls(session, cert, [ca])

    def _sign(self, digest_info_der: bytes) -> bytes:
        return self._session.sign_digest_info(PinKind.SIGN, digest_info_der)

"""The card-backed :class:`~.signer.RawSigner`: the JPKI signing key never leaves the card.

One password entry per submission: :meth:`CardSigner.unlock` VERIFYs the signing password
once, then reads the signing certificate (the card only releases it after that VERIFY) and the
signing CA certificate. Each format then sends exactly one COMPUTE DIGITAL SIGNATURE. Works the
same on a real card, through pcscd + vpcd, and on the in-process virtual card.
"""

from __future__ import annotations

from collections.abc import Sequence

from cryptography import x509

from ..card.errors import PinBlocked
from ..card.jpki import CertSlot, JpkiSession
from ..card.pins import PinBuffer, PinKind, PinStatus
from .errors import NoSigningCertificate


def preflight(session: JpkiSession) -> PinStatus:
    """Before prompting: the card has a signing certificate and the password is not blocked.

    Spends no try (empty VERIFY). Returns the password status so the caller can ask for
    confirmation before the final try.
    """
    if not session.cert_availability().sign:
        raise NoSigningCertificate()
    status = session.pin_status(PinKind.SIGN)
    if status.blocked:
        raise PinBlocked(PinKind.SIGN)
    return status


class CardSigner:
    """Adapter from a :class:`JpkiSession` (signing password verified) to ``RawSigner``."""

    def __init__(
        self,
        session: JpkiSession,
        certificate: x509.Certificate,
        chain: Sequence[x509.Certificate] = (),
    ) -> None:
        self._session = session
        self._certificate = certificate
        self._chain = tuple(chain)
        self.signatures = 0

    @classmethod
    def unlock(
        cls, session: JpkiSession, pin: PinBuffer, *, final_try_confirmed: bool = False
    ) -> CardSigner:
        """VERIFY the signing password (once), then read the signing and CA certificates.

        Raises the card's typed errors (``PinIncorrect`` with the re-read count, ``PinBlocked``,
        ``FinalTryNotConfirmed``, ``CardRemoved``...). The caller wipes `pin`.
        """
        session.verify(PinKind.SIGN, pin, final_try_confirmed=final_try_confirmed)
        cert = x509.load_der_x509_certificate(session.read_certificate(CertSlot.SIGN))
        ca = x509.load_der_x509_certificate(session.read_certificate(CertSlot.SIGN_CA))
        return cls(session, cert, [ca])

    @property
    def certificate(self) -> x509.Certificate:
        return self._certificate

    @property
    def chain(self) -> Sequence[x509.Certificate]:
        return self._chain

    def sign_digest_info(self, digest_info_der: bytes) -> bytes:
        self.signatures += 1
        return self._session.sign_digest_info(PinKind.SIGN, digest_info_der)

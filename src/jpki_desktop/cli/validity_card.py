"""Card reads shared by `jpki expiry`, `check`, `remind` and `attributes`.

Public certificates are read without any PIN. The signing certificate (personal data, needs the
signing password) and the card-info attributes (needs the 4-digit card-info PIN) are read only
when the user asked for them; every VERIFY goes through the usual format check and final-try
confirmation.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass

from ..card.cardinfo import BasicAttributes, CardInfoSession
from ..card.errors import PinBlocked
from ..card.jpki import CertAvailability, CertSlot, JpkiSession
from ..card.pins import PinKind
from ..validity.certificate import JpkiCertificate, parse_certificate
from .common import confirm_final_try, open_from_args, read_password


@dataclass(frozen=True)
class CardReading:
    availability: CertAvailability
    auth: JpkiCertificate | None
    sign: JpkiCertificate | None  # only when asked for (password)
    ca_certificates: tuple[bytes, ...]  # the CA certificates the card holds (DER)
    attributes: BasicAttributes | None = None  # only when asked for (card-info PIN)


def _verify_sign(args: argparse.Namespace, session: JpkiSession) -> None:
    status = session.pin_status(PinKind.SIGN)
    if status.blocked:
        raise PinBlocked(PinKind.SIGN)
    final = status.remaining == 1 and confirm_final_try(args, PinKind.SIGN)
    with read_password(args, PinKind.SIGN) as pin:
        session.verify(PinKind.SIGN, pin, final_try_confirmed=final)


def _read_attributes(args: argparse.Namespace, session: CardInfoSession) -> BasicAttributes:
    status = session.pin_status()
    if status.blocked:
        raise PinBlocked(PinKind.CARD_INFO)
    final = status.remaining == 1 and confirm_final_try(args, PinKind.CARD_INFO)
    with read_password(args, PinKind.CARD_INFO) as pin:
        session.verify(pin, final_try_confirmed=final)
    return session.read_attributes()


def read_card(
    args: argparse.Namespace, *, with_sign: bool = False, with_attributes: bool = False
) -> CardReading:
    """One transaction: availability, auth + CA certificates, and the opt-in reads.

    With --password-stdin the signing password comes first, then the card-info PIN.
    """
    with open_from_args(args) as oc, oc.channel.transaction():
        session = JpkiSession(oc.channel)
        availability = session.cert_availability()
        cas = tuple(session.read_certificate(s) for s in (CertSlot.AUTH_CA, CertSlot.SIGN_CA))
        auth_der = session.read_certificate(CertSlot.AUTH) if availability.auth else None
        sign_der = None
        if with_sign and availability.sign:
            _verify_sign(args, session)
            sign_der = session.read_certificate(CertSlot.SIGN)
        attributes = (
            _read_attributes(args, CardInfoSession(oc.channel)) if with_attributes else None
        )
    return CardReading(
        availability,
        parse_certificate(auth_der, issuers=cas) if auth_der else None,
        parse_certificate(sign_der, issuers=cas) if sign_der else None,
        cas,
        attributes,
    )

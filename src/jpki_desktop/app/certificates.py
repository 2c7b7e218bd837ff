"""Certificate facts for display (Qt-free): parse once, then render many times."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cryptography import x509
from cryptography.x509.oid import NameOID

from ..card.jpki import CertSlot
from ..card.snapshot import CardSnapshot
from ..validity.certificate import JpkiCertificate, parse_certificate
from ..validity.errors import CertificateError, ValidityError
from ..validity.expiry import renewal_opens


@dataclass(frozen=True)
class CertView:
    slot: CertSlot
    cert: JpkiCertificate

    def days_left(self, today: dt.date) -> int:
        return (self.cert.valid_until - today).days

    def renewal_from(self) -> dt.date:
        return renewal_opens(self.cert.valid_until)

    def expired(self, today: dt.date) -> bool:
        return today > self.cert.valid_until

    def renewal_open(self, today: dt.date) -> bool:
        return not self.expired(today) and today >= self.renewal_from()


def cert_view(slot: CertSlot, der: bytes, issuers: tuple[bytes, ...] = ()) -> CertView | None:
    try:
        return CertView(slot, parse_certificate(der, issuers=issuers))
    except (ValidityError, ValueError):
        return None


def views_from_snapshot(
    snapshot: CardSnapshot, sign_der: bytes | None = None, auth_der: bytes | None = None
) -> dict[CertSlot, CertView]:
    cas = tuple(
        snapshot.certificates[s]
        for s in (CertSlot.AUTH_CA, CertSlot.SIGN_CA)
        if s in snapshot.certificates
    )
    out: dict[CertSlot, CertView] = {}
    ders = dict(snapshot.certificates)
    if sign_der is not None:
        ders[CertSlot.SIGN] = sign_der
    if auth_der is not None and CertSlot.AUTH not in ders:  # read on request (smartphone)
        ders[CertSlot.AUTH] = auth_der
    for slot, der in ders.items():
        view = cert_view(slot, der, cas)
        if view is not None:
            out[slot] = view
    return out


def signer_name(cert: x509.Certificate) -> str:
    """The holder's name for a JPKI signing certificate (its CN is a serial-like id such as
    TESTSIGN000…; the name is in the subjectAltName), else the CN, else the whole subject."""
    try:
        attrs = parse_certificate(cert).attributes
    except (CertificateError, ValueError):
        attrs = None
    if attrs is not None and attrs.name:
        return attrs.name
    cn = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    return str(cn[0].value) if cn else cert.subject.rfc4514_string()

"""Times as a resident reads them: Japan time, always with the zone."""

from __future__ import annotations

import datetime as dt

from cryptography import x509
from cryptography.x509.oid import NameOID

from ..validity.certificate import parse_certificate
from ..validity.dates import JST
from ..validity.errors import CertificateError


def japan_time(moment: dt.datetime) -> str:
    """`2026-12-01 19:30:04 JST` (naive datetimes are taken as UTC, as the cores keep them)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return f"{moment.astimezone(JST):%Y-%m-%d %H:%M:%S} JST"


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

"""Never sign with a dead certificate: the signing certificate against the computer's clock.

Where the certificates are, and when (JPKI rule, jpki-card-protocol.md §3, EF ``0001``): the
signing certificate can be READ only after the signing password was VERIFYed; the signing CA
certificate (EF ``0002``) is free. So the check runs in two places:

1. before the password is asked (:func:`check_ca`, from ``card_signer.preflight``): the card's
   signing CA certificate. A signing certificate never outlives its CA, so a clock outside the
   CA's validity (a computer clock years off, or a CA generation that ended) is refused before
   any try can be spent. The auth certificate (also free) is NOT used to refuse: it is a
   different certificate (a move revokes only the signing one; they can be renewed apart).
2. right after the one VERIFY and BEFORE the one COMPUTE DIGITAL SIGNATURE
   (:func:`check_signing_certificate`, from ``CardSigner.unlock``): the signing certificate's
   own dates, and whether a fresh revocation answer already at hand says it is revoked. A
   successful VERIFY spends no try (the counter goes back to 5); no signature is made and
   nothing is written.

"At hand" means no network: CRLs in the validity check's cache (``jpki check``), used only when
signed by the certificate's issuer and current at `now` (thisUpdate <= now <= nextUpdate).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from cryptography import x509

from ...validity.revocation import default_cache_dir
from ..errors import CertificateUnusable


def check_ca(ca: x509.Certificate, now: dt.datetime) -> None:
    """Refuse (``ca_expired`` / ``ca_not_yet_valid``) when `now` is outside the CA's validity."""
    if now > ca.not_valid_after_utc:
        raise CertificateUnusable("ca_expired", now=now, not_after=ca.not_valid_after_utc)
    if now < ca.not_valid_before_utc:
        raise CertificateUnusable("ca_not_yet_valid", now=now, not_before=ca.not_valid_before_utc)


def revoked_at(
    cert: x509.Certificate, issuer: x509.Certificate, now: dt.datetime, crls: Iterable[bytes]
) -> dt.datetime | None:
    """The revocation date from a current CRL signed by `issuer`, or None (not listed / no
    usable CRL). A CRL that is stale, damaged or from another issuer says nothing."""
    for der in crls:
        try:
            crl = x509.load_der_x509_crl(der)
            if crl.issuer != cert.issuer or not crl.is_signature_valid(issuer.public_key()):  # type: ignore[arg-type]
                continue
            next_update = crl.next_update_utc
            if crl.last_update_utc > now or next_update is None or next_update < now:
                continue
            entry = crl.get_revoked_certificate_by_serial_number(cert.serial_number)
        except (ValueError, TypeError):
            continue
        if entry is not None and entry.revocation_date_utc <= now:
            return entry.revocation_date_utc
    return None


def cached_crls(directory: Path | None = None) -> list[bytes]:
    """The CRLs the validity check cached (DER), or none when there is no cache."""
    try:
        directory = directory or default_cache_dir()
        return [p.read_bytes() for p in sorted(Path(directory).glob("*.crl"))[:64]]
    except (OSError, ImportError):  # no cache, or no platformdirs to find it
        return []


def check_signing_certificate(
    cert: x509.Certificate,
    issuer: x509.Certificate | None,
    now: dt.datetime,
    crls: Iterable[bytes] = (),
) -> None:
    """Refuse (``expired`` / ``not_yet_valid`` / ``revoked``) a certificate that cannot make a
    valid signature at `now`."""
    if now > cert.not_valid_after_utc:
        raise CertificateUnusable(
            "expired",
            now=now,
            not_before=cert.not_valid_before_utc,
            not_after=cert.not_valid_after_utc,
        )
    if now < cert.not_valid_before_utc:
        raise CertificateUnusable(
            "not_yet_valid",
            now=now,
            not_before=cert.not_valid_before_utc,
            not_after=cert.not_valid_after_utc,
        )
    if issuer is not None:
        when = revoked_at(cert, issuer, now, crls)
        if when is not None:
            raise CertificateUnusable("revoked", now=now, revoked_at=when)

"""CA certificates a status read may take instead of reading them off the card.

The JPKI CA certificates in EF 000B / 0002 are public, and the real ones are bundled: the card
only has to show which one it holds. `bundled_ca_certificates()` is the one place that says where
the bundled copies come from (re-point it if the trust module moves).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from ..trust.anchors import bundled_anchors


def bundled_ca_certificates() -> tuple[bytes, ...]:
    """DER of every bundled J-LIS CA certificate (fingerprint-checked on load)."""
    return tuple(c.public_bytes(serialization.Encoding.DER) for c in bundled_anchors())


@dataclass(frozen=True)
class _Ca:
    der: bytes
    subject: bytes  # DER of the subject name
    key_id: bytes | None  # subjectKeyIdentifier


def _ski(cert: x509.Certificate) -> bytes | None:
    try:
        return cert.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value.digest
    except x509.ExtensionNotFound:
        return None


def _aki(cert: x509.Certificate) -> bytes | None:
    try:
        ext = cert.extensions.get_extension_for_class(x509.AuthorityKeyIdentifier)
    except x509.ExtensionNotFound:
        return None
    return ext.value.key_identifier


class KnownCas:
    """An index of CA certificates by what a card read can show cheaply: the issuer name and
    authority key identifier of a certificate they issued, or the first bytes of their DER."""

    def __init__(self, ders: Iterable[bytes]) -> None:
        self._cas: list[_Ca] = []
        seen: set[bytes] = set()
        for der in ders:
            if der in seen:
                continue
            seen.add(der)
            try:
                cert = x509.load_der_x509_certificate(der)
                subject = cert.subject.public_bytes()
            except ValueError:
                continue  # a damaged cache file is simply not known
            self._cas.append(_Ca(der, subject, _ski(cert)))

    def __len__(self) -> int:
        return len(self._cas)

    def issuer_of(self, cert_der: bytes) -> bytes | None:
        """The known CA whose subject and key id match `cert_der`'s issuer and AKI, or None."""
        try:
            cert = x509.load_der_x509_certificate(cert_der)
            issuer, aki = cert.issuer.public_bytes(), _aki(cert)
        except ValueError:
            return None
        if aki is None:
            return None
        hits = [ca.der for ca in self._cas if ca.subject == issuer and ca.key_id == aki]
        return hits[0] if len(hits) == 1 else None

    def by_head(self, head: bytes, total: int) -> bytes | None:
        """The one known CA of length `total` whose DER starts with `head`, or None."""
        hits = [ca.der for ca in self._cas if len(ca.der) == total and ca.der.startswith(head)]
        return hits[0] if len(hits) == 1 else None

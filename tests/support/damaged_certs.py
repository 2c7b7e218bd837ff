"""Certificates damaged in ways a one-byte change can also produce, built with asn1crypto
(cryptography's builder refuses them)."""

from __future__ import annotations

from asn1crypto import x509 as asn1_x509


def with_extensions_repeated(der: bytes, count: int | None = None) -> bytes:
    """`der` with its first `count` extensions (all when None) appended once more. The
    signature no longer matches, which parsing does not check; cryptography raises
    DuplicateExtension on first access to the extensions."""
    cert = asn1_x509.Certificate.load(der)
    tbs = cert["tbs_certificate"]
    extensions = list(tbs["extensions"])
    tbs["extensions"] = [*extensions, *extensions[:count]]
    return asn1_x509.Certificate(
        {
            "tbs_certificate": tbs,
            "signature_algorithm": cert["signature_algorithm"],
            "signature_value": cert["signature_value"],
        }
    ).dump(force=True)

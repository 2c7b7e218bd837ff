"""The one place that builds the pyhanko-certvalidator ValidationContext for PDF signatures
(signer path and timestamp path). Same inputs and same policy as :mod:`..certcheck` (the other
formats), so a PDF and a ``.p7s`` from the same card get the same trust answer; to be
re-pointed at the shared trust module (``jpki_desktop.trust``) when it lands.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from asn1crypto import x509 as asn1_x509  # type: ignore[import-untyped]
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from pyhanko_certvalidator import ValidationContext

from ..certcheck import Revocation, RevocationMode, bundled_signing_roots


def _asn1(cert: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


def validation_context(
    trust_roots: Sequence[x509.Certificate],
    revocation: Revocation,
    now: dt.datetime,
    *,
    other_certs: Sequence[x509.Certificate] = (),
) -> ValidationContext:
    """Empty `trust_roots`: the bundled J-LIS signing roots (never the OS trust store).

    REQUIRE makes missing revocation data a trust failure; SOFT uses what is given (or
    fetched); NONE checks none.
    """
    roots = list(trust_roots) or bundled_signing_roots()
    with_data = revocation.mode is not RevocationMode.NONE
    return ValidationContext(
        trust_roots=[_asn1(r) for r in roots],
        other_certs=[_asn1(c) for c in other_certs],
        moment=now,
        crls=list(revocation.crls) if with_data else [],
        ocsps=list(revocation.ocsps) if with_data else [],
        allow_fetching=revocation.fetch and with_data,
        revocation_mode="require" if revocation.mode is RevocationMode.REQUIRE else "soft-fail",
    )

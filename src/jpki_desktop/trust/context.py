"""The one pyhanko-certvalidator ValidationContext factory, and the trust roots it starts from.

    roots = trust_roots(Purpose.SIGN, extra=[demo_ca])       # bundled J-LIS CAs + extras
    ctx = validation_context(roots, moment, revocation=Revocation(RevocationMode.SOFT),
                             http=HttpSettings(proxy=...))
    findings = validate_path(cert, {"non_repudiation"}, moment, ctx)   # trust.paths

Used by the verifier, the own-certificate check and timestamp-token checks alike. Revocation
data is what the caller passes (CRLs/OCSP responses) plus, with ``fetch``, what the
certificates point to, fetched through the one HTTP client (so the proxy applies).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from cryptography import x509
from pyhanko_certvalidator import ValidationContext

from ..net.http import HttpSettings
from .anchors import Purpose, bundled_anchors, fingerprint, is_pinned, purpose_of_name
from .convert import AnyCert, to_asn1, to_crypto
from .fetchers import HttpFetcherBackend


class RevocationMode(str, enum.Enum):
    NONE = "none"  # do not check
    SOFT = "soft"  # use what is available; no data is not an error
    REQUIRE = "require"  # no conclusive revocation data is a rejection (REVOCATION_UNKNOWN)


@dataclass(frozen=True)
class Revocation:
    mode: RevocationMode = RevocationMode.SOFT
    crls: tuple[bytes, ...] = ()  # DER CRLs (e.g. the J-LIS CRL an agency receives)
    ocsps: tuple[bytes, ...] = ()  # DER OCSP responses
    fetch: bool = False  # fetch CRLs/OCSP named in the certificates (network)

    @property
    def has_data(self) -> bool:
        return bool(self.crls or self.ocsps or self.fetch)


def trust_roots(
    purpose: Purpose | None = None,
    *,
    extra: Iterable[AnyCert] = (),
    card_cas: Iterable[AnyCert] = (),
    replace: Sequence[AnyCert] = (),
) -> list[x509.Certificate]:
    """The anchors to validate against: `replace` (e.g. ``--trust``) instead of the bundled
    J-LIS CAs (for `purpose`, or all), plus `extra` (demo/test hierarchies, trusted as given),
    plus the CA certificates read from a card whose fingerprint is pinned."""
    if replace:
        base = [to_crypto(c) for c in replace]
    else:
        base = [
            c for c in bundled_anchors() if purpose is None or purpose_of_name(c.subject) is purpose
        ]
    pinned = [c for c in map(to_crypto, card_cas) if is_pinned(c)]
    unique = {fingerprint(c): c for c in [*base, *map(to_crypto, extra), *pinned]}
    return list(unique.values())


def validation_context(
    roots: Sequence[AnyCert],
    moment: dt.datetime,
    *,
    intermediates: Sequence[AnyCert] = (),
    revocation: Revocation = Revocation(RevocationMode.NONE),
    require: bool | None = None,
    http: HttpSettings | None = None,
) -> ValidationContext:
    """A context validating at `moment` against exactly `roots` (never the system's TLS roots).

    `require` overrides the policy's strictness (True: missing revocation data fails the
    path; the verifier's SOFT mode first tries strictly to learn whether the data covered the
    certificate). RevocationMode.NONE passes no revocation data and fetches nothing."""
    checking = revocation.mode is not RevocationMode.NONE
    strict = require if require is not None else revocation.mode is RevocationMode.REQUIRE
    fetch = checking and revocation.fetch
    return ValidationContext(
        trust_roots=[to_asn1(r) for r in roots],
        other_certs=[to_asn1(c) for c in intermediates],
        moment=moment,
        crls=list(revocation.crls) if checking else [],
        ocsps=list(revocation.ocsps) if checking else [],
        allow_fetching=fetch,
        fetcher_backend=HttpFetcherBackend(http or HttpSettings()) if fetch else None,
        revocation_mode="require" if strict else "soft-fail",
    )

"""The one place that builds the pyhanko-certvalidator ValidationContext for PDF signatures
(signer path and timestamp path). It delegates to the one factory of the trust module
(``jpki_desktop.trust.context``), so a PDF and a ``.p7s`` from the same card get the same
trust answer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from cryptography import x509
from pyhanko_certvalidator import ValidationContext

from ....trust.anchors import signing_anchors
from ....trust.context import Revocation
from ....trust.context import validation_context as _shared_context


def validation_context(
    trust_roots: Sequence[x509.Certificate],
    revocation: Revocation,
    now: dt.datetime,
    *,
    other_certs: Sequence[x509.Certificate] = (),
) -> ValidationContext:
    """Empty `trust_roots`: the bundled J-LIS signing roots (never the OS trust store); the
    context itself comes from the one factory, with the same policy as the other formats."""
    roots = list(trust_roots) or list(signing_anchors())
    return _shared_context(roots, now, intermediates=other_certs, revocation=revocation)

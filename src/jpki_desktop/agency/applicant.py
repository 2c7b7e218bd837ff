"""Does the form's applicant match the signing certificate's basic attributes (SAN otherNames
1.2.392.200149.8.5.5.1 name, .4 birth date, .5 address)?

Comparison forgives what differs only in typing: NFKC width (full-width digits), spaces
(including U+3000 between family and given name) and hyphen look-alikes. Characters the
certificate marks as substitutes (代替文字, .2/.6 flags) match any one character, because the
citizen types the real character the certificate could not encode. Kanji versus Arabic numerals
in addresses ("一丁目" / "1丁目") are NOT treated as equal: the form must say it as the
certificate does (the client pre-fills it from the card).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from cryptography import x509

from ..procedures import ApplicantAttribute, Procedure
from ..validity.certificate import CertKind, parse_certificate
from ..validity.errors import CertificateError

_HYPHENS = dict.fromkeys(map(ord, "‐‑‒–—―−－﹣"), "-")
_SPACE = re.compile(r"\s+")


def _norm(ch: str) -> str:
    return _SPACE.sub("", unicodedata.normalize("NFKC", ch).translate(_HYPHENS))


def same_text(typed: str, certified: str, substitutes: Sequence[bool] = ()) -> bool:
    pattern = []
    for i, ch in enumerate(certified):
        if i < len(substitutes) and substitutes[i]:
            pattern.append(".")
        else:
            pattern.append(re.escape(_norm(ch)))
    return re.fullmatch("".join(pattern), _norm(typed), flags=re.DOTALL) is not None


def applicant_mismatches(procedure: Procedure, values: dict[str, str], signer: x509.Certificate) -> list[str]:
    """Names of the applicant attributes that differ ([] = match). Values never leave here, so
    a rejection can say *what* differs without repeating personal data."""
    fields = procedure.applicant_fields()
    if not fields:
        return []
    try:
        parsed = parse_certificate(signer)
    except (CertificateError, ValueError):
        return ["certificate"]
    attrs = parsed.attributes
    if parsed.kind is not CertKind.SIGN or attrs is None:
        return ["certificate"]
    wrong = []
    for attr in ApplicantAttribute:  # fixed order: name, address, birth date
        if attr not in fields:
            continue
        f = fields[attr]
        typed = values.get(f.id, "")
        if attr is ApplicantAttribute.NAME:
            ok = same_text(typed, attrs.name, attrs.name_substitutes)
        elif attr is ApplicantAttribute.ADDRESS:
            ok = same_text(typed, attrs.address, attrs.address_substitutes)
        else:
            ok = typed == attrs.birth_date.isoformat()
        if not ok:
            wrong.append(attr.value)
    return wrong

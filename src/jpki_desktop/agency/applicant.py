"""Does the form's applicant match the signing certificate's basic attributes (SAN otherNames
1.2.392.200149.8.5.5.1 name, .4 birth date, .5 address)?

The comparison is the one the attribute-change check uses (validity.attributes.same_text), so
the client and the agency never disagree about whether two spellings are the same: NFKC width,
spaces (including U+3000), dash look-alikes, kanji numerals before 丁目/番地/番/号, and
certificate-flagged substitute characters (代替文字) matching any one character. The block
part of an address is compared as numbers: 「見本町1-2-3」, 「見本町一丁目２番３号」 and
「見本町１丁目２番地３」 are one address.

The GUI calls `applicant_mismatches` with what the user typed, before the card signs; the
agency calls it with the signed form's values: both normalise the values as the form does.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from cryptography import x509

from ..procedures import ApplicantAttribute, Procedure
from ..procedures.validation import normalise
from ..validity.attributes import same_text as _same_text
from ..validity.certificate import CertKind, parse_certificate
from ..validity.errors import CertificateError


def same_text(typed: str, certified: str, substitutes: Sequence[bool] = ()) -> bool:
    return _same_text(certified, substitutes, typed)


CERTIFICATE = "certificate"  # not a JPKI signing certificate with basic attributes


def applicant_mismatches(
    procedure: Procedure, values: Mapping[str, str], signer: x509.Certificate
) -> list[str]:
    """Names of the applicant attributes that differ ([] = match), as ApplicantAttribute
    values, or [CERTIFICATE]. Values never leave here, so a rejection can say *what* differs
    without repeating personal data. `values` may be as typed (normalised here as the form
    normalises them) or as signed (already normalised)."""
    fields = procedure.applicant_fields()
    if not fields:
        return []
    try:
        parsed = parse_certificate(signer)
    except (CertificateError, ValueError):
        return [CERTIFICATE]
    attrs = parsed.attributes
    if parsed.kind is not CertKind.SIGN or attrs is None:
        return [CERTIFICATE]
    wrong = []
    for attr in ApplicantAttribute:  # fixed order: name, address, birth date
        if attr not in fields:
            continue
        f = fields[attr]
        typed = normalise(f, values.get(f.id, ""))
        if attr is ApplicantAttribute.NAME:
            ok = same_text(typed, attrs.name, attrs.name_substitutes)
        elif attr is ApplicantAttribute.ADDRESS:
            ok = same_text(typed, attrs.address, attrs.address_substitutes)
        else:
            ok = typed == attrs.birth_date.isoformat()
        if not ok:
            wrong.append(attr.value)
    return wrong


def mismatch_labels(procedure: Procedure, names: Sequence[str], lang: str = "ja") -> list[str]:
    """The form's labels of the attributes `applicant_mismatches` named (never a raw id)."""
    fields = procedure.applicant_fields()
    out = []
    for name in names:
        try:
            out.append(fields[ApplicantAttribute(name)].label.get(lang))
        except (ValueError, KeyError):
            out.append(
                ("証明書" if not lang.startswith("en") else "certificate")
                if name == CERTIFICATE
                else name
            )
    return out

"""The applicant check both front ends run before the card signs: the form's applicant must be
the signing certificate's holder as the agency compares them (`agency.applicant`, the agency's
own function), or the agency rejects the package after it was signed and sent.

The signing certificate is only readable after the signing password, so the check runs after
VERIFY and before the signature; nothing is signed when it fails.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from ..agency.applicant import CERTIFICATE, applicant_mismatches
from ..procedures import Procedure
from ..procedures.template import FormTemplate

__all__ = [
    "CERTIFICATE",
    "ApplicantMismatch",
    "check_applicant",
    "form_values",
    "mismatched_fields",
]


class ApplicantMismatch(Exception):
    """The form's applicant is not the signing certificate's holder as the agency compares
    them; found after the password read the certificate and before the card signed (nothing
    was signed). `fields`: the form's field ids (or CERTIFICATE); `attributes`: which basic
    attributes differ (ApplicantAttribute values, or CERTIFICATE). Never the values."""

    def __init__(
        self, fields: Sequence[str], attributes: Sequence[str], certificate: x509.Certificate
    ) -> None:
        super().__init__(", ".join(fields))
        self.fields = tuple(fields)
        self.attributes = tuple(attributes)
        # personal data (DER): for the form step's check while this card stays; never logged
        self.certificate = certificate.public_bytes(serialization.Encoding.DER)


def mismatched_fields(
    procedure: Procedure, values: Mapping[str, str], certificate: x509.Certificate | bytes
) -> list[str]:
    """Field ids of the applicant fields that do not match `certificate` ([] = they match);
    [CERTIFICATE] for a certificate without the holder's attributes."""
    cert = _certificate(certificate)
    if cert is None:
        return [CERTIFICATE]
    return _field_ids(procedure, applicant_mismatches(procedure, values, cert))


def check_applicant(
    procedure: Procedure, values: Mapping[str, str], certificate: x509.Certificate
) -> None:
    """Raise ApplicantMismatch unless the agency would accept `values` from this holder."""
    wrong = applicant_mismatches(procedure, values, certificate)
    if wrong:
        raise ApplicantMismatch(_field_ids(procedure, wrong), wrong, certificate)


def form_values(procedure: Procedure, form_xml: bytes) -> dict[str, str]:
    """The field values of a rendered form, read as the agency reads them (FormXmlError when
    the form does not follow the procedure's template)."""
    values, _attachments = FormTemplate.for_procedure(procedure).extract(form_xml)
    return values


def _field_ids(procedure: Procedure, attributes: Sequence[str]) -> list[str]:
    ids = {attr.value: f.id for attr, f in procedure.applicant_fields().items()}
    return [ids.get(name, CERTIFICATE) for name in attributes]


def _certificate(cert: x509.Certificate | bytes) -> x509.Certificate | None:
    if isinstance(cert, x509.Certificate):
        return cert
    try:
        return x509.load_der_x509_certificate(cert)
    except ValueError:
        return None

"""Typed errors of the validity core. They carry data (a reason code and the offending field),
never sentences: the CLI and the GUI phrase them."""

from __future__ import annotations

import enum


class ValidityError(Exception):
    """Root of the validity core's errors."""


class CertProblem(str, enum.Enum):
    EMPTY = "empty"  # no bytes at all (an empty file)
    NOT_DER = "not_der"  # not a parsable X.509 certificate
    FOREIGN = "foreign"  # parses, but is not a JPKI certificate (no JPKI policy, issuer or usage)
    KIND_CONFLICT = "kind_conflict"  # policy, key usage and issuer disagree on sign vs auth
    SAN_MISSING = "san_missing"  # a signing certificate lacks one of the six attributes
    SAN_VALUE = "san_value"  # an attribute is not a string of the expected type
    BIRTH_DATE = "birth_date"  # not `EYYYYMMDD` or not a real date
    SEX = "sex"  # not one of the known codes
    SUBSTITUTE_FLAGS = "substitute_flags"  # not a string of 0/1


class CertificateError(ValidityError):
    """A certificate we cannot use. `field` names the attribute (an OID or a short name)."""

    def __init__(self, problem: CertProblem, field: str = "", value: str = "") -> None:
        super().__init__(f"{problem.value} {field}".strip())
        self.problem = problem
        self.field = field
        self.value = value  # offending value when harmless to show (never a whole certificate)


class MalformedCertificate(CertificateError):
    """Looks like JPKI but its content breaks the profile."""


class NotJpkiCertificate(CertificateError):
    """A valid X.509 certificate from somewhere else."""


class InvalidFacts(ValidityError):
    """Inputs to the expiry rules that cannot be right (e.g. issued before birth)."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason

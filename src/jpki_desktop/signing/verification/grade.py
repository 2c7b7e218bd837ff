"""One verdict, four grades: what a resident is told first about a signature.

VALID needs everything checked, revocation included. A signature that is intact and trusted
but whose revocation status nobody asked about is VALID_WITH_WARNINGS, never a plain green
"valid": J-LIS revokes a signing certificate after a move, and an unchecked one may be dead.
"""

from __future__ import annotations

import enum

from .verdict import Verdict


class Grade(str, enum.Enum):
    VALID = "valid"
    VALID_WITH_WARNINGS = "valid_with_warnings"  # e.g. revocation not checked
    UNKNOWN = "unknown"  # a check could not be completed (responder down, no trust anchor)
    NOT_VALID = "not_valid"


def grade(v: Verdict) -> Grade:
    if v.ok:
        return Grade.VALID if v.revocation_checked else Grade.VALID_WITH_WARNINGS
    return Grade.UNKNOWN if v.inconclusive else Grade.NOT_VALID

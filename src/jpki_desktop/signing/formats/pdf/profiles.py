"""Signature profiles: which PDF signature a profile asks for, as data.

``moj``: what the Ministry of Justice's online registration and deposit system
(登記・供託オンライン申請) publishes for 「電子署名付きPDF」: ``/adbe.pkcs7.detached``, SHA-256 with
sha256WithRSAEncryption (PKCS#1 v1.5), signed attributes content-type, message-digest and
signing-time only, the signer's certificate inside the CMS, a non-empty ``/Name``, ``/M`` with a
time-zone offset, and nothing appended after the signature (no DSS, no document timestamp, no
timestamp at all).

``pades-b-t``: ETSI.CAdES.detached (PAdES baseline B-T): signing-certificate-v2, no signing-time
attribute (PAdES forbids it; the time comes from the RFC 3161 signature timestamp).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Profile(str, enum.Enum):
    MOJ = "moj"
    PADES_B_T = "pades-b-t"


@dataclass(frozen=True)
class ProfileRules:
    subfilter: str  # PDF name without the slash
    cades: bool  # signing-certificate-v2 and no signing-time (PAdES)
    needs_timestamp: bool
    digest: str = "sha256"


RULES = {
    Profile.MOJ: ProfileRules("adbe.pkcs7.detached", cades=False, needs_timestamp=False),
    Profile.PADES_B_T: ProfileRules("ETSI.CAdES.detached", cades=True, needs_timestamp=True),
}

"""Open a received package: decrypt with the agency key and verify with the signing engine's
verifier. The agency service sees only :class:`Opened`, so it can be tested with a stand-in."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import rsa

from ..signing.verification.verify import verify_file
from ..trust.context import Revocation


@dataclass(frozen=True)
class Opened:
    findings: tuple[tuple[str, str], ...]  # (verifier reason code, subject); empty = verified
    inconclusive: bool = False  # only "could not check" findings (e.g. revocation data missing)
    signer_cert: x509.Certificate | None = None
    procedure_id: str = ""
    recipient: str = ""
    recipient_cert_sha256: str = ""
    submission_id: str = ""
    form_xml: bytes | None = None
    manifest_sha256: str = ""
    files: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.findings


Opener = Callable[[Path], Opened]


def signing_opener(
    key: rsa.RSAPrivateKey,
    cert: x509.Certificate,
    trust_roots: Sequence[x509.Certificate],
    revocation: Revocation | None = None,
    now: Callable[[], dt.datetime] | None = None,
) -> Opener:
    """An Opener backed by `jpki_desktop.signing.verification.verify.verify_file`."""

    def open_package(path: Path) -> Opened:
        verdict = verify_file(
            path,
            decrypt_key=key,
            decrypt_cert=cert,
            trust_roots=tuple(trust_roots),
            revocation=revocation if revocation is not None else Revocation(),
            now=now() if now is not None else None,
        )
        sub = verdict.submission
        return Opened(
            findings=tuple((f.reason.value, f.subject) for f in verdict.findings),
            inconclusive=verdict.inconclusive,
            signer_cert=verdict.signer_cert,
            procedure_id=sub.procedure if sub else "",
            recipient=sub.recipient if sub else "",
            recipient_cert_sha256=getattr(sub, "recipient_cert_sha256", "") if sub else "",
            submission_id=sub.id if sub else "",
            form_xml=verdict.form_xml,
            manifest_sha256=verdict.manifest_sha256_hex or "",
            files=tuple(getattr(verdict, "files", ())),
        )

    return open_package

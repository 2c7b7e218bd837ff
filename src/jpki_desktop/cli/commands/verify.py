"""`jpki verify FILE [--content FILE] [--decrypt-key KEY.pem --decrypt-cert CERT.pem]
[--trust ROOTS.pem] [--revocation none|soft|require] [--crl FILE]... [--json]`.

Exit 0 when valid, 9 when not, 10 when a check could not be completed (e.g. revocation data
required but missing). With --demo, missing keys and roots default to the demo agency and the
demo card's signing CA. --trust replaces the bundled J-LIS signing roots.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ...app.times import japan_time
from ...app.verification import verify_with_files
from ...signing.errors import InvalidInput
from ...signing.verification.verdict import Kind, Verdict
from ...trust.context import RevocationMode
from .. import exitcodes as X
from ..common import add_list_option, emit
from ..errors import VerifyInputError
from ..signing_text import REASON_TEXT


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "verify", help="verify a .p7s, a signed XML, a signed PDF or a submission package"
    )
    p.add_argument(
        "file", help="a .p7s, a signed XML file, a signed PDF or a submission package (.p7m)"
    )
    p.add_argument(
        "--content",
        metavar="FILE",
        help="the signed file of a detached .p7s (default: FILE minus .p7s)",
    )
    p.add_argument("--decrypt-key", metavar="KEY.pem", help="agency private key (packages)")
    p.add_argument(
        "--decrypt-cert", metavar="CERT.pem", help="agency encryption certificate (packages)"
    )
    add_list_option(
        p,
        "--trust",
        "ROOTS.pem",
        "trusted signing CA(s) and time-stamping authority root(s); replaces the bundled "
        "J-LIS roots",
    )
    p.add_argument(
        "--revocation",
        choices=[m.value for m in RevocationMode],
        default="soft",
        help="revocation policy (default: soft)",
    )
    add_list_option(p, "--crl", "FILE", "a CRL (DER or PEM) to check revocation against")
    p.add_argument(
        "--fetch-revocation", action="store_true", help="fetch CRLs/OCSP named in the certificates"
    )
    p.add_argument(
        "--at-signing-time",
        action="store_true",
        help="validate the signer's certificate path as of the signature's signing time "
        "(e.g. a signature made while the now-expired 2015 J-LIS CA was valid)",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    path = Path(args.file)
    try:
        verdict = verify_with_files(
            path,
            content=args.content,
            key_file=args.decrypt_key,
            cert_file=args.decrypt_cert,
            trust_files=args.trust,
            revocation=RevocationMode(args.revocation),
            crl_files=args.crl,
            fetch_revocation=args.fetch_revocation,
            demo=args.demo,
            at_signing_time=args.at_signing_time,
        )
    except InvalidInput as exc:  # phrased as "nothing was verified", not "nothing was signed"
        raise VerifyInputError(exc.what, exc.subject) from None
    emit(args, verdict.to_dict(), _text(path, verdict))
    if verdict.ok:
        return X.OK
    return X.UNCHECKED if verdict.inconclusive else X.INVALID


def _pdf_lines(v: Verdict) -> list[str]:
    lines: list[str] = []
    total = len(v.pdf_signatures)
    for i, s in enumerate(v.pdf_signatures, 1):
        lines.append(f"  signature {i} of {total} ({s.field}): {'valid' if s.ok else 'NOT VALID'}")
        lines.append(f"    signer: {s.signer_name or '-'}")
        lines.append(
            f"    signing time: {japan_time(s.signing_time, offset=True)} (as claimed by the signer)"
        )
        if s.whole_document:
            lines.append(f"    covers: the whole document (revision {s.revision})")
        else:
            lines.append(
                f"    covers: revision {s.revision}; {s.revisions_after} later revision(s) "
                f"followed it (changes: {s.modification})"
            )
        if s.timestamp_ok is None:
            lines.append("    timestamp: none")
        else:
            state = "valid" if s.timestamp_ok else "NOT VALID"
            lines.append(f"    timestamp: {japan_time(s.timestamp_time, offset=True)} ({state})")
        if s.trust_path:
            lines.append("    trust path: " + " <- ".join(s.trust_path))
        for f in s.findings:
            lines.append(
                f"    - {REASON_TEXT.get(f.reason, f.reason.value)}"
                f"{f': {f.subject}' if f.subject else ''} [{f.reason.value}]"
            )
    return lines


def _text(path: Path, v: Verdict) -> str:
    lines = [f"{path}: {'VALID' if v.ok else 'NOT VALID'} ({v.kind.value})"]
    if v.kind is Kind.PDF and v.pdf_signatures:
        return "\n".join(lines + _pdf_lines(v))
    for f in v.findings:
        lines.append(
            f"  - {REASON_TEXT.get(f.reason, f.reason.value)}{f': {f.subject}' if f.subject else ''} [{f.reason.value}]"
        )
    if v.signer_cert is not None:
        lines.append(
            f"  signer: {v.signer_cert.subject.rfc4514_string()} (serial {v.signer_cert.serial_number:X})"
        )
    if v.signing_time:
        lines.append(f"  signing time: {v.signing_time.isoformat()}")
    if len(v.signatures) > 1:
        for sig in v.signatures:
            state = "valid" if sig.ok else "NOT VALID"
            lines.append(
                f"  signature {sig.index}: {sig.signer or '?'} (serial {sig.serial or '?'}) covers {', '.join(sig.covers)} ({state})"
            )
    for t in v.timestamps:
        lines.append(
            f"  timestamp: {t.time.isoformat()} by {t.tsa or '?'} ({'ok' if t.ok else 'NOT VALID'})"
        )
    if v.submission:
        s = v.submission
        lines.append(f"  procedure: {s.procedure}  recipient: {s.recipient}")
        lines.append(f"  submission id: {s.id}  created: {s.created.isoformat()}")
    if v.manifest_sha256_hex:
        lines.append(f"  manifest SHA-256: {v.manifest_sha256_hex}")
    if v.files:
        lines.append("  signed files: " + ", ".join(v.files))
    lines.append(f"  revocation: {'checked' if v.revocation_checked else 'not checked'}")
    return "\n".join(lines)

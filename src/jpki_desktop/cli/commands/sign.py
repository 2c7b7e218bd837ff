"""`jpki [--demo|--reader NAME] sign FILE [-o OUT.p7s] [--tsa URL]`: a detached CAdES-BES
signature, CAdES-T with an RFC 3161 signature timestamp from --tsa."""

from __future__ import annotations

import argparse
from pathlib import Path

from cryptography.hazmat.primitives import hashes

from ...fileio import atomic_write_bytes
from ...signing.cades import sign_detached
from ...signing.timestamp import Rfc3161TimeStamper
from ..common import add_password_options, emit
from ._signing import card_signer, warn_personal_data


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("sign", help="sign a file with the card (detached CAdES .p7s)")
    p.add_argument("file", help="the file to sign (any type, any size)")
    p.add_argument("-o", "--output", help="signature file (default: FILE.p7s), written atomically")
    add_tsa_option(p)
    add_password_options(p)
    p.set_defaults(func=run)


def add_tsa_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--tsa",
        metavar="URL",
        help="add an RFC 3161 signature timestamp from this time-stamping authority (CAdES-T)",
    )


def timestamper(args: argparse.Namespace) -> Rfc3161TimeStamper | None:
    """The --tsa timestamper, probed once so that a TSA that is down fails before the card."""
    if not getattr(args, "tsa", None):
        return None
    stamper = Rfc3161TimeStamper(args.tsa)
    stamper.probe()
    return stamper


def run(args: argparse.Namespace) -> int:
    source = Path(args.file)
    output = Path(args.output) if args.output else source.with_name(source.name + ".p7s")
    with open(source, "rb"):  # a missing or unreadable file fails before the card is touched
        pass
    stamper = timestamper(args)
    warn_personal_data()
    with card_signer(args) as signer, open(source, "rb") as f:
        der = sign_detached(f, signer, timestamper=stamper)
    atomic_write_bytes(output, der)
    data = {
        "output": str(output),
        "signed": str(source),
        "signer_sha256": signer.certificate.fingerprint(hashes.SHA256()).hex(),
    }
    emit(args, data, f"Signed {source} -> {output}")
    return 0

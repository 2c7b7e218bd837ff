"""`jpki [--demo|--reader NAME] sign FILE [-o OUT.p7s] [--tsa URL]`: a detached CAdES-BES
signature, CAdES-T with an RFC 3161 signature timestamp from --tsa."""

from __future__ import annotations

import argparse
from pathlib import Path

from cryptography.hazmat.primitives import hashes

from ...app.signing import sign_file, timestamper
from .. import common
from ._signing import signing_card, warn_personal_data


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("sign", help="sign a file with the card (detached CAdES .p7s)")
    p.add_argument("file", help="the file to sign (any type, any size)")
    common.add_output_option(p, "the signature", metavar="OUT.p7s", default="FILE.p7s")
    add_tsa_option(p)
    common.add_password_options(p)
    p.set_defaults(func=run)


def add_tsa_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--tsa",
        metavar="URL",
        help="add an RFC 3161 signature timestamp from this time-stamping authority (CAdES-T)",
    )


def run(args: argparse.Namespace) -> int:
    source = Path(args.file)
    output = Path(args.output) if args.output else source.with_name(source.name + ".p7s")
    with open(source, "rb"):  # a missing or unreadable file fails before the warning
        pass
    stamper = timestamper(args.tsa)  # a TSA that is down fails before the card
    warn_personal_data()
    opener, pin, final_try = signing_card(args)
    signed = sign_file(opener, source, output, pin, final_try, stamper=stamper)
    data = {
        "output": str(signed.output),
        "signed": str(signed.source),
        "signer_sha256": signed.signer.fingerprint(hashes.SHA256()).hex(),
    }
    common.emit(args, data, f"Signed {source} -> {output}")
    return 0

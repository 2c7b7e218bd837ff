"""`jpki [--demo|--reader NAME] package --procedure ID --form FORM.xml [--attach FILE]...
--to AGENCY_CERT.pem -o OUT.p7m`: sign with the card, then encrypt to the agency.

With --demo and no --to, the package goes to the demo agency (generated on first use in the
user data directory; its key lets `jpki --demo verify` open the package).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ...agency.encryption_key import DEMO_RECIPIENT_ID, ensure_encryption_key
from ...signing.envelope import check_recipient
from ...signing.errors import InvalidInput
from ...signing.package import build_package
from ...signing.xmlsafe import UnsafeXml, parse_xml
from ..common import add_password_options, emit, warn
from ._signing import card_signer, load_certificates


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("package", help="build a signed, encrypted submission package (.p7m)")
    p.add_argument(
        "--procedure", required=True, metavar="ID", help="procedure id (bound into the signature)"
    )
    p.add_argument("--form", required=True, metavar="FORM.xml", help="the application form")
    p.add_argument(
        "--attach", action="append", default=[], metavar="FILE", help="an attachment (repeatable)"
    )
    p.add_argument(
        "--to",
        metavar="AGENCY_CERT.pem",
        help="the agency's encryption certificate (--demo: demo agency)",
    )
    p.add_argument(
        "--recipient-id", metavar="ID", help="recipient id (default: the certificate's subject)"
    )
    p.add_argument(
        "-o", "--output", required=True, metavar="OUT.p7m", help="the package, written atomically"
    )
    add_password_options(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    recipient_id = args.recipient_id
    if args.to:
        recipient = load_certificates(args.to)[0]
    elif args.demo:
        agency = ensure_encryption_key()
        recipient = agency.cert
        recipient_id = recipient_id or DEMO_RECIPIENT_ID
        warn(f"encrypting to the DEMO agency ({agency.cert_path}); its key is {agency.key_path}")
    else:
        raise InvalidInput("recipient_missing")
    check_recipient(recipient)  # everything that can fail without the card fails first
    form = Path(args.form).read_bytes()
    try:
        parse_xml(form)
    except UnsafeXml as exc:
        raise InvalidInput("form_" + exc.what, args.form) from None
    attachments = [Path(a) for a in args.attach]
    for a in attachments:
        if not a.is_file():
            raise InvalidInput("attachment_not_a_file", str(a))
    with card_signer(args) as signer:
        info = build_package(
            form,
            attachments,
            procedure_id=args.procedure,
            recipient_cert=recipient,
            signer=signer,
            output=Path(args.output),
            recipient_id=recipient_id,
        )
    data = {
        "output": str(info.output),
        "submission_id": info.submission_id,
        "manifest_sha256": info.manifest_sha256_hex,
        "created_at": info.created_at.isoformat(),
    }
    emit(
        args,
        data,
        f"Package {info.output}\nsubmission id: {info.submission_id}\nmanifest SHA-256: {info.manifest_sha256_hex}",
    )
    return 0

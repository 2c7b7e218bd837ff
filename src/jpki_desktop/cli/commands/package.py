"""`jpki [--demo|--reader NAME] package --procedure ID --form FORM.xml [--attach FILE]...
--to AGENCY_CERT.pem -o OUT.p7m`: sign with the card, then encrypt to the agency.

A procedure known here (`jpki procedures`) has its form read as the agency reads it, and the
applicant (name, address, date of birth) checked against the signing certificate after the
password and before the card signs: what the agency would reject is never signed.

With --demo and no --to, the package goes to the demo agency (generated on first use in the
user data directory; its key lets `jpki --demo verify` open the package).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ...app.procedures import known_procedure
from ...app.signing import check_package_inputs, make_package, package_recipient, timestamper
from .. import common
from ._signing import signing_card
from .sign import add_tsa_option


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("package", help="build a signed, encrypted submission package (.p7m)")
    common.add_procedure_option(p, "bound into the signature", required=True)
    p.add_argument("--form", required=True, metavar="FORM.xml", help="the application form")
    common.add_list_option(p, "--attach", "FILE", "an attachment")
    p.add_argument(
        "--to",
        metavar="AGENCY_CERT.pem",
        help="the agency's encryption certificate (--demo: demo agency)",
    )
    p.add_argument(
        "--recipient-id", metavar="ID", help="recipient id (default: the certificate's subject)"
    )
    common.add_output_option(p, "the package", metavar="OUT.p7m", required=True)
    add_tsa_option(p)
    common.add_password_options(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    recipient = package_recipient(args.to, demo=args.demo, recipient_id=args.recipient_id)
    if recipient.demo is not None:
        agency = recipient.demo
        common.warn(
            f"encrypting to the DEMO agency ({agency.cert_path}); its key is {agency.key_path}"
        )
    form, attachments = Path(args.form), [Path(a) for a in args.attach]
    check_package_inputs(recipient, form, attachments)  # fails before the card is touched
    procedure = known_procedure(args.procedure)
    if procedure is None:
        common.warn(
            f"procedure '{args.procedure}' is not known here (see 'jpki procedures'): the "
            "form's applicant is not checked against the signing certificate"
        )
    stamper = timestamper(args.tsa)
    opener, pin, final_try = signing_card(args)
    info = make_package(
        opener,
        procedure_id=args.procedure,
        form=form,
        attachments=attachments,
        recipient=recipient,
        output=Path(args.output),
        pin=pin,
        confirm_final_try=final_try,
        stamper=stamper,
        procedure=procedure,
    )
    data = {
        "output": str(info.output),
        "submission_id": info.submission_id,
        "manifest_sha256": info.manifest_sha256_hex,
        "created_at": info.created_at.isoformat(),
    }
    common.emit(
        args,
        data,
        f"Package {info.output}\nsubmission id: {info.submission_id}\nmanifest SHA-256: {info.manifest_sha256_hex}",
    )
    return 0

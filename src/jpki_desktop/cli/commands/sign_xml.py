"""`jpki [--demo|--reader NAME] sign-xml FORM.xml [-o OUT.xml]`: e-Tax-style enveloped XMLDSig."""

from __future__ import annotations

import argparse
from pathlib import Path

from ...app.signing import check_xml, sign_xml_form
from .. import common
from ._signing import signing_card, warn_personal_data


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("sign-xml", help="add an enveloped XML signature (rsa-sha256) to a form")
    p.add_argument("form", help="the form XML")
    common.add_output_option(p, "the signed XML", metavar="OUT.xml", default="FORM.signed.xml")
    common.add_password_options(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    source = Path(args.form)
    output = Path(args.output) if args.output else source.with_name(source.stem + ".signed.xml")
    check_xml(source)  # refuse bad XML before the warning and the password
    warn_personal_data()
    opener, pin, final_try = signing_card(args)
    signed = sign_xml_form(opener, source, output, pin, final_try)
    n = signed.signature
    text = f"Signed {source} -> {output}" + (f" (co-signature {n})" if n > 1 else "")
    common.emit(args, {"output": str(output), "signed": str(source), "signature": n}, text)
    return 0

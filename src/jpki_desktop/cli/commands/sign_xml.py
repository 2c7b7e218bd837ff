"""`jpki [--demo|--reader NAME] sign-xml FORM.xml [-o OUT.xml]`: e-Tax-style enveloped XMLDSig;
on an already signed form, a co-signature (each signature verifies on its own)."""

from __future__ import annotations

import argparse
from pathlib import Path

from ...fileio import atomic_write_bytes
from ...signing.errors import InvalidInput
from ...signing.xmldsig import sign_xml, signature_chain
from ...signing.xmlsafe import MAX_XML_BYTES, UnsafeXml, parse_xml
from ..common import add_password_options, emit
from ._signing import card_signer, warn_personal_data


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("sign-xml", help="add an enveloped XML signature (rsa-sha256) to a form")
    p.add_argument("form", help="the form XML")
    p.add_argument(
        "-o", "--output", help="signed XML (default: FORM.signed.xml), written atomically"
    )
    add_password_options(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    source = Path(args.form)
    output = Path(args.output) if args.output else source.with_name(source.stem + ".signed.xml")
    xml = source.read_bytes()
    try:
        root = parse_xml(xml, max_bytes=MAX_XML_BYTES)  # refuse bad XML before the password
    except UnsafeXml as exc:
        raise InvalidInput("xml_" + exc.what, str(source)) from None
    chain = signature_chain(root)
    if chain is None:
        raise InvalidInput("xml_signature_layout", str(source))
    warn_personal_data()
    with card_signer(args) as signer:
        signed = sign_xml(xml, signer)
    atomic_write_bytes(output, signed)
    n = len(chain) + 1
    text = f"Signed {source} -> {output}" + (f" (co-signature {n})" if n > 1 else "")
    emit(args, {"output": str(output), "signed": str(source), "signature": n}, text)
    return 0

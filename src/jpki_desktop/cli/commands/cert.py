"""`jpki cert {auth,sign,auth-ca,sign-ca} [--pem|--der] [-o FILE]`."""

from __future__ import annotations

import argparse
import contextlib
import sys

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from ...app.card import certificate_dict, read_certificate
from ...app.pins import PinInput
from ...card.jpki import CertSlot
from ...card.pins import PinKind
from ...fileio import PRIVATE, PUBLIC, atomic_write_bytes
from .. import common


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("cert", help="read a certificate from the card")
    p.add_argument(
        "slot",
        choices=[s.value for s in CertSlot],
        help="auth, sign (asks the signing password), auth-ca or sign-ca",
    )
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--pem", action="store_true", help="PEM output (default: a text summary)")
    fmt.add_argument("--der", action="store_true", help="DER output (binary; use -o or a pipe)")
    common.add_output_option(
        p, "the certificate with --pem or --der", metavar="FILE", default="standard output"
    )
    common.add_password_options(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    slot = CertSlot(args.slot)
    if slot.has_personal_data:
        common.warn(
            "the signing certificate holds your name, address, birth date and sex; share it with care."
        )
    with contextlib.ExitStack() as stack:
        pin: PinInput = common.password_reader(args, PinKind.SIGN)
        if slot.needs_pin and args.password_stdin:  # checked before the card is opened
            pin = stack.enter_context(common.read_password(args, PinKind.SIGN))
        der = read_certificate(
            common.opener_from_args(args), slot, pin, common.final_try_question(args)
        )
    if args.der:
        out = der
    elif args.pem:
        out = x509.load_der_x509_certificate(der).public_bytes(serialization.Encoding.PEM)
    else:
        s = certificate_dict(der)
        common.emit(args, s, "\n".join(f"{k}: {v}" for k, v in s.items()))
        return 0
    if args.output:
        atomic_write_bytes(args.output, out, PRIVATE if slot.has_personal_data else PUBLIC)
    else:
        sys.stdout.buffer.write(out)
    return 0

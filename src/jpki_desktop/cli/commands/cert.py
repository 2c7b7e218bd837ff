"""`jpki cert {auth,sign,auth-ca,sign-ca} [--pem|--der] [-o FILE]`."""

from __future__ import annotations

import argparse
import contextlib
import sys

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from ...card.errors import PinBlocked
from ...card.jpki import CertSlot, JpkiSession
from ...card.pins import PinKind
from ..common import (
    add_password_options,
    confirm_final_try,
    emit,
    open_from_args,
    read_password,
    warn,
)
from .status import cert_summary


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("cert", help="read a certificate from the card")
    p.add_argument("slot", choices=[s.value for s in CertSlot])
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--pem", action="store_true", help="PEM output (default: a text summary)")
    fmt.add_argument("--der", action="store_true", help="DER output (binary; use -o or a pipe)")
    p.add_argument("-o", "--output", help="write to this file (atomically)")
    add_password_options(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    slot = CertSlot(args.slot)
    if slot.has_personal_data:
        warn(
            "the signing certificate holds your name, address, birth date and sex; share it with care."
        )
    with contextlib.ExitStack() as stack:
        pin = None
        if (
            slot.needs_pin and args.password_stdin
        ):  # scripted input is checked before the card is opened
            pin = stack.enter_context(read_password(args, PinKind.SIGN))
        with open_from_args(args) as oc, oc.channel.transaction():
            session = JpkiSession(oc.channel)
            if slot.needs_pin:
                status = session.pin_status(PinKind.SIGN)
                if status.blocked:  # never prompt for a blocked PIN
                    raise PinBlocked(PinKind.SIGN)
                final = status.remaining == 1 and confirm_final_try(args, PinKind.SIGN)
                if pin is None:
                    pin = stack.enter_context(read_password(args, PinKind.SIGN))
                session.verify(PinKind.SIGN, pin, final_try_confirmed=final)
            der = session.read_certificate(slot)
    if args.der:
        out = der
    elif args.pem:
        out = x509.load_der_x509_certificate(der).public_bytes(serialization.Encoding.PEM)
    else:
        s = cert_summary(der)
        emit(args, s, "\n".join(f"{k}: {v}" for k, v in s.items()))
        return 0
    if args.output:
        from ...fileio import PRIVATE, PUBLIC, atomic_write_bytes

        atomic_write_bytes(args.output, out, PRIVATE if slot.has_personal_data else PUBLIC)
    else:
        sys.stdout.buffer.write(out)
    return 0

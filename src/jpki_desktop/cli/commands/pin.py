"""`jpki pin change {sign,auth}` (and `jpki pin status`)."""

from __future__ import annotations

import argparse
import contextlib
import sys

from ...card.errors import PinBlocked
from ...card.jpki import JpkiSession
from ...card.pins import PinKind
from .. import exitcodes as X
from ..common import add_password_options, confirm_final_try, emit, open_from_args, read_password


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("pin", help="PIN status and change")
    psub = p.add_subparsers(dest="pin_command", metavar="ACTION")
    psub.required = True
    st = psub.add_parser("status", help="remaining tries (spends no try)")
    st.set_defaults(func=run_status)
    ch = psub.add_parser("change", help="change the signing password or the auth PIN")
    ch.add_argument("kind", choices=["sign", "auth"])
    add_password_options(ch)
    ch.set_defaults(func=run_change)


def run_status(args: argparse.Namespace) -> int:
    with open_from_args(args) as oc:
        s = JpkiSession(oc.channel)
        rows = {k.value: s.pin_status(k) for k in (PinKind.SIGN, PinKind.AUTH)}
    data = {
        k: {"remaining": v.remaining, "maximum": v.maximum, "state": v.state.value}
        for k, v in rows.items()
    }
    emit(
        args,
        data,
        "\n".join(f"{k}: {v.remaining}/{v.maximum} [{v.state.value}]" for k, v in rows.items()),
    )
    return 0


def run_change(args: argparse.Namespace) -> int:
    kind = PinKind(args.kind)
    with contextlib.ExitStack() as stack:
        current = new = None
        if args.password_stdin:  # scripted input is checked before the card is even opened
            current = stack.enter_context(read_password(args, kind))
            new = stack.enter_context(read_password(args, kind, new=True))
        with open_from_args(args) as oc, oc.channel.transaction():
            session = JpkiSession(oc.channel)
            status = session.pin_status(kind)
            if status.blocked:  # never prompt for a blocked PIN
                raise PinBlocked(kind)
            final = status.remaining == 1 and confirm_final_try(args, kind)
            if current is None or new is None:
                current = stack.enter_context(
                    read_password(args, kind, prompt="Current password: ")
                )
                new = stack.enter_context(
                    read_password(args, kind, prompt="New password: ", new=True)
                )
                with read_password(args, kind, prompt="New password again: ", new=True) as again:
                    if again.bytes != new.bytes:  # no bytes() copies of the PIN
                        print(
                            "jpki: the two new passwords differ; nothing was changed.",
                            file=sys.stderr,
                        )
                        return X.PIN_REFUSED
            session.change_pin(kind, current, new, final_try_confirmed=final)
    emit(args, {"changed": kind.value}, "Password changed.")
    return 0

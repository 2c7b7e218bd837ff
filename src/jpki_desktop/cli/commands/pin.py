"""`jpki pin change {sign,auth}` (and `jpki pin status`)."""

from __future__ import annotations

import argparse
import contextlib
import sys

from ...app.card import pin_dict
from ...app.pins import PinInput, change_pin, pin_statuses
from ...card.pins import PinBuffer, PinKind
from .. import common
from .. import exitcodes as X


class NewPasswordsDiffer(Exception):
    """The new password and its repetition differ (nothing was sent)."""


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("pin", help="PIN status and change")
    psub = p.add_subparsers(dest="pin_command", metavar="ACTION")
    psub.required = True
    st = psub.add_parser("status", help="remaining tries (spends no try)")
    st.set_defaults(func=run_status)
    ch = psub.add_parser("change", help="change the signing password or the auth PIN")
    ch.add_argument(
        "kind",
        choices=["sign", "auth"],
        help="sign: the signing password (6-16 letters and digits); auth: the user "
        "authentication PIN (4 digits)",
    )
    common.add_password_options(ch)
    ch.set_defaults(func=run_change)


def run_status(args: argparse.Namespace) -> int:
    rows = {k.value: v for k, v in pin_statuses(common.opener_from_args(args)).items()}
    common.emit(
        args,
        {k: pin_dict(v) for k, v in rows.items()},
        "\n".join(f"{k}: {v.remaining}/{v.maximum} [{v.state.value}]" for k, v in rows.items()),
    )
    return 0


def _new_password_twice(args: argparse.Namespace, kind: PinKind) -> PinBuffer:
    new = common.read_password(args, kind, prompt="New password: ", new=True)
    with common.read_password(args, kind, prompt="New password again: ", new=True) as again:
        if again.bytes != new.bytes:  # no bytes() copies of the PIN
            new.wipe()
            raise NewPasswordsDiffer()
    return new


def run_change(args: argparse.Namespace) -> int:
    kind = PinKind(args.kind)
    with contextlib.ExitStack() as stack:
        if args.password_stdin:  # scripted input is checked before the card is even opened
            current: PinInput = stack.enter_context(common.read_password(args, kind))
            new: PinInput = stack.enter_context(common.read_password(args, kind, new=True))
        else:
            current = common.password_reader(args, kind, prompt="Current password: ")
            new = lambda: _new_password_twice(args, kind)  # noqa: E731
        try:
            with common.opener_from_args(args)() as card:
                change_pin(card, kind, current, new, common.final_try_question(args))
        except NewPasswordsDiffer:
            print("jpki: the two new passwords differ; nothing was changed.", file=sys.stderr)
            return X.PIN_REFUSED
    common.emit(args, {"changed": kind.value}, "Password changed.")
    return 0

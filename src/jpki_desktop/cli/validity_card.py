"""Card reads shared by `jpki expiry`, `check`, `remind` and `attributes`: the command line's
passwords and final-try answers for `app.validity.read_card`.

With --password-stdin the signing password comes first, then the card-info PIN.
"""

from __future__ import annotations

import argparse

from ..app.validity import CardReading
from ..app.validity import read_card as read_card_with
from ..card.pins import PinKind
from .common import final_try_question, opener_from_args, password_reader


def read_card(
    args: argparse.Namespace, *, with_sign: bool = False, with_attributes: bool = False
) -> CardReading:
    return read_card_with(
        opener_from_args(args),
        sign_pin=password_reader(args, PinKind.SIGN) if with_sign else None,
        card_info_pin=password_reader(args, PinKind.CARD_INFO) if with_attributes else None,
        confirm_final_try=final_try_question(args),
    )

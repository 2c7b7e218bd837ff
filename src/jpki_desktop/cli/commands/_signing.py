"""Shared by `sign`, `sign-xml`, `sign-pdf` and `package`: the personal-data warning and the
card with its signing password as the options name them. The one-password card flow is
`app.signing.card_signer`; the sentences for signing errors are in cli/signing_text.py."""

from __future__ import annotations

import argparse

from ...app.card import CardOpener
from ...app.pins import FinalTry, PinInput
from ...card.pins import PinKind
from ..common import final_try_question, opener_from_args, password_reader, warn

PERSONAL_DATA_WARNING = "the signature embeds your signing certificate: name, address, birth date and sex travel with it."


def warn_personal_data() -> None:
    warn(PERSONAL_DATA_WARNING)


def signing_card(
    args: argparse.Namespace,
) -> tuple[CardOpener, PinInput, FinalTry]:
    """(card opener, signing password reader, final-try question) from the command line."""
    return opener_from_args(args), password_reader(args, PinKind.SIGN), final_try_question(args)

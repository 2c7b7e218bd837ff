"""Shared by `sign`, `sign-xml` and `package`: the personal-data warning. The one-password card
flow is `app.signing.card_signer`; the sentences for signing errors are in cli/signing_text.py."""

from __future__ import annotations

from ..common import warn

PERSONAL_DATA_WARNING = "the signature embeds your signing certificate: name, address, birth date and sex travel with it."


def warn_personal_data() -> None:
    warn(PERSONAL_DATA_WARNING)

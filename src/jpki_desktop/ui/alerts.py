"""The one most urgent warning for the banner on the home page, derived from one state."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from ..app.card_state import CardState, Presence
from ..app.certificates import CertView
from ..card.jpki import CertSlot
from ..card.pins import PinKind, PinState
from ..card.snapshot import CardVariant
from . import messages as M
from .theme import Tone

translate = QCoreApplication.translate


@dataclass(frozen=True)
class Alert:
    tone: Tone
    text: str
    action: str = ""  # page id to open, "" for none


def cert_title(slot: CertSlot) -> str:
    return {
        CertSlot.AUTH: translate("Messages", "User authentication certificate"),
        CertSlot.SIGN: translate("Messages", "Signing certificate"),
        CertSlot.AUTH_CA: translate("Messages", "CA certificate (user authentication)"),
        CertSlot.SIGN_CA: translate("Messages", "CA certificate (signing)"),
    }[slot]


def most_urgent(state: CardState, views: dict[CertSlot, CertView], today: dt.date) -> Alert:
    if state.presence is not Presence.READY or state.snapshot is None:
        headline, hint = M.presence_text(state)
        tone = Tone.INFO if state.presence in (Presence.READING, Presence.STARTING) else Tone.WARN
        action = (
            "diagnostics"
            if state.presence in (Presence.NO_SERVICE, Presence.NO_READER, Presence.UNREADABLE)
            else ""
        )
        return Alert(tone, f"{headline} {hint}".strip(), action)
    variant = state.snapshot.variant
    if variant in (CardVariant.FACE_AUTH, CardVariant.NO_CERTIFICATES):
        return Alert(Tone.INFO, M.variant_text(variant))  # its own state: no PINs, not "blocked"
    sign, auth = state.pin(PinKind.SIGN), state.pin(PinKind.AUTH)
    for kind, status in ((PinKind.SIGN, sign), (PinKind.AUTH, auth)):
        if status is not None and status.state is PinState.BLOCKED:
            # the headline only: where to reset it is under the PIN's counter, said once
            return Alert(Tone.DANGER, M.blocked_head(kind))
    for slot in (CertSlot.AUTH, CertSlot.SIGN):
        v = views.get(slot)
        if v is not None and v.expired(today):
            return Alert(
                Tone.DANGER,
                translate(
                    "Messages",
                    "The %1 expired on %2. Renew it at your municipal office; renewal after expiry is free.",
                )
                .replace("%1", cert_title(slot))
                .replace("%2", v.cert.valid_until.isoformat()),
                "expiry",
            )
    for kind, status in ((PinKind.SIGN, sign), (PinKind.AUTH, auth)):
        if status is not None and status.state is PinState.FINAL_TRY:
            return Alert(
                Tone.DANGER,
                translate(
                    "Messages", "Only one try is left for the %1. One more wrong entry blocks it."
                ).replace("%1", M.pin_name(kind)),
            )
    for slot in (CertSlot.AUTH, CertSlot.SIGN):
        v = views.get(slot)
        if v is not None and v.renewal_open(today):
            text = translate(
                "Messages", "The %1 expires on %2 (days left: %3). You can renew it now."
            )
            return Alert(
                Tone.WARN,
                text.replace("%1", cert_title(slot))
                .replace("%2", v.cert.valid_until.isoformat())
                .replace("%3", str(v.days_left(today))),
                "expiry",
            )
    for kind, status in ((PinKind.SIGN, sign), (PinKind.AUTH, auth)):
        if status is not None and status.state is PinState.LOW:
            text = translate(
                "Messages", "Tries left for the %1: %2. A correct entry resets the count."
            )
            return Alert(
                Tone.WARN, text.replace("%1", M.pin_name(kind)).replace("%2", str(status.remaining))
            )
    if not state.snapshot.availability.sign:
        return Alert(
            Tone.INFO,
            translate(
                "Messages",
                "This card has no signing certificate: online applications cannot be signed with it.",
            ),
        )
    return Alert(Tone.OK, translate("Messages", "Your card is ready to use."))

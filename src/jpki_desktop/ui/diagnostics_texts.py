"""Probe titles and per-status summaries in the user's language.

The diagnostics core phrases its details and fixes in English (they also go into the help-desk
report); the page shows these translated summaries first and the core's text as technical
details.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from ..card.pins import PinKind, PinStatus
from ..diagnostics.model import ProbeResult, Status
from ..diagnostics.report import ReportWording
from . import messages as M
from .words import QT_TRANSLATE_NOOP, Words

translate = QCoreApplication.translate


status_text = Words[Status](
    "Diagnostics",
    {
        Status.OK: QT_TRANSLATE_NOOP("Diagnostics", "OK"),
        Status.WARN: QT_TRANSLATE_NOOP("Diagnostics", "Check"),
        Status.FAIL: QT_TRANSLATE_NOOP("Diagnostics", "Problem"),
        Status.SKIPPED: QT_TRANSLATE_NOOP("Diagnostics", "Skipped"),
    },
)


_PROBE_TITLE = Words[str](
    "Diagnostics",
    {
        "pcsc_library": QT_TRANSLATE_NOOP("Diagnostics", "PC/SC library"),
        "pcsc_service": QT_TRANSLATE_NOOP("Diagnostics", "Smart card service"),
        "readers": QT_TRANSLATE_NOOP("Diagnostics", "Card readers"),
        "card_present": QT_TRANSLATE_NOOP("Diagnostics", "Card in the reader"),
        "atr": QT_TRANSLATE_NOOP("Diagnostics", "Card type (ATR)"),
        "reader_access": QT_TRANSLATE_NOOP("Diagnostics", "Reader not used by another program"),
        "jpki_application": QT_TRANSLATE_NOOP("Diagnostics", "JPKI application"),
        "token_kind": QT_TRANSLATE_NOOP("Diagnostics", "Kind of card"),
        "certificates": QT_TRANSLATE_NOOP("Diagnostics", "Certificates on the card"),
        "sign_pin": QT_TRANSLATE_NOOP("Diagnostics", "Signing password"),
        "auth_pin": QT_TRANSLATE_NOOP("Diagnostics", "User authentication PIN"),
        "certificate_expiry": QT_TRANSLATE_NOOP("Diagnostics", "Certificate expiry"),
    },
)


def probe_title(probe_id: str) -> str:
    return _PROBE_TITLE.get(probe_id, probe_id)


def summary(r: ProbeResult) -> str:
    """One translated sentence for the result (the core's detail stays available)."""
    s, pid, d = r.status, r.id, r.data
    if s is Status.SKIPPED:
        return translate("Diagnostics", "Not checked: an earlier check did not pass.")
    if pid in ("sign_pin", "auth_pin") and d.get("remaining") is not None:
        left, most = d.get("remaining"), d.get("maximum")
        if s is Status.FAIL:
            return translate("Diagnostics", "Blocked (0 of %1 tries left).").replace(
                "%1", str(most)
            )
        return (
            translate("Diagnostics", "%1 of %2 tries left.")
            .replace("%1", str(left))
            .replace("%2", str(most))
        )
    if s is Status.OK:
        return {
            "pcsc_library": translate("Diagnostics", "Loaded."),
            "pcsc_service": translate("Diagnostics", "The service answers."),
            "readers": translate("Diagnostics", "Readers found: %1.").replace(
                "%1", str(len(d.get("readers") or []))
            ),
            "card_present": translate("Diagnostics", "A card is in the reader."),
            "atr": translate("Diagnostics", "A My Number card was recognised."),
            "reader_access": translate(
                "Diagnostics", "Connected; no other program holds the reader."
            ),
            "jpki_application": translate("Diagnostics", "The JPKI application answers."),
            "token_kind": translate("Diagnostics", "My Number card."),
            "certificates": translate("Diagnostics", "Both certificates are on the card."),
            "certificate_expiry": translate("Diagnostics", "Valid for more than three months."),
        }.get(pid, translate("Diagnostics", "No problem found."))
    fixes = {
        "pcsc_library": translate(
            "Diagnostics", "The PC/SC library could not be loaded: install pcsc-lite (libpcsclite)."
        ),
        "pcsc_service": translate(
            "Diagnostics",
            "The smart card service is not running. Linux: sudo systemctl enable --now pcscd.socket (Flatpak: allow the pcsc socket). Windows: start the Smart Card service.",
        ),
        "readers": translate(
            "Diagnostics",
            "No card reader found: connect it directly to the computer and check its driver.",
        ),
        "card_present": translate(
            "Diagnostics", "No card in the reader: insert the My Number card."
        ),
        "atr": translate(
            "Diagnostics",
            "The card type was not recognised: is it a My Number card, inserted the right way?",
        ),
        "reader_access": translate(
            "Diagnostics", "Another program holds the reader: close it and check again."
        ),
        "jpki_application": translate(
            "Diagnostics",
            "The card does not answer as a JPKI card: it may not be a My Number card.",
        ),
        "token_kind": translate(
            "Diagnostics",
            "This is not a My Number card (for example an old resident register card).",
        ),
        "certificates": translate(
            "Diagnostics",
            "A certificate is missing on the card: the municipal office can issue it.",
        ),
        "sign_pin": translate(
            "Diagnostics",
            "The signing password has had wrong entries: enter it only if you are sure.",
        ),
        "auth_pin": translate(
            "Diagnostics",
            "The user authentication PIN has had wrong entries: enter it only if you are sure.",
        ),
        "certificate_expiry": translate(
            "Diagnostics",
            "The certificate expires soon or has expired: renew it at the municipal office.",
        ),
    }
    return fixes.get(pid, translate("Diagnostics", "See the technical details."))


_PIN_PROBES = {"sign_pin": PinKind.SIGN, "auth_pin": PinKind.AUTH}


def _pin_status(results: Sequence[ProbeResult], probe_id: str) -> PinStatus | None:
    for r in results:
        if r.id == probe_id and r.data.get("remaining") is not None:
            return PinStatus(_PIN_PROBES[probe_id], r.data["remaining"], r.data["maximum"])
    return None


def fix(r: ProbeResult, results: Sequence[ProbeResult] = ()) -> str:
    """What to do, translated, where the summary does not already say it ("" otherwise)."""
    if r.id in _PIN_PROBES and r.status is Status.FAIL:
        kind = _PIN_PROBES[r.id]
        other = "auth_pin" if kind is PinKind.SIGN else "sign_pin"
        return M.unblock_advice(kind, _pin_status(results, other))
    if r.id in _PIN_PROBES and r.status is Status.WARN:
        return translate(
            "Diagnostics",
            "Enter it only when you are sure of it: each wrong entry spends a try, and at "
            "0 it is blocked.",
        )
    return ""


def report_wording(results: Sequence[ProbeResult]) -> ReportWording:
    """The help-desk report in the current UI language (the core's English text stays in it
    as the technical detail, for a help desk that reads English)."""
    return ReportWording(
        heading=translate("Diagnostics", "jpki-desktop diagnostic report"),
        created=translate("Diagnostics", "Created"),
        personal_data=translate("Diagnostics", "Personal data"),
        masked=translate(
            "Diagnostics",
            "masked (no My Number, name, address, birth date, certificate serial, subject "
            "or exact expiry date)",
        ),
        unmasked=translate("Diagnostics", "NOT MASKED: check before sending this report"),
        environment=translate("Diagnostics", "Environment"),
        checks=translate("Diagnostics", "Checks"),
        fix=translate("Diagnostics", "What to do"),
        details=translate("Diagnostics", "Technical details"),
        summary=translate("Diagnostics", "Summary"),
        apdus=translate("Diagnostics", "Commands sent to the card (APDUs)"),
        reader=translate("Diagnostics", "reader"),
        statuses={s: status_text(s) for s in Status},
        result=lambda r: (probe_title(r.id), summary(r), fix(r, results)),
    )

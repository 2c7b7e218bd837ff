"""Card probes over ONE connection: JPKI application, token kind, certificates on the card,
both PIN counters and certificate expiry.

About ten APDUs in all (the channel counts them). No probe spends a PIN try: counters come
from the empty VERIFY (`JpkiSession.pin_status`). The signing certificate is never read (it
needs the password and holds name, address, birth date and sex); only the public
authentication certificate is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

from ..card.errors import (
    ApduError,
    CardRemoved,
    JpkiError,
    NoCard,
    NotJpkiCard,
    PinNotSet,
    ReaderError,
    SecurityStatusNotSatisfied,
)
from ..card.jpki import CardKind, CertAvailability, CertSlot, JpkiSession
from ..card.pins import PinKind, PinState, PinStatus
from ..card.transport import ApduChannel
from .expiry import probe_expiry
from .model import Probe, ProbeResult, Status, result, skipped

JPKI_APP = Probe("jpki_application", "JPKI application")
TOKEN = Probe("token_kind", "Kind of card")
CERTS = Probe("certificates", "Certificates on the card")
SIGN_PIN = Probe("sign_pin", "Signing password (署名用パスワード)")
AUTH_PIN = Probe("auth_pin", "User authentication PIN (利用者証明用暗証番号)")
EXPIRY = Probe("certificate_expiry", "Certificate expiry")
CARD_PROBES = (JPKI_APP, TOKEN, CERTS, SIGN_PIN, AUTH_PIN, EXPIRY)

PIN_NAME = {PinKind.SIGN: "signing password", PinKind.AUTH: "user authentication PIN"}
AGAIN = "Run the check again; if this repeats, send the report to your help desk."
OFFICE = (
    "Reset it at your municipal office (市区町村窓口): bring the card and an official photo ID."
)


def unblock_route(kind: PinKind, other: PinStatus | None) -> str:
    """Where to go when `kind` is blocked. The convenience-store route (the JPKI PIN reset
    smartphone app + a multi-copy machine) needs the *other* JPKI PIN to still work."""
    other_name = PIN_NAME[PinKind.AUTH if kind is PinKind.SIGN else PinKind.SIGN]
    if other is not None and other.remaining:
        return (
            f"{OFFICE} Or reset it at a convenience-store multi-copy machine with the JPKI PIN "
            f"reset smartphone app (JPKI暗証番号リセット); that route needs your {other_name}, "
            "which still works."
        )
    if other is not None and other.blocked:
        return (
            f"{OFFICE} (The convenience-store route needs the {other_name}, which is blocked too.)"
        )
    return OFFICE


def pin_result(probe: Probe, status: PinStatus, other: PinStatus | None) -> ProbeResult:
    name, left, most = PIN_NAME[status.kind], status.remaining, status.maximum
    data: dict[str, Any] = {"remaining": left, "maximum": most, "state": status.state.value}
    unblock = unblock_route(status.kind, other)
    forgot = (
        f"Enter it only if you are sure: one correct entry resets the counter to {most}. If you "
        f"have forgotten it, do not guess. {unblock}"
    )
    # per counter state: the probe's status, what it says, and what to do
    said: dict[PinState, tuple[Status, str, str]] = {
        PinState.NORMAL: (Status.OK, f"{left} of {most} tries left.", ""),
        PinState.LOW: (
            Status.WARN,
            f"{left} of {most} tries left: a wrong {name} was entered before.",
            forgot,
        ),
        PinState.FINAL_TRY: (
            Status.WARN,
            f"Only 1 of {most} tries left: one more wrong entry blocks the {name}.",
            forgot,
        ),
        PinState.BLOCKED: (
            Status.FAIL,
            f"The {name} is blocked (0 of {most} tries left).",
            unblock,
        ),
    }
    unknown = (Status.WARN, "The card did not report how many tries are left.", "")
    outcome, detail, fix = said.get(status.state, unknown)
    return result(probe, outcome, detail, fix, **data)


class CardProbes:
    """Runs the card probes in order on one channel; a step that loses the card makes the
    remaining ones `skipped` instead of failing one after another."""

    def __init__(self, channel: ApduChannel, now: dt.datetime) -> None:
        self.channel = channel
        self.now = now
        self.session: JpkiSession | None = None
        self.availability: CertAvailability | None = None
        self.pins: dict[PinKind, PinStatus | None] = {}
        self.pins_not_set: set[PinKind] = set()
        self.kind: CardKind | None = None
        self.stop_reason = ""  # why the remaining probes are skipped

    def run(self) -> Iterator[ProbeResult]:
        steps: list[tuple[Probe, Callable[[], ProbeResult]]] = [
            (JPKI_APP, self._application),
            (TOKEN, self._token),
            (CERTS, self._certificates),
            (SIGN_PIN, lambda: self._pin(SIGN_PIN, PinKind.SIGN)),
            (AUTH_PIN, lambda: self._pin(AUTH_PIN, PinKind.AUTH)),
            (EXPIRY, self._expiry),
        ]
        for probe, step in steps:
            if self.stop_reason:
                yield skipped(probe, self.stop_reason)
                continue
            yield self._guard(probe, step)

    def _guard(self, probe: Probe, step: Callable[[], ProbeResult]) -> ProbeResult:
        try:
            return step()
        except (CardRemoved, NoCard):
            self.stop_reason = "Skipped: the card was taken out."
            return result(
                probe,
                Status.FAIL,
                "The card was taken out during the check.",
                "Insert the card again, leave it in the reader, and run the check again.",
            )
        except ReaderError as exc:
            self.stop_reason = "Skipped: the reader stopped answering."
            return result(
                probe,
                Status.FAIL,
                "Communication with the card failed during the check.",
                "Leave the card in the reader and run the check again. If this repeats, "
                "try another USB port or reader.",
                error=type(exc).__name__,
            )
        except ApduError as exc:
            return result(
                probe,
                Status.FAIL,
                f"The card gave an unexpected answer (status {exc.sw:04X}).",
                AGAIN,
                sw=f"{exc.sw:04X}",
            )
        except JpkiError as exc:  # malformed data from the card (CardDataError, ...)
            return result(
                probe,
                Status.FAIL,
                "The card returned data that could not be read.",
                AGAIN,
                error=type(exc).__name__,
            )
        except (
            Exception
        ) as exc:  # a bug in the probe: report it, keep going (diagnostics never raise)
            return result(
                probe,
                Status.FAIL,
                f"This check itself failed ({type(exc).__name__}).",
                AGAIN,
                error=type(exc).__name__,
            )

    def _application(self) -> ProbeResult:
        try:
            self.session = JpkiSession(self.channel)
        except NotJpkiCard as exc:
            self.stop_reason = "Skipped: the card has no JPKI application."
            sw = f"{exc.sw:04X}" if exc.sw is not None else ""
            return result(
                JPKI_APP,
                Status.FAIL,
                f"This card has no JPKI application (it answered {sw}): it is not a My Number card.",
                "Insert your My Number card. Bank, transport (Suica, PASMO) and health-insurance "
                "cards cannot be used.",
                sw=sw,
            )
        return result(JPKI_APP, Status.OK, "The JPKI application (公的個人認証AP) answers.")

    def _token(self) -> ProbeResult:
        assert self.session is not None
        token = self.session.token_info()
        self.kind = token.kind
        data: dict[str, Any] = {"kind": token.kind.value, "label": token.label}
        texts = {
            CardKind.MY_NUMBER_CARD: (Status.OK, "My Number card (マイナンバーカード).", ""),
            CardKind.JUKI_CARD: (
                Status.FAIL,
                "This is the old Basic Resident Registration card (住基カード).",
                "Its electronic certificates can no longer be used or renewed. Use your My Number "
                "card; apply for one at your municipal office if you have none.",
            ),
            CardKind.SMARTPHONE_ANDROID: (
                Status.OK,
                "Smartphone certificate (Android, スマホ用電子証明書).",
                "",
            ),
            CardKind.SMARTPHONE_IOS: (
                Status.OK,
                "Smartphone certificate (iPhone, スマホ用電子証明書).",
                "",
            ),
        }
        status, detail, fix = texts.get(
            token.kind,
            (
                Status.WARN,
                f"Unknown JPKI token '{token.label}'.",
                "This may be a new kind of card. Send the report to your help desk if something fails.",
            ),
        )
        return result(TOKEN, status, detail, fix, **data)

    def _certificates(self) -> ProbeResult:
        assert self.session is not None
        avail = self.availability = self.session.cert_availability()
        data: dict[str, Any] = {"sign": avail.sign, "auth": avail.auth}
        if avail.sign and avail.auth:
            return result(
                CERTS,
                Status.OK,
                "Both certificates are on the card: signing and user authentication.",
                **data,
            )
        if avail.auth:
            return result(
                CERTS,
                Status.WARN,
                "No signing certificate on the card (normal for holders under 15); the user "
                "authentication certificate is there. Signing documents (e.g. e-Tax filing) is "
                "not possible with this card.",
                "If you are 15 or older and need to sign, ask your municipal office to issue a "
                "signing certificate.",
                **data,
            )
        missing = "No certificate" if not avail.sign else "No user authentication certificate"
        return result(
            CERTS,
            Status.WARN,
            f"{missing} on the card.",
            "Ask your municipal office to issue the certificates (bring the card).",
            **data,
        )

    def _pin(self, probe: Probe, kind: PinKind) -> ProbeResult:
        assert self.session is not None
        if not self.pins:  # both counters first: each PIN's unblock route depends on the other
            for k in (PinKind.SIGN, PinKind.AUTH):
                try:
                    self.pins[k] = self.session.pin_status(k)
                except PinNotSet:  # the face-authentication card: its own state, not a fault
                    self.pins[k] = None
                    self.pins_not_set.add(k)
                except ApduError:
                    self.pins[k] = None
        if kind in self.pins_not_set:
            return result(
                probe,
                Status.OK,
                "No PIN is set on this card (face-authentication card): there is nothing to "
                "enter. Online services that need a PIN do not work with it; the municipal "
                "office can set PINs.",
            )
        status = self.pins.get(kind)
        if status is None:
            return result(probe, Status.WARN, "The card did not report this counter.")
        other = self.pins.get(PinKind.AUTH if kind is PinKind.SIGN else PinKind.SIGN)
        return pin_result(probe, status, other)

    def _expiry(self) -> ProbeResult:
        assert self.session is not None
        if self.availability is not None and not self.availability.auth:
            return skipped(EXPIRY, "Skipped: no user authentication certificate on the card.")
        try:
            der = self.session.read_certificate(CertSlot.AUTH)
        except SecurityStatusNotSatisfied:
            return skipped(
                EXPIRY, "Skipped: this token releases its certificate only after the PIN."
            )
        sign_present = self.availability.sign if self.availability else None
        return probe_expiry(EXPIRY, der, sign_present, self.now)

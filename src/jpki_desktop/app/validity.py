"""Expiry, reminders, the own-certificate check and the life-event (attributes) check.

Certificates come from the card (`read_card`: public ones without a PIN; the signing
certificate and the card-info attributes only when asked for) or from a file. The clock is
always passed in.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from ..card.cardinfo import BasicAttributes, CardInfoSession
from ..card.connect import OpenCard
from ..card.jpki import CertAvailability, CertSlot, JpkiSession
from ..card.pins import PinKind
from ..card.virtual.revocation import DemoRevocationService, for_demo_card
from ..fileio import atomic_write_bytes
from ..validity.attributes import AttributeCheck, LifeEvent, Recorded, check_attributes
from ..validity.certificate import JpkiCertificate, SignAttributes, parse_certificate
from ..validity.check import CheckResult, check_certificate
from ..validity.expiry import ExpiryReport, Facts, evaluate
from ..validity.reminders import Reminder, build_calendar, reminders
from ..validity.revocation import CrlCache, Endpoints
from .pins import FinalTry, PinInput, read_attributes_in, verify_jpki

K = TypeVar("K")


@dataclass(frozen=True)
class CardReading:
    availability: CertAvailability
    auth: JpkiCertificate | None
    sign: JpkiCertificate | None  # only when asked for (password)
    ca_certificates: tuple[bytes, ...]  # the CA certificates the card holds (DER)
    attributes: BasicAttributes | None = None  # only when asked for (card-info PIN)


def read_card(
    open_card: Callable[[], OpenCard],
    *,
    sign_pin: PinInput | None = None,
    card_info_pin: PinInput | None = None,
    confirm_final_try: FinalTry = False,
) -> CardReading:
    """One transaction: availability, auth + CA certificates, and the opt-in reads: the signing
    certificate when `sign_pin` is given, the card-info attributes when `card_info_pin` is."""
    with open_card() as oc, oc.channel.transaction():
        session = JpkiSession(oc.channel)
        availability = session.cert_availability()
        cas = tuple(session.read_certificate(s) for s in (CertSlot.AUTH_CA, CertSlot.SIGN_CA))
        auth_der = session.read_certificate(CertSlot.AUTH) if availability.auth else None
        sign_der = None
        if sign_pin is not None and availability.sign:
            verify_jpki(session, PinKind.SIGN, sign_pin, confirm_final_try)
            sign_der = session.read_certificate(CertSlot.SIGN)
        attributes = (
            read_attributes_in(CardInfoSession(oc.channel), card_info_pin, confirm_final_try)
            if card_info_pin is not None
            else None
        )
    return CardReading(
        availability,
        parse_certificate(auth_der, issuers=cas) if auth_der else None,
        parse_certificate(sign_der, issuers=cas) if sign_der else None,
        cas,
        attributes,
    )


def expiry(facts: Facts, today: dt.date) -> ExpiryReport:
    """Until when the certificates and the card work, and when they can be renewed."""
    return evaluate(facts, today)


def calendar(
    report: ExpiryReport, *, now: dt.datetime, include_past: bool = False, lang: str = "en"
) -> bytes:
    """The .ics reminders in `lang` ("ja" or "en")."""
    return build_calendar(report, now=now, include_past=include_past, lang=lang)


def write_reminders(
    path: str | Path, report: ExpiryReport, *, now: dt.datetime, include_past: bool = False
) -> tuple[Reminder, ...]:
    """The .ics file, written atomically; returns the reminders it holds."""
    atomic_write_bytes(path, calendar(report, now=now, include_past=include_past))
    return reminders(report, include_past=include_past)


def start_demo_responder() -> DemoRevocationService:
    """--demo: the test PKI's own CRL/OCSP responder on 127.0.0.1 (`.stop()` when done)."""
    return for_demo_card().start()


def demo_endpoints(base: Endpoints, demo: DemoRevocationService, purpose: str) -> Endpoints:
    """`base`, asking the demo responder for the "sign" or "auth" certificate."""
    ocsp_urls, crl_urls = demo.endpoints(purpose)
    return dataclasses.replace(base, ocsp_urls=ocsp_urls, crl_urls=crl_urls)


def check_certificates(
    targets: Mapping[K, bytes],
    *,
    now: dt.datetime,
    endpoints: Endpoints | Callable[[K], Endpoints],
    extra_roots: Iterable[bytes] = (),
    card_cas: Iterable[bytes] = (),
    offline: bool = False,
) -> dict[K, CheckResult]:
    """The own-certificate check (自己の電子証明書の有効性確認) of each target, one CRL cache.
    `endpoints` may depend on the target (the demo responder serves each CA apart)."""
    cache = CrlCache()
    extra, cas = tuple(extra_roots), tuple(card_cas)
    return {
        key: check_certificate(
            der,
            now=now,
            endpoints=endpoints(key) if callable(endpoints) else endpoints,
            extra_roots=extra,
            card_cas=cas,
            cache=cache,
            offline=offline,
        )
        for key, der in targets.items()
    }


def life_event_check(
    cert: SignAttributes | None,
    recorded: Recorded | None = None,
    events: Iterable[LifeEvent] = (),
) -> AttributeCheck:
    """Has a move, marriage or name change revoked (or will it revoke) the signing certificate?"""
    return check_attributes(cert, recorded, events)

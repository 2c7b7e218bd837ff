"""One read of everything the dashboard shows, as an immutable snapshot.

The same function serves `jpki status`, the GUI's card thread and the benchmark, so the APDU
sequence is defined once. No step spends a try, and no step asks for a PIN.

Fewest bytes on the wire (a contact reader without TA1 moves about 1 KB/s):

* the token label (16 bytes of EF 0006), which certificates exist (EF 0008), both PIN counters
  (the empty VERIFY);
* the auth certificate: its first 256-byte chunk; a cached copy whose first bytes equal that
  chunk finishes it (warm read), otherwise the rest is read (one extended-length APDU when the
  ATR advertises extended Lc/Le, short chunks otherwise);
* the CA certificates are public and the real ones are bundled: the auth CA is not read at all
  when the auth certificate's issuer and authority key identifier name a known one, and the
  signing CA is identified by its first 32 bytes and its length. Only an unknown CA is read in
  full; `sources` says which were (Source.CARD) and it is then cached;
* the card-info application's PIN counter.

A card pulled mid-read raises CardRemoved (nothing half-read is shown as complete); a part the
card refuses or answers with malformed data is named in `unread` instead of disappearing.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from ..validity.generations import ChosenRules, rules_for
from .anchors import KnownCas, bundled_ca_certificates
from .atr import supports_extended_length
from .cache import CardCache
from .cardinfo import CardInfoSession
from .der import der_total_length
from .errors import (
    ApduError,
    ApplicationNotFound,
    CardDataError,
    PinNotSet,
    SecurityStatusNotSatisfied,
)
from .jpki import CardKind, CertAvailability, CertSlot, JpkiSession, TokenInfo
from .pins import PinKind, PinStatus
from .transport import ApduChannel

CA_HEAD = 32  # bytes of a CA EF that identify a known CA (with the length in its header)
# First read of the auth certificate: one full short chunk, which holds its serial number,
# issuer, validity and subject: what a cached copy must match (cache.py).
AUTH_HEAD = 256
PHONES = frozenset({CardKind.SMARTPHONE_ANDROID, CardKind.SMARTPHONE_IOS})


class ReadStep(enum.Enum):
    APPLICATION = "application"
    TOKEN = "token"
    CERTIFICATES_PRESENT = "certificates_present"
    PINS = "pins"
    AUTH_CERT = "auth_cert"
    AUTH_CA = "auth_ca"
    SIGN_CA = "sign_ca"
    CARD_INFO = "card_info"


STEPS = tuple(ReadStep)


@dataclass(frozen=True)
class ReadProgress:
    """Where a status read is: the step, and for a file how many of its bytes are in."""

    step: ReadStep
    done: int = 0
    total: int = 0  # 0: not a file read

    @property
    def fraction(self) -> float:
        """Rough share of the whole read that is done (steps weighted equally)."""
        i = STEPS.index(self.step)
        within = self.done / self.total if self.total else 0.0
        return min(1.0, (i + within) / len(STEPS))


ProgressCallback = Callable[[ReadProgress], None]


class Source(enum.Enum):
    CARD = "card"  # read in full from the card
    BUNDLED = "bundled"  # identified on the card; the bundled copy was used
    CACHE = "cache"  # identified by its first chunk; the cached copy was used


class CardVariant(enum.Enum):
    """What the card can do, as far as its answers show."""

    STANDARD = "standard"
    FACE_AUTH = "face_auth"  # 顔認証マイナンバーカード: no PIN set, no signing certificate
    SMARTPHONE = "smartphone"  # スマホ用電子証明書: the auth certificate needs the auth PIN
    NO_CERTIFICATES = "no_certificates"  # declined, or both revoked


@dataclass(frozen=True)
class Unread:
    """A part of the status the card did not give (it is not shown as if it were absent)."""

    item: str  # "certificates_present", "auth_cert", "auth_ca", "sign_ca", "card_info_pin"
    reason: str  # "SW=6F00", "malformed", "needs_pin"


@dataclass(frozen=True)
class CardSnapshot:
    reader: str
    atr: bytes
    token: TokenInfo
    availability: CertAvailability
    pins: dict[PinKind, PinStatus]
    certificates: dict[CertSlot, bytes] = field(default_factory=dict)  # DER, public ones only
    card_info_available: bool = True
    sources: dict[CertSlot, Source] = field(default_factory=dict)
    variant: CardVariant = CardVariant.STANDARD
    pins_not_set: frozenset[PinKind] = frozenset()
    unread: tuple[Unread, ...] = ()
    rules: ChosenRules = field(default_factory=lambda: rules_for(None))

    def pin(self, kind: PinKind) -> PinStatus | None:
        return self.pins.get(kind)

    @property
    def auth_needs_pin(self) -> bool:
        """The auth certificate is read only on request, with the auth PIN (smartphones)."""
        return self.variant is CardVariant.SMARTPHONE


def _reason(exc: Exception) -> str:
    if isinstance(exc, ApduError):
        return f"SW={exc.sw:04X}"
    if isinstance(exc, SecurityStatusNotSatisfied):
        return "needs_pin"
    return "malformed"


class _Reader:
    """One status read: the session, what is known, and the progress reports."""

    def __init__(
        self,
        session: JpkiSession,
        cache: CardCache | None,
        known: Iterable[bytes],
        progress: ProgressCallback | None,
    ) -> None:
        self.session = session
        self.cache = cache
        self.bundled = frozenset(known)
        self.progress = progress
        self._known: KnownCas | None = None

    @property
    def known(self) -> KnownCas:
        if self._known is None:  # parsed only when a CA is needed
            cached = self.cache.ca_certificates() if self.cache else ()
            self._known = KnownCas([*self.bundled, *cached])
        return self._known

    def report(self, step: ReadStep, done: int = 0, total: int = 0) -> None:
        if self.progress is not None:
            self.progress(ReadProgress(step, done, total))

    def _file_progress(self, step: ReadStep) -> Callable[[int, int], None]:
        return lambda done, total: self.report(step, done, total)

    def auth_certificate(self) -> tuple[bytes, Source]:
        self.report(ReadStep.AUTH_CERT)
        fid = CertSlot.AUTH.fid
        head = self.session.read_head(fid, AUTH_HEAD)
        total = der_total_length(head)
        self.report(ReadStep.AUTH_CERT, min(len(head), total), total)
        if self.cache is not None:
            cached = self.cache.auth_certificate(head[:total], total)
            if cached is not None:
                self.report(ReadStep.AUTH_CERT, total, total)
                return cached, Source.CACHE
        der = self.session.read_rest(fid, head, total, self._file_progress(ReadStep.AUTH_CERT))
        if self.cache is not None:
            self.cache.store_auth_certificate(der)
        return der, Source.CARD

    def ca_certificate(self, slot: CertSlot, issued: bytes | None) -> tuple[bytes, Source]:
        step = ReadStep.AUTH_CA if slot is CertSlot.AUTH_CA else ReadStep.SIGN_CA
        self.report(step)
        if issued is not None:
            der = self.known.issuer_of(issued)
            if der is not None:  # the EF is not even selected
                return der, self._source_of(der)
        head = self.session.read_head(slot.fid, CA_HEAD)
        total = der_total_length(head)
        der = self.known.by_head(head[:total], total)
        if der is not None:
            self.report(step, total, total)
            return der, self._source_of(der)
        der = self.session.read_rest(slot.fid, head, total, self._file_progress(step))
        if self.cache is not None and der not in self.bundled:
            self.cache.store_ca_certificate(der)
        return der, Source.CARD

    def _source_of(self, der: bytes) -> Source:
        return Source.BUNDLED if der in self.bundled else Source.CACHE


def read_snapshot(
    channel: ApduChannel,
    *,
    reader: str = "",
    atr: bytes = b"",
    with_ca: bool = True,
    with_card_info_pin: bool = True,
    cache: CardCache | None = None,
    known_cas: Iterable[bytes] = (),
    progress: ProgressCallback | None = None,
) -> CardSnapshot:
    """Read the status. `cache`: the card cache (None: off). `known_cas`: CA certificates to
    take as known besides the bundled ones (e.g. the demo card's test CAs). `progress` is called
    on this thread before each step and after each chunk of a file."""
    known = [*bundled_ca_certificates(), *known_cas] if with_ca else []
    unread: list[Unread] = []
    with channel.transaction():
        step = _Reader(JpkiSession(channel), cache, known, progress)
        step.report(ReadStep.APPLICATION)
        session = step.session
        session.extended_length = supports_extended_length(atr)
        step.report(ReadStep.TOKEN)
        token = session.token_info(label_only=True)
        step.report(ReadStep.CERTIFICATES_PRESENT)
        try:
            availability: CertAvailability | None = session.cert_availability()
        except (ApduError, CardDataError) as exc:
            unread.append(Unread("certificates_present", _reason(exc)))
            availability = None
        step.report(ReadStep.PINS)
        pins: dict[PinKind, PinStatus] = {}
        not_set: set[PinKind] = set()
        for kind in (PinKind.SIGN, PinKind.AUTH):
            try:
                pins[kind] = session.pin_status(kind)
            except PinNotSet:
                not_set.add(kind)
            except ApduError as exc:
                unread.append(Unread(f"{kind.value}_pin", _reason(exc)))
        phone = token.kind in PHONES
        certs: dict[CertSlot, bytes] = {}
        sources: dict[CertSlot, Source] = {}
        # A phone releases its auth certificate only after the auth PIN: read on request only.
        if not phone and (availability is None or availability.auth):
            try:
                certs[CertSlot.AUTH], sources[CertSlot.AUTH] = step.auth_certificate()
            except (ApduError, CardDataError, SecurityStatusNotSatisfied) as exc:
                if availability is not None:  # absent when EF 0008 is unreadable: no news
                    unread.append(Unread("auth_cert", _reason(exc)))
        if availability is None:
            availability = CertAvailability(sign=False, auth=CertSlot.AUTH in certs)
        if with_ca and (availability.auth or availability.sign or phone):
            for slot, issued in (
                (CertSlot.AUTH_CA, certs.get(CertSlot.AUTH)),
                (CertSlot.SIGN_CA, None),
            ):
                try:
                    certs[slot], sources[slot] = step.ca_certificate(slot, issued)
                except (ApduError, CardDataError, SecurityStatusNotSatisfied) as exc:
                    unread.append(Unread(slot.value.replace("-", "_"), _reason(exc)))
        card_info = False
        if with_card_info_pin:
            step.report(ReadStep.CARD_INFO)
            try:
                pins[PinKind.CARD_INFO] = CardInfoSession(channel).pin_status()
                card_info = True
            except ApplicationNotFound:
                pass
            except PinNotSet:
                card_info = True
                not_set.add(PinKind.CARD_INFO)
            except (ApduError, CardDataError) as exc:
                card_info = True
                unread.append(Unread("card_info_pin", _reason(exc)))
    rules = rules_for(token.label)
    pins = {k: replace(st, maximum=rules.rules.tries(k.value)) for k, st in pins.items()}
    return CardSnapshot(
        reader,
        atr,
        token,
        availability,
        pins,
        certs,
        card_info,
        sources,
        _variant(token, availability, not_set),
        frozenset(not_set),
        tuple(unread),
        rules,
    )


def _variant(
    token: TokenInfo, availability: CertAvailability, not_set: set[PinKind]
) -> CardVariant:
    """Tolerant on purpose: how a face-authentication card answers is not public, so every
    "no PIN set" answer (jpki.PIN_NOT_SET_SW, or no PIN file) leads to the same state."""
    if token.kind in PHONES:
        return CardVariant.SMARTPHONE
    if not availability.sign and not availability.auth:
        return CardVariant.NO_CERTIFICATES
    if {PinKind.SIGN, PinKind.AUTH} <= not_set:
        return CardVariant.FACE_AUTH
    return CardVariant.STANDARD

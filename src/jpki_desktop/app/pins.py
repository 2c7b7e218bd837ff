"""PIN counters, the final-try guard and PIN change. A PIN is never sent unless asked for."""

from __future__ import annotations

from collections.abc import Callable

from ..card.cardinfo import BasicAttributes, CardInfoSession
from ..card.connect import OpenCard
from ..card.errors import FinalTryNotConfirmed, PinBlocked
from ..card.jpki import JpkiSession
from ..card.pins import PinBuffer, PinKind, PinStatus

# "May the very last try be used?": a decision taken before (GUI dialog, --final-try) or a
# question asked once, only when the card says one try is left.
FinalTry = bool | Callable[[PinKind], bool]
# The PIN itself, or a function that asks for it (called only after the card said the PIN is
# not blocked). Either way the buffer is wiped when the use case is done with it.
PinInput = PinBuffer | Callable[[], PinBuffer]


def final_try_allowed(status: PinStatus, confirm: FinalTry) -> bool:
    """Refuse a blocked PIN; ask `confirm` only when exactly one try is left, and refuse the
    last try unless it says yes. Either refusal comes before the PIN is asked for."""
    if status.blocked:
        raise PinBlocked(status.kind)
    if status.remaining != 1:
        return False
    if confirm if isinstance(confirm, bool) else confirm(status.kind):
        return True
    raise FinalTryNotConfirmed(status.kind)


def take_pin(pin: PinInput) -> PinBuffer:
    return pin if isinstance(pin, PinBuffer) else pin()


def pin_statuses(
    open_card: Callable[[], OpenCard], kinds: tuple[PinKind, ...] = (PinKind.SIGN, PinKind.AUTH)
) -> dict[PinKind, PinStatus]:
    """Tries left, read with the empty VERIFY (never spends a try)."""
    with open_card() as card:
        session = JpkiSession(card.channel)
        return {k: session.pin_status(k) for k in kinds}


def verify_jpki(session: JpkiSession, kind: PinKind, pin: PinInput, confirm: FinalTry) -> None:
    """The guarded VERIFY: counter first (no try), then at most one VERIFY with the PIN."""
    final = final_try_allowed(session.pin_status(kind), confirm)
    with take_pin(pin) as buffer:
        session.verify(kind, buffer, final_try_confirmed=final)


def change_pin(
    card: OpenCard,
    kind: PinKind,
    current: PinInput,
    new: PinInput,
    confirm: FinalTry,
) -> None:
    """CHANGE REFERENCE DATA in one transaction, after the counter said the PIN is not blocked.

    `current` and `new` may be functions: they are called (current first) only then."""
    with card.channel.transaction():
        session = JpkiSession(card.channel)
        final = final_try_allowed(session.pin_status(kind), confirm)
        with take_pin(current) as cur, take_pin(new) as nxt:
            session.change_pin(kind, cur, nxt, final_try_confirmed=final)


def read_card_attributes(card: OpenCard, pin: PinInput, confirm: FinalTry) -> BasicAttributes:
    """The basic four attributes from the card-info application (its 4-digit PIN)."""
    with card.channel.transaction():
        return read_attributes_in(CardInfoSession(card.channel), pin, confirm)


def read_attributes_in(
    session: CardInfoSession, pin: PinInput, confirm: FinalTry
) -> BasicAttributes:
    final = final_try_allowed(session.pin_status(), confirm)
    with take_pin(pin) as buffer:
        session.verify(buffer, final_try_confirmed=final)
    return session.read_attributes()

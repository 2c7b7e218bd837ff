"""Reading something from the card that needs a PIN, from a page: ask, run, hand over, or say why not."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ...app.card_state import CardState
from ...card.pins import PinBuffer, PinKind
from .. import messages as M
from ..card_service import JobFunction
from ..dialogs.common import show_error
from ..dialogs.pin_dialog import request_pin
from .base import Page


def read_with_pin(
    page: Page,
    state: CardState,
    kind: PinKind,
    purpose: Callable[[], str],
    read: JobFunction,
    done: Callable[[Any, int], None],
) -> None:
    """Ask for the `kind` PIN (the prompt follows the card and says `purpose`), then run
    `read(open_card, pin, final_try_confirmed)` on the card thread; the PIN is wiped after it
    and the card state refreshed. `done(result, generation)` gets the result with the card
    generation the request was made for; an error is shown on `page`."""
    generation = state.generation

    def on_pin(pin: PinBuffer, final_confirmed: bool) -> None:
        job = page.ctx.service.submit(
            read, pin, final_confirmed, secrets=(pin,), refresh_after=True
        )
        job.finished.connect(lambda result: done(result, generation))
        job.failed.connect(lambda exc: show_error(page, M.describe(exc)))

    request_pin(page, state, kind, purpose, on_pin, page.ctx.service.stateChanged)

"""A page that shows what the card holds: the latest card state and its certificate views."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ...app.card_state import CardState
from ...app.certificates import CertView, views_from_snapshot
from ...card.jpki import CertSlot
from ..context import AppContext
from .base import Page


class CardPage(Page):
    """Keeps `state` and `views` (the certificates of a ready card, with those read on request
    with a PIN) for its rendering; `keep_state()` takes a new state."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.state = ctx.service.state
        self.views: dict[CertSlot, CertView] = {}

    def keep_state(self, state: CardState, *, with_auth_cert: bool = True) -> None:
        """Take `state`; without `with_auth_cert` an auth certificate read on request (a
        smartphone's) is left out of the views."""
        self.state = state
        snap = state.snapshot if state.ready else None
        session = self.ctx.session
        auth = session.auth_cert if with_auth_cert else None
        self.views = views_from_snapshot(snap, session.sign_cert, auth) if snap is not None else {}

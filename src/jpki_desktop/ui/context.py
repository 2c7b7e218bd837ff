"""What every page gets: the card service, settings, translations and the session's data."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from ..app.card_state import CardState
from ..app.flow import ApplicationFlow
from ..validity.dates import jst_date
from .card_service import CardService
from .i18n import Translations
from .settings import Settings

if TYPE_CHECKING:
    from ..app.agency import RunningAgency
    from ..app.validity import DemoRevocationService


def today_in_japan() -> dt.date:
    return jst_date(dt.datetime.now(dt.UTC))


class SessionData(QObject):
    """Data read with a password during this session, for the card currently inserted only.

    The signing certificate holds name, address, birth date and sex: it is kept in memory
    while the same card stays in the reader and dropped on removal. Never written to disk
    unless the user exports it.
    """

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.generation = -1
        self.sign_cert: bytes | None = None
        self.auth_cert: bytes | None = None  # a smartphone's, read on request with the PIN

    def on_state(self, state: CardState) -> None:
        if state.generation != self.generation or not state.ready:
            dropped = self.sign_cert is not None or self.auth_cert is not None
            self.sign_cert = None
            self.auth_cert = None
            self.generation = state.generation
            if dropped:
                self.changed.emit()

    def set_auth_cert(self, der: bytes, generation: int) -> None:
        if generation == self.generation:
            self.auth_cert = der
            self.changed.emit()

    def set_sign_cert(self, der: bytes, generation: int) -> None:
        if generation == self.generation:
            self.sign_cert = der
            self.changed.emit()


@dataclass
class AppContext:
    service: CardService
    settings: Settings
    translations: Translations
    demo: bool = False
    session: SessionData = field(default_factory=SessionData)
    today: Callable[[], dt.date] = today_in_japan
    navigate: Callable[[str], None] = lambda _page: None
    flow_backend: ApplicationFlow = field(default_factory=ApplicationFlow)  # the home-use flow
    demo_agency: RunningAgency | None = None  # --demo: the running reference agency endpoint
    demo_revocation: DemoRevocationService | None = (
        None  # --demo: the test PKI's CRL/OCSP responder
    )

    def shutdown(self) -> None:
        """Stop the card thread, the demo agency and responder; remove the flow's folder."""
        self.service.stop()
        self.flow_backend.close()
        for name in ("demo_agency", "demo_revocation"):
            running = getattr(self, name)
            if running is not None:
                running.stop()
                setattr(self, name, None)

"""What the GUI knows about the reader and the card, as immutable values.

The card thread produces these; widgets only render them. Qt-free on purpose.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field

from ..card.pins import PinKind, PinStatus
from ..card.snapshot import CardSnapshot


class Presence(enum.Enum):
    STARTING = "starting"  # nothing checked yet
    NO_SERVICE = "no_service"  # the PC/SC service cannot be reached
    NO_READER = "no_reader"
    NO_CARD = "no_card"
    READING = "reading"  # a card is present; its snapshot is being read
    READY = "ready"  # a snapshot of a JPKI card is available
    UNREADABLE = "unreadable"  # present, but not a JPKI card / busy / malformed data


@dataclass(frozen=True)
class ReaderScan:
    """A cheap look at the readers (no APDU): which exist, and whether the chosen one has a card."""

    presence: Presence
    readers: tuple[str, ...] = ()
    reader: str | None = None
    atr: bytes = b""
    event: int = 0  # changes whenever the reader reports a new insertion/removal

    @property
    def key(self) -> tuple[object, ...]:
        return (self.presence, self.readers, self.reader, self.atr, self.event)


@dataclass(frozen=True)
class CardState:
    presence: Presence = Presence.STARTING
    readers: tuple[str, ...] = ()
    reader: str | None = None
    snapshot: CardSnapshot | None = None
    error: BaseException | None = field(default=None, compare=False)
    read_at: dt.datetime | None = None
    generation: int = 0  # bumps with every new insertion: a different card may be in the reader

    @property
    def ready(self) -> bool:
        return self.presence is Presence.READY and self.snapshot is not None

    def pin(self, kind: PinKind) -> PinStatus | None:
        return self.snapshot.pin(kind) if self.snapshot is not None else None

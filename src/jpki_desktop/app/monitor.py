"""Watching readers and cards come and go (never talks to a card)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ..card.monitor import CardMonitor, MonitorEvent


def watch(on_event: Callable[[MonitorEvent], None]) -> CardMonitor:
    """A started-on-enter monitor: `with watch(queue.put): ...`. on_event runs on its thread."""
    return CardMonitor(on_event)


def event_name(event: MonitorEvent) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", type(event).__name__).lower()


def event_dict(event: MonitorEvent) -> dict[str, Any]:
    out: dict[str, Any] = {"event": event_name(event)}
    for name in ("reader", "atr", "detail"):
        value = getattr(event, name, None)
        if value is not None:
            out[name] = value.hex(" ").upper() if isinstance(value, bytes) else value
    return out

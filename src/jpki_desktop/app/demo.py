"""What the demo publishes about itself, for the demo's help text: the virtual card's passwords
and the reference agency's service account (both fictitious, never a real secret)."""

from __future__ import annotations

from ..agency.accounts import DEMO_PASSWORD, DEMO_USER_ID
from ..card.virtual.store import DEMO_PINS

__all__ = ["DEMO_PASSWORD", "DEMO_PINS", "DEMO_USER_ID"]

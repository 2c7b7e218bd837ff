"""Errors of the application layer itself (the core's errors pass through unchanged)."""

from __future__ import annotations


class SendingUnavailable(Exception):
    """This build cannot send to the procedure's agency (the package can still be saved)."""

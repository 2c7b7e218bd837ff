"""Step 6 and 7: send the encrypted package to the agency, keep it in the outbox until the
agency's signed receipt (or rejection) is verified, and keep the history."""

from __future__ import annotations

from ..net.http import HttpSettings
from . import errors
from .account import AccountStore, ServiceAccount
from .client import ClientSettings, FlushResult, SubmissionClient, submit
from .errors import KeyringUnavailable, SubmissionError  # the rest: submission.errors
from .receipt import Answer, Receipt, Rejection
from .store import Listing, SubmissionStore

# The transport settings are the one HTTP client's (proxy, timeout, TLS roots); the old name is
# kept for the front ends that build them.
TransportSettings = HttpSettings

__all__ = [
    "AccountStore",
    "Answer",
    "errors",
    "ClientSettings",
    "FlushResult",
    "KeyringUnavailable",
    "Listing",
    "Receipt",
    "Rejection",
    "ServiceAccount",
    "SubmissionClient",
    "SubmissionError",
    "SubmissionStore",
    "HttpSettings",
    "TransportSettings",
    "submit",
]

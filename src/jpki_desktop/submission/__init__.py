"""Step 6 and 7: send the encrypted package to the agency, keep it in the outbox until the
agency's signed receipt (or rejection) is verified, and keep the history."""

from __future__ import annotations

from .account import AccountStore, ServiceAccount
from .client import ClientSettings, FlushResult, SubmissionClient, submit
from .errors import (
    AccountFormatError,
    AccountRequired,
    AnswerInvalid,
    KeyringUnavailable,
    StoreEntryDamaged,
    SubmissionError,
    Undelivered,
    UnknownPackage,
)
from .https_post import TransportSettings
from .receipt import Answer, Receipt, Rejection
from .store import Listing, SubmissionStore

__all__ = [
    "AccountFormatError",
    "AccountRequired",
    "AccountStore",
    "Answer",
    "AnswerInvalid",
    "ClientSettings",
    "FlushResult",
    "KeyringUnavailable",
    "Listing",
    "Receipt",
    "Rejection",
    "ServiceAccount",
    "StoreEntryDamaged",
    "SubmissionClient",
    "SubmissionError",
    "SubmissionStore",
    "TransportSettings",
    "Undelivered",
    "UnknownPackage",
    "submit",
]

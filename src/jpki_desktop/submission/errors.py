"""Typed submission errors. They carry data; the CLI and the GUI phrase them."""

from __future__ import annotations

from dataclasses import KW_ONLY

from ..typed_error import TypedError

RESEND_HELPS = ("unreachable", "timeout", "server-error")


class SubmissionError(TypedError):
    """Base class."""


class Undelivered(SubmissionError):
    """The package was not acknowledged; it stays in the outbox and is retried later.

    `reason`: "unreachable" (connection refused/reset, DNS, proxy), "timeout", "server-error"
    (HTTP 5xx/429), "tls" (the endpoint's certificate was refused), "account" (the agency refused
    the service account: HTTP 401/403), "protocol" (an answer this client cannot read).
    """

    reason: str
    detail: str = ""
    _: KW_ONLY
    status: int | None = None
    attempts: int = 1
    retry_after: float | None = None
    _text = ("{reason}", "{detail}")

    @property
    def resend_helps(self) -> bool:
        """Whether sending the same package again later, unchanged, may get through: the
        network or the agency's server may recover; a refused account or certificate, or an
        answer this client cannot read, will be the same next time."""
        return self.reason in RESEND_HELPS


class AnswerInvalid(SubmissionError):
    """A receipt/rejection whose signature or content does not check out. `problem` is a code:
    "not-cms", "wrong-signer", "bad-signature", "digest-mismatch", "bad-content",
    "submission-id-mismatch", "manifest-mismatch", "package-mismatch"."""

    problem: str
    detail: str = ""
    _text = ("{problem}", "{detail}")


class AccountRequired(SubmissionError):
    """The procedure needs a service account and none was given or stored."""

    agency_id: str


class AccountFormatError(SubmissionError):
    """The user id does not have the agency's format (checked before anything is sent)."""

    agency_id: str
    label: str = ""


class KeyringUnavailable(SubmissionError):
    """No usable OS keyring; the account can still be typed in each time."""

    detail: str = ""


class UnknownPackage(SubmissionError):
    """The package is not a CMS envelope addressed to any known agency. `problem` is a code."""

    problem: str
    detail: str = ""
    _text = ("{problem}", "{detail}")


class StoreEntryDamaged(SubmissionError):
    """A file of an outbox or history entry cannot be read (empty, truncated, not JSON, wrong
    types). The entry is left exactly as it is; `problem` is a code ("empty", "not-utf8",
    "not-json", "not-an-object", "bad-field", "unreadable", "bad-answer")."""

    directory: str
    file: str
    problem: str
    detail: str = ""

    def _message(self) -> str:
        return f"{self.directory}/{self.file}: {self.problem} {self.detail}".strip()

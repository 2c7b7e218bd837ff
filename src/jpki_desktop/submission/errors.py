"""Typed submission errors. They carry data; the CLI and the GUI phrase them."""

from __future__ import annotations

RESEND_HELPS = ("unreachable", "timeout", "server-error")


class SubmissionError(Exception):
    """Base class."""


class Undelivered(SubmissionError):
    """The package was not acknowledged; it stays in the outbox and is retried later.

    `reason`: "unreachable" (connection refused/reset, DNS, proxy), "timeout", "server-error"
    (HTTP 5xx/429), "tls" (the endpoint's certificate was refused), "account" (the agency refused
    the service account: HTTP 401/403), "protocol" (an answer this client cannot read).
    """

    def __init__(
        self,
        reason: str,
        detail: str = "",
        *,
        status: int | None = None,
        attempts: int = 1,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail
        self.status = status
        self.attempts = attempts
        self.retry_after = retry_after

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

    def __init__(self, problem: str, detail: str = "") -> None:
        super().__init__(f"{problem}: {detail}" if detail else problem)
        self.problem = problem
        self.detail = detail


class AccountRequired(SubmissionError):
    """The procedure needs a service account and none was given or stored."""

    def __init__(self, agency_id: str) -> None:
        super().__init__(agency_id)
        self.agency_id = agency_id


class AccountFormatError(SubmissionError):
    """The user id does not have the agency's format (checked before anything is sent)."""

    def __init__(self, agency_id: str, label: str = "") -> None:
        super().__init__(agency_id)
        self.agency_id = agency_id
        self.label = label


class KeyringUnavailable(SubmissionError):
    """No usable OS keyring; the account can still be typed in each time."""

    def __init__(self, detail: str = "") -> None:
        super().__init__(detail)
        self.detail = detail


class UnknownPackage(SubmissionError):
    """The package is not a CMS envelope addressed to any known agency. `problem` is a code."""

    def __init__(self, problem: str, detail: str = "") -> None:
        super().__init__(f"{problem}: {detail}" if detail else problem)
        self.problem = problem
        self.detail = detail


class StoreEntryDamaged(SubmissionError):
    """A file of an outbox or history entry cannot be read (empty, truncated, not JSON, wrong
    types). The entry is left exactly as it is; `problem` is a code ("empty", "not-utf8",
    "not-json", "not-an-object", "bad-field", "unreadable", "bad-answer")."""

    def __init__(self, directory: str, file: str, problem: str, detail: str = "") -> None:
        super().__init__(f"{directory}/{file}: {problem} {detail}".strip())
        self.directory = directory
        self.file = file
        self.problem = problem
        self.detail = detail

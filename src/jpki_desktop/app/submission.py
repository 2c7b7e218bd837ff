"""Submission: send a package to the agency, flush the outbox, list pending and history.

One `SubmissionService` per app context (the CLI's run, the GUI's session): it builds one
`SubmissionClient` and keeps it. A rejection is an answer (`Rejection`), returned like a
`Receipt`; only a package that could not be delivered raises (and stays in the outbox).
Transport settings are read before each send, so a settings page may change them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..procedures import Catalogue, Procedure
from ..procedures.model import AgencyInfo
from ..submission import (
    AccountStore,
    ClientSettings,
    FlushResult,
    SubmissionClient,
    SubmissionStore,
    TransportSettings,
)
from ..submission.client import agency_for_package
from ..submission.store import Entry, Listing

Progress = Callable[[int, int], None]


def transport_settings(proxy_mode: str, proxy_url: str = "") -> TransportSettings:
    """The proxy choice: "none" (direct), "manual" (`proxy_url`), else the environment's."""
    if proxy_mode == "none":
        return TransportSettings(proxy=None, use_environment_proxy=False)
    if proxy_mode == "manual" and proxy_url:
        return TransportSettings(proxy=proxy_url, use_environment_proxy=False)
    return TransportSettings()


def client_settings(proxy_mode: str, proxy_url: str = "") -> ClientSettings:
    return ClientSettings(transport=transport_settings(proxy_mode, proxy_url))


class SubmissionService:
    def __init__(
        self,
        catalogue: Catalogue,
        *,
        store_dir: Path | None = None,
        settings: ClientSettings | Callable[[], ClientSettings] = ClientSettings,
        keyring: bool = True,
    ) -> None:
        """`keyring`: look up and remember service accounts in the system keyring."""
        source = settings if callable(settings) else (lambda: settings)
        self.client = SubmissionClient(
            catalogue,
            SubmissionStore(store_dir),
            source(),
            accounts=AccountStore() if keyring else None,
            settings_source=source,
        )
        # queue and deliver: the verified Receipt or Rejection; raises Undelivered /
        # AccountRequired with the package safe in the outbox (see SubmissionClient.submit)
        self.submit = self.client.submit
        self.remember = self.client.remember

    @property
    def store(self) -> SubmissionStore:
        return self.client.store

    @property
    def accounts(self) -> AccountStore | None:
        return self.client.accounts

    def agency_of(self, package: Path) -> tuple[AgencyInfo, list[Procedure]]:
        """The agency a package is encrypted to, and the procedures it could be for."""
        return agency_for_package(self.client.catalogue, package)

    def forget(self, agency_id: str) -> bool:
        """Remove the remembered account; False when none was stored."""
        return (self.client.accounts or AccountStore()).forget(agency_id)

    def flush(self, *, attempts: int | None = None) -> list[FlushResult]:
        """Send what is still in the outbox. Never raises for one entry."""
        return self.client.flush(attempts=attempts)

    def pending(self) -> list[Entry]:
        return self.store.pending()

    def scan_outbox(self) -> Listing:
        """The outbox, with each damaged entry named (and left as it is)."""
        return self.store.scan_outbox()

    def scan_history(self) -> Listing:
        """Receipts and rejections, newest first, with each damaged entry named."""
        return self.store.scan_history()

    def kept_at(self, submission_id: str) -> Path | None:
        """Where the answered package and its answer are kept (for display)."""
        entry = self.store.find_answered(submission_id)
        return entry.directory if entry is not None else None

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
    KeyringUnavailable,
    ServiceAccount,
    SubmissionClient,
    SubmissionStore,
    TransportSettings,
)
from ..submission.client import agency_for_package
from ..submission.receipt import Answer
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
        self._settings = settings
        self.client = SubmissionClient(
            catalogue,
            SubmissionStore(store_dir),
            self._current_settings(),
            accounts=AccountStore() if keyring else None,
        )

    def _current_settings(self) -> ClientSettings:
        s = self._settings
        return s if isinstance(s, ClientSettings) else s()

    @property
    def store(self) -> SubmissionStore:
        return self.client.store

    @property
    def accounts(self) -> AccountStore | None:
        return self.client.accounts

    def agency_of(self, package: Path) -> tuple[AgencyInfo, list[Procedure]]:
        """The agency a package is encrypted to, and the procedures it could be for."""
        return agency_for_package(self.client.catalogue, package)

    def submit(
        self,
        package: Path,
        procedure: Procedure | None,
        account: ServiceAccount | None = None,
        progress: Progress | None = None,
        *,
        agency: AgencyInfo | None = None,
        submission_id: str = "",
        manifest_sha256: str = "",
        endpoint: str = "",
        remember_account: bool = False,
    ) -> Answer:
        """Queue and deliver; the verified Receipt or Rejection. Raises Undelivered /
        AccountRequired with the package safe in the outbox. `remember_account` saves the
        account in the keyring once the agency has answered (False if there is no keyring)."""
        self.client.settings = self._current_settings()
        answer = self.client.submit(
            package,
            procedure,
            account,
            progress,
            agency=agency,
            submission_id=submission_id,
            manifest_sha256=manifest_sha256,
            endpoint=endpoint,
        )
        if remember_account and account is not None:
            target = procedure.agency if procedure is not None else agency
            if target is not None:
                self.remember(target.id, account)
        return answer

    def remember(self, agency_id: str, account: ServiceAccount) -> bool:
        """Save the account in the system keyring; False when there is none."""
        if self.client.accounts is None:
            return False
        try:
            self.client.accounts.save(agency_id, account)
        except KeyringUnavailable:
            return False
        return True

    def forget(self, agency_id: str) -> bool:
        """Remove the remembered account; False when none was stored."""
        return (self.client.accounts or AccountStore()).forget(agency_id)

    def flush(self, *, attempts: int | None = None) -> list[FlushResult]:
        """Send what is still in the outbox. Never raises for one entry."""
        self.client.settings = self._current_settings()
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

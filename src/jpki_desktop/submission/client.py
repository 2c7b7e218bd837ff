"""Send packages to the agency and bring back verified receipts.

    client = SubmissionClient(catalogue)
    answer = client.submit(package, procedure, account=..., progress=...)   # Receipt | Rejection
    client.flush()          # at start: deliver whatever is still in the outbox

Every package is put in the outbox first; only a verified answer takes it out. Delivery
problems raise Undelivered (the package stays queued); a receipt or a rejection is a result.
Retries reuse the same Idempotency-Key (the submission id), so the agency never files one
submission twice.
"""

from __future__ import annotations

import base64
import dataclasses
import logging
import re
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from cryptography import x509

from .. import __version__
from ..net import errors as N
from ..net.http import HttpClient, HttpResponse, HttpSettings, Progress
from ..procedures import (
    AgencyInfo,
    AgencyMaterialMissing,
    Catalogue,
    Procedure,
    UnknownProcedure,
    load_catalogue,
)
from .account import AccountStore, ServiceAccount
from .envelope_info import addressed_to
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
from .receipt import Answer, verify_answer
from .signed_answer import is_signed_answer
from .store import Entry, SubmissionStore, sha256_file

log = logging.getLogger(__name__)

CONTENT_TYPE = "application/pkcs7-mime; smime-type=authEnveloped-data"
RETRYABLE = ("unreachable", "timeout", "server-error")
MAX_ANSWER_BYTES = 512 * 1024  # a signed receipt is a few KiB


def _undelivered(exc: N.HttpError) -> Undelivered:
    """The HTTP client's typed error as the outbox's reason code (the detail keeps its data)."""
    if isinstance(exc, N.TimedOut):
        reason = "timeout"
    elif isinstance(exc, N.TlsError):
        reason = "tls"
    elif isinstance(exc, N.ServerUnreachable | N.ProxyError):
        reason = "unreachable"
    else:  # too large, bad scheme, unreadable HTTP
        reason = "protocol"
    return Undelivered(reason, exc.detail)


def post_package(
    url: str,
    path: Path,
    headers: dict[str, str],
    *,
    pinned_ca_pem: bytes | None,
    settings: HttpSettings = HttpSettings(),
    progress: Progress | None = None,
) -> HttpResponse:
    """POST the package at `path` (streamed) through the one HTTP client; only https."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme != "https" or not parts.hostname:
        raise Undelivered("protocol", "endpoint is not an https URL")
    client = HttpClient(dataclasses.replace(settings, ca_pem=pinned_ca_pem))
    body = dict(headers)
    content_type = body.pop("Content-Type", "application/octet-stream")
    try:
        with open(path, "rb") as f:
            return client.post(
                url,
                f,
                content_type=content_type,
                headers=body,
                max_bytes=MAX_ANSWER_BYTES,
                progress=progress,
            )
    except N.HttpError as exc:
        raise _undelivered(exc) from exc


@dataclass(frozen=True)
class ClientSettings:
    transport: HttpSettings = HttpSettings()  # proxy, timeout of each whole POST
    attempts: int = 3  # per send; the outbox keeps trying on later starts
    backoff: tuple[float, ...] = (1.0, 3.0)  # seconds before the 2nd, 3rd ... attempt
    max_retry_after: float = 30.0


@dataclass
class FlushResult:
    entry: Entry
    answer: Answer | None = None
    error: SubmissionError | None = None


@dataclass
class SubmissionClient:
    catalogue: Catalogue
    store: SubmissionStore = field(default_factory=SubmissionStore)
    settings: ClientSettings = ClientSettings()
    accounts: AccountStore | None = field(default_factory=AccountStore)
    sleep: Callable[[float], None] = time.sleep
    # read before each send and flush when given, so a settings page may change them
    settings_source: Callable[[], ClientSettings] | None = None

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
        """Queue `package` and deliver it. Returns the verified Receipt or Rejection.

        `procedure` may be None for a package whose procedure is unknown here; then `agency`
        says where it goes (see `agency_for_package`). Raises Undelivered / AccountRequired
        with the package safe in the outbox. `remember_account` saves `account` in the keyring
        once the agency has answered (nothing happens without a keyring).
        """
        self._refresh_settings()
        agency = procedure.agency if procedure is not None else agency
        if agency is None:
            raise ValueError("a procedure or an agency is needed")
        done = self.store.accepted_package(sha256_file(Path(package)))
        if done is not None and not endpoint:
            # already accepted: the kept receipt, checked again
            stored = done.answer(self.catalogue.resolve(agency).receipt_cert)
            if stored is not None:
                return stored
        entry = self.store.enqueue(
            Path(package),
            procedure_id=procedure.id if procedure is not None else "",
            agency_id=agency.id,
            submission_id=submission_id,
            manifest_sha256=manifest_sha256,
            endpoint_override=endpoint,
        )
        answer = self._deliver(entry, agency, account, progress)
        if remember_account and account is not None:
            self.remember(agency.id, account)
        return answer

    def remember(self, agency_id: str, account: ServiceAccount) -> bool:
        """Save the account in the system keyring; False when there is none."""
        if self.accounts is None:
            return False
        try:
            self.accounts.save(agency_id, account)
        except KeyringUnavailable:
            return False
        return True

    def _refresh_settings(self) -> None:
        if self.settings_source is not None:
            self.settings = self.settings_source()

    def flush(
        self,
        progress: Callable[[Entry, int, int], None] | None = None,
        *,
        attempts: int | None = None,
    ) -> list[FlushResult]:
        """Try every queued package once more (call at start). Never raises for one entry.

        `attempts`: per package this time (default: the settings'); 1 keeps a start quick when
        the agency is down."""
        self._refresh_settings()
        with self.store.flush_lock() as mine:
            if not mine:
                return []  # another process is delivering the outbox right now
            return self._flush(progress, attempts)

    def _flush(
        self, progress: Callable[[Entry, int, int], None] | None, attempts: int | None
    ) -> list[FlushResult]:
        results = []
        for entry in self.store.pending():
            if entry.answer_path.exists() and (entry.directory / "answer.json").exists():
                try:  # answered, then interrupted
                    answer = entry.answer()
                except StoreEntryDamaged as exc:  # left in the outbox as it is
                    results.append(FlushResult(entry, error=exc))
                    continue
                moved = self.store._move_to_history(entry)
                results.append(FlushResult(moved, answer))
                continue
            agency = self._agency_of(entry)
            if agency is None:
                results.append(
                    FlushResult(entry, error=Undelivered("protocol", "unknown procedure"))
                )
                continue
            each = (lambda sent, total, e=entry: progress(e, sent, total)) if progress else None
            try:
                results.append(
                    FlushResult(entry, self._deliver(entry, agency, None, each, attempts))
                )
            except SubmissionError as exc:
                results.append(FlushResult(entry, error=exc))
        return results

    def _agency_of(self, entry: Entry) -> AgencyInfo | None:
        if entry.meta.procedure_id:
            try:
                return self.catalogue.get(entry.meta.procedure_id).agency
            except UnknownProcedure:
                return None
        return next((p.agency for p in self.catalogue if p.agency.id == entry.meta.agency_id), None)

    # -- one delivery ------------------------------------------------------------------

    def _account(self, agency: AgencyInfo, account: ServiceAccount | None) -> ServiceAccount | None:
        pattern = agency.account.user_id_pattern
        if account is not None and pattern and not re.fullmatch(pattern, account.user_id):
            raise AccountFormatError(agency.id, agency.account.user_id_label.en)
        if account is not None or not agency.account.required:
            return account
        if self.accounts is not None:
            try:
                stored = self.accounts.load(agency.id)
            except KeyringUnavailable:
                stored = None
            if stored is not None:
                return stored
        raise AccountRequired(agency.id)

    def _headers(self, entry: Entry, account: ServiceAccount | None) -> dict[str, str]:
        headers = {
            "Content-Type": CONTENT_TYPE,
            "Accept": "application/pkcs7-mime",
            "Idempotency-Key": entry.meta.submission_id or f"sha256-{entry.meta.package_sha256}",
            "User-Agent": f"jpki-desktop/{__version__}",
        }
        if entry.meta.procedure_id:
            headers["X-Procedure-Id"] = entry.meta.procedure_id
        if account is not None:
            token = base64.b64encode(f"{account.user_id}:{account.password}".encode()).decode(
                "ascii"
            )
            headers["Authorization"] = f"Basic {token}"
        return headers

    def _deliver(
        self,
        entry: Entry,
        agency: AgencyInfo,
        account: ServiceAccount | None,
        progress: Progress | None,
        max_attempts: int | None = None,
    ) -> Answer:
        max_attempts = max_attempts or self.settings.attempts
        account = self._account(agency, account)
        resolved = self.catalogue.resolve(agency)  # now: a demo agency's port may have changed
        url = entry.meta.endpoint_override or resolved.endpoint_url
        headers = self._headers(entry, account)
        tls_ca = resolved.tls_ca_pem
        attempts = 0
        try:
            while True:
                attempts += 1
                try:
                    answer = self._post_once(
                        entry, resolved.receipt_cert, url, headers, tls_ca, progress
                    )
                except Undelivered as exc:
                    if exc.reason not in RETRYABLE or attempts >= max_attempts:
                        exc.attempts = attempts
                        raise
                    delay = self._delay(exc, attempts)
                    log.info(
                        "attempt %d to %s failed (%s); retrying in %.1f s",
                        attempts,
                        url,
                        exc.reason,
                        delay,
                    )
                    self.sleep(delay)
                    continue
                self.store.complete(entry, answer)
                return answer
        except (Undelivered, AnswerInvalid) as exc:
            reason = exc.reason if isinstance(exc, Undelivered) else exc.problem
            self.store.record_failure(entry, reason or "error", attempts)
            raise

    def _delay(self, exc: Undelivered, attempts: int) -> float:
        backoff = self.settings.backoff
        delay = backoff[min(attempts - 1, len(backoff) - 1)] if backoff else 0.0
        if exc.retry_after is not None:
            delay = max(delay, min(exc.retry_after, self.settings.max_retry_after))
        return delay

    def _post_once(
        self,
        entry: Entry,
        receipt_cert: x509.Certificate,
        url: str,
        headers: dict[str, str],
        tls_ca: bytes | None,
        progress: Progress | None,
    ) -> Answer:
        reply = post_package(
            url,
            entry.package,
            headers,
            pinned_ca_pem=tls_ca,
            settings=self.settings.transport,
            progress=progress,
        )
        if reply.body and is_signed_answer(reply.body):
            # a signed answer is final whatever the status code (200 receipt, 4xx rejection)
            return verify_answer(
                reply.body,
                receipt_cert,
                package_sha256=entry.meta.package_sha256,
                submission_id=entry.meta.submission_id or None,
                manifest_sha256=entry.meta.manifest_sha256 or None,
            )
        status = reply.status
        if status in (401, 403):
            raise Undelivered("account", status=status)
        if status >= 500 or status in (408, 429):
            try:
                retry_after: float | None = float(reply.headers.get("retry-after", ""))
            except ValueError:
                retry_after = None
            raise Undelivered(
                "server-error", f"HTTP {status}", status=status, retry_after=retry_after
            )
        raise Undelivered("protocol", f"HTTP {status} without a signed answer", status=status)


def agency_for_package(catalogue: Catalogue, package: Path) -> tuple[AgencyInfo, list[Procedure]]:
    """The agency a package is encrypted to, and the procedures of the catalogue it could be
    for. Several procedures may share one agency certificate (the demo agency serves three)."""
    matches = []
    for p in catalogue:
        try:
            if addressed_to(package, catalogue.resolve(p.agency).encryption_cert):
                matches.append(p)
        except AgencyMaterialMissing:
            continue
    if not matches:
        raise UnknownPackage("no-matching-agency")
    return matches[0].agency, matches


def submit(
    package_path: Path,
    procedure: Procedure,
    account: ServiceAccount | None = None,
    progress: Progress | None = None,
    *,
    catalogue: Catalogue | None = None,
    submission_id: str = "",
    manifest_sha256: str = "",
) -> Answer:
    """One-call API: default store (user data dir) and settings. The catalogue's resolver
    reads the agency's material (the default one knows no reference agency)."""
    client = SubmissionClient(catalogue or load_catalogue())
    return client.submit(
        package_path,
        procedure,
        account,
        progress,
        submission_id=submission_id,
        manifest_sha256=manifest_sha256,
    )

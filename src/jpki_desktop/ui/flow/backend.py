"""What the wizard needs from the cores, behind one small interface.

Steps 2 and 3 use the procedure catalogue, step 5 the card signer and package builder, steps 6
and 7 the submission client. `CoreFlowBackend` wires the real modules; tests may pass their own
catalogue. `sign()` runs on the card thread; `send()` on a background thread.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from cryptography.x509.oid import NameOID

from ...agency.resolver import reference_resolver
from ...card.connect import OpenCard
from ...card.jpki import JpkiSession
from ...card.pins import PinBuffer
from ...fileio import atomic_output
from ...procedures import Catalogue, Issue, Procedure, check_form, load_catalogue, render_form

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class SignedPackage:
    procedure_id: str
    submission_id: str
    path: Path  # the encrypted package (.p7m), kept until sent or saved
    size: int
    created_at: dt.datetime
    manifest_sha256: str
    signer: str  # the signer's name from the signing certificate


@dataclass(frozen=True)
class SubmissionReceipt:
    number: str
    received_at: dt.datetime
    submission_id: str
    agency_id: str
    stored_at: Path | None = None


@dataclass(frozen=True)
class AccountEntry:
    """The agency's service account as typed in step 6 (not a card password)."""

    user_id: str
    password: str = field(repr=False)
    remember: bool = False  # store it in the OS keyring (opt-in)


class Rejected(Exception):
    """The agency answered with a signed rejection. `code` and the texts come from the agency."""

    def __init__(
        self, code: str, message_ja: str, message_en: str, details: tuple[str, ...] = ()
    ) -> None:
        super().__init__(code)
        self.code = code
        self.message_ja = message_ja
        self.message_en = message_en
        self.details = details

    def message(self, lang: str) -> str:
        return self.message_en if lang.startswith("en") else self.message_ja


class SendingUnavailable(Exception):
    """This build cannot send to the procedure's agency (the package can still be saved)."""


class FlowBackend(Protocol):
    def procedures(self) -> list[Procedure]: ...

    def check(
        self,
        procedure: Procedure,
        values: Mapping[str, str],
        attachments: Sequence[Path],
        today: dt.date,
    ) -> list[Issue]: ...

    def sign(
        self,
        card: OpenCard,
        procedure: Procedure,
        values: Mapping[str, str],
        attachments: Sequence[Path],
        pin: PinBuffer,
        final_try_confirmed: bool,
        today: dt.date,
        progress: Progress | None = None,
    ) -> SignedPackage: ...

    def can_send(self, procedure: Procedure) -> bool: ...

    def send(
        self,
        package: SignedPackage,
        procedure: Procedure,
        account: AccountEntry | None,
        progress: Progress | None = None,
    ) -> SubmissionReceipt: ...


def save_copy(package: SignedPackage, target: str | Path) -> Path:
    """Copy the package to `target` atomically (no partial file on failure)."""
    with open(package.path, "rb") as src, atomic_output(target) as dst:
        shutil.copyfileobj(src, dst, 1024 * 1024)
    return Path(target)


class CoreFlowBackend:
    """The real cores: procedure catalogue, card signer + package builder, submission client.

    `transport` and `endpoint` are read at send time (the settings page may change them).
    """

    def __init__(
        self,
        catalogue: Catalogue | None = None,
        workdir: Path | None = None,
        *,
        store_dir: Path | None = None,
        accounts: object | None = "keyring",
        transport: Callable[[], object] | None = None,
        endpoint: Callable[[], str] | None = None,
    ) -> None:
        self._catalogue = catalogue
        self.workdir = workdir or Path(tempfile.mkdtemp(prefix="jpki-flow-"))
        self.store_dir = store_dir
        self._accounts = accounts
        self._transport = transport
        self._endpoint = endpoint or (lambda: "")

    @property
    def catalogue(self) -> Catalogue:
        if self._catalogue is None:
            self._catalogue = load_catalogue(resolver=reference_resolver())
        return self._catalogue

    def procedures(self) -> list[Procedure]:
        return list(self.catalogue)

    def check(
        self,
        procedure: Procedure,
        values: Mapping[str, str],
        attachments: Sequence[Path],
        today: dt.date,
    ) -> list[Issue]:
        _normalised, issues = check_form(procedure, dict(values), list(attachments), today=today)
        return issues

    def sign(
        self,
        card: OpenCard,
        procedure: Procedure,
        values: Mapping[str, str],
        attachments: Sequence[Path],
        pin: PinBuffer,
        final_try_confirmed: bool,
        today: dt.date,
        progress: Progress | None = None,
    ) -> SignedPackage:
        from ...signing.card_signer import CardSigner, preflight
        from ...signing.package import build_package

        form_xml = render_form(procedure, dict(values), list(attachments), today=today)
        recipient = self.catalogue.resolve(procedure.agency).encryption_cert  # before the card
        submission_id = str(uuid.uuid4())
        out = self.workdir / f"{submission_id}.p7m"
        # One transaction: between VERIFY and the signature no other program may use the card.
        with card.channel.transaction():
            session = JpkiSession(card.channel)
            preflight(session)
            signer = CardSigner.unlock(session, pin, final_try_confirmed=final_try_confirmed)
            info = build_package(
                form_xml,
                list(attachments),
                procedure_id=procedure.id,
                recipient_cert=recipient,
                signer=signer,
                output=out,
                submission_id=submission_id,
                progress=progress,
            )
        names = signer.certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
        return SignedPackage(
            procedure.id,
            info.submission_id,
            info.output,
            info.output.stat().st_size,
            info.created_at,
            info.manifest_sha256_hex,
            str(names[0].value) if names else "",
        )

    def can_send(self, procedure: Procedure) -> bool:
        return True

    def _client(self):  # noqa: ANN202
        from ...submission import AccountStore, ClientSettings, SubmissionClient, SubmissionStore

        accounts = AccountStore() if self._accounts == "keyring" else self._accounts
        settings = (
            ClientSettings(transport=self._transport()) if self._transport else ClientSettings()
        )
        store = SubmissionStore(self.store_dir)
        return SubmissionClient(self.catalogue, store, settings, accounts=accounts)  # type: ignore[arg-type]

    def send(
        self,
        package: SignedPackage,
        procedure: Procedure,
        account: AccountEntry | None,
        progress: Progress | None = None,
    ) -> SubmissionReceipt:
        from ...submission import KeyringUnavailable, Rejection, ServiceAccount

        client = self._client()
        acct = ServiceAccount(account.user_id, account.password) if account else None
        answer = client.submit(
            package.path,
            procedure,
            acct,
            progress,
            submission_id=package.submission_id,
            manifest_sha256=package.manifest_sha256,
            endpoint=self._endpoint(),
        )
        if isinstance(answer, Rejection):
            raise Rejected(answer.code, answer.message_ja, answer.message_en, tuple(answer.details))
        if account is not None and account.remember and client.accounts is not None:
            try:
                client.accounts.save(procedure.agency.id, acct)
            except KeyringUnavailable:
                pass  # the submission went through; remembering is a convenience
        entry = client.store.find_answered(answer.submission_id)
        return SubmissionReceipt(
            answer.receipt_number,
            answer.received_at,
            answer.submission_id,
            procedure.agency.id,
            entry.directory if entry is not None else None,
        )

    def flush_outbox(self) -> int:
        """Deliver packages left in the outbox by an earlier run; returns how many got an answer."""
        return sum(1 for r in self._client().flush() if r.answer is not None)


def transport_from_settings(settings) -> object:  # noqa: ANN001 - ui.settings.Settings
    """The proxy choice of the settings page as the submission client's transport settings."""
    from ...submission import TransportSettings
    from ..settings import ProxyMode

    mode = settings.proxy_mode
    if mode is ProxyMode.NONE:
        return TransportSettings(proxy=None, use_environment_proxy=False)
    if mode is ProxyMode.MANUAL and settings.get("proxy_url"):
        return TransportSettings(proxy=settings.get("proxy_url"), use_environment_proxy=False)
    return TransportSettings()

"""The GUI's home-use flow (公的個人認証利用イメージ・自宅編) as use cases: choose a procedure,
check the form, sign the application on the card, send it, keep the receipt.

`sign` runs on the card thread with the card it opened; it takes ownership of the password
buffer (wiped once VERIFY is done). Between reading the signing certificate and signing, it
checks the form's applicant against the certificate with the agency's own comparison
(`agency.applicant.applicant_mismatches`): a mismatch raises ApplicantMismatch and nothing is
signed. The form step runs the same check as soon as the certificate is known. Signed packages wait in a private working folder that
`close()` removes (and, failing that, the interpreter's exit).
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
import uuid
import weakref
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from cryptography import x509
from cryptography.x509.oid import NameOID

from ..card.connect import OpenCard
from ..card.pins import PinBuffer
from ..fileio import atomic_output
from ..procedures import Catalogue, Issue, Procedure, render_form
from ..signing.formats.timestamp import Rfc3161TimeStamper
from ..signing.packaging.package import PackageInfo, build_package
from ..submission import ClientSettings, ServiceAccount
from ..submission.receipt import Answer, Receipt
from ..validity.certificate import parse_certificate
from ..validity.errors import CertificateError
from . import procedures as forms
from .applicant import check_applicant, mismatched_fields
from .pins import FinalTry, PinInput, read_card_attributes
from .signing import card_signer, timestamper
from .submission import Progress, SubmissionService

WORKDIR_PREFIX = "jpki-flow-"


class _Prepared(NamedTuple):
    form_xml: bytes
    recipient: x509.Certificate  # the agency's encryption certificate
    stamper: Rfc3161TimeStamper | None


@dataclass(frozen=True)
class SignedApplication:
    """The encrypted package of step 5, kept until it is sent or saved."""

    procedure_id: str
    info: PackageInfo
    certificate: x509.Certificate  # the signing certificate (personal data)
    size: int  # bytes, taken when written (the file goes when the session's folder does)

    @property
    def path(self) -> Path:
        return self.info.output

    @property
    def submission_id(self) -> str:
        return self.info.submission_id

    @property
    def manifest_sha256(self) -> str:
        return self.info.manifest_sha256_hex

    @property
    def created_at(self) -> dt.datetime:
        return self.info.created_at

    @property
    def signer(self) -> str:
        """The signer's name from the signing certificate."""
        names = self.certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
        return str(names[0].value) if names else ""


@dataclass
class FlowData:
    """The wizard's working data: what the user chose and typed (never a PIN), and what came
    of it. The password goes from the entry step straight into the signing job."""

    procedure: Procedure | None = None
    values: dict[str, str] = field(default_factory=dict)
    attachments: list[Path] = field(default_factory=list)
    package: SignedApplication | None = None
    receipt: Receipt | None = None
    kept_at: Path | None = None  # where the receipt is kept with the package
    saved_to: Path | None = None

    def discard_package(self) -> None:
        if self.package is not None:
            ApplicationFlow.discard(self.package)
        self.package = None
        self.receipt = None
        self.kept_at = None
        self.saved_to = None


class ApplicationFlow:
    """One per GUI session. `settings` and `endpoint` are read at send time (the settings page
    may change them); `keyring`: remember service accounts in the system keyring."""

    def __init__(
        self,
        catalogue: Catalogue | None = None,
        workdir: Path | None = None,
        *,
        store_dir: Path | None = None,
        keyring: bool = True,
        settings: Callable[[], ClientSettings] = ClientSettings,
        endpoint: Callable[[], str] = lambda: "",
        tsa_url: Callable[[], str] = lambda: "",
    ) -> None:
        self._catalogue = catalogue
        self._workdir = workdir
        self._own_workdir: Path | None = None
        self._cleanup: Callable[[], object] | None = None  # a weakref.finalize
        self._store_dir = store_dir
        self._keyring = keyring
        self._settings = settings
        self._endpoint = endpoint
        self._tsa_url = tsa_url  # Settings: RFC 3161 timestamps on the package's signature
        self._submission: SubmissionService | None = None

    # -- the catalogue and the form ---------------------------------------------------------

    @property
    def catalogue(self) -> Catalogue:
        if self._catalogue is None:
            self._catalogue = forms.catalogue()
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
        return forms.check(procedure, values, attachments, today)

    # -- the applicant: filled in from the card, checked against the signing certificate ----

    applicant_mismatches = staticmethod(mismatched_fields)

    @staticmethod
    def applicant_from_certificate(procedure: Procedure, certificate: bytes) -> dict[str, str]:
        """The applicant fields' values as the signing certificate records them ({} if it
        holds no basic attributes)."""
        try:
            attrs = parse_certificate(certificate).attributes
        except (CertificateError, ValueError):
            return {}
        if attrs is None:
            return {}
        return forms.prefill(procedure, attrs.name, attrs.address, attrs.birth_date.isoformat())

    @staticmethod
    def applicant_from_card(
        card: OpenCard, procedure: Procedure, pin: PinInput, confirm_final_try: FinalTry
    ) -> dict[str, str]:
        """The applicant fields' values from the card-info application (its 4-digit PIN, one
        VERIFY; card thread)."""
        a = read_card_attributes(card, pin, confirm_final_try)
        return forms.prefill(procedure, a.name, a.address, a.birth_date)

    # -- signing (card thread) --------------------------------------------------------------

    @property
    def workdir(self) -> Path:
        """Where signed packages wait: the given folder, or a private temporary one."""
        if self._workdir is not None:
            return self._workdir
        if self._own_workdir is None:
            self._own_workdir = Path(tempfile.mkdtemp(prefix=WORKDIR_PREFIX))
            self._cleanup = weakref.finalize(
                self, shutil.rmtree, self._own_workdir, ignore_errors=True
            )
        return self._own_workdir

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
    ) -> SignedApplication:
        """Render the form, sign it on the card (one VERIFY, one signature), encrypt it for
        the agency. Form and recipient problems fail before the card is touched; an applicant
        who is not the certificate's holder (ApplicantMismatch) after VERIFY, before signing."""
        try:
            ready = self._prepare(procedure, values, attachments, today)
        except BaseException:
            pin.wipe()
            raise
        submission_id = str(uuid.uuid4())
        self.workdir.mkdir(parents=True, exist_ok=True)
        out = self.workdir / f"{submission_id}.p7m"
        with card_signer(card, pin, final_try_confirmed) as signer:
            check_applicant(procedure, values, signer.certificate)  # before the card signs
            info = build_package(
                ready.form_xml,
                list(attachments),
                procedure_id=procedure.id,
                recipient_cert=ready.recipient,
                signer=signer,
                output=out,
                submission_id=submission_id,
                progress=progress,
                timestamper=ready.stamper,
            )
        return SignedApplication(procedure.id, info, signer.certificate, out.stat().st_size)

    def _prepare(
        self,
        procedure: Procedure,
        values: Mapping[str, str],
        attachments: Sequence[Path],
        today: dt.date,
    ) -> _Prepared:
        """What the package needs besides the card; each part that can fail fails here."""
        return _Prepared(
            render_form(procedure, dict(values), list(attachments), today=today),
            self.catalogue.resolve(procedure.agency).encryption_cert,
            timestamper(self._tsa_url()),  # a TSA that is down fails before the card
        )

    @staticmethod
    def save_copy(package: SignedApplication, target: str | Path) -> Path:
        """Copy the package to `target` atomically (no partial file on failure)."""
        with open(package.path, "rb") as src, atomic_output(target) as dst:
            shutil.copyfileobj(src, dst, 1024 * 1024)
        return Path(target)

    @staticmethod
    def discard(package: SignedApplication) -> None:
        package.path.unlink(missing_ok=True)

    # -- sending (background thread) --------------------------------------------------------

    @property
    def submission(self) -> SubmissionService:
        if self._submission is None:
            self._submission = SubmissionService(
                self.catalogue,
                store_dir=self._store_dir,
                settings=self._settings,
                keyring=self._keyring,
            )
        return self._submission

    def can_send(self, procedure: Procedure) -> bool:
        return True

    def send(
        self,
        package: SignedApplication,
        procedure: Procedure,
        account: ServiceAccount | None,
        remember_account: bool = False,
        progress: Progress | None = None,
    ) -> Answer:
        """The agency's verified Receipt or Rejection (a rejection is an answer, not an error)."""
        return self.submission.submit(
            package.path,
            procedure,
            account,
            progress,
            submission_id=package.submission_id,
            manifest_sha256=package.manifest_sha256,
            endpoint=self._endpoint(),
            remember_account=remember_account,
        )

    def kept_at(self, submission_id: str) -> Path | None:
        return self.submission.kept_at(submission_id)

    def flush_outbox(self) -> int:
        """Deliver packages left in the outbox by an earlier run; returns how many got an answer."""
        return sum(1 for r in self.submission.flush() if r.answer is not None)

    def close(self) -> None:
        """Remove the private working folder (signed packages not sent or saved go with it)."""
        if self._cleanup is not None:
            self._cleanup()

"""Step 6: encrypt and send. The package was encrypted for the agency when it was written; here
it is sent, or saved to a file instead."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QLabel,
    QLineEdit,
)

from ...app.errors import SendingUnavailable
from ...app.flow import ApplicationFlow, SignedApplication
from ...procedures.model import Procedure
from ...submission.account import ServiceAccount
from ...submission.errors import Undelivered
from ...submission.receipt import Answer, Receipt, Rejection
from .. import messages as M
from ..dialogs.common import ask_save_path, show_error
from ..dialogs.file_types import PACKAGE
from ..tasks import run_task
from ..theme import Tone
from ..widgets.base import STRETCH, push_button, row_of, wrapping_label
from ..widgets.fields import add_field_row, add_under_field, fit_characters, form_grid
from .step import Step

USER_ID_CHARACTERS = 16  # e-Tax's 利用者識別番号, the longest user ID of the agencies we know
PASSWORD_CHARACTERS = 16


class SendStep(Step):
    def __init__(self, flow) -> None:  # noqa: ANN001
        super().__init__(
            flow,
            lambda: self.tr(
                "The application, the signature and your certificate are encrypted so that "
                "only the agency can open them. Send the package now, or save it to a file."
            ),
        )
        self.sending = False
        self.error = ""
        self.account_refused = False  # the last send failed on the service account
        self.details = wrapping_label(parent=self, selectable=True, name="packageDetails")
        self.save_button = push_button(self, "savePackageButton", self._ask_save)
        self.keep_text(self.save_button.setText, lambda: self.tr("Sa&ve to a file instead…"))
        self.bar = self.progress_bar()
        self.bar.hide()
        self.status = wrapping_label(parent=self, selectable=True, name="sendStatus")
        self.account_box = QGroupBox(self)
        self.account_box.setObjectName("accountBox")
        self.keep_text(self.account_box.setTitle, lambda: self.tr("The agency's service account"))
        self.user_id = QLineEdit(self.account_box)
        self.user_id.setObjectName("accountUserId")
        fit_characters(self.user_id, USER_ID_CHARACTERS)
        self.user_label = QLabel(self.account_box)
        self.user_label.setBuddy(self.user_id)
        self.password = QLineEdit(self.account_box)
        self.password.setObjectName("accountPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        fit_characters(self.password, PASSWORD_CHARACTERS)
        self.password.returnPressed.connect(self.flow.go_next)
        self.keep_text(self.password.setAccessibleName, lambda: self.tr("Service account password"))
        self.password_label = QLabel(self.account_box)
        self.password_label.setBuddy(self.password)
        self.keep_text(self.password_label.setText, lambda: self.tr("Pass&word:"))
        # what the agency said about the account, next to the fields it is about
        self.account_error = wrapping_label(
            parent=self.account_box, selectable=True, name="accountError"
        )
        self.account_error.hide()
        self.remember = QCheckBox(self.account_box)
        self.remember.setObjectName("accountRemember")
        self.keep_text(
            self.remember.setText, lambda: self.tr("&Remember this account in the system keyring")
        )
        for w in (self.user_id, self.password):
            w.textChanged.connect(lambda _t: self.changed.emit())
        grid = form_grid(self.account_box)
        add_field_row(grid, self.user_label, self.user_id)
        add_field_row(grid, self.password_label, self.password)
        add_under_field(grid, self.account_error)
        add_under_field(grid, self.remember)
        self.finish_layout(
            self.details, self.account_box, row_of(self.save_button, STRETCH), self.bar, self.status
        )

    def title(self) -> str:
        return self.tr("Encrypt and send")

    def next_text(self) -> str:
        return self.tr("&Send")

    def can_send(self) -> bool:
        p = self.data.procedure
        return p is not None and self.flow.backend.can_send(p)

    def needs_account(self) -> bool:
        p = self.data.procedure
        return bool(p and p.agency.account.required)

    def account(self) -> ServiceAccount | None:
        if not self.needs_account():
            return None
        return ServiceAccount(self.user_id.text().strip(), self.password.text())

    def can_advance(self) -> bool:
        if self.needs_account() and not (self.user_id.text().strip() and self.password.text()):
            return False
        return self.data.package is not None and self.can_send() and not self.sending

    def can_go_back(self) -> bool:
        return not self.sending

    def enter(self) -> None:
        self.error = ""
        self.account_refused = False
        self.render()

    def advance(self, go) -> None:  # noqa: ANN001
        if not self.can_advance():
            return
        self.sending, self.error, self.account_refused = True, "", False
        self.bar.setRange(0, 0)
        task = run_task(
            _send_and_locate,
            self.flow.backend,
            self.data.package,
            self.data.procedure,
            self.account(),
            self.needs_account() and self.remember.isChecked(),
            with_progress=True,
        )
        task.progress.connect(lambda done, total: self.set_progress(self.bar, done, total))
        task.finished.connect(lambda result: self._sent(result, go))
        task.failed.connect(self._failed)
        self.refresh()

    def _sent(self, result: tuple[Answer, Path | None], go) -> None:  # noqa: ANN001
        answer, kept_at = result
        self.sending = False
        self.password.clear()
        if isinstance(answer, Rejection):  # a signed answer: shown here, the package is done
            self.error = M.rejection_text(answer, self.ctx.translations.language or "ja").full()
            self.refresh()
            return
        self.data.receipt = answer
        self.data.kept_at = kept_at
        self.refresh()
        go()

    def _failed(self, exc: BaseException) -> None:
        self.sending = False
        self.error = M.describe_any(exc, self.ctx.translations.language or "ja").full()
        # The agency refused the account: the package waits in the outbox; the password is
        # typed again here and sent again here (resending at the next start would only be
        # refused again).
        self.account_refused = isinstance(exc, Undelivered) and exc.reason == "account"
        if self.account_refused:
            self.password.clear()
            self.password.setFocus()
        self.refresh()

    def _ask_save(self) -> None:
        pkg = self.data.package
        if pkg is None:
            return
        ask_save_path(
            self,
            self.tr("Save the signed package"),
            f"{pkg.submission_id}.p7m",
            PACKAGE,
            self.save_to,
            name="savePackageDialog",
        )

    def save_to(self, path: str) -> bool:
        pkg = self.data.package
        if pkg is None:
            return False
        try:
            self.data.saved_to = ApplicationFlow.save_copy(pkg, Path(path))
        except OSError as exc:
            show_error(self, M.describe(exc))
            return False
        self.render()
        return True

    def render(self) -> None:  # type: ignore[override]  # our refresh, not QWidget's paint
        pkg, p = self.data.package, self.data.procedure
        lang = self.ctx.translations.language or "ja"
        if pkg is None or p is None:
            self.details.setText(self.tr("Nothing has been signed yet."))
        else:
            self.details.setText(
                self.tr(
                    "Encrypted for: %1\nSubmission ID: %2\nSize: %3 bytes\nEncryption: AES-256-GCM, "
                    "key wrapped with the agency's RSA key (RSA-OAEP)"
                )
                .replace("%1", p.agency.name.get(lang))
                .replace("%2", pkg.submission_id)
                .replace("%3", f"{pkg.size:,}")
            )
        self.save_button.setEnabled(pkg is not None and not self.sending)
        self.account_box.setVisible(self.needs_account())
        if p is not None and self.needs_account():
            rule = p.agency.account
            self.user_label.setText(rule.user_id_label.get(lang) + ":")
            self.user_id.setAccessibleName(rule.user_id_label.get(lang))
        # a refused account is said once, under the fields to correct
        refused = self.account_refused and not self.sending
        self.show_status(self.account_error, self.error if refused else "", Tone.DANGER)
        self.bar.setVisible(self.sending)
        if self.sending:
            text, tone = self.tr("Sending…"), Tone.INFO
        elif self.error and not self.account_refused:
            text, tone = self.error, Tone.DANGER
        elif self.data.saved_to is not None:
            text, tone = self.tr("Saved to %1.").replace("%1", str(self.data.saved_to)), Tone.OK
        elif pkg is not None and not self.can_send():
            text, tone = (
                M.describe_any(SendingUnavailable(p.agency.id if p else "")).full(),
                Tone.WARN,
            )
        else:
            text, tone = "", Tone.INFO
        self.show_status(self.status, text, tone)

    def retranslate(self) -> None:
        super().retranslate()
        self.render()


def _send_and_locate(
    flow: ApplicationFlow,
    package: SignedApplication,
    procedure: Procedure,
    account: ServiceAccount | None,
    remember: bool,
    progress: Callable[[int, int], None],
) -> tuple[Answer, Path | None]:
    """Off the GUI thread: the agency's answer, and where a receipt is kept."""
    answer = flow.send(package, procedure, account, remember, progress)
    kept = flow.kept_at(answer.submission_id) if isinstance(answer, Receipt) else None
    return answer, kept

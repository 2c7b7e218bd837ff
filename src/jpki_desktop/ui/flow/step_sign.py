"""Step 5: the card signs. One password entry, one signature over the manifest; the package is
encrypted for the agency as it is written. A wrong password or a pulled card sends the user
back to step 4 with the reason; the form is kept."""

from __future__ import annotations

from PySide6.QtCore import Signal

from ...app.applicant import ApplicantMismatch
from ...card import errors as E
from ...card.pins import PinBuffer
from .. import messages as M
from ..theme import Tone
from ..time_texts import japan_time
from ..widgets.base import wrapping_label
from .step import Step

BACK_TO_PASSWORD = (E.PinError, E.PinFormatError, E.ReaderError, E.SecurityStatusNotSatisfied)


class SignStep(Step):
    progressed = Signal(int, int)  # emitted from the card thread, delivered queued

    def __init__(self, flow) -> None:  # noqa: ANN001
        super().__init__(
            flow,
            lambda: self.tr(
                "The card and the computer exchange data and the card signs the application."
            ),
        )
        self.running = False
        self.error: str = ""
        self.generation = -1
        self.status = wrapping_label(parent=self, selectable=True, name="signStatus")
        self.bar = self.progress_bar("signProgress")
        self.keep_text(self.bar.setAccessibleName, lambda: self.tr("Signing progress"))
        self.progressed.connect(lambda done, total: self.set_progress(self.bar, done, total))
        self.finish_layout(self.status, self.bar)

    def title(self) -> str:
        return self.tr("Sign")

    def can_advance(self) -> bool:
        return self.data.package is not None and not self.running

    def can_go_back(self) -> bool:
        return not self.running

    def start(self, pin: PinBuffer, final_confirmed: bool) -> None:
        """Queue the signing job; it owns `pin` from here on (the card thread wipes it)."""
        self.data.discard_package()
        self.running, self.error = True, ""
        self.generation = self.ctx.service.state.generation  # the card that reads the certificate
        self.bar.setRange(0, 0)
        d = self.data
        job = self.ctx.service.submit(
            self.flow.backend.sign,
            d.procedure,
            dict(d.values),
            list(d.attachments),
            pin,
            final_confirmed,
            self.ctx.today(),
            self.progressed.emit,
            secrets=(pin,),
            refresh_after=True,
        )
        job.finished.connect(self._done)
        job.failed.connect(self._failed)
        self.refresh()

    def _done(self, package) -> None:  # noqa: ANN001
        self.running = False
        self.data.package = package
        self.refresh()
        self.flow.step_finished(self)

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        if isinstance(exc, ApplicantMismatch):  # nothing signed: back to the fields that differ
            self.refresh()
            self.flow.back_to_form(exc, self.generation)
            return
        err = M.describe_any(exc)
        self.error = err.full()
        self.refresh()
        if isinstance(exc, BACK_TO_PASSWORD):
            self.flow.back_to_password(err.full())

    def render(self) -> None:  # type: ignore[override]  # our refresh, not QWidget's paint
        pkg = self.data.package
        self.bar.setVisible(self.running)
        if self.running:
            text, tone = self.tr("The card is signing. Do not remove it…"), None
        elif pkg is not None:
            text, tone = (
                self.tr("Signed by %1.\nSubmission ID: %2\nCreated: %3")
                .replace("%1", pkg.signer)
                .replace("%2", pkg.submission_id)
                .replace("%3", japan_time(pkg.created_at)),
                Tone.OK,
            )
        elif self.error:
            text, tone = self.error, Tone.DANGER
        else:
            text, tone = self.tr("Go back to enter the password."), None
        self.show_status(self.status, text, tone)
        self.status.setAccessibleName(text)

    def retranslate(self) -> None:
        super().retranslate()
        self.render()

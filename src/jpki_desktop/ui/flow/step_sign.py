"""Step 5: the card signs. One password entry, one signature over the manifest; the package is
encrypted for the agency as it is written. A wrong password or a pulled card sends the user
back to step 4 with the reason; the form is kept."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QProgressBar

from ...card import errors as E
from ...card.pins import PinBuffer
from .. import messages as M
from ..theme import Tone, tone_color
from ..time_texts import japan_time
from ..widgets.base import wrapping_label
from .step import Step

BACK_TO_PASSWORD = (E.PinError, E.PinFormatError, E.ReaderError, E.SecurityStatusNotSatisfied)


class SignStep(Step):
    progressed = Signal(int, int)  # emitted from the card thread, delivered queued

    def __init__(self, flow) -> None:  # noqa: ANN001
        super().__init__(flow)
        self.running = False
        self.error: str = ""
        self.status = wrapping_label(parent=self, selectable=True)
        self.status.setObjectName("signStatus")
        self.bar = QProgressBar(self)
        self.bar.setObjectName("signProgress")
        self.bar.setTextVisible(False)
        self.progressed.connect(self._on_progress)
        self.layout_.addWidget(self.status)
        self.layout_.addWidget(self.bar)
        self.layout_.addStretch(1)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Sign")

    def can_advance(self) -> bool:
        return self.data.package is not None and not self.running

    def can_go_back(self) -> bool:
        return not self.running

    def enter(self) -> None:
        self.render()

    def start(self, pin: PinBuffer, final_confirmed: bool) -> None:
        """Queue the signing job; it owns `pin` from here on (the card thread wipes it)."""
        self.data.discard_package()
        self.running, self.error = True, ""
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
        self.render()
        self.changed.emit()

    def _on_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.bar.setRange(0, 1000)
            self.bar.setValue(int(done * 1000 / total))

    def _done(self, package) -> None:  # noqa: ANN001
        self.running = False
        self.data.package = package
        self.render()
        self.changed.emit()
        self.flow.step_finished(self)

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        err = M.describe_any(exc)
        self.error = err.full()
        self.render()
        self.changed.emit()
        if isinstance(exc, BACK_TO_PASSWORD):
            self.flow.back_to_password(err.full())

    def render(self) -> None:  # type: ignore[override]  # our refresh, not QWidget's paint
        pkg = self.data.package
        self.bar.setVisible(self.running)
        if self.running:
            self.status.setText(self.tr("The card is signing. Do not remove it…"))
            self.status.setStyleSheet("")
        elif pkg is not None:
            self.status.setText(
                self.tr("Signed by %1.\nSubmission ID: %2\nCreated: %3")
                .replace("%1", pkg.signer)
                .replace("%2", pkg.submission_id)
                .replace("%3", japan_time(pkg.created_at))
            )
            self.status.setStyleSheet(f"color: {tone_color(self, Tone.OK).name()};")
        elif self.error:
            self.status.setText(self.error)
            self.status.setStyleSheet(f"color: {tone_color(self, Tone.DANGER).name()};")
        else:
            self.status.setText(self.tr("Go back to enter the password."))
            self.status.setStyleSheet("")
        self.status.setAccessibleName(self.status.text())

    def retranslate(self) -> None:
        super().retranslate()
        self.intro.setText(
            self.tr("The card and the computer exchange data and the card signs the application.")
        )
        self.bar.setAccessibleName(self.tr("Signing progress"))
        self.render()

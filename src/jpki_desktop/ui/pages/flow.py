"""Home-use flow (公的個人認証利用イメージ・自宅編) as a wizard with a visible step indicator:
1 reader and card → 2 procedure → 3 form → 4 card and password → 5 sign → 6 encrypt and send →
7 receipt. Each step validates before moving on; back and forward work."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QPushButton, QScrollArea, QStackedWidget, QWidget

from ...app.applicant import ApplicantMismatch
from ...app.card_state import CardState
from ...app.flow import ApplicationFlow, FlowData
from ...card.pins import PinBuffer
from ..context import AppContext
from ..flow.step import Step
from ..flow.step_card import CardStep
from ..flow.step_form import FormStep
from ..flow.step_password import PasswordStep
from ..flow.step_procedure import ProcedureStep
from ..flow.step_receipt import ReceiptStep
from ..flow.step_send import SendStep
from ..flow.step_sign import SignStep
from ..tasks import run_task
from ..widgets.base import STRETCH, row_of, spoken
from ..widgets.step_indicator import StepIndicator
from .base import Page

FORM_STEP = 2
PASSWORD_STEP = 3
SIGN_STEP = 4
# each step is made from the page alone (its intro is its own business)
STEP_CLASSES: tuple[Callable[[FlowPage], Step], ...] = (
    CardStep,
    ProcedureStep,
    FormStep,
    PasswordStep,
    SignStep,
    SendStep,
    ReceiptStep,
)


class FlowPage(Page):
    page_id = "flow"
    own_scrolling = True  # the step indicator and the buttons stay put; each step scrolls

    def __init__(
        self,
        ctx: AppContext,
        backend: ApplicationFlow,
        parent: QWidget | None = None,
        *,
        all_steps: bool = True,
    ) -> None:
        super().__init__(ctx, parent)
        self.backend = backend
        self.data = FlowData()
        self.indicator = StepIndicator(self)
        self.stack = QStackedWidget(self)
        self.steps: list[Step] = []
        self.back = QPushButton(self)
        self.back.setObjectName("flowBack")
        self.keep_text(self.back.setText, lambda: self.tr("&Back"))
        self.keep_text(self.back.setAccessibleName, lambda: self.tr("Back"))
        self.back.clicked.connect(self.go_back)
        self.next = QPushButton(self)
        self.next.setObjectName("flowNext")
        self.next.setDefault(True)
        self.next.clicked.connect(self.go_next)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.go_next)
        self.layout_.addWidget(self.indicator)
        self.layout_.addWidget(self.stack, 1)
        self.layout_.addLayout(row_of(STRETCH, self.back, self.next))
        self.index = 0
        self.setTabOrder(self.back, self.next)
        if all_steps:
            while self.add_step():
                pass

    def add_step(self) -> bool:
        """Build the next step; False once all are. The staged start-up builds one step per
        turn of the event loop: the seven at once held the GUI thread for up to ~70 ms."""
        n = len(self.steps)
        if n == len(STEP_CLASSES):
            return False
        step = STEP_CLASSES[n](self)
        scroll = QScrollArea(self.stack)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(step)
        self.stack.addWidget(scroll)
        step.changed.connect(self._update_buttons)
        self.steps.append(step)
        if n == 0:
            self.retranslate()
            self.goto(0)
        else:
            self._update_buttons()
        return True

    def title(self) -> str:
        return self.tr("Apply online")

    @property
    def step(self) -> Step:
        return self.steps[self.index]

    # -- navigation -------------------------------------------------------------------------

    def goto(self, index: int) -> None:
        self.index = max(0, min(index, len(self.steps) - 1))
        self.stack.setCurrentIndex(self.index)
        self.step.enter()
        self._update_buttons()

    def go_next(self) -> None:
        if not self.next.isEnabled():
            return
        i = self.index
        self.step.advance(lambda: self.goto(i + 1) if self.index == i else None)

    def go_back(self) -> None:
        if self.index == 0 or not self.step.can_go_back():
            return
        target = self.index - 1
        if target <= PASSWORD_STEP:
            self.data.discard_package()  # changing the form or the password means signing again
        self.goto(target)

    def start_signing(self, pin: PinBuffer, final_try_confirmed: bool) -> None:
        """Step 4 → 5: the password goes straight into the signing job, which owns (and wipes)
        it. If step 4 is no longer showing (the user moved on meanwhile), it is wiped here."""
        if self.index != PASSWORD_STEP:
            pin.wipe()
            return
        self.goto(SIGN_STEP)
        self.steps[SIGN_STEP].start(pin, final_try_confirmed)  # type: ignore[attr-defined]

    def back_to_password(self, message: str) -> None:
        self.data.discard_package()
        self.goto(PASSWORD_STEP)
        self.steps[PASSWORD_STEP].show_message(message)  # type: ignore[attr-defined]

    def back_to_form(self, mismatch: ApplicantMismatch, generation: int) -> None:
        """The password read the signing certificate and the applicant does not match it:
        nothing was signed; the form shows where (the certificate stays for this card)."""
        self.data.discard_package()
        self.ctx.session.set_sign_cert(mismatch.certificate, generation)
        self.goto(FORM_STEP)
        self.steps[FORM_STEP].show_mismatch(list(mismatch.fields))  # type: ignore[attr-defined]

    def step_finished(self, step: Step) -> None:
        if step is self.step:
            self._update_buttons()
            self.next.setFocus()

    def restart(self) -> None:
        self.data.discard_package()
        self.data.procedure = None
        self.data.values = {}
        self.data.attachments = []
        self.steps[1].list.setCurrentRow(-1)  # type: ignore[attr-defined]
        self.goto(0)

    def _update_buttons(self) -> None:
        if not self.steps:  # the staged start-up has not built the first step yet
            return
        step = self.step
        self.back.setEnabled(self.index > 0 and step.can_go_back())
        self.next.setEnabled(step.can_advance())
        self.next.setVisible(self.index < len(self.steps) - 1)
        self.next.setText(step.next_text())
        self.next.setAccessibleName(spoken(step.next_text()))
        self.indicator.set_steps([s.title() for s in self.steps], self.index)

    def flush_outbox(self, delay_ms: int = 0) -> None:
        """Send what an earlier run left in the outbox (in the background, after `delay_ms`)."""

        def run() -> None:
            task = run_task(self.backend.flush_outbox)
            task.finished.connect(self._flushed)
            task.failed.connect(lambda _exc: None)  # still queued; tried again next start

        QTimer.singleShot(delay_ms, run)

    def _flushed(self, count: int) -> None:
        if count:
            window = self.window()
            if hasattr(window, "statusBar"):
                window.statusBar().showMessage(
                    self.tr(
                        "%n application(s) left from an earlier session were delivered.", "", count
                    ),
                    15000,
                )

    def on_state(self, state: CardState) -> None:
        for step in self.steps:
            step.on_state(state)
        self._update_buttons()

    def retranslate(self) -> None:
        super().retranslate()
        self._update_buttons()

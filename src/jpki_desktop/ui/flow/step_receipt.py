"""Step 7: the agency's receipt."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton

from ..time_texts import japan_time
from ..widgets.base import wrapping_label
from .step import Step


class ReceiptStep(Step):
    def __init__(self, flow) -> None:  # noqa: ANN001
        super().__init__(
            flow,
            lambda: self.tr(
                "The agency checked the certificate, matched it with the application "
                "and accepted it."
            ),
        )
        self.details = wrapping_label(parent=self, selectable=True, name="receiptDetails")
        self.again = QPushButton(self)
        self.again.setObjectName("newApplicationButton")
        self.again.clicked.connect(self.flow.restart)
        self.keep_text(self.again.setText, lambda: self.tr("Start a &new application"))
        self.finish_layout(self.details, self.again)

    def title(self) -> str:
        return self.tr("Receipt")

    def can_advance(self) -> bool:
        return False

    def can_go_back(self) -> bool:
        return False  # sent: going back would suggest it can be changed

    def render(self) -> None:  # type: ignore[override]  # our refresh, not QWidget's paint
        r = self.data.receipt
        if r is None:
            self.details.setText(self.tr("No receipt yet."))
            return
        text = self.tr("Accepted.\nReceipt number: %1\nReceived: %2\nSubmission ID: %3\nAgency: %4")
        text = (
            text.replace("%1", r.receipt_number)
            .replace("%2", japan_time(r.received_at))
            .replace("%3", r.submission_id)
            .replace("%4", self._agency_name(r.agency_id))
        )
        if self.data.kept_at is not None:
            text += "\n" + self.tr("Kept with the package in %1.").replace(
                "%1", str(self.data.kept_at)
            )
        self.details.setText(text)

    def _agency_name(self, agency_id: str) -> str:
        p = self.data.procedure
        if p is not None and p.agency.id == agency_id:
            return p.agency.name.get(self.ctx.translations.language or "ja")
        return agency_id

    def retranslate(self) -> None:
        super().retranslate()
        self.render()

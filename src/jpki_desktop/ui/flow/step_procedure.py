"""Step 2: choose the procedure (application or notification)."""

from __future__ import annotations

from PySide6.QtWidgets import QListWidget, QListWidgetItem

from ...procedures.model import Procedure
from ..widgets.base import wrapping_label
from .step import Step


class ProcedureStep(Step):
    def __init__(self, flow) -> None:  # noqa: ANN001
        super().__init__(
            flow, lambda: self.tr("Choose the application or notification you want to send.")
        )
        self.procedures: list[Procedure] = []
        self.list = QListWidget(self)
        self.list.setObjectName("procedureList")
        self.keep_text(self.list.setAccessibleName, lambda: self.tr("Procedures"))
        self.list.setWordWrap(True)
        self.list.currentRowChanged.connect(self._on_row)
        self.list.itemActivated.connect(lambda _i: self.flow.go_next())
        self.description = wrapping_label(parent=self, selectable=True, name="procedureDescription")
        self.agency = wrapping_label(parent=self)
        self.layout_.addWidget(self.list, 1)
        self.layout_.addWidget(self.description)
        self.layout_.addWidget(self.agency)
        self.error = wrapping_label(parent=self)
        self.layout_.addWidget(self.error)
        self._load()
        self.retranslate()

    def _load(self) -> None:
        try:
            self.procedures = self.flow.backend.procedures()
        except Exception as exc:  # noqa: BLE001 - a broken procedure file must not break the app
            self.procedures = []
            self.error.setText(
                self.tr("The procedure catalogue could not be loaded: %1").replace(
                    "%1", type(exc).__name__
                )
            )
        self.list.clear()
        for _ in self.procedures:
            self.list.addItem(QListWidgetItem())

    def title(self) -> str:
        return self.tr("Procedure")

    def lang(self) -> str:
        return self.ctx.translations.language or "ja"

    def _on_row(self, row: int) -> None:
        chosen = self.procedures[row] if 0 <= row < len(self.procedures) else None
        if chosen is not self.data.procedure:
            self.data.procedure = chosen
            self.data.values = {}
            self.data.attachments = []
            self.data.discard_package()
        self.render()
        self.changed.emit()

    def select(self, procedure_id: str) -> None:
        for i, p in enumerate(self.procedures):
            if p.id == procedure_id:
                self.list.setCurrentRow(i)

    def can_advance(self) -> bool:
        return self.data.procedure is not None

    def enter(self) -> None:
        self.list.setFocus()

    def render(self) -> None:  # type: ignore[override]  # our refresh, not QWidget's paint
        lang = self.lang()
        for i, proc in enumerate(self.procedures):
            self.list.item(i).setText(proc.name.get(lang))
        p = self.data.procedure
        self.description.setText(p.description.get(lang) if p else "")
        self.agency.setText(
            self.tr("Sent to: %1").replace("%1", p.agency.name.get(lang)) if p else ""
        )

    def retranslate(self) -> None:
        super().retranslate()
        self.render()

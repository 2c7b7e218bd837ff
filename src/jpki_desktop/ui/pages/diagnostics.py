"""Diagnostics: every probe with its status and what to do, re-run, and the help-desk report
(personal data masked). Probes run on the card thread (they talk PC/SC) and appear live."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QWidget

from ...app.diagnosis import diagnose, report_text, save_report
from ...diagnostics.model import Diagnosis, ProbeResult, Status
from ...diagnostics.report import ENGLISH
from .. import messages as M
from ..context import AppContext
from ..diagnostics_texts import fix, probe_title, report_wording, status_text, summary
from ..dialogs.common import show_error
from ..dialogs.file_types import TEXT
from ..theme import Tone, tone_color
from ..widgets.base import STRETCH, push_button, row_of, wrapping_label
from ..widgets.fields import labelled
from .base import Page
from .saving import SavedFile

translate = QCoreApplication.translate

REPORT_FILE = SavedFile(
    lambda: translate("DiagnosticsPage", "Save the diagnostic report"),
    "jpki-diagnosis.txt",
    TEXT,
    "report",
)

TONE = {
    Status.OK: Tone.OK,
    Status.WARN: Tone.WARN,
    Status.FAIL: Tone.DANGER,
    Status.SKIPPED: Tone.MUTED,
}
MARK = {Status.OK: "✓", Status.WARN: "!", Status.FAIL: "✗", Status.SKIPPED: "–"}


class DiagnosticsPage(Page):
    page_id = "diagnostics"
    resultArrived = Signal(object)  # emitted from the card thread, delivered queued

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, runner=None) -> None:  # noqa: ANN001
        super().__init__(ctx, parent)
        self.runner = runner or diagnose
        self.results: list[ProbeResult] = []
        self.diagnosis: Diagnosis | None = None
        self.running = False
        self.run_button = push_button(self, "runDiagnosisButton", self.run)
        self.keep_text(self.run_button.setText, lambda: self.tr("&Run the checks"))
        self.export_button = push_button(self, "exportReportButton", self._ask_export)
        self.keep_text(
            self.export_button.setText, lambda: self.tr("&Save report for the help desk…")
        )
        self.report_language, self.report_language_label = labelled(
            QComboBox(self), "reportLanguageCombo"
        )
        self.keep_label(self.report_language_label, lambda: self.tr("Re&port language:"))
        self.show_technical = QCheckBox(self)
        self.show_technical.setObjectName("showTechnical")
        self.keep_text(
            self.show_technical.setText, lambda: self.tr("Show &technical details (English)")
        )
        self.show_technical.toggled.connect(lambda _on: self.render())
        self.status = wrapping_label(parent=self, name="diagnosisStatus")
        self.list = wrapping_label(parent=self, selectable=True, rich=True, name="probeList")
        self.resultArrived.connect(self._on_result)
        controls = row_of(
            self.run_button,
            self.export_button,
            self.report_language_label,
            self.report_language,
            STRETCH,
            self.show_technical,
        )
        self.finish_layout(controls, self.status, self.list)

    def title(self) -> str:
        return self.tr("Diagnostics")

    # -- running ----------------------------------------------------------------------------

    def run(self) -> None:
        if self.running:
            return
        self.running, self.results, self.diagnosis = True, [], None
        self.render()
        reader = self.ctx.settings.reader
        job = self.ctx.service.submit_raw(
            lambda: self.runner(
                reader=reader, demo=self.ctx.demo, on_result=self.resultArrived.emit
            ),
            refresh_after=True,
        )
        job.finished.connect(self._done)
        job.failed.connect(self._failed)

    def _on_result(self, r: ProbeResult) -> None:
        self.results.append(r)
        self.render()

    def _done(self, diagnosis: Diagnosis) -> None:
        self.running, self.diagnosis = False, diagnosis
        self.results = list(diagnosis.results)
        self.render()

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        show_error(self, M.describe_any(exc))
        self.render()

    # -- report -----------------------------------------------------------------------------

    def report_text(self) -> str:
        """In the UI language, in English, or both (the help desk may read only one)."""
        assert self.diagnosis is not None
        choice = self.report_language.currentData() or "ui"
        local = report_text(
            self.diagnosis, masked=True, wording=report_wording(self.diagnosis.results)
        )
        english = report_text(self.diagnosis, masked=True, wording=ENGLISH)
        if choice == "en" or (choice == "ui" and self.ctx.translations.language == "en"):
            return english
        if choice == "both" and self.ctx.translations.language != "en":
            return f"{local}\n{'=' * 60}\n\n{english}"
        return local

    def _ask_export(self) -> None:
        if self.diagnosis is not None:
            REPORT_FILE.ask(self, self.export)

    def export(self, path: str) -> bool:
        return REPORT_FILE.save(
            self,
            path,
            lambda: save_report(path, self.report_text()),
            self.tr(
                "Personal data (My Number, name, address, birth date, certificate serials) is masked."
            ),
        )

    # -- rendering --------------------------------------------------------------------------

    def render(self) -> None:  # type: ignore[override]  # our refresh, not QWidget's paint
        self.run_button.setEnabled(not self.running)
        self.export_button.setEnabled(self.diagnosis is not None and not self.running)
        if self.running:
            self.status.setText(self.tr("Checking… (%n check(s) done)", "", len(self.results)))
        elif self.diagnosis is not None:
            worst = self.diagnosis.worst
            text = {
                Status.OK: self.tr("Everything looks fine."),
                Status.WARN: self.tr("Some items need attention."),
                Status.FAIL: self.tr("A problem was found: see what to do below."),
            }.get(worst, "")
            self.status.setText(text)
        else:
            self.status.setText(
                self.tr(
                    "Checks the smart card service, the reader and the card without "
                    "using a password try."
                )
            )
        technical = self.show_technical.isChecked()
        rows = []
        for r in self.results:
            color = tone_color(self, TONE[r.status]).name()
            tech = ""
            if technical:
                tech = (
                    f"<br><small>{html.escape(r.detail)}"
                    + (f"<br>{html.escape(r.fix)}" if r.fix else "")
                    + "</small>"
                )
            todo = fix(r, self.results)
            todo_label = self.tr("What to do:")
            todo_html = (
                f"<br>{html.escape(todo_label)} {html.escape(todo)}".replace("\n", "<br>")
                if todo
                else ""
            )
            rows.append(
                f"<tr><td style='color:{color}' valign='top'><b>{MARK[r.status]} {html.escape(status_text(r.status))}</b></td>"
                f"<td valign='top'><b>{html.escape(probe_title(r.id))}</b><br>{html.escape(summary(r))}{todo_html}{tech}</td></tr>"
            )
        self.list.setText(f"<table cellspacing='6'>{''.join(rows)}</table>" if rows else "")
        self.list.setAccessibleName(self.tr("Results"))

    def retranslate(self) -> None:
        super().retranslate()
        current = self.report_language.currentData() or "ui"
        self.report_language.blockSignals(True)
        self.report_language.clear()
        self.report_language.addItem(self.tr("Same as the app"), "ui")
        self.report_language.addItem("English", "en")
        self.report_language.addItem(self.tr("Japanese and English"), "both")
        self.report_language.setCurrentIndex(max(0, self.report_language.findData(current)))
        self.report_language.blockSignals(False)
        self.render()

"""Step 3: fill in the form. Fields come from the procedure file; everything is checked
(with a message per field) before the step lets you move on."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...app.certificates import cert_view
from ...app.procedures import prefill as prefill_values
from ...card.jpki import CertSlot
from ...procedures.model import FieldType, FormField, Procedure
from ..dialogs.common import ask_open_path
from ..theme import Tone, tone_color
from ..widgets.base import wrapping_label
from .step import Step

PLACEHOLDER = {
    FieldType.DATE: "YYYY-MM-DD",
    FieldType.POSTAL_CODE: "123-4567",
    FieldType.PHONE: "03-1234-5678",
    FieldType.EMAIL: "name@example.jp",
}


class FieldRow:
    """The widgets of one form field."""

    def __init__(self, f: FormField, parent: QWidget) -> None:
        self.field = f
        self.label = QLabel(parent)
        self.help = wrapping_label(parent=parent)
        self.error = wrapping_label(parent=parent)
        self.error.setObjectName(f"fieldError_{f.id}")
        self.error.hide()
        if f.type is FieldType.MULTILINE:
            self.widget: QWidget = QPlainTextEdit(parent)
            self.widget.setTabChangesFocus(True)
            self.widget.setFixedHeight(self.widget.fontMetrics().lineSpacing() * 5 + 12)
        elif f.type is FieldType.ENUM:
            self.widget = QComboBox(parent)
            self.widget.addItem("", "")
            for opt in f.options:
                self.widget.addItem("", opt.value)
        elif f.type is FieldType.BOOLEAN:
            self.widget = QCheckBox(parent)
        else:
            self.widget = QLineEdit(parent)
            self.widget.setPlaceholderText(PLACEHOLDER.get(f.type, ""))
            if f.max_length:
                self.widget.setMaxLength(f.max_length * 2)  # longer input gets a message, not a cut
        self.widget.setObjectName(f"field_{f.id}")
        self.label.setBuddy(self.widget)

    def value(self) -> str:
        w = self.widget
        if isinstance(w, QPlainTextEdit):
            return w.toPlainText()
        if isinstance(w, QComboBox):
            return str(w.currentData() or "")
        if isinstance(w, QCheckBox):
            return "true" if w.isChecked() else "false"
        assert isinstance(w, QLineEdit)  # the remaining kind (see __init__)
        return w.text()

    def set_value(self, value: str) -> None:
        w = self.widget
        if isinstance(w, QPlainTextEdit):
            w.setPlainText(value)
        elif isinstance(w, QComboBox):
            i = w.findData(value)
            w.setCurrentIndex(max(i, 0))
        elif isinstance(w, QCheckBox):
            w.setChecked(value == "true")
        else:
            assert isinstance(w, QLineEdit)  # the remaining kind (see __init__)
            w.setText(value)

    def render(self, lang: str, required_text: str) -> None:
        f = self.field
        text = f.label.get(lang)
        self.label.setText(f"{text} {required_text}" if f.required else text)
        self.widget.setAccessibleName(text)
        help_text = f.help.get(lang)
        self.help.setText(help_text)
        self.help.setVisible(bool(help_text))
        self.widget.setAccessibleDescription(help_text)
        if isinstance(self.widget, QComboBox):
            for i, opt in enumerate(f.options, start=1):
                self.widget.setItemText(i, opt.label.get(lang))
        if isinstance(self.widget, QCheckBox):
            self.widget.setText(text)


class FormStep(Step):
    def __init__(self, flow) -> None:  # noqa: ANN001
        super().__init__(flow)
        self.rows: list[FieldRow] = []
        self.built_for: Procedure | None = None
        self.form_host = QWidget(self)
        self.form = QFormLayout(self.form_host)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.prefill = QPushButton(self)
        self.prefill.setObjectName("prefillButton")
        self.prefill.clicked.connect(self.fill_from_certificate)
        self.attach_box = QWidget(self)
        self.attach_label = QLabel(self.attach_box)
        self.attach_list = QListWidget(self.attach_box)
        self.attach_list.setObjectName("attachmentList")
        self.attach_add = QPushButton(self.attach_box)
        self.attach_add.setObjectName("addAttachmentButton")
        self.attach_add.clicked.connect(self._ask_attachment)
        self.attach_remove = QPushButton(self.attach_box)
        self.attach_remove.setObjectName("removeAttachmentButton")
        self.attach_remove.clicked.connect(self._remove_attachment)
        self.attach_error = wrapping_label(parent=self.attach_box)
        self.attach_error.setObjectName("fieldError_attachments")
        ab = QHBoxLayout()
        ab.addWidget(self.attach_add)
        ab.addWidget(self.attach_remove)
        ab.addStretch(1)
        av = QVBoxLayout(self.attach_box)
        av.setContentsMargins(0, 0, 0, 0)
        av.addWidget(self.attach_label)
        av.addWidget(self.attach_list)
        av.addLayout(ab)
        av.addWidget(self.attach_error)
        self.summary = wrapping_label(parent=self)
        self.summary.setObjectName("formSummary")
        self.layout_.addWidget(self.prefill)
        self.layout_.addWidget(self.form_host)
        self.layout_.addWidget(self.attach_box)
        self.layout_.addWidget(self.summary)
        self.layout_.addStretch(1)
        self.ctx.session.changed.connect(self._update_prefill)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Form")

    def lang(self) -> str:
        return self.ctx.translations.language or "ja"

    # -- building ---------------------------------------------------------------------------

    def enter(self) -> None:
        p = self.data.procedure
        if p is not self.built_for:
            self._build(p)
        if self.rows:
            self.rows[0].widget.setFocus()

    def _build(self, p: Procedure | None) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.rows = []
        self.built_for = p
        if p is not None:
            for f in p.fields:
                row = FieldRow(f, self.form_host)
                box = QWidget(self.form_host)
                v = QVBoxLayout(box)
                v.setContentsMargins(0, 0, 0, 0)
                v.addWidget(row.widget)
                v.addWidget(row.help)
                v.addWidget(row.error)
                self.form.addRow(row.label, box)
                row.label.show()  # children added to a visible parent start hidden
                box.show()
                row.set_value(self.data.values.get(f.id, ""))
                self.rows.append(row)
        self._render_attachments()
        self.render()

    # -- values -----------------------------------------------------------------------------

    def collect(self) -> dict[str, str]:
        values = {r.field.id: r.value() for r in self.rows}
        self.data.values = values
        return values

    def set_values(self, values: dict[str, str]) -> None:
        for r in self.rows:
            if r.field.id in values:
                r.set_value(values[r.field.id])
        self.collect()

    def fill_from_certificate(self) -> None:
        der = self.ctx.session.sign_cert
        view = cert_view(CertSlot.SIGN, der) if der else None
        if view is None or view.cert.attributes is None or self.data.procedure is None:
            return
        a = view.cert.attributes
        self.set_values(
            prefill_values(self.data.procedure, a.name, a.address, a.birth_date.isoformat())
        )

    def _update_prefill(self) -> None:
        p = self.data.procedure
        self.prefill.setVisible(bool(p and p.applicant_fields() and self.ctx.session.sign_cert))

    def _ask_attachment(self) -> None:
        ask_open_path(
            self,
            self.tr("Attach a file"),
            self.tr("All files (*)"),
            self.add_attachment,
            name="attachDialog",
        )

    def add_attachment(self, path: str) -> None:
        self.data.attachments.append(Path(path))
        self._render_attachments()

    def _remove_attachment(self) -> None:
        row = self.attach_list.currentRow()
        if 0 <= row < len(self.data.attachments):
            del self.data.attachments[row]
            self._render_attachments()

    def _render_attachments(self) -> None:
        p = self.data.procedure
        allowed = bool(p and p.attachments.allowed)
        self.attach_box.setVisible(allowed)
        self.attach_list.clear()
        for path in self.data.attachments:
            self.attach_list.addItem(path.name)
        self.attach_remove.setEnabled(bool(self.data.attachments))

    # -- validation -------------------------------------------------------------------------

    def validate(self) -> bool:
        p = self.data.procedure
        if p is None:
            return False
        issues = self.flow.backend.check(
            p, self.collect(), list(self.data.attachments), self.ctx.today()
        )
        by_field: dict[str, list[str]] = {}
        for issue in issues:
            by_field.setdefault(issue.field, []).append(issue.message(self.lang()))
        danger = tone_color(self, Tone.DANGER).name()
        first = None
        for r in self.rows:
            msgs = by_field.get(r.field.id, [])
            r.error.setText(" ".join(msgs))
            r.error.setStyleSheet(f"color: {danger};")
            r.error.setVisible(bool(msgs))
            if msgs and first is None:
                first = r.widget
        att = by_field.get("attachments", [])
        self.attach_error.setText(" ".join(att))
        self.attach_error.setStyleSheet(f"color: {danger};")
        self.attach_error.setVisible(bool(att))
        count = len(issues)
        self.summary.setText(self.tr("%n item(s) need attention.", "", count) if count else "")
        self.summary.setStyleSheet(f"color: {danger};")
        if first is not None:
            first.setFocus()
        return not issues

    def advance(self, go) -> None:  # noqa: ANN001
        if self.validate():
            go()

    # -- text -------------------------------------------------------------------------------

    def render(self) -> None:  # type: ignore[override]  # our refresh, not QWidget's paint
        lang = self.lang()
        required = self.tr("(required)")
        for r in self.rows:
            r.render(lang, required)
        rule = self.data.procedure.attachments if self.data.procedure else None
        self.attach_label.setText(
            rule.label.get(lang) if rule and rule.label.get(lang) else self.tr("Attachments")
        )
        self.attach_list.setAccessibleName(self.tr("Attachments"))
        self._update_prefill()

    def retranslate(self) -> None:
        super().retranslate()
        self.intro.setText(
            self.tr(
                "Fill in the form. Items marked as required must be filled in. "
                "The name, address and date of birth must match your signing certificate."
            )
        )
        self.prefill.setText(
            self.tr("Fill in name, address and date of birth from the &signing certificate")
        )
        self.attach_add.setText(self.tr("&Add file…"))
        self.attach_remove.setText(self.tr("Re&move file"))
        self.render()
        if self.summary.text():
            self.validate()

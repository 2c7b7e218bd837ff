"""Step 3: fill in the form. Fields come from the procedure file; everything is checked
(with a message per field) before the step lets you move on, and a message goes as soon as its
field is corrected.

The applicant (name, address, date of birth) must be the signing certificate's holder: it is
filled in from the card when the user asks (the card-info PIN), or from the signing
certificate once a password has read it (automatically while the fields are empty), and
checked against that certificate with the agency's own comparison. Without the certificate
the check runs in step 4, after the password reads it and before the card signs; a mismatch
comes back here, next to its field."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...app.applicant import CERTIFICATE
from ...card.pins import PinKind
from ...procedures.model import FieldType, FormField, Procedure
from .. import messages as M
from ..dialogs.common import ask_open_path, show_error
from ..dialogs.pin_dialog import request_pin
from ..theme import Tone, tone_color
from ..widgets.base import STRETCH, LayoutItem, add_items, push_button, row_of, wrapping_label
from ..widgets.fields import add_field_row, add_under_field, form_grid
from .step import Step

PLACEHOLDER = {
    FieldType.DATE: "YYYY-MM-DD",
    FieldType.POSTAL_CODE: "123-4567",
    FieldType.PHONE: "03-1234-5678",
    FieldType.EMAIL: "name@example.jp",
}


def _stack(parent: QWidget, *items: LayoutItem) -> None:
    """`items` one under the other, filling `parent` edge to edge."""
    box = QVBoxLayout(parent)
    box.setContentsMargins(0, 0, 0, 0)
    add_items(box, *items)


class FieldRow:
    """The widgets of one form field."""

    def __init__(self, f: FormField, parent: QWidget) -> None:
        self.field = f
        self.label = QLabel(parent)
        self.help = wrapping_label(parent=parent)
        self.error = wrapping_label(parent=parent, name=f"fieldError_{f.id}")
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
        self.label.setObjectName(f"fieldLabel_{f.id}")
        self.label.setBuddy(self.widget)

    def add_to(self, grid: QGridLayout) -> None:
        """Label | field in one row of the form's grid, the hint and the message under the
        field; a multi-line field's label at its top."""
        add_field_row(grid, self.label, self.widget)
        if isinstance(self.widget, QPlainTextEdit):
            self.label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            grid.setAlignment(self.label, Qt.AlignmentFlag.AlignTop)
        add_under_field(grid, self.help)
        add_under_field(grid, self.error)

    def connect_edited(self, slot) -> None:  # noqa: ANN001
        """Call `slot()` on every change of the value (typed, chosen or filled in)."""
        w = self.widget
        if isinstance(w, QComboBox):
            w.currentIndexChanged.connect(lambda _i: slot())
        elif isinstance(w, QCheckBox):
            w.toggled.connect(lambda _on: slot())
        else:
            assert isinstance(w, (QLineEdit, QPlainTextEdit))  # the remaining kinds
            w.textChanged.connect(slot)

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
        super().__init__(
            flow,
            lambda: self.tr(
                "Fill in the form. Items marked as required must be filled in. "
                "The name, address and date of birth must match your signing certificate."
            ),
        )
        self.rows: list[FieldRow] = []
        self.built_for: Procedure | None = None
        # one grid: every label in the first column, every field in the second, at any width
        # (a new one for each procedure's fields)
        self.form_host = QWidget(self)
        self.form_host.setObjectName("formGrid")
        self.form = form_grid(self.form_host)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.applicant_box = QWidget(self)
        self.applicant_text = wrapping_label(parent=self.applicant_box, name="applicantHint")
        self.keep_text(
            self.applicant_text.setText,
            lambda: self.tr(
                "Name, address and date of birth are checked against your signing certificate "
                "before the card signs. Fill them in from the card to avoid a mismatch."
            ),
        )
        self.from_card = push_button(
            self.applicant_box, "fillFromCardButton", self.ask_fill_from_card
        )
        self.keep_text(
            self.from_card.setText,
            lambda: self.tr("Fill in from the car&d (card-info PIN, 4 digits)…"),
        )
        self.keep_text(
            self.from_card.setAccessibleName,
            lambda: self.tr("Fill in from the card with the card-info PIN"),
        )
        self.prefill = push_button(self.applicant_box, "prefillButton", self.fill_from_certificate)
        self.keep_text(
            self.prefill.setText,
            lambda: self.tr(
                "Fill in name, address and date of birth from the &signing certificate"
            ),
        )
        _stack(
            self.applicant_box, self.applicant_text, row_of(self.from_card, self.prefill, STRETCH)
        )
        self.checked = False  # Next was pressed once: messages follow the values from then on
        self.reported: dict[str, str] = {}  # step 4's mismatches: field id → the value then
        # what the card filled in (field id → value), and for which card: cleared with the card
        self.from_card_values: dict[str, str] = {}
        self.from_card_generation: int | None = None
        self.attach_box = QWidget(self)
        self.attach_label = QLabel(self.attach_box)
        self.attach_list = QListWidget(self.attach_box)
        self.attach_list.setObjectName("attachmentList")
        self.attach_add = push_button(self.attach_box, "addAttachmentButton", self._ask_attachment)
        self.keep_text(self.attach_add.setText, lambda: self.tr("&Add file…"))
        self.attach_remove = push_button(
            self.attach_box, "removeAttachmentButton", self._remove_attachment
        )
        self.keep_text(self.attach_remove.setText, lambda: self.tr("Re&move file"))
        self.attach_error = wrapping_label(parent=self.attach_box, name="fieldError_attachments")
        _stack(
            self.attach_box,
            self.attach_label,
            self.attach_list,
            row_of(self.attach_add, self.attach_remove, STRETCH),
            self.attach_error,
        )
        self.summary = wrapping_label(parent=self, name="formSummary")
        self.ctx.session.changed.connect(self._certificate_changed)
        self.finish_layout(self.applicant_box, self.form_host, self.attach_box, self.summary)

    def title(self) -> str:
        return self.tr("Form")

    def lang(self) -> str:
        return self.ctx.translations.language or "ja"

    # -- building ---------------------------------------------------------------------------

    def enter(self) -> None:
        p = self.data.procedure
        if p is not self.built_for:
            self._build(p)
        self._auto_prefill()
        if self.rows:
            self.rows[0].widget.setFocus()

    def _build(self, p: Procedure | None) -> None:
        for r in self.rows:
            for w in (r.label, r.widget, r.help, r.error):
                w.hide()
                w.deleteLater()
        QWidget().setLayout(self.form)  # the old grid goes (with its row count) ...
        self.form = form_grid(self.form_host)  # ... for a new one
        self.form.setContentsMargins(0, 0, 0, 0)
        self.rows = []
        self.built_for = p
        self.checked = False
        self.reported = {}
        self.summary.setText("")
        if p is not None:
            for f in p.fields:
                row = FieldRow(f, self.form_host)
                row.add_to(self.form)
                row.label.show()  # children added to a visible parent start hidden
                row.widget.show()
                row.set_value(self.data.values.get(f.id, ""))
                row.connect_edited(self._edited)
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

    # -- the applicant ----------------------------------------------------------------------

    def _applicant_rows(self) -> list[FieldRow]:
        p = self.data.procedure
        ids = {f.id for f in p.applicant_fields().values()} if p else set()
        return [r for r in self.rows if r.field.id in ids]

    def fill_from_certificate(self) -> None:
        der = self.ctx.session.sign_cert
        if der is None or self.data.procedure is None:
            return
        self._fill_from_card_data(
            self.flow.backend.applicant_from_certificate(self.data.procedure, der),
            self.ctx.service.state.generation,
        )

    def _fill_from_card_data(self, values: dict[str, str], generation: int) -> None:
        self.set_values(values)
        self.from_card_values = dict(values)
        self.from_card_generation = generation

    def _forget_card_data(self) -> None:
        """The card that filled in the applicant left: clear what it filled in (personal data
        read from a card leaves with it) unless the user has since typed something else."""
        for r in self.rows:
            filled = self.from_card_values.get(r.field.id)
            if filled is not None and r.value() == filled:
                r.set_value("")
        self.from_card_values, self.from_card_generation = {}, None
        self.collect()

    def _auto_prefill(self) -> None:
        """The signing certificate is known (a password read it): fill in the applicant while
        those fields are still empty (never over what the user typed)."""
        rows = self._applicant_rows()
        if self.ctx.session.sign_cert and rows and not any(r.value().strip() for r in rows):
            self.fill_from_certificate()

    def _certificate_changed(self) -> None:
        self._update_prefill()
        if self.flow.step is self:
            self._auto_prefill()
        if self.checked:
            self.validate(live=True)

    def ask_fill_from_card(self) -> None:
        """The user's choice: the card-info PIN (4 digits) lets the card show its records."""
        p = self.data.procedure
        state = self.ctx.service.state
        if p is None:
            return
        generation = state.generation

        def on_pin(pin, confirmed: bool) -> None:  # noqa: ANN001
            job = self.ctx.service.submit(
                self.flow.backend.applicant_from_card,
                p,
                pin,
                confirmed,
                secrets=(pin,),
                refresh_after=True,
            )

            def done(values: dict[str, str]) -> None:
                if generation == self.ctx.service.state.generation and p is self.data.procedure:
                    self._fill_from_card_data(values, generation)

            job.finished.connect(done)
            job.failed.connect(lambda exc: show_error(self, M.describe(exc)))

        request_pin(
            self,
            state,
            PinKind.CARD_INFO,
            lambda: self.tr(
                "The card-info PIN (4 digits) lets the card show the name, address and date "
                "of birth it records, to fill them in on the form."
            ),
            on_pin,
            self.ctx.service.stateChanged,
        )

    def show_mismatch(self, fields: list[str]) -> None:
        """Step 4 read the signing certificate and the applicant did not match it: nothing was
        signed; say so next to each field (until the value changes, if the certificate has
        gone meanwhile)."""
        values = self.collect()
        self.reported = {f: values.get(f, "") for f in fields}
        self.checked = True
        self.validate()

    def _update_prefill(self) -> None:
        p = self.data.procedure
        applicant = bool(p and p.applicant_fields())
        self.applicant_box.setVisible(applicant)
        self.prefill.setVisible(applicant and bool(self.ctx.session.sign_cert))
        self.from_card.setEnabled(self.ctx.service.state.ready)

    def on_state(self, state) -> None:  # noqa: ANN001
        card_left = not state.ready or state.generation != self.from_card_generation
        if self.from_card_generation is not None and card_left:
            self._forget_card_data()
        self._update_prefill()

    def _ask_attachment(self) -> None:
        ask_open_path(self, self.tr("Attach a file"), (), self.add_attachment, name="attachDialog")

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

    def _mismatch_text(self, field_id: str) -> str:
        if field_id == CERTIFICATE:
            return self.tr(
                "The certificate read from the card is not a signing certificate with your "
                "name and address. Nothing was signed."
            )
        label = next(
            (r.field.label.get(self.lang()) for r in self.rows if r.field.id == field_id), ""
        )
        return self.tr(
            "%1 does not match your signing certificate. Enter it as recorded on your card, "
            "or fill it in from the card."
        ).replace("%1", f"「{label}」" if self.lang() == "ja" else label)

    def _issues(self) -> dict[str, list[str]]:
        """Messages by field id ("attachments", CERTIFICATE): the form's rules, then the
        applicant against the signing certificate where it is known (else step 4's mismatches
        for values not changed since)."""
        p = self.data.procedure
        assert p is not None  # validate() checked
        values = self.collect()
        issues = self.flow.backend.check(p, values, list(self.data.attachments), self.ctx.today())
        by_field: dict[str, list[str]] = {}
        for issue in issues:
            by_field.setdefault(issue.field, []).append(issue.message(self.lang()))
        der = self.ctx.session.sign_cert
        if der is not None:
            wrong = self.flow.backend.applicant_mismatches(p, values, der)
        else:
            wrong = [f for f, then in self.reported.items() if values.get(f, "") == then]
        for field_id in wrong:
            if field_id not in by_field:  # a rule's message first: the value is not even valid
                by_field[field_id] = [self._mismatch_text(field_id)]
        return by_field

    def validate(self, *, live: bool = False) -> bool:
        """Show every problem next to its field. `live` (a value changed after Next was
        pressed): messages shown go or change with the value; none appears mid-typing."""
        p = self.data.procedure
        if p is None:
            return False
        by_field = self._issues()
        danger = tone_color(self, Tone.DANGER).name()
        first = None
        count = 0

        def show(label: QLabel, msgs: list[str]) -> bool:
            if live and label.isHidden():
                msgs = []  # no new message while typing: it comes with Next
            label.setText(" ".join(msgs))
            label.setStyleSheet(f"color: {danger};")
            label.setVisible(bool(msgs))
            return bool(msgs)

        for r in self.rows:
            if show(r.error, by_field.get(r.field.id, [])):
                count += 1
                first = r.widget if first is None else first
        count += show(self.attach_error, by_field.get("attachments", []))
        cert = by_field.get(CERTIFICATE, [])
        count += bool(cert)
        summary = self.tr("%n item(s) need attention.", "", count) if count else ""
        self.summary.setText(" ".join([summary, *cert]).strip())
        self.summary.setStyleSheet(f"color: {danger};")
        if first is not None and not live:
            first.setFocus()
        return not by_field

    def _edited(self) -> None:
        if self.checked:
            self.validate(live=True)

    def advance(self, go) -> None:  # noqa: ANN001
        self.checked = True
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
        self.render()
        if self.summary.text():
            self.validate(live=True)

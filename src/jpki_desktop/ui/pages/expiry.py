"""Expiry: a timeline per certificate and for the card (issue, renewal opening, the notice
window, expiry, today, and the limit that set it), the attribute-change check with life-event
questions, the online/offline validity check with its time stamp, and calendar reminders."""

from __future__ import annotations

import datetime as dt
from functools import partial

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...app.card_state import CardState
from ...app.pins import read_card_attributes
from ...app.submission import transport_settings
from ...app.validity import calendar, check_certificates, expiry, life_event_check
from ...card.jpki import CertSlot
from ...card.pins import PinKind
from ...fileio import atomic_write_bytes
from ...validity.attributes import AttributeCheck, LifeEvent, Verdict
from ...validity.check import CheckResult
from ...validity.date_input import DateInputError, DateProblem, parse_date_input
from ...validity.expiry import CertDates, ExpiryReport, Facts, Timeline
from ...validity.revocation import Endpoints
from .. import expiry_texts as X
from .. import messages as M
from ..context import AppContext
from ..dialogs.common import show_error
from ..dialogs.file_types import CALENDAR
from ..settings import RevocationMode
from ..tasks import run_task
from ..theme import Tone, tone_color
from ..time_texts import japan_time
from ..widgets.base import STRETCH, add_items, push_button, row_of, wrapping_label
from ..widgets.fields import labelled
from ..widgets.timeline import TimelineView
from .card_page import CardPage
from .pin_reads import read_with_pin
from .saving import SavedFile

ICS_FILE = SavedFile(
    lambda: QCoreApplication.translate("ExpiryPage", "Save calendar reminders"),
    "jpki-reminders.ics",
    CALENDAR,
    "ics",
)


class DateField:
    """A date line edit with its inline error; reads every form `parse_date_input` takes."""

    def __init__(self, edit: QLineEdit, error: QLabel) -> None:
        self.edit, self.error = edit, error
        self.problem: DateProblem | None = None

    def value(self) -> dt.date | None:
        try:
            day: dt.date | None = parse_date_input(self.edit.text())
            self.problem = None
        except DateInputError as exc:
            day = None
            self.problem = None if exc.problem is DateProblem.EMPTY else exc.problem
        self.error.setVisible(self.problem is not None)
        if self.problem is not None:
            self.error.setText(X.date_problem(self.problem))
            self.error.setStyleSheet(f"color: {tone_color(self.error, Tone.DANGER).name()};")
        return day


class TimelineBox(QWidget):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.caption = QLabel(self)
        f = self.caption.font()
        f.setBold(True)
        self.caption.setFont(f)
        self.view = TimelineView(self)
        self.text = wrapping_label(parent=self, selectable=True)
        v = QVBoxLayout(self)
        v.setContentsMargins(0, 0, 0, 0)
        v.addWidget(self.caption)
        v.addWidget(self.view)
        v.addWidget(self.text)


class ExpiryPage(CardPage):
    page_id = "expiry"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.report: ExpiryReport | None = None
        self.checks: dict[CertSlot, CheckResult] = {}
        self.checking = False
        self.attr_result: AttributeCheck | None = None
        self.recorded = None  # BasicAttributes read with the card-info PIN
        self._birth_from_card = ""  # the birth date as filled in from the signing certificate

        # facts the card does not tell
        self.facts_box = QGroupBox(self)
        self.keep_text(
            self.facts_box.setTitle, lambda: self.tr("Facts the card does not tell (optional)")
        )
        ff = QFormLayout(self.facts_box)
        ff.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.date_fields: dict[str, DateField] = {}

        def date_hint() -> str:
            return self.tr("e.g. 1985-06-30, 1985/6/30 or S60.6.30")

        for key, name, text in (
            ("birth", "birthDateEdit", lambda: self.tr("Date of &birth:")),
            ("card_face", "cardFaceEdit", lambda: self.tr("E&xpiry printed on the card:")),
            ("residence", "residenceEdit", lambda: self.tr("End of &period of stay:")),
        ):
            edit, label = labelled(QLineEdit(self.facts_box), name)
            self.keep_label(label, text)
            self.keep_text(edit.setPlaceholderText, date_hint)
            self.keep_text(edit.setAccessibleDescription, date_hint)
            error = wrapping_label(parent=self.facts_box, name=f"{edit.objectName()}Error")
            error.hide()
            column = QVBoxLayout()
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(edit)
            column.addWidget(error)
            ff.addRow(label, column)
            self.date_fields[key] = DateField(edit, error)
            edit.editingFinished.connect(self.recompute)
        self.birth, self.card_face, self.residence = (f.edit for f in self.date_fields.values())
        self.pre2022 = QCheckBox(self.facts_box)
        self.pre2022.setObjectName("pre2022Check")
        self.keep_text(self.pre2022.setText, lambda: self.tr("Card applied for before &April 2022"))
        ff.addRow(self.pre2022)
        self.pre2022.toggled.connect(lambda _on: self.recompute())

        self.timelines = {s: TimelineBox(self) for s in ("sign", "auth", "card")}
        self.ics_button = push_button(self, "exportIcsButton", self._ask_ics)
        self.keep_text(self.ics_button.setText, lambda: self.tr("Save calendar &reminders (.ics)…"))

        # attribute change
        self.attr_box = QGroupBox(self)
        self.keep_text(self.attr_box.setTitle, lambda: self.tr("Did your name or address change?"))
        self.event_checks: dict[LifeEvent, QCheckBox] = {}
        al = QVBoxLayout(self.attr_box)
        self.attr_intro = wrapping_label(parent=self.attr_box)
        self.keep_text(
            self.attr_intro.setText,
            lambda: self.tr(
                "Moving or a change of name revokes the signing certificate, even before "
                "it expires. The user authentication certificate keeps working."
            ),
        )
        al.addWidget(self.attr_intro)
        for ev in LifeEvent:
            cb = QCheckBox(self.attr_box)
            cb.setObjectName(f"event_{ev.value}")
            self.keep_text(cb.setText, partial(X.event_text, ev))
            cb.toggled.connect(lambda _on: self.run_attribute_check())
            self.event_checks[ev] = cb
            al.addWidget(cb)
        self.compare_button = push_button(self.attr_box, "compareCardButton", self.ask_compare)
        self.keep_text(
            self.compare_button.setText,
            lambda: self.tr("Co&mpare with the card's records (card-info PIN)…"),
        )
        al.addWidget(self.compare_button)
        self.attr_text = wrapping_label(
            parent=self.attr_box, selectable=True, name="attributeResult"
        )
        al.addWidget(self.attr_text)

        # validity check
        self.check_box = QGroupBox(self)
        self.keep_text(
            self.check_box.setTitle,
            lambda: self.tr("Validity check (自己の電子証明書の有効性確認)"),
        )
        cl = QVBoxLayout(self.check_box)
        self.check_button = push_button(
            self.check_box, "validityCheckButton", self.run_validity_check
        )
        self.keep_text(self.check_button.setText, lambda: self.tr("Check &validity now"))
        self.check_text = wrapping_label(
            parent=self.check_box, selectable=True, name="validityResult"
        )
        add_items(cl, row_of(self.check_button, STRETCH), self.check_text)

        ctx.session.changed.connect(lambda: self.on_state(self.state))
        self.finish_layout(
            self.facts_box,
            *self.timelines.values(),
            row_of(self.ics_button, STRETCH),
            self.attr_box,
            self.check_box,
        )

    def title(self) -> str:
        return self.tr("Expiry")

    # -- state ------------------------------------------------------------------------------

    def on_state(self, state: CardState) -> None:
        if state.generation != self.state.generation:
            self.checks = {}
            self.recorded = None
        self.keep_state(state, with_auth_cert=False)
        sign = self.views.get(CertSlot.SIGN)
        if sign is not None and sign.cert.attributes is not None and not self.birth.text():
            self.birth.setText(sign.cert.attributes.birth_date.isoformat())
            self._birth_from_card = self.birth.text()
        elif sign is None and self._birth_from_card and self.birth.text() == self._birth_from_card:
            # read from a card that is gone: personal data does not outlive the card
            self.birth.clear()
            self._birth_from_card = ""
        self.recompute()

    def facts(self) -> Facts:
        snap = self.state.snapshot if self.state.ready else None

        def dates(slot: CertSlot) -> CertDates | None:
            v = self.views.get(slot)
            return CertDates(v.cert.valid_from, v.cert.valid_until) if v else None

        return Facts(
            birth_date=self.date_fields["birth"].value(),
            applied_before_2022_04=self.pre2022.isChecked(),
            residence_until=self.date_fields["residence"].value(),
            card_expires=self.date_fields["card_face"].value(),
            sign=dates(CertSlot.SIGN),
            auth=dates(CertSlot.AUTH),
            sign_present=snap.availability.sign if snap else None,
            auth_present=snap.availability.auth if snap else None,
        )

    def recompute(self) -> None:
        try:
            self.report = expiry(self.facts(), self.ctx.today())
        except Exception:  # noqa: BLE001 - InvalidFacts etc.: show nothing rather than crash
            self.report = None
        self.render()
        self.run_attribute_check()

    # -- attribute change -------------------------------------------------------------------

    def run_attribute_check(self) -> None:
        sign = self.views.get(CertSlot.SIGN)
        attrs = sign.cert.attributes if sign else None
        events = [e for e, cb in self.event_checks.items() if cb.isChecked()]
        self.attr_result = life_event_check(attrs, self.recorded, events)
        self.render_attributes()

    def ask_compare(self) -> None:
        def done(recorded, generation: int) -> None:  # noqa: ANN001
            if generation == self.state.generation:
                self.recorded = recorded
                self.run_attribute_check()

        read_with_pin(
            self,
            self.state,
            PinKind.CARD_INFO,
            lambda: self.tr(
                "The card-info PIN (4 digits) lets the card show the name, address, date of "
                "birth and sex it records, to compare them with your signing certificate."
            ),
            read_card_attributes,
            done,
        )

    def render_attributes(self) -> None:
        r = self.attr_result
        has_sign = CertSlot.SIGN in self.views
        self.compare_button.setEnabled(has_sign and self.state.ready)
        if r is None:
            self.attr_text.setText("")
            return
        lines = [X.verdict_text(r.verdict)]
        if r.compared and not r.differences and r.verdict is not Verdict.UNCHANGED:
            # a declared change with the card's records compared too: say what the card showed
            lines.append(X.verdict_text(Verdict.UNCHANGED))
        if r.differences:
            lines.append(
                self.tr("Differs: %1").replace(
                    "%1", ", ".join(X.field_text(f) for f in r.differences)
                )
            )
        if r.sign_revoked:
            lines.append(
                self.tr(
                    "Your user authentication certificate keeps working (it holds no personal data)."
                )
            )
        lines += [X.action_text(a) for a in r.actions if a.value != "none"]
        if not has_sign:
            lines.append(
                self.tr(
                    "To compare with the card's records, first show the signing certificate "
                    "(Certificates page)."
                )
            )
        tone = Tone.DANGER if r.sign_revoked else Tone.OK if r.compared else Tone.MUTED
        self.attr_text.setText("\n".join(lines))
        self.attr_text.setStyleSheet(f"color: {tone_color(self, tone).name()};")

    # -- validity check ---------------------------------------------------------------------

    def run_validity_check(self) -> None:
        if self.checking or not self.views:
            return
        s = self.ctx.settings
        endpoints = Endpoints(
            ocsp_urls=tuple(u for u in (s.get("ocsp_url"),) if u),
            crl_urls=tuple(u for u in (s.get("crl_url"),) if u),
            # the proxy setting applies to CRL/OCSP too
            http=transport_settings(s.proxy_mode.value, s.get("proxy_url") or ""),
        )
        offline = s.revocation_mode is RevocationMode.OFFLINE
        snap = self.state.snapshot
        card_cas: tuple[bytes, ...] = ()
        if snap is not None:  # trusted only where pinned (2019-generation J-LIS CAs)
            card_cas = tuple(
                snap.certificates[k]
                for k in (CertSlot.AUTH_CA, CertSlot.SIGN_CA)
                if k in snap.certificates
            )
        extra = card_cas if self.ctx.demo else ()  # demo: the virtual card's test CAs
        targets = {
            slot: v.cert.der
            for slot, v in self.views.items()
            if slot in (CertSlot.AUTH, CertSlot.SIGN)
        }

        demo = self.ctx.demo_revocation if self.ctx.demo else None

        def endpoints_for(slot: CertSlot) -> Endpoints:
            if demo is None or endpoints.ocsp_urls or endpoints.crl_urls:
                return endpoints
            ocsp_urls, crl_urls = demo.endpoints("sign" if slot is CertSlot.SIGN else "auth")
            return Endpoints(ocsp_urls=ocsp_urls, crl_urls=crl_urls)

        def work() -> dict:
            return check_certificates(
                targets,
                now=dt.datetime.now(dt.UTC),
                endpoints=endpoints_for,
                extra_roots=extra,
                card_cas=card_cas,
                offline=offline,
            )

        self.checking = True
        self.render_checks()
        task = run_task(work)
        task.finished.connect(self._checked)

        def failed(exc: BaseException) -> None:
            self.checking = False
            show_error(self, M.describe_any(exc))
            self.render_checks()

        task.failed.connect(failed)

    def _checked(self, results: dict) -> None:
        self.checking = False
        self.checks = results
        self.render_checks()

    def render_checks(self) -> None:
        self.check_button.setEnabled(bool(self.views) and not self.checking)
        if self.checking:
            self.check_text.setText(self.tr("Checking…"))
            return
        lines = []
        for slot in (CertSlot.AUTH, CertSlot.SIGN):
            r = self.checks.get(slot)
            if r is None:
                continue
            name = X.subject_text(X.Subject.AUTH if slot is CertSlot.AUTH else X.Subject.SIGN)
            when = japan_time(r.checked_at)
            line = f"{name}: {X.outcome_text(r.outcome)} — {X.basis_text(r.basis)}, {when}"
            if r.crl_this_update is not None and r.basis.value == "crl_cached":
                line += " " + self.tr("(CRL issued %1)").replace(
                    "%1", japan_time(r.crl_this_update)
                )
            if r.reason is not None:
                line += " (" + X.check_reason_text(r.reason) + ")"
            lines.append(line)
        if not lines:
            lines.append(self.tr("Not checked yet in this session."))
        elif self.ctx.demo:
            lines.append(
                self.tr(
                    "(Demo: answered by the demo card's test CA on this computer, not by J-LIS.)"
                )
            )
        self.check_text.setText("\n".join(lines))

    # -- reminders --------------------------------------------------------------------------

    def _ask_ics(self) -> None:
        if self.report is not None:
            ICS_FILE.ask(self, self.export_ics)

    def export_ics(self, path: str) -> bool:
        if self.report is None:
            return False
        report = self.report
        return ICS_FILE.save(
            self,
            path,
            lambda: atomic_write_bytes(
                path,
                calendar(report, now=dt.datetime.now(dt.UTC), lang=self.ctx.translations.language),
            ),
            self.tr(
                "Import the file into your calendar: reminders when renewal opens, 30 days before "
                "and on the expiry day."
            ),
        )

    # -- rendering --------------------------------------------------------------------------

    def _timeline_text(self, t: Timeline) -> str:
        if t.expires is None:
            return X.state_text(t.state) + (": " + X.reason_text(t.reason) if t.reason else "")
        parts = [X.state_text(t.state)]
        if t.days_left is not None:
            if t.days_left >= 0:
                parts.append(
                    self.tr("valid until %1 (%n days left)", "", t.days_left).replace(
                        "%1", t.expires.isoformat()
                    )
                )
            else:
                parts.append(self.tr("expired on %1").replace("%1", t.expires.isoformat()))
        if t.renewal_from:
            parts.append(self.tr("renewal from %1").replace("%1", t.renewal_from.isoformat()))
        if t.notice_from and t.notice_until:
            parts.append(
                self.tr("expiry notice arrives %1 – %2")
                .replace("%1", t.notice_from.isoformat())
                .replace("%2", t.notice_until.isoformat())
            )
        if t.limit is not None:
            parts.append(self.tr("limit: %1").replace("%1", X.limit_text(t.limit)))
        if t.ends_with_card:
            parts.append(self.tr("renewing means applying for a new card"))
        if t.estimated:
            parts.append(self.tr("estimated: enter the expiry printed on the card for certainty"))
        return self.tr("; ").join(parts) + self.tr(".")

    def render(self) -> None:  # type: ignore[override]  # our refresh, not QWidget's paint
        today = self.ctx.today()
        labels = {
            "issued": self.tr("Issued"),
            "renewal": self.tr("Renewal"),
            "expires": self.tr("Expires"),
            "today": self.tr("Today"),
        }
        r = self.report
        for key, box in self.timelines.items():
            subject = {"sign": X.Subject.SIGN, "auth": X.Subject.AUTH, "card": X.Subject.CARD}[key]
            box.caption.setText(X.subject_text(subject))
            t = getattr(r, key) if r else None
            box.view.set_timeline(t, today, labels)
            box.text.setText(self._timeline_text(t) if t else M.presence_text(self.state)[0])
            box.view.setAccessibleName(X.subject_text(subject))
            box.view.setAccessibleDescription(box.text.text())
        self.ics_button.setEnabled(r is not None and any(t.expires for t in r.timelines()))
        self.render_checks()
        self.render_attributes()

    def retranslate(self) -> None:
        super().retranslate()
        for field in self.date_fields.values():
            field.value()  # the inline error in the new language
        self.render()

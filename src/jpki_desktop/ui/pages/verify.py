"""Verify: drop or open a .p7s, signed XML or package and see the verdict and its reasons.

Self-check only: verifying other people's signatures as a business needs approval under the
JPKI Act (Art. 17), so the page says so."""

from __future__ import annotations

import html
from pathlib import Path

from cryptography import x509
from PySide6.QtWidgets import QWidget

from ...app.certificates import signer_name
from ...app.procedures import catalogue as load_catalogue
from ...app.verification import verify
from ...card.jpki import CertSlot
from ...procedures.catalogue import Catalogue
from ...procedures.model import Procedure
from ...signing.verification.grade import grade
from ...signing.verification.verdict import Reason, Verdict
from ...trust.context import Revocation, RevocationMode
from .. import messages as M
from ..context import AppContext
from ..dialogs.common import ask_open_path
from ..dialogs.file_types import SIGNED
from ..settings import RevocationMode as SettingsRevocation
from ..tasks import run_task
from ..theme import Tone, tone_background, tone_color
from ..time_texts import japan_time
from ..verify_texts import GRADE_TONE, grade_text, kind_text, reason_text
from ..widgets.base import STRETCH, heading, wrapping_label
from .file_page import FilePage


def _verify(path: str, content: str | None, kwargs: dict) -> Verdict:
    return verify(Path(path), content=content, **kwargs)


class VerifyPage(FilePage):
    page_id = "verify"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        names = ("dropArea", "openFileButton", "verifyFile")
        super().__init__(ctx, parent, self.verify, self._ask_file, object_names=names)
        self.keep_text(
            self.drop.text.setText,
            lambda: self.tr(
                "Drop a signature (.p7s), a signed XML file, a signed PDF or a package (.p7m) here."
            ),
        )
        self.keep_text(self.open_button.setText, lambda: self.tr("&Open a file…"))
        self.content: str | None = None
        self.verdict: Verdict | None = None
        self.error = ""
        self.running = False
        self._catalogue: Catalogue | dict[str, Procedure] | None = (
            None  # procedure names, loaded on first use
        )
        self.content_button = self.drop.add_button("openContentButton", self._ask_content)
        self.keep_text(self.content_button.setText, lambda: self.tr("Choose the &signed file…"))
        self.verdict_label = heading(self, level=2)
        self.verdict_label.setObjectName("verdict")
        self.details = wrapping_label(parent=self, selectable=True, rich=True, name="verifyDetails")
        self.note = wrapping_label(parent=self)
        self.keep_text(
            self.note.setText,
            lambda: self.tr(
                "For checking your own files. Verifying signatures as a business needs "
                "approval under the JPKI Act (Article 17)."
            ),
        )
        self.finish_layout(
            self.drop, self.file_label, self.verdict_label, self.details, STRETCH, self.note
        )

    def title(self) -> str:
        return self.tr("Verify")

    # -- input ------------------------------------------------------------------------------

    def _ask_file(self) -> None:
        ask_open_path(
            self, self.tr("Open a signed file"), (SIGNED,), self.verify, name="verifyOpenDialog"
        )

    def _ask_content(self) -> None:
        ask_open_path(
            self,
            self.tr("Choose the signed file"),
            (),
            self.set_content,
            name="verifyContentDialog",
        )

    def set_content(self, path: str) -> None:
        self.content = path
        if self.path:
            self.verify(self.path, keep_content=True)

    # -- verification -----------------------------------------------------------------------

    def _kwargs(self) -> dict:
        mode = self.ctx.settings.revocation_mode
        revocation = Revocation(RevocationMode.SOFT, fetch=mode is not SettingsRevocation.OFFLINE)
        kwargs: dict = {"revocation": revocation}
        if self.ctx.demo:
            # demo only: trust the virtual card's test CA, and open packages with the demo agency's key
            snap = self.ctx.service.state.snapshot
            if snap is not None and CertSlot.SIGN_CA in snap.certificates:
                kwargs["trust_roots"] = [
                    x509.load_der_x509_certificate(snap.certificates[CertSlot.SIGN_CA])
                ]
            agency = self.ctx.demo_agency
            if agency is not None:
                kwargs["decrypt_key"] = agency.keys.encryption_key
                kwargs["decrypt_cert"] = agency.keys.encryption_cert
        return kwargs

    def verify(self, path: str, *, keep_content: bool = False) -> None:
        if not keep_content:
            self.content = None
        self.path, self.verdict, self.error, self.running = path, None, "", True
        self.render()
        task = run_task(_verify, path, self.content, self._kwargs())
        task.finished.connect(self._done)
        task.failed.connect(self._failed)

    def _done(self, verdict: Verdict) -> None:
        self.running, self.verdict = False, verdict
        self.render()

    def _failed(self, exc: BaseException) -> None:
        self.running, self.error = False, M.describe_any(exc).full()
        self.render()

    # -- rendering --------------------------------------------------------------------------

    def render(self) -> None:  # type: ignore[override]  # our refresh, not QWidget's paint
        self.file_label.setText(self.tr("File: %1").replace("%1", self.path) if self.path else "")
        if self.content:
            self.file_label.setText(
                self.file_label.text()
                + "\n"
                + self.tr("Signed file: %1").replace("%1", self.content)
            )
        v = self.verdict
        self.content_button.setVisible(bool(v and Reason.CONTENT_REQUIRED in v.reasons))
        if self.running:
            self._show_verdict(self.tr("Checking…"), Tone.INFO)
            self.details.setText("")
        elif self.error:
            self._show_verdict(self.error, Tone.DANGER)
            self.details.setText("")
        elif v is None:
            self._show_verdict("", Tone.INFO)
            self.details.setText("")
        else:
            g = grade(v)
            self._show_verdict(grade_text(g), GRADE_TONE[g])
            self.details.setText(self._details_html(v))
        self.details.setAccessibleName(self.details.text())

    def _show_verdict(self, text: str, tone: Tone) -> None:
        self.verdict_label.setText(text)
        self.verdict_label.setVisible(bool(text))
        self.verdict_label.setStyleSheet(
            f"color: {tone_color(self, tone).name()}; background: {tone_background(self, tone).name()};"
            " padding: 6px; border-radius: 4px;"
        )
        self.verdict_label.setAccessibleName(text)

    def _pdf_html(self, v: Verdict) -> str:
        """Each PDF signature in file order: signer, time (Japan), coverage, timestamp, path."""
        parts = [f"<p>{html.escape(self.tr('Kind'))}: {html.escape(kind_text(v.kind))}</p>"]
        total = len(v.pdf_signatures)
        for i, s in enumerate(v.pdf_signatures, 1):
            state = self.tr("valid") if s.ok else self.tr("not valid")
            head = self.tr("Signature %1 of %2: %3").replace("%1", str(i))
            head = head.replace("%2", str(total)).replace("%3", state)
            if s.whole_document:
                covers = self.tr("The whole document")
            else:
                covers = (
                    self.tr("Revision %1; %2 later revision(s) followed it")
                    .replace("%1", str(s.revision))
                    .replace("%2", str(s.revisions_after))
                )
            if s.timestamp_ok is None:
                stamp = self.tr("none")
            else:
                stamp = (
                    japan_time(s.timestamp_time)
                    + " "
                    + (self.tr("(valid)") if s.timestamp_ok else self.tr("(not valid)"))
                )
            rows = [
                (self.tr("Signer"), s.signer_name or "-"),
                (self.tr("Signed at"), japan_time(s.signing_time)),
                (self.tr("Covers"), covers),
                (self.tr("Timestamp"), stamp),
                (self.tr("Trust path"), " ← ".join(s.trust_path) or "-"),
            ]
            table = "".join(
                f"<tr><th align='left'>{html.escape(k)}</th><td>{html.escape(x)}</td></tr>"
                for k, x in rows
            )
            items = "".join(
                f"<li>{html.escape(reason_text(f.reason))}"
                + (f" <i>({html.escape(f.subject)})</i>" if f.subject else "")
                + "</li>"
                for f in s.findings
            )
            parts.append(
                f"<p><b>{html.escape(head)}</b> ({html.escape(s.field)})</p>"
                f"<table cellspacing='4'>{table}</table>" + (f"<ul>{items}</ul>" if items else "")
            )
        return "".join(parts)

    def _details_html(self, v: Verdict) -> str:
        if v.pdf_signatures:
            return self._pdf_html(v)
        rows = [(self.tr("Kind"), kind_text(v.kind))]
        if v.signer_cert is not None:
            rows.append((self.tr("Signer"), signer_name(v.signer_cert)))
        if v.signing_time is not None:
            rows.append((self.tr("Signed at"), japan_time(v.signing_time)))
        if v.submission is not None:
            rows.append((self.tr("Procedure"), self._procedure_name(v.submission.procedure)))
            rows.append((self.tr("Submission ID"), v.submission.id))
        if v.files:
            rows.append((self.tr("Signed files"), ", ".join(v.files)))
        rows.append(
            (
                self.tr("Revocation"),
                self.tr("checked") if v.revocation_checked else self.tr("not checked"),
            )
        )
        table = "".join(
            f"<tr><th align='left' valign='top' style='white-space: nowrap'>{html.escape(k)}</th><td>{html.escape(x)}</td></tr>"
            for k, x in rows
        )
        reasons = ""
        if v.findings:
            items = "".join(
                f"<li>{html.escape(reason_text(f.reason))}"
                + (f" <i>({html.escape(f.subject)})</i>" if f.subject else "")
                + "</li>"
                for f in v.findings
            )
            heading = self.tr("Reasons")
            reasons = f"<p><b>{html.escape(heading)}</b></p><ul>{items}</ul>"
        return f"<table cellspacing='4'>{table}</table>{reasons}"

    def _procedure_name(self, procedure_id: str) -> str:
        """The procedure's name in the UI language; its id only if this build does not know it."""
        if self._catalogue is None:
            try:
                self._catalogue = load_catalogue()
            except Exception:  # noqa: BLE001 - a broken catalogue must not break verifying
                self._catalogue = {}
        try:
            proc = self._catalogue.get(procedure_id) if self._catalogue else None
        except Exception:  # noqa: BLE001 - UnknownProcedure
            proc = None
        if proc is None:
            return procedure_id
        return f"{proc.name.get(self.ctx.translations.language)} ({procedure_id})"

    def retranslate(self) -> None:
        super().retranslate()
        self.note.setStyleSheet(f"color: {tone_color(self, Tone.MUTED).name()};")
        self.render()

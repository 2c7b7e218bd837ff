"""Sign PDF (PDF に署名): open or drop a PDF, choose an invisible signature or a visible stamp,
read what the signature reveals, choose where to save, enter the signing password, sign.

The PDF is checked off the GUI thread as soon as it is chosen (damaged, encrypted or certified
"no changes" files are refused before any password is asked). The signing itself is one card job
(`app.pdf.sign_pdf_on_card`) on the card thread; its output is written atomically.
"""

from __future__ import annotations

import html
from functools import partial
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...app import pdf as use_case
from ...card.pins import PinKind
from ...signing import errors as S
from ...signing.formats.pdf.inspect import PdfInfo
from ...signing.formats.pdf.profiles import Profile
from ...signing.formats.pdf.sign import PdfSignOptions, PdfSignResult
from ...signing.formats.pdf.stamp import VisibleStamp
from .. import messages as M
from ..context import AppContext
from ..dialogs.common import ask_open_path, ask_save_path, show_error, show_message
from ..dialogs.file_types import PDF
from ..dialogs.pin_dialog import request_pin
from ..messages import ErrorText
from ..tasks import run_task
from ..theme import Tone, tone_background, tone_color
from ..widgets.base import STRETCH, add_items, push_button, row_of, spoken, wrapping_label
from ..widgets.fields import labelled
from .file_page import FilePage

STAMP_W, STAMP_H, MARGIN = 220.0, 60.0, 36.0
CORNERS = ("bottom_right", "bottom_left", "top_right", "top_left")


def stamp_rect(info: PdfInfo, page: int, corner: str) -> VisibleStamp:
    """A 220 x 60 pt stamp in a corner of page 1's media box (all pages assumed alike)."""
    box = info.first_page
    w, h = min(STAMP_W, box.width - 2 * MARGIN), min(STAMP_H, box.height - 2 * MARGIN)
    x1 = box.x2 - MARGIN - w if corner.endswith("right") else box.x1 + MARGIN
    y1 = box.y2 - MARGIN - h if corner.startswith("top") else box.y1 + MARGIN
    return VisibleStamp(page, x1, y1, x1 + w, y1 + h)


class SignPdfPage(FilePage):
    page_id = "sign_pdf"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        names = ("pdfDropArea", "openPdfButton", "pdfFile")
        super().__init__(ctx, parent, self.open_pdf, self._ask_file, object_names=names)
        self.keep_text(self.drop.text.setText, lambda: self.tr("Drop a PDF here, or open one."))
        self.keep_text(self.open_button.setText, lambda: self.tr("&Open a PDF…"))
        self.info: PdfInfo | None = None
        self.problem = ""
        self.result: PdfSignResult | None = None
        self.busy = False

        self.stamp_box = QGroupBox(self)
        self.keep_text(self.stamp_box.setTitle, lambda: self.tr("Signature"))
        self.invisible = QRadioButton(self.stamp_box)
        self.invisible.setObjectName("invisibleSignature")
        self.keep_text(self.invisible.setText, lambda: self.tr("&Invisible signature"))
        self.visible = QRadioButton(self.stamp_box)
        self.visible.setObjectName("visibleStamp")
        self.keep_text(self.visible.setText, lambda: self.tr("&Visible stamp on a page"))
        self.invisible.setChecked(True)
        self.kind_group = QButtonGroup(self)
        self.kind_group.addButton(self.invisible)
        self.kind_group.addButton(self.visible)
        self.page_spin, self.page_label = labelled(QSpinBox(self.stamp_box), "stampPage")
        self.keep_label(self.page_label, lambda: self.tr("&Page:"))
        self.page_spin.setRange(1, 1)
        self.corner, self.corner_label = labelled(QComboBox(self.stamp_box), "stampCorner")
        self.keep_label(self.corner_label, lambda: self.tr("Positio&n:"))
        corner_names = (  # in the order of CORNERS
            lambda: self.tr("Bottom right"),
            lambda: self.tr("Bottom left"),
            lambda: self.tr("Top right"),
            lambda: self.tr("Top left"),
        )
        for i, name in enumerate(corner_names):
            self.corner.addItem("")
            self.keep_text(partial(self.corner.setItemText, i), name)
        self.reason, self.reason_label = labelled(QLineEdit(self.stamp_box), "signReason")
        self.keep_label(self.reason_label, lambda: self.tr("&Reason (optional):"))
        self.location, self.location_label = labelled(QLineEdit(self.stamp_box), "signLocation")
        self.keep_label(self.location_label, lambda: self.tr("Loc&ation (optional):"))
        self.profile, self.profile_label = labelled(QComboBox(self.stamp_box), "signProfile")
        self.keep_label(self.profile_label, lambda: self.tr("For&mat:"))
        self.profile.addItems(["", ""])
        self.keep_text(
            partial(self.profile.setItemText, 0),
            lambda: self.tr("For the Ministry of Justice online registration (standard)"),
        )
        self.keep_text(
            partial(self.profile.setItemText, 1), lambda: self.tr("PAdES with a timestamp")
        )
        self.tsa, self.tsa_label = labelled(  # Settings' TSA
            QLineEdit(ctx.settings.get("tsa_url") or "", self.stamp_box), "tsaUrl"
        )
        self.keep_label(self.tsa_label, lambda: self.tr("&Time-stamping service:"))
        self.tsa.setPlaceholderText("https://")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.page_label, self.page_spin)
        form.addRow(self.corner_label, self.corner)
        form.addRow(self.reason_label, self.reason)
        form.addRow(self.location_label, self.location)
        form.addRow(self.profile_label, self.profile)
        form.addRow(self.tsa_label, self.tsa)
        add_items(QVBoxLayout(self.stamp_box), row_of(self.invisible, self.visible, STRETCH), form)

        self.notice = wrapping_label(parent=self, name="pdfPrivacyNotice")
        self.keep_text(
            self.notice.setText,
            lambda: (
                html.unescape(self.privacy_text())
                + " "
                + self.tr("Send it only to where it must go.")
            ),
        )
        self.sign_button = push_button(self, "signPdfButton", self.start)
        self.keep_text(self.sign_button.setText, lambda: self.tr("&Sign and save…"))
        self.status = wrapping_label(parent=self, selectable=True, name="signPdfStatus")
        for signal in (self.visible.toggled, self.profile.currentIndexChanged):
            signal.connect(lambda *_: self.render())
        ctx.service.busyChanged.connect(lambda _b: self.render())
        self.finish_layout(
            self.drop,
            self.file_label,
            self.stamp_box,
            self.notice,
            row_of(STRETCH, self.sign_button),
            self.status,
        )

    def title(self) -> str:
        return self.tr("Sign PDF")

    # -- input ------------------------------------------------------------------------------

    def _ask_file(self) -> None:
        ask_open_path(self, self.tr("Open a PDF"), (PDF,), self.open_pdf, name="signPdfOpenDialog")

    def open_pdf(self, path: str) -> None:
        self.path, self.info, self.problem, self.result = path, None, "", None
        self.status.setText(self.tr("Checking the PDF…"))
        self.render()
        task = run_task(use_case.inspect, Path(path))
        task.finished.connect(lambda info: self._inspected(path, info))
        task.failed.connect(lambda exc: self._inspect_failed(path, exc))

    def _inspected(self, path: str, info: PdfInfo) -> None:
        if path == self.path:
            self.info = info
            self.page_spin.setRange(1, info.pages)
            self.status.setText("")
            self.render()

    def _inspect_failed(self, path: str, exc: BaseException) -> None:
        if path == self.path:
            self.problem = self.error_text(exc).full()
            self.status.setText("")
            self.render()

    # -- signing ----------------------------------------------------------------------------

    def options(self) -> PdfSignOptions:
        visible = None
        if self.visible.isChecked() and self.info is not None:
            visible = stamp_rect(
                self.info, self.page_spin.value(), CORNERS[self.corner.currentIndex()]
            )
        profile = Profile.PADES_B_T if self.profile.currentIndex() == 1 else Profile.MOJ
        return PdfSignOptions(
            profile=profile,
            visible=visible,
            reason=self.reason.text().strip() or None,
            location=self.location.text().strip() or None,
        )

    def suggested_output(self) -> str:
        assert self.path is not None
        src = Path(self.path)
        docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        folder = Path(docs) if docs else src.parent
        return str(folder / f"{src.stem}-signed.pdf")

    def start(self) -> None:
        """Choose where to save, then the password (the notice is on the page and repeated in
        the password dialog), then the card job."""
        if self.path is None or self.info is None or self.busy:
            return
        ask_save_path(
            self,
            self.tr("Save the signed PDF"),
            self.suggested_output(),
            PDF,
            self.ask_password,
            name="signPdfSaveDialog",
        )

    def request(self, output: str) -> use_case.PdfSignRequest:
        assert self.path is not None
        opts = self.options()
        tsa = self.tsa.text().strip() or None if opts.profile is Profile.PADES_B_T else None
        return use_case.PdfSignRequest(Path(self.path), Path(output), opts, tsa)

    def ask_password(self, output: str) -> None:
        request = self.request(output)
        try:
            use_case.prepare(request)  # a refusal here needs no password
        except (S.SigningError, OSError) as exc:
            show_error(self, self.error_text(exc))
            return

        def on_pin(pin, final_confirmed: bool) -> None:  # noqa: ANN001
            self.busy = True
            self.status.setText(self.tr("Signing… do not remove the card."))
            self.render()
            job = self.ctx.service.submit(
                use_case.sign_pdf_on_card,
                request,
                pin,
                final_confirmed,
                secrets=(pin,),
                refresh_after=True,
            )
            job.finished.connect(self._signed)
            job.failed.connect(self._sign_failed)

        request_pin(self, self.ctx.service.state, PinKind.SIGN, self.privacy_text, on_pin)

    def _signed(self, result: PdfSignResult) -> None:
        self.busy, self.result = False, result
        self.status.setText(self.tr("Signed and saved: %1").replace("%1", str(result.output)))
        self.render()
        show_message(
            self,
            self.tr("Sign PDF"),
            self.tr("Signed and saved: %1").replace("%1", str(result.output)),
            name="pdfSignedBox",
        )

    def _sign_failed(self, exc: BaseException) -> None:
        self.busy = False
        self.status.setText("")
        self.render()
        show_error(self, self.error_text(exc))

    # -- texts ------------------------------------------------------------------------------

    def privacy_text(self) -> str:
        return self.tr(
            "The signing certificate is placed inside the PDF. It records your name, address, "
            "date of birth and sex, and anyone who receives this PDF can read them."
        )

    def error_text(self, exc: BaseException) -> ErrorText:
        title = self.tr("Sign PDF")
        if isinstance(exc, S.PdfRefused):
            text = {
                "not_pdf": self.tr("This file is not a PDF."),
                "damaged": self.tr("This PDF is damaged and cannot be signed."),
                "encrypted": self.tr("This PDF is password-protected or encrypted."),
                "certified_no_changes": self.tr(
                    "This PDF is certified with “no changes allowed”: a signature would break it."
                ),
                "page_out_of_range": self.tr("The PDF has no such page."),
                "bad_box": self.tr("The stamp does not fit on the page."),
            }.get(exc.reason, self.tr("This PDF cannot be signed."))
            hint = {
                "damaged": self.tr("Save it again from the program that made it."),
                "encrypted": self.tr("Save a copy without protection, then sign the copy."),
            }.get(exc.reason, "")
            return ErrorText(title, text + " " + self.tr("The card was not used."), hint)
        if isinstance(exc, S.TimestampFailed):
            return ErrorText(
                title,
                self.tr("The time-stamping service gave no usable timestamp. Nothing was saved."),
                self.tr("Check its address and the network, or sign without a timestamp."),
            )
        if isinstance(exc, S.InvalidInput):
            text = {
                "tsa_required": self.tr(
                    "A timestamp needs the address of a time-stamping service."
                ),
                "output_is_input": self.tr("Save the signed PDF under a new name."),
            }.get(exc.what, self.tr("These settings cannot be used."))
            return ErrorText(title, text)
        return M.describe_any(exc, self.ctx.translations.language)

    # -- rendering --------------------------------------------------------------------------

    def render(self) -> None:  # type: ignore[override]  # our refresh, not QWidget's paint
        info = self.info
        lines = []
        if self.path:
            lines.append(self.tr("File: %1").replace("%1", self.path))
        if info is not None:
            lines.append(self.tr("Pages: %1").replace("%1", str(info.pages)))
            if info.signatures:
                lines.append(
                    self.tr(
                        "This PDF is already signed (%1). Your signature is added after the "
                        "existing ones, which stay valid."
                    ).replace("%1", str(info.signatures))
                )
        if self.problem:
            lines.append(self.problem)
        self.file_label.setText("\n".join(lines))
        self.file_label.setVisible(bool(lines))
        self.file_label.setAccessibleName(self.file_label.text())
        visible = self.visible.isChecked()
        for w in (self.page_spin, self.corner, self.page_label, self.corner_label):
            w.setEnabled(visible)
        pades = self.profile.currentIndex() == 1
        self.tsa.setVisible(pades)
        self.tsa_label.setVisible(pades)
        ready = info is not None and not self.busy and not self.ctx.service.busy
        self.sign_button.setEnabled(ready and (not pades or bool(self.tsa.text().strip())))
        self.status.setAccessibleName(self.status.text())
        tone = Tone.WARN
        self.notice.setStyleSheet(
            f"background: {tone_background(self, tone).name()}; color: {tone_color(self, tone).name()};"
            " padding: 6px; border-radius: 4px;"
        )

    def retranslate(self) -> None:
        super().retranslate()
        # the spin box's inner editor is what screen readers (and keyboard focus) reach
        self.page_spin.lineEdit().setAccessibleName(self.page_spin.accessibleName())
        self.notice.setAccessibleName(self.notice.text())
        self.sign_button.setAccessibleName(spoken(self.sign_button.text()))
        self.render()

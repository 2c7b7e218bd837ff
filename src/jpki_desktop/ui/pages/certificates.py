"""Certificates: the auth and CA certificates without a password; the signing certificate after
the signing password, with a notice that it holds name, address, birth date and sex.
Details, and export as PEM or DER (written atomically)."""

from __future__ import annotations

import html

from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509 import load_der_x509_certificate
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...app.card import read_auth_certificate, read_signing_certificate
from ...app.card_state import CardState
from ...app.certificates import CertView
from ...card.jpki import CertSlot
from ...card.pins import PinKind
from ...fileio import atomic_write_bytes
from .. import messages as M
from ..alerts import cert_title
from ..context import AppContext
from ..dialogs.common import confirm
from ..dialogs.file_types import DER, PEM
from ..theme import Tone, tone_background, tone_color
from ..widgets.base import STRETCH, push_button, row_of, wrapping_label
from .card_page import CardPage
from .pin_reads import read_with_pin
from .saving import SavedFile

SLOTS = (CertSlot.AUTH, CertSlot.SIGN, CertSlot.AUTH_CA, CertSlot.SIGN_CA)


class CertificatesPage(CardPage):
    page_id = "certificates"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.list = QListWidget(self)
        self.list.setObjectName("certList")
        self.keep_text(self.list.setAccessibleName, lambda: self.tr("Certificates on the card"))
        for _ in SLOTS:
            self.list.addItem(QListWidgetItem())
        self.list.currentRowChanged.connect(lambda _r: self.render_details())
        self.notice = wrapping_label(parent=self, name="personalDataNotice")
        self.keep_text(
            self.notice.setText,
            lambda: self.tr(
                "The signing certificate records your name, address, date of birth and sex (the "
                "basic four attributes). The card releases it only after the signing password. "
                "Share it only with services you trust."
            ),
        )
        self.details = wrapping_label(parent=self, selectable=True, rich=True, name="certDetails")
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.read_sign = push_button(self, "readSignCertButton", self.ask_for_sign_cert)
        self.keep_text(
            self.read_sign.setText, lambda: self.tr("Enter the &signing password to show it…")
        )
        # a smartphone: its auth certificate needs the PIN
        self.read_auth = push_button(self, "readAuthCertButton", self.ask_for_auth_cert)
        self.keep_text(
            self.read_auth.setText,
            lambda: self.tr("Enter the user &authentication PIN to show it…"),
        )
        self.save_pem = push_button(self, "savePemButton", lambda: self._ask_export("pem"))
        self.keep_text(self.save_pem.setText, lambda: self.tr("Save as &PEM…"))
        self.save_der = push_button(self, "saveDerButton", lambda: self._ask_export("der"))
        self.keep_text(self.save_der.setText, lambda: self.tr("Save as &DER…"))
        buttons = row_of(self.read_sign, self.read_auth, self.save_pem, self.save_der, STRETCH)
        right = QVBoxLayout()
        right.addWidget(self.notice)
        right.addWidget(self.details, 1)
        right.addLayout(buttons)
        list_and_details = QHBoxLayout()
        list_and_details.addWidget(self.list)
        list_and_details.addLayout(right, 1)
        self.layout_.addLayout(list_and_details, 1)
        ctx.session.changed.connect(lambda: self.on_state(self.state))
        self.list.setCurrentRow(0)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Certificates")

    def selected(self) -> CertSlot:
        return SLOTS[max(0, self.list.currentRow())]

    def select(self, slot: CertSlot) -> None:
        self.list.setCurrentRow(SLOTS.index(slot))

    def on_state(self, state: CardState) -> None:
        self.keep_state(state)
        self.render_details()

    # -- signing certificate ----------------------------------------------------------------

    def ask_for_sign_cert(self) -> None:
        read_with_pin(
            self,
            self.state,
            PinKind.SIGN,
            lambda: self.tr(
                "The signing certificate is shown after the signing password. It holds "
                "your name, address, date of birth and sex."
            ),
            read_signing_certificate,
            self.ctx.session.set_sign_cert,
        )

    def ask_for_auth_cert(self) -> None:
        read_with_pin(
            self,
            self.state,
            PinKind.AUTH,
            lambda: self.tr(
                "A smartphone releases its user authentication certificate only after the "
                "user authentication PIN."
            ),
            read_auth_certificate,
            self.ctx.session.set_auth_cert,
        )

    # -- export -----------------------------------------------------------------------------

    def _cert_file(self, slot: CertSlot, fmt: str) -> SavedFile:
        suffix, kind = ("pem", PEM) if fmt == "pem" else ("cer", DER)
        return SavedFile(
            lambda: self.tr("Save certificate"), f"{slot.value}.{suffix}", kind, "cert"
        )

    def _ask_export(self, fmt: str) -> None:
        slot = self.selected()
        if self.views.get(slot) is None:
            return
        file = self._cert_file(slot, fmt)

        def ask_path() -> None:
            file.ask(self, lambda path: self.export(slot, path, fmt))

        if slot is CertSlot.SIGN:
            confirm(
                self,
                self.tr("Personal data"),
                self.tr(
                    "The file will contain your name, address, date of birth and sex. Save it anyway?"
                ),
                ask_path,
                yes_text=self.tr("&Save"),
                name="exportPersonalConfirm",
            )
        else:
            ask_path()

    def export(self, slot: CertSlot, path: str, fmt: str) -> bool:
        view = self.views.get(slot)
        if view is None:
            return False
        cert = load_der_x509_certificate(view.cert.der)
        data = cert.public_bytes(Encoding.PEM if fmt == "pem" else Encoding.DER)
        return self._cert_file(slot, fmt).save(self, path, lambda: atomic_write_bytes(path, data))

    # -- rendering --------------------------------------------------------------------------

    def render_details(self) -> None:
        slot = self.selected()
        view = self.views.get(slot)
        snap = self.state.snapshot if self.state.ready else None
        is_sign = slot is CertSlot.SIGN
        self.notice.setVisible(is_sign)
        tone = Tone.WARN
        self.notice.setStyleSheet(
            f"background: {tone_background(self, tone).name()}; color: {tone_color(self, tone).name()};"
            " padding: 6px; border-radius: 4px;"
        )
        sign_issued = bool(snap and snap.availability.sign)
        sign_blocked = bool(snap and (sign_pin := snap.pin(PinKind.SIGN)) and sign_pin.blocked)
        self.read_sign.setVisible(is_sign and view is None)
        phone_auth = bool(snap and snap.auth_needs_pin and slot is CertSlot.AUTH and view is None)
        auth_blocked = bool(snap and (auth_pin := snap.pin(PinKind.AUTH)) and auth_pin.blocked)
        self.read_auth.setVisible(phone_auth)
        self.read_auth.setEnabled(phone_auth and not auth_blocked)
        self.read_sign.setEnabled(sign_issued and not sign_blocked)
        self.save_pem.setEnabled(view is not None)
        self.save_der.setEnabled(view is not None)
        if view is not None:
            self.details.setText(self._details_html(view))
        elif snap is None:
            self.details.setText(html.escape(M.presence_text(self.state)[0]))
        elif is_sign and not sign_issued:
            self.details.setText(html.escape(self.tr("This card has no signing certificate.")))
        elif is_sign and sign_blocked:
            self.details.setText(
                html.escape(M.blocked_text(PinKind.SIGN, snap.pin(PinKind.AUTH))).replace(
                    "\n", "<br>"
                )
            )
        elif is_sign:
            self.details.setText(
                html.escape(
                    self.tr("Enter the signing password to read this certificate from the card.")
                )
            )
        elif phone_auth:
            self.details.setText(
                html.escape(
                    self.tr(
                        "Enter the user authentication PIN to read this certificate from the "
                        "smartphone."
                    )
                )
            )
        else:
            self.details.setText(html.escape(self.tr("Not found on the card.")))
        self.details.setAccessibleName(self.details.text())

    def _details_html(self, view: CertView) -> str:
        c = view.cert
        today = self.ctx.today()
        days = view.days_left(today)
        rows = [
            (self.tr("Subject"), c.subject),
            (self.tr("Issuer"), c.issuer),
            (self.tr("CA generation"), str(getattr(c.generation, "value", c.generation))),
            (self.tr("Serial number"), c.serial),
            (self.tr("Valid from"), c.valid_from.isoformat()),
            (self.tr("Valid until"), c.valid_until.isoformat()),
            (self.tr("Days left"), self.tr("Expired") if days < 0 else str(days)),
            (self.tr("SHA-256 fingerprint"), c.sha256),
        ]
        if c.attributes is not None:
            a = c.attributes
            rows += [
                (self.tr("Name"), a.name),
                (self.tr("Date of birth"), f"{a.birth_date.isoformat()} ({a.birth_date_wareki})"),
                (
                    self.tr("Sex"),
                    {"male": self.tr("Male"), "female": self.tr("Female")}.get(
                        a.sex.value, self.tr("Other")
                    ),
                ),
                (self.tr("Address"), a.address),
            ]
        if c.ocsp_urls:
            rows.append((self.tr("OCSP responder"), ", ".join(c.ocsp_urls)))
        if c.crl_urls:
            rows.append((self.tr("CRL"), ", ".join(c.crl_urls)))
        body = "".join(
            f"<tr><th align='left' valign='top' style='white-space: nowrap'>{html.escape(k)}</th><td>{html.escape(v)}</td></tr>"
            for k, v in rows
        )
        return f"<b>{html.escape(cert_title(view.slot))}</b><table cellspacing='4'>{body}</table>"

    def retranslate(self) -> None:
        super().retranslate()
        for i, slot in enumerate(SLOTS):
            self.list.item(i).setText(cert_title(slot))
        self.list.setFixedWidth(
            self.list.sizeHintForColumn(0)
            + 2 * self.list.frameWidth()
            + self.list.fontMetrics().horizontalAdvance("MM")
        )
        self.render_details()

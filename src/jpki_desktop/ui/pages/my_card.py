"""Home page: live reader and card state, both PIN counters, certificate summaries, and one
banner with the most urgent warning."""

from __future__ import annotations

import time

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...app.card_state import CardState, Presence
from ...card.jpki import CertSlot
from ...card.pins import PinKind
from ...card.snapshot import CardVariant, ReadProgress
from .. import messages as M
from ..alerts import cert_title, most_urgent
from ..context import AppContext
from ..time_texts import japan_time
from ..widgets.banner import Banner
from ..widgets.base import STRETCH, push_button, row_of, wrapping_label
from ..widgets.pin_meter import PinMeter
from .card_page import CardPage

PROGRESS_INTERVAL = 0.2  # seconds between progress texts: several a second, never a silent one


class MyCardPage(CardPage):
    page_id = "card"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.banner = Banner(self)
        self.banner.actionRequested.connect(ctx.navigate)

        self.card_box = QGroupBox(self)
        self.keep_text(self.card_box.setTitle, lambda: self.tr("Card and reader"))
        self.headline = wrapping_label(parent=self.card_box, name="cardHeadline")
        f = self.headline.font()
        f.setBold(True)
        self.headline.setFont(f)
        self.hint = wrapping_label(parent=self.card_box, selectable=True)
        # which file of a slow card is being read, and how far (never a silent wait)
        # One line, always in the layout, its width ignored: a new text costs no relayout of the
        # page (that would stall the GUI thread on every APDU of a slow card).
        self.progress_label = QLabel(self.card_box)
        self.progress_label.setObjectName("readProgress")
        self.progress_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self._progress_shown = 0.0
        # what this kind of card can and cannot do, and what the card did not give
        self.variant_label = wrapping_label(
            parent=self.card_box, selectable=True, name="cardVariant"
        )
        self.reader_label = QLabel(self.card_box)
        self.keep_text(self.reader_label.setText, lambda: self.tr("Reader:"))
        self.reader_value = wrapping_label(parent=self.card_box)
        self.kind_label = QLabel(self.card_box)
        self.keep_text(self.kind_label.setText, lambda: self.tr("Card:"))
        self.kind_value = wrapping_label(parent=self.card_box)
        self.read_label = QLabel(self.card_box)
        self.keep_text(self.read_label.setText, lambda: self.tr("Read at:"))
        self.read_value = QLabel(self.card_box)
        form = QFormLayout()
        form.addRow(self.reader_label, self.reader_value)
        form.addRow(self.kind_label, self.kind_value)
        form.addRow(self.read_label, self.read_value)
        box = QVBoxLayout(self.card_box)
        box.addWidget(self.headline)
        box.addWidget(self.hint)
        box.addWidget(self.progress_label)
        box.addWidget(self.variant_label)
        box.addLayout(form)

        self.pin_box = QGroupBox(self)
        self.keep_text(
            self.pin_box.setTitle,
            lambda: self.tr("Password tries left (checked without using a try)"),
        )
        self.sign_meter = PinMeter(PinKind.SIGN, self.pin_box)
        self.sign_meter.setObjectName("meter_sign")
        self.auth_meter = PinMeter(PinKind.AUTH, self.pin_box)
        self.auth_meter.setObjectName("meter_auth")
        pins = QHBoxLayout(self.pin_box)
        pins.addWidget(self.sign_meter, 1)
        pins.addWidget(self.auth_meter, 1)

        self.cert_box = QGroupBox(self)
        self.keep_text(self.cert_box.setTitle, lambda: self.tr("Electronic certificates"))
        self.cert_rows: dict[CertSlot, tuple[QLabel, QLabel]] = {}
        cert_form = QFormLayout(self.cert_box)
        for slot in (CertSlot.AUTH, CertSlot.SIGN):
            name, value = QLabel(self.cert_box), wrapping_label(parent=self.cert_box)
            value.setObjectName(f"certSummary_{slot.value}")
            self.cert_rows[slot] = (name, value)
            cert_form.addRow(name, value)

        self.change_button = QPushButton(self)
        self.change_button.setObjectName("changePinButton")
        self.keep_text(self.change_button.setText, lambda: self.tr("Change pass&word…"))
        self.refresh_button = push_button(self, "refreshButton", ctx.service.refresh)
        self.keep_text(self.refresh_button.setText, lambda: self.tr("&Read the card again"))
        buttons = row_of(self.change_button, self.refresh_button, STRETCH)

        ctx.session.changed.connect(lambda: self.on_state(self.state))
        ctx.service.readProgress.connect(self.on_progress)
        self.finish_layout(self.banner, self.card_box, self.pin_box, self.cert_box, buttons)

    def title(self) -> str:
        return self.tr("My card")

    def on_progress(self, progress: ReadProgress) -> None:
        if self.state.presence is Presence.READY:
            return  # a late report of a read that has finished
        now = time.monotonic()
        if now - self._progress_shown < PROGRESS_INTERVAL:
            return  # relayouting on every APDU would cost the GUI thread more than it tells
        self._progress_shown = now
        self.progress_label.setText(M.read_progress_text(progress))

    def on_state(self, state: CardState) -> None:
        if state.presence is not Presence.READING:
            self.progress_label.setText("")
        self.keep_state(state)
        self.render()

    def render(self) -> None:  # type: ignore[override]  # our refresh, not QWidget's paint
        state, snap = self.state, (self.state.snapshot if self.state.ready else None)
        today = self.ctx.today()
        self.banner.show_alert(most_urgent(state, self.views, today))
        headline, hint = M.presence_text(state)
        self.headline.setText(headline)
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))
        self.reader_value.setText(state.reader or "—")
        self.kind_value.setText(M.card_kind(snap.token.kind) if snap else "—")
        self.read_value.setText(japan_time(state.read_at) if state.read_at and snap else "—")
        sign = snap.pin(PinKind.SIGN) if snap else None
        auth = snap.pin(PinKind.AUTH) if snap else None
        self.sign_meter.set_status(sign, auth)
        self.auth_meter.set_status(auth, sign)
        self.pin_box.setEnabled(snap is not None)
        variant = snap.variant if snap else CardVariant.STANDARD
        no_pins = variant in (CardVariant.FACE_AUTH, CardVariant.NO_CERTIFICATES)
        self.pin_box.setVisible(not no_pins)  # its own state: no PIN fields, nothing "blocked"
        note = "\n".join(
            t for t in (M.variant_text(variant), M.unread_text(snap.unread) if snap else "") if t
        )
        self.variant_label.setText(note)
        self.variant_label.setVisible(bool(note))
        for slot, (name, value) in self.cert_rows.items():
            name.setText(cert_title(slot) + ":")
            value.setText(self._cert_text(slot, snap is not None, today))
        self.change_button.setEnabled(snap is not None and not no_pins)
        self.refresh_button.setEnabled(self.state.presence is not Presence.STARTING)

    def _cert_text(self, slot: CertSlot, have_card: bool, today) -> str:  # noqa: ANN001
        if not have_card or self.state.snapshot is None:
            return "—"
        if slot is CertSlot.SIGN and not self.state.snapshot.availability.sign:
            return self.tr("Not issued for this card.")
        if slot is CertSlot.AUTH and not self.state.snapshot.availability.auth:
            return self.tr("Not issued for this card.")
        v = self.views.get(slot)
        if v is None:
            if slot is CertSlot.SIGN:
                return self.tr(
                    "Issued. Its dates are shown after the signing password (Certificates page)."
                )
            if self.state.snapshot.auth_needs_pin:
                return self.tr(
                    "Read only with the user authentication PIN, when you ask (Certificates page)."
                )
            return self.tr("Could not be read.")
        days = v.days_left(today)
        until = v.cert.valid_until.isoformat()
        if days < 0:
            return self.tr("Expired on %1.").replace("%1", until)
        text = self.tr("Valid until %1 (%n days left).", "", days).replace("%1", until)
        if v.renewal_open(today):
            text += " " + self.tr("Renewal is open.")
        return text

    def retranslate(self) -> None:
        super().retranslate()
        self.render()

"""Step 4: card and password. Shows what will be signed and where it goes, the tries left from
the card, and refuses a password that cannot be right. Asks before a final try; never opens
the field for a blocked password."""

from __future__ import annotations

from ...app.card_state import CardState
from ...card.pins import PinKind
from .. import messages as M
from ..dialogs.pin_dialog import confirm_final_try
from ..theme import Tone, tone_background, tone_color
from ..widgets.base import wrapping_label
from ..widgets.pin_entry import PinEntry
from .step import Step


class PasswordStep(Step):
    def __init__(self, flow) -> None:  # noqa: ANN001
        super().__init__(
            flow,
            lambda: self.tr(
                "Keep the card in the reader and enter your signing password "
                "(6 to 16 letters and digits)."
            ),
        )
        self.summary = wrapping_label(parent=self, selectable=True, name="signSummary")
        self.notice = wrapping_label(parent=self, name="personalDataNotice")
        self.keep_text(
            self.notice.setText,
            lambda: self.tr(
                "Your signing certificate goes with the application. It records your name, address, "
                "date of birth and sex; the package is encrypted so that only the agency can read it."
            ),
        )
        self.card_status = wrapping_label(parent=self, name="passwordCardStatus")
        self.entry = PinEntry(PinKind.SIGN, parent=self)
        self.entry.changed.connect(self.changed)
        self.entry.submitted.connect(self.flow.go_next)
        self.message = wrapping_label(parent=self, selectable=True, name="passwordMessage")
        self.message.hide()
        self.finish_layout(self.summary, self.notice, self.card_status, self.entry, self.message)

    def title(self) -> str:
        return self.tr("Card and password")

    def next_text(self) -> str:
        return self.tr("&Sign")

    def show_message(self, text: str) -> None:
        """A message from step 5 (wrong password, card removed...)."""
        self.show_status(self.message, text, Tone.DANGER)

    def enter(self) -> None:
        self.entry.clear()
        self.render()
        self.entry.setFocus()

    def on_state(self, state: CardState) -> None:
        self.refresh()

    def can_advance(self) -> bool:
        return (
            self.ctx.service.state.ready
            and self.entry.is_acceptable()
            and not self.ctx.service.busy
        )

    def advance(self, go) -> None:  # noqa: ANN001
        if not self.can_advance():
            return

        def send(confirmed: bool) -> None:
            self.show_message("")
            self.flow.start_signing(self.entry.take(), confirmed)

        if self.entry.is_final_try:
            confirm_final_try(self, PinKind.SIGN, lambda: send(True))
        else:
            send(False)

    def render(self) -> None:  # type: ignore[override]  # our refresh, not QWidget's paint
        state = self.ctx.service.state
        lang = self.ctx.translations.language or "ja"
        p = self.data.procedure
        if p is not None:
            self.summary.setText(
                self.tr("Procedure: %1\nSent to: %2")
                .replace("%1", p.name.get(lang))
                .replace("%2", p.agency.name.get(lang))
            )
        if state.ready:
            self.card_status.setText("")
            self.card_status.hide()
            self.entry.set_status(state.pin(PinKind.SIGN), state.pin(PinKind.AUTH))
        else:
            headline, hint = M.presence_text(state)
            self.card_status.setText(f"{headline} {hint}".strip())
            self.card_status.show()
        self.entry.setEnabled(state.ready)

    def retranslate(self) -> None:
        super().retranslate()
        tone = Tone.INFO
        self.notice.setStyleSheet(
            f"background: {tone_background(self, tone).name()}; "
            f"color: {tone_color(self, tone).name()}; padding: 6px; border-radius: 4px;"
        )
        self.render()

"""Step 1: the reader and the card. Moves on only with a JPKI card that has a signing
certificate and a signing password that is not blocked."""

from __future__ import annotations

from ...app.card_state import CardState
from ...card.pins import PinKind
from .. import messages as M
from ..widgets.base import wrapping_label
from ..widgets.pin_meter import PinMeter
from .step import Step


class CardStep(Step):
    def __init__(self, flow) -> None:  # noqa: ANN001
        super().__init__(
            flow,
            lambda: self.tr(
                "Connect your IC card reader and insert your My Number card. The card is checked "
                "without using a password try."
            ),
        )
        self.status = wrapping_label(parent=self, selectable=True, name="flowCardStatus")
        self.meter = PinMeter(PinKind.SIGN, self)
        self.finish_layout(self.status, self.meter)

    def title(self) -> str:
        return self.tr("Reader and card")

    def problem(self) -> str:
        state = self.ctx.service.state
        if not state.ready or state.snapshot is None:
            headline, hint = M.presence_text(state)
            return f"{headline}\n{hint}".strip()
        snap = state.snapshot
        if not snap.availability.sign:
            return self.tr(
                "This card has no signing certificate (for example, it was issued before age 15). "
                "Online applications need one: ask your municipal office."
            )
        sign = snap.pin(PinKind.SIGN)
        if sign is not None and sign.blocked:
            return M.blocked_head(PinKind.SIGN)  # the meter below says where to reset it
        return ""

    def can_advance(self) -> bool:
        return not self.problem()

    def on_state(self, state: CardState) -> None:
        self.refresh()

    def render(self) -> None:  # type: ignore[override]  # our refresh, not QWidget's paint
        state = self.ctx.service.state
        problem = self.problem()
        if problem:
            self.status.setText(problem)
        else:
            snap = state.snapshot
            assert snap is not None
            self.status.setText(
                self.tr("%1 in %2: ready to sign.")
                .replace("%1", M.card_kind(snap.token.kind))
                .replace("%2", state.reader or "")
            )
        snap = state.snapshot if state.ready else None
        self.meter.setVisible(snap is not None)
        if snap is not None:
            self.meter.set_status(snap.pin(PinKind.SIGN), snap.pin(PinKind.AUTH))

    def retranslate(self) -> None:
        super().retranslate()
        self.render()

"""Ask for one PIN before a card job. Never opens for a blocked PIN; asks before a final try."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Signal, SignalInstance
from PySide6.QtWidgets import QDialog, QMessageBox, QVBoxLayout, QWidget

from ...card.errors import NoCard
from ...card.pins import PinBuffer, PinKind, PinStatus
from .. import messages as M
from ..widgets.base import Retranslatable, wrapping_label
from ..widgets.pin_entry import PinEntry
from .common import confirm, ok_cancel_buttons, show_error, show_message

translate = QCoreApplication.translate


def confirm_final_try(
    parent: QWidget,
    kind: PinKind,
    on_yes: Callable[[], None],
    on_no: Callable[[], None] | None = None,
) -> QMessageBox:
    return confirm(
        parent,
        translate("Dialogs", "Last try"),
        translate(
            "Dialogs",
            "Only one try is left for the %1. If this entry is wrong, it is blocked and only "
            "the municipal office (or the kiosk route) can reset it.",
        ).replace("%1", M.pin_name(kind)),
        on_yes,
        info=translate("Dialogs", "Use the last try now?"),
        yes_text=translate("Dialogs", "&Use the last try"),
        name="finalTryConfirm",
        on_no=on_no,
    )


class FinalTryGuard:
    """At most one final-try confirmation per dialog, and none that outlives the state it asked
    about: Enter in the field and the dialog's default button both submit, and a box left open
    while the counter changed (blocked, or reset by a correct entry) would offer a try that is
    no longer the last one."""

    def __init__(self, parent: QWidget, kind: Callable[[], PinKind]) -> None:
        self._parent = parent
        self._kind = kind
        self._box: QMessageBox | None = None
        self._asked_about: PinStatus | None = None

    @property
    def is_open(self) -> bool:
        return self._box is not None

    def ask(self, status: PinStatus | None, on_yes: Callable[[], None]) -> None:
        if self._box is not None:
            return  # one is open already: the second submit is the same keypress
        self._asked_about = status

        def forget() -> None:
            self._box = None

        def yes() -> None:
            forget()
            on_yes()

        self._box = confirm_final_try(self._parent, self._kind(), yes, on_no=forget)

    def on_status(self, status: PinStatus | None) -> None:
        """The card's counter for this PIN as read now; a different one closes the box."""
        if self._box is not None and status != self._asked_about:
            self.close()

    def close(self) -> None:
        box, self._box = self._box, None
        if box is not None:
            box.reject()


class PinDialog(Retranslatable, QDialog):
    pinEntered = Signal(object, bool)  # PinBuffer (the receiver must wipe it), final_try_confirmed

    def __init__(
        self,
        kind: PinKind,
        status: PinStatus | None,
        other: PinStatus | None,
        purpose: Callable[[], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pinDialog")
        self.kind = kind
        self.keep_text(self.setWindowTitle, lambda: M.pin_title(kind))
        self.text = wrapping_label(parent=self)
        self.keep_text(self.text.setText, purpose)
        self.entry = PinEntry(kind, parent=self)
        self.entry.set_status(status, other)
        self.buttons, self.ok, self.cancel = ok_cancel_buttons(self, self._on_ok)
        self.keep_text(self.ok.setText, lambda: self.tr("&OK"))
        self.keep_text(self.cancel.setText, lambda: self.tr("Cancel"))
        self.entry.changed.connect(self._update)
        self.entry.submitted.connect(self._on_ok)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.entry)
        layout.addWidget(self.buttons)
        self.rejected.connect(self.entry.clear)
        self.final_try = FinalTryGuard(self, lambda: self.kind)
        self.finished.connect(self.final_try.close)
        self._update()
        self.entry.setFocus()

    def _update(self) -> None:
        self.ok.setEnabled(self.entry.is_acceptable())

    def _on_ok(self) -> None:
        if not self.entry.is_acceptable() or self.final_try.is_open:
            return
        if self.entry.is_final_try:
            self.final_try.ask(self.entry.status, lambda: self._send(True))
        else:
            self._send(False)

    def on_state(self, state) -> None:  # noqa: ANN001 - CardState
        """Follow the card: a changed counter closes a pending confirmation, a blocked PIN or a
        removed card closes the prompt (nothing was sent)."""
        status = state.pin(self.kind) if state.ready else None
        self.final_try.on_status(status)
        if not state.ready or (status is not None and status.blocked):
            self.reject()
            return
        self.entry.set_status(status, state.pin(self.entry.other_kind))
        self._update()

    def _send(self, final_confirmed: bool) -> None:
        # The box may be answered after the state moved on: re-check before anything is taken.
        if not self.entry.is_acceptable() or final_confirmed != self.entry.is_final_try:
            return
        buf = self.entry.take()
        self.accept()
        self.pinEntered.emit(buf, final_confirmed)


def request_pin(
    parent: QWidget,
    state,
    kind: PinKind,
    purpose: Callable[[], str],  # noqa: ANN001
    on_pin: Callable[[PinBuffer, bool], None],
    state_changed: SignalInstance | None = None,
) -> PinDialog | None:
    """Open the PIN prompt for `kind`, or explain why not (no card, or the PIN is blocked)."""
    if not state.ready:
        show_error(parent, M.describe(NoCard(state.reader)))
        return None
    status = state.pin(kind)
    other = state.pin(PinKind.AUTH if kind is PinKind.SIGN else PinKind.SIGN)
    if status is not None and status.blocked:
        show_message(
            parent,
            M.pin_title(kind),
            M.blocked_text(kind, other),
            warning=True,
            name="pinBlockedBox",
        )
        return None
    dlg = PinDialog(kind, status, other, purpose, parent)
    dlg.pinEntered.connect(on_pin)
    if state_changed is not None:
        state_changed.connect(dlg.on_state)
        dlg.finished.connect(lambda _r: state_changed.disconnect(dlg.on_state))
    dlg.open()
    return dlg

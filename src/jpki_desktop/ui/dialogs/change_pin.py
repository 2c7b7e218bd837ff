"""Change the signing password or the user authentication PIN, with the new-PIN rules shown as
you type. The dialog queues the change on the card thread and reports the outcome inline."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...app.card_state import CardState
from ...app.pins import change_pin
from ...card.errors import PinError
from ...card.pins import FormatProblem, PinKind, check_new_pin
from .. import messages as M
from ..context import AppContext
from ..theme import Tone, tone_color
from ..widgets.base import Retranslatable, wrapping_label
from ..widgets.fields import align_label_column
from ..widgets.pin_entry import PinEntry
from .common import ok_cancel_buttons, show_message
from .pin_dialog import FinalTryGuard

LENGTH = {FormatProblem.EMPTY, FormatProblem.TOO_SHORT, FormatProblem.TOO_LONG}
CHARS = {FormatProblem.BAD_CHARACTER, FormatProblem.NOT_DIGITS}
WIDTH = {FormatProblem.FULL_WIDTH, FormatProblem.SPACE}


def rule_results(kind: PinKind, new: str, again: str) -> dict[str, bool]:
    """Which new-PIN rules `new` meets (shown live; nothing is sent until all hold)."""
    problems = set(check_new_pin(kind, new))
    up = new.upper() if kind is PinKind.SIGN else new
    results = {
        "length": not problems & LENGTH,
        "chars": bool(new) and not problems & CHARS,
        "width": bool(new) and not problems & WIDTH,
    }
    if kind is PinKind.SIGN:
        results["mix"] = any(c.isascii() and c.isdigit() for c in up) and any(
            "A" <= c <= "Z" for c in up
        )
    same = again.upper() == up if kind is PinKind.SIGN else again == new
    results["match"] = bool(new) and same
    return results


class ChangePinDialog(Retranslatable, QDialog):
    changed = Signal(object)  # PinKind, after a successful change

    def __init__(
        self, ctx: AppContext, kind: PinKind = PinKind.SIGN, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("changePinDialog")
        self.keep_text(self.setWindowTitle, lambda: self.tr("Change password"))
        self.ctx = ctx
        self.kind = kind
        self.busy = False
        self.final_try = FinalTryGuard(self, lambda: self.kind)
        self.kind_box = QGroupBox(self)
        self.keep_text(self.kind_box.setTitle, lambda: self.tr("Which one"))
        self.sign_radio = QRadioButton(self.kind_box)
        self.sign_radio.setObjectName("kindSign")
        self.keep_text(
            self.sign_radio.setText, lambda: self.tr("&Signing password (6-16 characters)")
        )
        self.auth_radio = QRadioButton(self.kind_box)
        self.auth_radio.setObjectName("kindAuth")
        self.keep_text(
            self.auth_radio.setText, lambda: self.tr("User &authentication PIN (4 digits)")
        )
        self.group = QButtonGroup(self)
        self.group.addButton(self.sign_radio)
        self.group.addButton(self.auth_radio)
        row = QHBoxLayout(self.kind_box)
        row.addWidget(self.sign_radio)
        row.addWidget(self.auth_radio)
        # the choice never takes the space the fields need
        self.kind_box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.entries: dict[PinKind, tuple[PinEntry, PinEntry, PinEntry]] = {}
        self.pages: dict[PinKind, QWidget] = {}
        self.rule_labels: dict[PinKind, dict[str, QLabel]] = {}
        self.rule_layouts: dict[PinKind, QVBoxLayout] = {}
        self.error = wrapping_label(parent=self, selectable=True, name="changePinError")
        self.error.hide()
        self.buttons, self.ok, self.cancel = ok_cancel_buttons(self, self._on_ok)
        self.keep_text(self.ok.setText, lambda: self.tr("C&hange"))
        self.keep_text(self.cancel.setText, lambda: self.tr("Cancel"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.kind_box)
        for k in (PinKind.SIGN, PinKind.AUTH):
            page = QWidget(self)
            current = PinEntry(k, label=lambda: self.tr("C&urrent:"), parent=page)
            new = PinEntry(k, new=True, label=lambda: self.tr("&New:"), parent=page)
            again = PinEntry(k, new=True, label=lambda: self.tr("Con&firm new:"), parent=page)
            for e in (current, new, again):
                e.changed.connect(self._update)
            again.submitted.connect(self._on_ok)
            rules = QVBoxLayout()
            self.rule_labels[k] = {}
            for key in ("length", "chars", "mix", "width", "match"):
                if key == "mix" and k is not PinKind.SIGN:
                    continue
                lab = QLabel(page)
                lab.setObjectName(f"rule_{k.value}_{key}")
                lab.setWordWrap(True)
                self.rule_labels[k][key] = lab
                rules.addWidget(lab)
            pl = QVBoxLayout(page)
            pl.setContentsMargins(0, 0, 0, 0)
            pl.addWidget(current)
            pl.addWidget(new)
            pl.addWidget(again)
            pl.addLayout(rules)
            self.rule_layouts[k] = rules
            self.entries[k] = (current, new, again)
            self.pages[k] = page
            layout.addWidget(page)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.sign_radio.toggled.connect(lambda on: self._select(PinKind.SIGN) if on else None)
        self.auth_radio.toggled.connect(lambda on: self._select(PinKind.AUTH) if on else None)
        self.finished.connect(self._wipe_fields)
        self.finished.connect(self.final_try.close)
        ctx.service.stateChanged.connect(self._on_state)
        self._on_state(ctx.service.state)
        (self.sign_radio if kind is PinKind.SIGN else self.auth_radio).setChecked(True)
        self._select(kind)
        self.retranslate()

    # -- state ------------------------------------------------------------------------------

    def _on_state(self, state: CardState) -> None:
        self.final_try.on_status(state.pin(self.kind) if state.ready else None)
        for k, (current, new, again) in self.entries.items():
            other = state.pin(PinKind.AUTH if k is PinKind.SIGN else PinKind.SIGN)
            current.set_status(state.pin(k), other)
            # a blocked password cannot be changed: no fields, no rules, its advice once
            for widget in (new, again, *self.rule_labels[k].values()):
                widget.setVisible(not current.is_blocked)
            new.edit.setEnabled(not current.is_blocked)
            again.edit.setEnabled(not current.is_blocked)
            if k is self.kind and current.is_blocked:
                self.error.hide()  # the entry says it is blocked and where to reset it
        self._update()
        self.adjustSize()  # shrink when fields were hidden: no empty rows between texts

    def _select(self, kind: PinKind) -> None:
        self.kind = kind
        for k, page in self.pages.items():
            page.setVisible(k is kind)
        self.error.hide()
        self.entries[kind][0].setFocus()
        self._update()
        self.adjustSize()

    def _update(self) -> None:
        current, new, again = self.entries[self.kind]
        results = rule_results(self.kind, new.edit.text(), again.edit.text())
        for key, label in self.rule_labels[self.kind].items():
            ok = results[key]
            label.setText(("✓ " if ok else "✗ ") + self._rule_text(self.kind, key))
            label.setStyleSheet(f"color: {tone_color(self, Tone.OK if ok else Tone.MUTED).name()};")
            label.setAccessibleName(label.text())
        ready = (
            self.ctx.service.state.ready
            and current.is_acceptable()
            and all(results.values())
            and not self.busy
        )
        self.ok.setEnabled(ready)

    def _rule_text(self, kind: PinKind, key: str) -> str:
        if kind is PinKind.SIGN:
            return {
                "length": self.tr("6 to 16 characters"),
                "chars": self.tr(
                    "Only letters A-Z and digits 0-9 (lower case counts as upper case)"
                ),
                "mix": self.tr("Contains both a letter and a digit"),
                "width": self.tr("Half-width, no spaces (input method off)"),
                "match": self.tr("Both new entries match"),
            }[key]
        return {
            "length": self.tr("Exactly 4 digits"),
            "chars": self.tr("Digits 0-9 only"),
            "width": self.tr("Half-width, no spaces (input method off)"),
            "match": self.tr("Both new entries match"),
        }[key]

    # -- change -----------------------------------------------------------------------------

    def _on_ok(self) -> None:
        self._update()
        if not self.ok.isEnabled() or self.final_try.is_open:
            return
        current = self.entries[self.kind][0]
        if current.is_final_try:
            self.final_try.ask(current.status, lambda: self._submit(True))
        else:
            self._submit(False)

    def _submit(self, final_confirmed: bool) -> None:
        current, new, again = self.entries[self.kind]
        # The box may be answered after the state moved on: re-check before anything is taken.
        self._update()
        if not self.ok.isEnabled() or final_confirmed != current.is_final_try:
            return
        kind = self.kind
        cur_buf = current.take()
        new_buf = new.take()
        again.clear()
        self.busy = True
        self._update()
        job = self.ctx.service.submit(
            change_pin,
            kind,
            cur_buf,
            new_buf,
            final_confirmed,
            secrets=(cur_buf, new_buf),
            refresh_after=True,
        )
        job.finished.connect(lambda _r: self._done(kind))
        job.failed.connect(self._failed)

    def _done(self, kind: PinKind) -> None:
        self.busy = False
        self.changed.emit(kind)
        self.accept()
        show_message(
            self.parentWidget() or self,
            M.pin_title(kind),
            self.tr("The %1 was changed. Use the new one from now on.").replace(
                "%1", M.pin_name(kind)
            ),
            name="pinChangedBox",
        )

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        err = M.describe(exc)
        self.error.setText(err.full())
        self.error.setStyleSheet(f"color: {tone_color(self, Tone.DANGER).name()};")
        self.error.show()
        if isinstance(exc, PinError):
            self.entries[self.kind][0].setFocus()
        self._update()

    def _wipe_fields(self) -> None:
        for entries in self.entries.values():
            for e in entries:
                e.clear()

    def _align_fields(self) -> None:
        """One grid per page: the three fields share a label column (each PinEntry has its
        own grid), and the rules stand in the field column, under the fields they are about."""
        for kind, entries in self.entries.items():
            align_label_column(e.label for e in entries)
            self.rule_layouts[kind].setContentsMargins(entries[0].field_offset(), 0, 0, 0)

    def retranslate(self) -> None:
        self._align_fields()
        self._update()


def open_change_pin(
    ctx: AppContext, parent: QWidget, kind: PinKind = PinKind.SIGN
) -> ChangePinDialog | None:
    """Opens the dialog unless no card is ready or both PINs are blocked (then it explains)."""
    state = ctx.service.state
    if not state.ready:
        headline, hint = M.presence_text(state)
        show_message(parent, M.pin_title(kind), headline, hint, warning=True, name="noCardBox")
        return None
    sign, auth = state.pin(PinKind.SIGN), state.pin(PinKind.AUTH)
    blocked = {
        k for k, s in ((PinKind.SIGN, sign), (PinKind.AUTH, auth)) if s is not None and s.blocked
    }
    if blocked == {PinKind.SIGN, PinKind.AUTH}:
        show_message(
            parent,
            M.pin_title(kind),
            M.blocked_text(kind, auth if kind is PinKind.SIGN else sign),
            warning=True,
            name="pinBlockedBox",
        )
        return None
    if kind in blocked:
        kind = PinKind.AUTH if kind is PinKind.SIGN else PinKind.SIGN
    dlg = ChangePinDialog(ctx, kind, parent)
    dlg.open()
    return dlg

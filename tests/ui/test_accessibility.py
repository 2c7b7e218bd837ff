"""Every control has an accessible name; the whole flow works by keyboard alone; the colours
the GUI draws itself keep their contrast under a dark palette."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QProgressBar,
    QWidget,
)

from jpki_desktop.app.card_state import Presence
from jpki_desktop.card.pins import PinKind
from jpki_desktop.ui.theme import Tone, contrast_ratio, dark_palette, tone_background, tone_color
from support.agency_fixtures import (  # noqa: F401 (fixtures)
    agency_dir,
    agency_keys_template,
    change_of_address_values,
    demo_catalogue,
)

from .conftest import wait_presence
from .test_flow import agency, backend  # noqa: F401 (fixtures)

CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QListWidget, QPlainTextEdit, QProgressBar)


def accessible_name(w: QWidget) -> str:
    iface = QAccessible.queryAccessibleInterface(w)
    return iface.text(QAccessible.Text.Name) if iface is not None else ""


def unnamed_controls(root: QWidget) -> list[str]:
    missing = []
    for w in root.findChildren(QWidget):
        if isinstance(w, CONTROLS) and w.isVisibleTo(root) and not accessible_name(w).strip():
            missing.append(
                f"{type(w).__name__}#{w.objectName()} in {type(w.parentWidget()).__name__}"
            )
    return missing


def test_every_control_has_an_accessible_name(window, qtbot):
    w, ctx = window
    missing = []
    for page in w.pages:
        w.show_page(page.page_id)
        if page.page_id == "flow":
            page.steps[1].list.setCurrentRow(0)
            page.steps[2].enter()
            for i in range(len(page.steps)):
                page.stack.setCurrentIndex(i)
                missing += [f"flow step {i + 1}: {m}" for m in unnamed_controls(w)]
        else:
            missing += [f"{page.page_id}: {m}" for m in unnamed_controls(w)]
    dlg = w.change_pin()
    missing += [f"change pin: {m}" for m in unnamed_controls(dlg)]
    dlg.reject()
    assert not missing, "\n".join(missing)


def test_form_labels_are_buddies_so_mnemonics_reach_the_fields(window):
    w, ctx = window
    for page in w.pages:
        for label in page.findChildren(QLabel):
            if "&" in label.text().replace("&&", ""):
                assert label.buddy() is not None, (
                    f"{page.page_id}: {label.text()!r} has a mnemonic but no buddy"
                )


def _key(qtbot, w, key, mod=Qt.KeyboardModifier.NoModifier):
    target = QApplication.focusWidget() or w
    qtbot.keyClick(target, key, mod)
    qtbot.wait(150)  # a mnemonic "animates" the click: the button fires ~100 ms later


def type_text(qtbot, widget, text: str) -> None:
    """ASCII as key presses; Japanese the way an input method delivers it (a commit string)."""
    from PySide6.QtGui import QInputMethodEvent

    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:
        event = QInputMethodEvent("", [])
        event.setCommitString(text)
        QApplication.sendEvent(widget, event)


def test_whole_flow_by_keyboard_alone(make_window, vsource, backend, agency, qtbot, vcard):  # noqa: F811
    w, ctx = make_window(vsource, flow_backend=backend)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=3000)
    wait_presence(qtbot, ctx, Presence.READY)
    alt = Qt.KeyboardModifier.AltModifier
    _key(qtbot, w, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)  # Go > Apply online
    flow = w.page("flow")
    assert w.current_page() is flow
    _key(qtbot, w, Qt.Key.Key_N, alt)  # &Next
    assert flow.index == 1
    assert QApplication.focusWidget() is flow.steps[1].list
    for _ in range(len(flow.steps[1].procedures)):
        if (
            flow.data.procedure is not None
            and flow.data.procedure.id == "demo.city.change-of-address"
        ):
            break
        _key(qtbot, w, Qt.Key.Key_Down)
    assert flow.data.procedure.id == "demo.city.change-of-address"
    _key(qtbot, w, Qt.Key.Key_N, alt)
    assert flow.index == 2
    values = change_of_address_values()
    for row in flow.steps[2].rows:  # focus starts on the first field; Tab walks the form in order
        assert QApplication.focusWidget() is row.widget, row.field.id
        text = values.get(row.field.id, "")
        if text:
            type_text(qtbot, row.widget, text)
        _key(qtbot, w, Qt.Key.Key_Tab)
    _key(qtbot, w, Qt.Key.Key_N, alt)
    assert flow.index == 3, flow.steps[2].summary.text()
    step4 = flow.steps[3]
    assert QApplication.focusWidget() is step4.entry.edit
    qtbot.keyClicks(step4.entry.edit, "ABC123")
    _key(qtbot, w, Qt.Key.Key_Return)  # Enter signs
    qtbot.waitUntil(lambda: flow.data.package is not None, timeout=10000)
    assert QApplication.focusWidget() is flow.next
    _key(qtbot, w, Qt.Key.Key_Space)  # the focused Next button
    assert flow.index == 5
    _key(qtbot, w, Qt.Key.Key_S, alt)  # &Send
    qtbot.waitUntil(lambda: flow.index == 6, timeout=15000)
    assert vcard.pin_ref(PinKind.SIGN).remaining == 5


def test_drawn_colours_keep_contrast_on_light_and_dark_palettes(window):
    w, ctx = window
    banner = w.page("card").banner
    for palette in (QApplication.style().standardPalette(), dark_palette()):
        banner.setPalette(palette)
        window_bg = palette.color(QPalette.ColorRole.Window)
        for tone in Tone:
            fg, bg = tone_color(banner, tone), tone_background(banner, tone)
            assert contrast_ratio(fg, bg) >= 4.5, (tone, fg.name(), bg.name())
            if tone is not Tone.MUTED:
                assert contrast_ratio(fg, window_bg) >= 3.0, (tone, fg.name(), window_bg.name())

"""Issue 13, item 17: every labelled control's accessible name is its label, not its value."""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QComboBox, QLabel

from jpki_desktop.app.card_state import Presence

from .conftest import wait_presence


def spoken_label(label: QLabel) -> str:
    text = re.sub(r"\(&.\)", "", label.text())  # 言語(&N): -> 言語:
    return text.replace("&", "").rstrip(":： ").strip()


def iface(w):
    return QAccessible.queryAccessibleInterface(w)


@pytest.mark.parametrize("language", ["ja", "en"])
def test_labelled_controls_announce_their_label(make_window, vsource, qtbot, language):
    w, ctx = make_window(vsource, language=language)
    w.show()
    wait_presence(qtbot, ctx, Presence.READY)
    wrong = []
    checked = 0
    for page in w.pages:
        w.show_page(page.page_id)
        for label in page.findChildren(QLabel):
            buddy = label.buddy()
            if buddy is None or not label.text():
                continue
            checked += 1
            name = iface(buddy).text(QAccessible.Text.Name)
            # the label, or a longer name that holds it ("Service account password" for
            # "Password:" under the service-account heading)
            if spoken_label(label).lower() not in name.lower() or re.search(r"[(（].[)）]$", name):
                wrong.append(
                    f"{page.page_id}: {type(buddy).__name__} says {name!r}, label {label.text()!r}"
                )
    assert checked >= 10
    assert not wrong, "\n".join(wrong)


def test_settings_combo_boxes_say_label_as_name_and_choice_as_value(make_window, vsource, qtbot):
    w, ctx = make_window(vsource, language="ja")
    w.show()
    wait_presence(qtbot, ctx, Presence.READY)
    page = w.page("settings")
    combos = page.findChildren(QComboBox)
    assert len(combos) >= 4
    for combo in combos:
        a = iface(combo)
        assert a.text(QAccessible.Text.Name) == combo.accessibleName() != combo.currentText()
        assert a.text(QAccessible.Text.Value) == combo.currentText()
        assert a.role() == QAccessible.Role.ComboBox
    language = page.language
    assert iface(language).text(QAccessible.Text.Name) == "言語"
    assert iface(language).text(QAccessible.Text.Value) == "日本語"


def test_a_labels_text_names_its_field_in_every_language(qtbot):
    from PySide6.QtWidgets import QLineEdit, QWidget

    from jpki_desktop.ui.widgets.base import set_label_text
    from jpki_desktop.ui.widgets.fields import labelled

    parent = QWidget()
    qtbot.addWidget(parent)
    field, label = labelled(QLineEdit(parent), "probeEdit")
    set_label_text(label, "生年月日(&B):")
    assert (label.text(), field.accessibleName()) == ("生年月日(&B):", "生年月日")
    set_label_text(label, "Date of &birth:")  # a language switch renames the field too
    assert field.accessibleName() == "Date of birth"
    alone = QLabel(parent)
    set_label_text(alone, "&Page:")  # no field: only the text
    assert alone.text() == "&Page:"

"""Issue 13, item 8: no two Alt+letter mnemonics clash on one page (menu bar titles included),
in Japanese and in English. The flow is checked step by step."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QWidget,
)

from jpki_desktop.app.card_state import Presence

from .conftest import wait_presence

MNEMONIC = re.compile(r"&([^&\s])")


def mnemonic(text: str) -> str | None:
    m = MNEMONIC.search(text.replace("&&", ""))
    return m.group(1).lower() if m else None


def mnemonics_of(root: QWidget, visible_only: bool = False) -> dict[str, list[str]]:
    """letter -> the texts that claim it, for every widget under `root`: shown or not (a page
    shows different controls in different states), or only those shown."""
    found: dict[str, list[str]] = {}
    for w in root.findChildren(QWidget):
        if visible_only and not w.isVisibleTo(root):
            continue
        if isinstance(w, (QAbstractButton, QGroupBox)):
            text = w.text() if isinstance(w, QAbstractButton) else w.title()
        elif isinstance(w, QLabel) and w.buddy() is not None:
            text = w.text()
        else:
            continue
        key = mnemonic(text)
        if key:
            found.setdefault(key, []).append(text)
    return found


def clashes(window, root: QWidget, visible_only: bool = False) -> dict[str, list[str]]:
    letters = mnemonics_of(root, visible_only)
    for menu in (a.menu() for a in window.menuBar().actions()):
        if menu is not None:
            key = mnemonic(menu.title())
            if key:
                letters.setdefault(key, []).append(menu.title())
    return {k: v for k, v in letters.items() if len(v) > 1}


def test_the_checker_sees_a_clash(qtbot):
    from PySide6.QtWidgets import QPushButton, QVBoxLayout

    root = QWidget()
    qtbot.addWidget(root)
    lay = QVBoxLayout(root)
    lay.addWidget(QPushButton("&Copy", root))
    lay.addWidget(QPushButton("閉じる(&C)", root))
    lay.addWidget(QPushButton("&&Literal", root))
    root.show()
    assert mnemonics_of(root) == {"c": ["&Copy", "閉じる(&C)"]}


@pytest.mark.parametrize("language", ["ja", "en"])
def test_no_mnemonic_clash_on_any_page(make_window, vsource, qtbot, language):
    w, ctx = make_window(vsource, language=language)
    w.show()
    wait_presence(qtbot, ctx, Presence.READY)
    problems = {}
    for page in w.pages:
        w.show_page(page.page_id)
        qtbot.wait(50)
        steps = getattr(page, "steps", ())
        if steps:  # the flow: each step with the buttons shown around it
            for i in range(len(steps)):
                page.goto(i)
                qtbot.wait(20)
                found = clashes(w, page, visible_only=True)
                if found:
                    problems[f"{page.page_id}/step{i + 1}"] = found
            page.goto(0)
            continue
        found = clashes(w, page)
        if found:
            problems[page.page_id] = found
    assert not problems, problems

"""Issue 13, item 6 for the step-3 form: labels and fields line up in one grid (a label column,
a field column), each label level with its field and never clipped, in Japanese and English,
in a wide and a narrow window, at 100% and (in a child process, as Qt reads the scale factor
once) 200%."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from jpki_desktop.app.card_state import Presence

from .conftest import wait_presence
from .test_layout_fields import assert_one_grid, settle

SCALE = os.environ.get("QT_SCALE_FACTOR") or "1"


def check_grid(form) -> None:
    """One grid (label texts end at one x, fields start at one x, hints and messages in the
    field column), each label level with its field (a multi-line one: at its top), no label
    clipped or running into the row above."""
    rows = [(r.label, r.widget) for r in form.rows]
    under = [w for r in form.rows for w in (r.help, r.error)]
    assert_one_grid(rows, under, form)
    bottom = -1
    for r in form.rows:
        name = r.field.id
        ly, lh = r.label.mapTo(form, QPoint(0, 0)).y(), r.label.height()
        wy, wh = r.widget.mapTo(form, QPoint(0, 0)).y(), r.widget.height()
        assert r.label.width() >= r.label.sizeHint().width(), f"{name}: the label is clipped"
        assert ly >= bottom, f"{name}: the label overlaps the row above"
        bottom = ly + lh
        if isinstance(r.widget, QPlainTextEdit):
            assert abs(ly - wy) <= 2, f"{name}: the label is not at the top of its field"
        else:
            assert abs((ly + lh / 2) - (wy + wh / 2)) <= 2, f"{name}: not level with its field"


@pytest.mark.parametrize("language", ["ja", "en"])
@pytest.mark.parametrize("width", [1000, 620, 420])
def test_form_fields_line_up(make_window, vsource, qtbot, language, width):
    w, ctx = make_window(vsource, language=language)
    w.resize(width, 720)
    w.show()
    wait_presence(qtbot, ctx, Presence.READY)
    assert QApplication.primaryScreen().devicePixelRatio() == float(SCALE)
    w.show_page("flow")
    flow = w.page("flow")
    flow.steps[1].select("demo.city.change-of-address")
    flow.goto(2)
    form = flow.steps[2]
    assert len(form.rows) >= 8
    settle(qtbot)
    check_grid(form)
    # with messages under some fields, the grid still holds
    form.advance(lambda: None)
    assert any(r.error.isVisibleTo(form) for r in form.rows)
    settle(qtbot)
    check_grid(form)


@pytest.mark.skipif(SCALE != "1", reason="the 200% run itself")
def test_form_fields_line_up_at_200_percent(tmp_path):
    env = dict(os.environ, QT_SCALE_FACTOR="2", QT_QPA_PLATFORM="offscreen")
    root = Path(__file__).resolve().parents[2]
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "no:cacheprovider",
            "-q",
            "-x",
            __file__,
            "-k",
            "test_form_fields_line_up and not 200",
        ],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert "6 passed" in run.stdout

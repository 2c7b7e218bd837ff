"""Issue 13, item 16: file dialogs speak the UI language and open in the documents folder."""

from __future__ import annotations

import os

from PySide6.QtWidgets import QApplication, QFileDialog, QLabel

from jpki_desktop.app.card_state import Presence
from jpki_desktop.ui.dialogs.common import ask_open_path, ask_save_path
from jpki_desktop.ui.dialogs.file_types import SIGNED, TEXT

from .conftest import wait_presence


def _open_dialog(name: str) -> QFileDialog:
    for w in QApplication.topLevelWidgets():
        if isinstance(w, QFileDialog) and w.objectName() == name and w.isVisible():
            return w
    raise AssertionError(f"no {name}")


def _texts(dlg: QFileDialog) -> list[str]:
    return [lab.text() for lab in dlg.findChildren(QLabel) if lab.text()]


def test_dialogs_are_japanese_and_open_in_documents(
    make_window, vsource, qtbot, tmp_path, monkeypatch
):
    docs = tmp_path / "home" / "Documents"
    docs.mkdir(parents=True)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(docs))
    monkeypatch.chdir(tmp_path)  # the working directory must not be where dialogs open
    w, ctx = make_window(vsource, language="ja")
    w.show()
    wait_presence(qtbot, ctx, Presence.READY)
    ask_save_path(w, "保存", "report.txt", TEXT, lambda _p: None, name="saveProbe")
    dlg = _open_dialog("saveProbe")
    assert dlg.nameFilters() == ["テキストファイル (*.txt)"]
    texts = " ".join(_texts(dlg))
    assert "Look in" not in texts and "Files of type" not in texts, texts
    assert "場所" in texts and "ファイルの種類" in texts, texts
    assert os.path.realpath(dlg.directory().absolutePath()) == os.path.realpath(docs)
    assert dlg.selectedFiles()[0].endswith(os.path.join("Documents", "report.txt"))
    dlg.reject()
    ask_open_path(w, "開く", (SIGNED,), lambda _p: None, name="openProbe")
    dlg = _open_dialog("openProbe")
    # the file types in Japanese, and any file offered last
    assert dlg.nameFilters() == [
        "署名ファイル (*.p7s *.p7m *.xml *.asice *.pdf)",
        "すべてのファイル (*)",
    ]
    assert os.path.realpath(dlg.directory().absolutePath()) == os.path.realpath(docs)
    assert "場所" in " ".join(_texts(dlg))
    dlg.reject()


def test_dialogs_are_english_in_english(make_window, vsource, qtbot):
    w, ctx = make_window(vsource, language="en")
    ask_open_path(w, "Open", (), lambda _p: None, name="openProbeEn")
    dlg = _open_dialog("openProbeEn")
    assert dlg.nameFilters() == ["All files (*)"]
    texts = " ".join(_texts(dlg))
    assert "Look in" in texts and "場所" not in texts
    dlg.reject()

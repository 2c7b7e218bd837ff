"""Japanese by default, English complete, switchable at run time; every string goes through
tr() (pseudo-translation check) and no English is left on the Japanese pages."""

from __future__ import annotations

import re

import pytest

from jpki_desktop.app.card_state import Presence
from jpki_desktop.ui.i18n import I18N_DIR

from .conftest import wait_presence
from .helpers import wait_top
from .texts import visible_texts

# Data, not text: shown as it is in every language.
DATA = [
    "jpki-desktop Virtual Card Reader",
    "jpki-desktop",
    "YYYY-MM-DD",
    "http://proxy.example:8080",
    "English",
    "PEM",
    "DER",
    "OCSP",
    "CRL",
    "SHA-256",
    "PC/SC",
    "JPKI",
    "AES-256-GCM",
    "RSA-OAEP",
    "RSA",
    "ATR",
    "IC",
    "ID",
    "Flatpak",
    "Linux",
    "Windows",
    "Smart Card",
    "pcsc-lite",
    "libpcsclite",
    "pcscd",
    "systemctl",
    "sudo",
    "enable",
    "now",
    "socket",
    "XML",
    "ZIP",
    "SHA-1",
    "asice",
    "p7s",
    "p7m",
    "txt",
    "ics",
    "cer",
    "der",
    "pem",
    "xml",
    "OK",
    "J-LIS",
    "Android",
    "iPhone",
    "A-Z",
    "A〜Z",
    "name@example.jp",
    "03-1234-5678",
    "123-4567",
]
ENGLISH_RUN = re.compile(r"[A-Za-z]{2,}(?:[ ,.'-]+[A-Za-z]{2,}){1,}")


def leftover_english(text: str) -> list[str]:
    for token in sorted(DATA, key=len, reverse=True):
        text = text.replace(token, " ")
    text = re.sub(r"\S+\.ini|/\S+|https?://\S+", " ", text)
    text = re.sub(r"\b(?:CN|OU|O|C|L|ST|SN)=[^,]*", " ", text)  # distinguished names are data
    return ENGLISH_RUN.findall(text)


def all_page_texts(qtbot, w) -> list[tuple[str, str]]:
    """Texts of every page and every wizard step."""
    out = []
    for page in w.pages:
        w.show_page(page.page_id)
        qtbot.wait(20)
        if page.page_id == "flow":
            for i in range(len(page.steps)):
                page.stack.setCurrentIndex(i)
                page.steps[i].render() if hasattr(page.steps[i], "render") else None
                out += [(f"{page.page_id}/step{i + 1}/{k}", t) for k, t in visible_texts(w)]
            page.stack.setCurrentIndex(page.index)
        else:
            out += [(f"{page.page_id}/{k}", t) for k, t in visible_texts(w)]
    return out


def _prepare(w, ctx, qtbot):
    """Put something on every page: a chosen procedure (form fields), a diagnosis, a verdict."""
    flow = w.page("flow")
    flow.steps[1].list.setCurrentRow(0)
    flow.steps[2].enter()


@pytest.fixture
def ja_window(make_window, vsource, qtbot):
    w, ctx = make_window(vsource, language="ja")
    w.show()
    wait_presence(qtbot, ctx, Presence.READY)
    _prepare(w, ctx, qtbot)
    return w, ctx


def test_compiled_translations_are_shipped():
    for lang in ("ja", "en"):
        assert (I18N_DIR / f"jpki_desktop_{lang}.ts").is_file()
        assert (I18N_DIR / f"jpki_desktop_{lang}.qm").stat().st_size > 10_000


def test_japanese_is_the_default(make_window, vsource, qtbot, settings):
    from jpki_desktop.ui.app import Options, build

    w, ctx = build(Options(), source=vsource, settings=settings)
    qtbot.addWidget(w)
    try:
        assert ctx.translations.language == "ja"
        assert w.page("card").title() == "マイカード"
    finally:
        ctx.service.stop()


def test_no_english_left_on_japanese_pages(ja_window, qtbot):
    w, ctx = ja_window
    texts = all_page_texts(qtbot, w)
    assert len(texts) > 150
    problems = [(where, t, leftover_english(t)) for where, t in texts if leftover_english(t)]
    assert not problems, "\n".join(f"{w_}: {t!r} -> {e}" for w_, t, e in problems[:40])


def test_every_string_goes_through_tr(ja_window, qtbot):
    """With a pseudo-translator every translatable string is wrapped in ⟦…⟧; a visible string
    with letters and no mark did not go through tr()."""
    w, ctx = ja_window
    ctx.translations.switch("pseudo")
    qtbot.wait(50)
    texts = all_page_texts(qtbot, w)
    dialog = w.change_pin()
    texts += [(f"changePin/{k}", t) for k, t in visible_texts(dialog)]
    dialog.reject()
    w.page("certificates").ask_for_sign_cert()
    pin_dialog = wait_top(qtbot, "pinDialog")
    texts += [(f"pinDialog/{k}", t) for k, t in visible_texts(pin_dialog)]
    pin_dialog.reject()
    untranslated = [(where, t) for where, t in texts if "⟦" not in t and leftover_english(t)]
    assert not untranslated, "\n".join(f"{a}: {b!r}" for a, b in untranslated[:40])


def test_switching_language_at_run_time_changes_every_string(ja_window, qtbot, settings):
    w, ctx = ja_window
    before = dict(all_page_texts(qtbot, w))
    w.show_page("settings")
    combo = w.page("settings").language
    combo.setCurrentIndex(combo.findData("en"))
    qtbot.wait(50)
    assert settings.language == "en" and ctx.translations.language == "en"
    after = dict(all_page_texts(qtbot, w))
    assert w.page("card").heading.text() == "My card"
    assert w.windowTitle().startswith("jpki-desktop — My Number card")
    # every Japanese string on screen became something else
    still_japanese = [
        (k, v)
        for k, v in after.items()
        if re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", _data_only(v))
    ]
    assert not still_japanese, still_japanese[:20]
    changed = sum(1 for k, v in before.items() if k in after and after[k] != v)
    assert changed > 100
    combo.setCurrentIndex(combo.findData("ja"))
    qtbot.wait(50)
    assert dict(all_page_texts(qtbot, w)) == before  # and back, identically


def test_open_password_dialogs_survive_a_language_switch(ja_window, qtbot):
    """A dialog open while the language changes shows its own texts afterwards: its OK button
    says 変更する(&H), not Qt's standard "OK" that QDialogButtonBox would put back."""
    w, ctx = ja_window
    change = w.change_pin()
    w.page("certificates").ask_for_sign_cert()
    pin = wait_top(qtbot, "pinDialog")
    before = {d: dict(visible_texts(d)) for d in (change, pin)}
    assert change.ok.text() == "変更する(&H)"
    for language in ("en", "ja"):
        ctx.translations.switch(language)
        qtbot.wait(50)
        if language == "en":
            assert change.ok.text() == "C&hange" and change.cancel.text() == "Cancel"
    assert {d: dict(visible_texts(d)) for d in (change, pin)} == before
    pin.reject()
    change.reject()


def _data_only(text: str) -> str:
    # strings that stay Japanese in English: official terms given in both languages
    for term in (
        "自己の電子証明書の有効性確認",
        "市区町村窓口",
        "JPKI暗証番号リセット",
        "住基カード",
        "日本語",
    ):
        text = text.replace(term, "")
    return text


def test_translations_are_complete_and_compiled(tmp_path):
    """Every tr() string in the code is in both .ts files, translated, and the committed .qm
    files are what lrelease makes of them."""
    import shutil
    import subprocess
    import sys
    import xml.etree.ElementTree as ET
    from pathlib import Path

    bindir = Path(sys.executable).parent
    lupdate, lrelease = bindir / "pyside6-lupdate", bindir / "pyside6-lrelease"
    if not lupdate.exists() or not lrelease.exists():
        pytest.skip("pyside6-lupdate/lrelease not installed")
    ui = I18N_DIR.parent
    sources = sorted(str(p) for p in ui.rglob("*.py"))
    for lang in ("ja", "en"):
        ts = tmp_path / f"jpki_desktop_{lang}.ts"
        shutil.copy(I18N_DIR / ts.name, ts)
        subprocess.run(
            [str(lupdate), *sources, "-no-obsolete", "-ts", str(ts)],
            check=True,
            capture_output=True,
        )
        root = ET.parse(ts).getroot()
        unfinished = [
            m.find("source").text
            for m in root.iter("message")
            if m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
        ]
        assert not unfinished, f"{lang}: untranslated {unfinished[:10]}"
        committed = {
            (c.find("name").text, m.find("source").text)
            for c in ET.parse(I18N_DIR / ts.name).getroot().iter("context")
            for m in c.iter("message")
        }
        current = {
            (c.find("name").text, m.find("source").text)
            for c in root.iter("context")
            for m in c.iter("message")
        }
        assert current <= committed, f"{lang}: run lupdate: {sorted(current - committed)[:10]}"
        qm = tmp_path / f"{lang}.qm"
        subprocess.run(
            [str(lrelease), str(I18N_DIR / ts.name), "-qm", str(qm)],
            check=True,
            capture_output=True,
        )
        assert qm.read_bytes() == (I18N_DIR / f"jpki_desktop_{lang}.qm").read_bytes(), (
            f"{lang}: run lrelease"
        )


def test_kept_texts_are_set_again_before_retranslate(qtbot):
    """A language switch sets every kept text again, and before retranslate(), which may read
    them (a field named after its label)."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

    from jpki_desktop.ui.widgets.base import Retranslatable

    words = iter(["名前(&N):", "&Name:"])

    class Probe(Retranslatable, QWidget):
        def __init__(self) -> None:
            super().__init__()
            self.edit = QLineEdit(self)
            self.label = QLabel(self)
            self.label.setBuddy(self.edit)
            self.keep_label(self.label, lambda: next(words))
            self.seen: list[tuple[str, str]] = []

        def retranslate(self) -> None:
            self.seen.append((self.label.text(), self.edit.accessibleName()))

    probe = Probe()
    qtbot.addWidget(probe)
    assert (probe.label.text(), probe.edit.accessibleName()) == ("名前(&N):", "名前")
    QCoreApplication.sendEvent(probe, QEvent(QEvent.Type.LanguageChange))
    assert probe.seen == [("&Name:", "Name")]

"""Start-up: the window is shown before the pages exist (titles and placeholders only), and
the staged build (`Startup`, what `main()` runs) ends with the same window `build()` makes.
Speed is measured by benchmarks/startup.py; the stall probe over a real start is in
test_gui_never_stalls.py."""

from __future__ import annotations

import re
import subprocess
import sys

from PySide6.QtWidgets import QLabel

from jpki_desktop.app.card_source import VirtualSource
from jpki_desktop.app.card_state import Presence
from jpki_desktop.ui.app import Options, Startup, ensure_application
from jpki_desktop.ui.i18n import Translations
from jpki_desktop.ui.main_window import PAGE_TITLES, MainWindow

from .conftest import wait_presence
from .gui_probe import child_env
from .texts import visible_texts

PAGE_IDS = [page_id for page_id, _context, _title in PAGE_TITLES]
CLOCK = re.compile(r"\d{1,2}:\d{2}(:\d{2})?")


def shown_window(qtbot) -> tuple[MainWindow, Translations]:
    """An empty first window on screen, in English, as `main()` shows it before loading."""
    ensure_application()
    translations = Translations()
    translations.switch("en")
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    return window, translations


def nav_texts(window: MainWindow) -> list[str]:
    return [window.nav.item(i).text() for i in range(window.nav.count())]


def test_the_first_window_names_every_page_as_the_pages_do(make_window, vsource):
    for language in ("ja", "en"):
        ensure_application()
        translations = Translations()
        translations.switch(language)
        shell = MainWindow(demo=True)
        assert [p for p in shell.pages] == []
        w, _ctx = make_window(vsource, language=language, demo=True)
        assert [p.page_id for p in w.pages] == PAGE_IDS
        assert nav_texts(shell) == [p.title() for p in w.pages] == nav_texts(w)
        assert [a.text() for a in shell.go_actions] == [a.text() for a in w.go_actions]
        assert shell.windowTitle() == w.windowTitle()
        shell.deleteLater()


def test_before_the_pages_exist_each_shows_a_placeholder_and_card_actions_wait(qtbot):
    ensure_application()
    Translations().switch("en")
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    w.show_page("verify")
    assert w.current_page() is None and w.current_page_id() == "verify"
    current = w.stack.currentWidget()
    assert isinstance(current, QLabel) and current.text() == "Loading…"
    assert w.state_label.text() == "Starting…"
    for act in (w.refresh_action, w.change_action, w.page_help_action, w.about_action):
        assert not act.isEnabled()
    assert w.change_pin() is None and w.show_help() is None  # nothing to open yet


def comparable(window: MainWindow) -> list[tuple[str, str]]:
    return [(where, CLOCK.sub("HH:MM", text)) for where, text in visible_texts(window)]


def test_the_staged_start_ends_with_the_window_build_makes(qtbot, settings, vcard, make_window):
    staged, translations = shown_window(qtbot)
    done = []
    startup = Startup(
        staged,
        Options(language="en"),
        settings,
        translations,
        done.append,
        source=VirtualSource(vcard),
    )
    startup.begin()
    qtbot.waitUntil(lambda: bool(done), timeout=30000)
    ctx = startup.ctx
    assert ctx is not None
    try:
        wait_presence(qtbot, ctx, Presence.READY, timeout=10000)
        assert [p.page_id for p in staged.pages] == PAGE_IDS
        for act in (staged.refresh_action, staged.change_action, staged.page_help_action):
            assert act.isEnabled()
        w, other = make_window(VirtualSource(vcard), language="en")
        w.show()
        wait_presence(qtbot, other, Presence.READY, timeout=10000)
        for page_id in PAGE_IDS:  # every page shows what it shows when built all at once
            staged.show_page(page_id)
            w.show_page(page_id)
            assert comparable(staged) == comparable(w), page_id
    finally:
        ctx.shutdown()


def test_the_first_window_needs_neither_the_core_nor_the_signing_libraries():
    """What `jpki-desktop` imports before its window is shown (the rest loads after)."""
    code = (
        "import sys; import jpki_desktop.ui.app; "
        "print(' '.join(m for m in sys.modules if m.startswith(('jpki_desktop', 'cryptography',"
        " 'pyhanko', 'asn1crypto', 'aiohttp', 'smartcard'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(out.stdout.split())
    assert "jpki_desktop.ui.main_window" in loaded
    assert not {m for m in loaded if not m.startswith("jpki_desktop")}, loaded
    packages = {m.split(".")[1] for m in loaded if "." in m}
    assert packages == {"ui", "app"}, packages  # `app` only as the package preload walks
    assert not {m for m in loaded if m.startswith("jpki_desktop.app.")}, loaded


def test_the_background_load_brings_pyscard_on_a_reader_and_not_in_demo_mode():
    """On a reader the card thread must not import the PC/SC adapter for the first time mid-read
    (the load does it); --demo never needs it."""
    code = (
        "import sys; from jpki_desktop.ui import preload; preload.load(demo=sys.argv[1] == 'demo');"
        " print('jpki_desktop.card.pcsc' in sys.modules, 'smartcard' in sys.modules)"
    )
    for mode, expected in (("reader", "True True"), ("demo", "False False")):
        out = subprocess.run(
            [sys.executable, "-c", code, mode], capture_output=True, text=True, check=True
        )
        assert out.stdout.split()[-2:] == expected.split(), (mode, out.stdout, out.stderr)


def test_a_page_opened_while_the_window_fills_in_is_built_next(qtbot, settings, vcard):
    w, translations = shown_window(qtbot)
    added: list[str] = []
    add_page = w.add_page
    w.add_page = lambda page: (added.append(page.page_id), add_page(page))[-1]  # type: ignore[method-assign]
    done = []
    startup = Startup(
        w, Options(language="en"), settings, translations, done.append, source=VirtualSource(vcard)
    )
    startup.begin()
    w.show_page("settings")  # before anything is loaded
    w.show_page("verify")
    w.show_page("settings")  # asked for again: the last one asked for comes first
    qtbot.waitUntil(lambda: bool(done), timeout=30000)
    assert startup.ctx is not None
    startup.ctx.shutdown()
    assert added[:3] == ["card", "settings", "verify"]  # the first page, then those asked for
    assert sorted(added) == sorted(PAGE_IDS)
    assert isinstance(w.current_page(), type(w.page("settings"))) and w.current_page_id() == (
        "settings"
    )


def test_the_entry_point_reports_its_first_window_when_asked(tmp_path):
    """`JPKI_EXIT_WHEN_SHOWN=1` (what benchmarks/startup.py times): the real entry point prints
    the time of the window's first expose and ends there."""
    env = child_env(tmp_path, JPKI_EXIT_WHEN_SHOWN="1")
    out = subprocess.run(
        [sys.executable, "-m", "jpki_desktop", "--demo"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    (line,) = out.stdout.splitlines()
    assert line.startswith("shown ") and float(line.split()[1]) > 0

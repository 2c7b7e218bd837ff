"""GUI fixtures: the real card thread on a fresh virtual card, settings in a temp INI file."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

from jpki_desktop.app.card_source import VirtualSource  # noqa: E402
from jpki_desktop.app.card_state import Presence  # noqa: E402
from jpki_desktop.card.virtual.store import build_card  # noqa: E402
from jpki_desktop.ui.app import Options, build, ensure_application  # noqa: E402
from jpki_desktop.ui.settings import Settings  # noqa: E402


@pytest.fixture(scope="session")
def qapp_cls():
    from PySide6.QtWidgets import QApplication

    return QApplication


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(str(tmp_path / "settings.ini"))


@pytest.fixture
def vcard(pki):
    return build_card(pki)


@pytest.fixture
def vsource(vcard) -> VirtualSource:
    return VirtualSource(vcard)


def wait_presence(qtbot, ctx, presence: Presence, timeout: int = 5000) -> None:
    qtbot.waitUntil(lambda: ctx.service.state.presence is presence, timeout=timeout)


@pytest.fixture
def make_window(qtbot, settings):
    """make_window(source, language="en", demo=False) -> (window, ctx); stops the thread after."""
    made = []

    def make(source, language: str = "en", demo: bool = False, **kw):
        ensure_application()
        window, ctx = build(
            Options(demo=demo, language=language), source=source, settings=settings, **kw
        )
        qtbot.addWidget(window)
        made.append(ctx)
        return window, ctx

    yield make
    for ctx in made:
        ctx.service.stop()


@pytest.fixture
def window(make_window, vsource, qtbot):
    w, ctx = make_window(vsource)
    w.show()
    wait_presence(qtbot, ctx, Presence.READY)
    return w, ctx

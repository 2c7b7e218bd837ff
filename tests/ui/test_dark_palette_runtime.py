"""Issue 13, item 9: switching to a dark palette at run time re-colours what the GUI draws
itself (the banner, the PIN states), and switching back restores the light colours."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from jpki_desktop.card.pins import PinKind
from jpki_desktop.ui.theme import _DARK, _DARK_BG, _LIGHT, _LIGHT_BG, Tone, dark_palette


def _wait_blocked(qtbot, ctx, vcard):
    vcard.pin_ref(PinKind.SIGN).remaining = 0
    ctx.service.refresh()
    qtbot.waitUntil(lambda: ctx.service.state.pin(PinKind.SIGN).remaining == 0)


def test_palette_switch_at_run_time_recolours_banner_and_pin_states(window, qtbot, vcard):
    w, ctx = window
    _wait_blocked(qtbot, ctx, vcard)
    page = w.page("card")
    banner = page.banner
    qtbot.waitUntil(lambda: banner.tone is Tone.DANGER)
    from jpki_desktop.ui.widgets.pin_meter import PinMeter

    meters = page.findChildren(PinMeter)
    assert meters
    app = QApplication.instance()
    light = app.palette()
    assert _LIGHT_BG[Tone.DANGER] in banner.styleSheet()
    try:
        app.setPalette(dark_palette())
        qtbot.waitUntil(lambda: _DARK_BG[Tone.DANGER] in banner.styleSheet(), timeout=2000)
        assert _LIGHT_BG[Tone.DANGER] not in banner.styleSheet()
        assert _DARK[Tone.DANGER] in banner.styleSheet()
        blocked = next(m for m in meters if m.kind is PinKind.SIGN)
        assert _DARK[Tone.DANGER] in blocked.state_label.styleSheet()
        ok = next(m for m in meters if m.kind is PinKind.AUTH)
        assert _DARK[Tone.OK] in ok.state_label.styleSheet()
    finally:
        app.setPalette(light)
    qtbot.waitUntil(lambda: _LIGHT_BG[Tone.DANGER] in banner.styleSheet(), timeout=2000)
    assert (
        _LIGHT[Tone.OK]
        in next(m for m in meters if m.kind is PinKind.AUTH).state_label.styleSheet()
    )

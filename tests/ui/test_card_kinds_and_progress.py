"""My card page: progress while a slow card is read, and each card kind in its own state."""

from __future__ import annotations

from PySide6.QtCore import Qt

from jpki_desktop.app.card_source import VirtualSource
from jpki_desktop.app.card_state import Presence
from jpki_desktop.card.jpki import CertSlot
from jpki_desktop.card.snapshot import CardVariant, ReadProgress, ReadStep, Source
from jpki_desktop.card.virtual.store import build_card, profile_named
from jpki_desktop.ui import messages as M

from .conftest import wait_presence
from .helpers import wait_top


def no_verify_with_data(card) -> bool:
    return not [r for r in card.log if r.ins == 0x20 and r.lc > 0]


def test_a_slow_card_shows_which_file_and_how_far(make_window, qtbot, pki, tmp_path):
    card = build_card(pki)
    window, ctx = make_window(VirtualSource(card, apdu_delay=0.12))
    window.show()
    page = window.page("card")
    reports: list[ReadProgress] = []
    ctx.service.readProgress.connect(reports.append)
    qtbot.waitUntil(lambda: page.progress_label.text().startswith("Reading:"), timeout=3000)
    assert ctx.service.state.presence is Presence.READING
    wait_presence(qtbot, ctx, Presence.READY, timeout=15000)
    assert page.progress_label.text() == ""
    steps = [p.step for p in reports]
    assert steps[0] is ReadStep.APPLICATION and ReadStep.AUTH_CERT in steps
    auth = [p for p in reports if p.step is ReadStep.AUTH_CERT and p.total]
    assert auth and auth[-1].done == auth[-1].total == len(pki.auth.der)
    assert "user authentication certificate" in M.read_progress_text(auth[0])
    assert "bytes" in M.read_progress_text(auth[0])


def test_face_authentication_card_has_no_pin_fields(make_window, qtbot, pki):
    card = build_card(pki, profile=profile_named("face-auth"))
    window, ctx = make_window(VirtualSource(card))
    window.show()
    wait_presence(qtbot, ctx, Presence.READY)
    page = window.page("card")
    assert ctx.service.state.snapshot.variant is CardVariant.FACE_AUTH
    assert page.pin_box.isHidden() and not page.change_button.isEnabled()
    assert "Face-authentication card" in page.variant_label.text()
    banner = page.banner.text.text()
    assert "Face-authentication card" in banner and "blocked" not in banner.lower()
    assert no_verify_with_data(card)


def test_face_authentication_card_in_japanese(make_window, qtbot, pki):
    card = build_card(pki, profile=profile_named("face-auth"))
    window, ctx = make_window(VirtualSource(card), language="ja")
    window.show()
    wait_presence(qtbot, ctx, Presence.READY)
    assert "顔認証マイナンバーカード" in window.page("card").variant_label.text()


def test_smartphone_is_shown_as_a_phone_and_its_certificate_is_not_read(make_window, qtbot, pki):
    card = build_card(pki, profile=profile_named("android"))
    window, ctx = make_window(VirtualSource(card))
    window.show()
    wait_presence(qtbot, ctx, Presence.READY)
    page = window.page("card")
    assert "Smartphone" in page.kind_value.text()
    assert "user authentication PIN" in page.cert_rows[CertSlot.AUTH][1].text()
    assert not page.pin_box.isHidden()
    assert not [r for r in card.log if r.ins == 0xB0 and r.p1 == 0x8A]
    assert no_verify_with_data(card)


def test_certificate_less_card_gives_office_guidance(make_window, qtbot, pki):
    card = build_card(pki, profile=profile_named("no-certificates"))
    window, ctx = make_window(VirtualSource(card))
    window.show()
    wait_presence(qtbot, ctx, Presence.READY)
    page = window.page("card")
    assert page.pin_box.isHidden()
    assert "municipal office" in page.variant_label.text()
    assert no_verify_with_data(card)


def test_smartphone_certificate_is_read_on_request_with_the_auth_pin(make_window, qtbot, pki):
    card = build_card(pki, profile=profile_named("iphone"))
    window, ctx = make_window(VirtualSource(card))
    window.show()
    wait_presence(qtbot, ctx, Presence.READY)
    window.show_page("certificates")
    page = window.page("certificates")
    page.select(CertSlot.AUTH)
    assert page.read_auth.isVisible() and page.read_auth.isEnabled()
    assert no_verify_with_data(card)  # nothing asked, nothing sent
    qtbot.mouseClick(page.read_auth, Qt.MouseButton.LeftButton)
    dlg = wait_top(qtbot, "pinDialog")
    assert "3 of 3" in dlg.entry.tries.text()
    qtbot.keyClicks(dlg.entry.edit, "1234")
    qtbot.keyClick(dlg.entry.edit, "\r")
    qtbot.waitUntil(lambda: ctx.session.auth_cert is not None, timeout=5000)
    assert ctx.session.auth_cert == pki.auth.der
    assert "SHA-256" in page.details.text() and not page.read_auth.isVisible()
    assert sum(1 for r in card.log if r.ins == 0x20 and r.lc > 0) == 1


def test_the_card_cache_setting_turns_the_cache_off(make_window, qtbot, pki, settings):
    settings.set("card_cache", "off")
    assert not settings.card_cache
    card = build_card(pki)
    window, ctx = make_window(VirtualSource(card))
    wait_presence(qtbot, ctx, Presence.READY)
    ctx.service.refresh()
    before = ctx.service.state.read_at
    qtbot.waitUntil(lambda: ctx.service.state.read_at != before, timeout=5000)
    assert ctx.service.state.snapshot.sources[CertSlot.AUTH] is Source.CARD  # never the cache
    assert ctx.service._worker._cache is None

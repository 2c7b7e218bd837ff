"""Shared fixtures.

PC/SC: every PC/SC call in the test process goes to a private pcscd (own mount namespace, own
socket, own vpcd ports). PCSCLITE_CSOCK_NAME is set here, at import time, because libpcsclite
reads it once per process. The pcscd starts with the first test that needs it and stops at the
end of the session.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from support.pcscd import PrivatePcscd, available  # noqa: E402

_PCSC_ROOT = Path(tempfile.mkdtemp(prefix="jpki-test-pcscd-"))
os.environ["PCSCLITE_CSOCK_NAME"] = str(_PCSC_ROOT / "run" / "pcscd.comm")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# never touch a developer's real demo card or settings from tests
os.environ["JPKI_DEMO_STATE"] = str(_PCSC_ROOT / "demo-card")
os.environ["XDG_DATA_HOME"] = str(_PCSC_ROOT / "xdg-data")
os.environ["XDG_CACHE_HOME"] = str(_PCSC_ROOT / "xdg-cache")
os.environ["XDG_CONFIG_HOME"] = str(_PCSC_ROOT / "xdg-config")

from jpki_desktop.card.transport import ApduChannel  # noqa: E402
from jpki_desktop.card.virtual.pki import CardPki, generate_card_pki  # noqa: E402
from jpki_desktop.card.virtual.store import build_card  # noqa: E402
from jpki_desktop.card.virtual.transport import VirtualTransport  # noqa: E402


@pytest.fixture(scope="session")
def pki() -> CardPki:
    """The test PKI (keys generated once per session)."""
    return generate_card_pki()


@pytest.fixture
def card(pki):
    """A fresh virtual card with the demo PINs and full counters."""
    return build_card(pki)


@pytest.fixture
def transport(card) -> VirtualTransport:
    return VirtualTransport(card)


@pytest.fixture
def channel(transport) -> ApduChannel:
    return ApduChannel(transport)


# -- real pcscd + vpcd ----------------------------------------------------------------------


@pytest.fixture(scope="session")
def pcscd():
    """The private pcscd with two vpcd readers. Tests that stop it must restart it."""
    why = available()
    if why:
        pytest.skip(f"private pcscd unavailable: {why}")
    daemon = PrivatePcscd(_PCSC_ROOT)
    daemon.start()
    yield daemon
    daemon.stop()


@pytest.fixture(scope="session")
def _vpcd_slot0(pcscd, pki):
    from jpki_desktop.card.virtual.vpcd import VpcdCard

    vc = VpcdCard(build_card(pki), pcscd.slot_port(0))
    yield vc
    vc.remove()


@pytest.fixture
def pcsc_card(pcscd, _vpcd_slot0, pki):
    """A fresh virtual card inserted in reader slot 0 of the private pcscd.

    The vpcd connection stays up across tests (insertion costs ~0.4 s); the card behind it is
    replaced so every test starts with full counters and no security state.
    """
    from jpki_desktop.card import pcsc

    vc = _vpcd_slot0
    from jpki_desktop.card.virtual.timing import ReaderTiming

    vc.card = build_card(pki)
    vc.timing = ReaderTiming()
    if not vc.inserted:
        vc.insert()
    with pcsc.Context() as ctx:
        assert ctx.wait_reader_state(pcscd.readers[0], True, 5000), "card not seen by pcscd"
    vc.card.log.clear()
    yield vc
    vc.timing = ReaderTiming()
    vc.pull_when = None

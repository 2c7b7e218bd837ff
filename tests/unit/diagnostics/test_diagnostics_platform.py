"""Platform detection and the exact fix for an unreachable PC/SC service on each platform."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from jpki_desktop.diagnostics.system import ENABLE_PCSCD, Platform, service_fix, socket_state


def test_enable_command_is_exact():
    assert ENABLE_PCSCD == "sudo systemctl enable --now pcscd.socket"


def test_detect_flatpak_and_distro(tmp_path):
    info = tmp_path / "flatpak-info"
    info.write_text(
        "[Application]\nname=jp.example.JpkiDesktop\nruntime=runtime/org.kde.Platform\n"
    )
    release = tmp_path / "os-release"
    release.write_text('PRETTY_NAME="Ubuntu 24.04 LTS"\nID=ubuntu\nID_LIKE=debian\n')
    plat = Platform.detect(
        flatpak_info=info,
        os_release=release,
        system="Linux",
        env={"PCSCLITE_CSOCK_NAME": "/run/user/1000/pcsc/pcscd.comm"},
    )
    assert plat.flatpak and plat.flatpak_app == "jp.example.JpkiDesktop"
    assert plat.distro == ("ubuntu", "debian")
    assert plat.socket_path == Path("/run/user/1000/pcsc/pcscd.comm")
    assert plat.pcscd_installed is None  # cannot be told from inside the sandbox


def test_detect_without_flatpak(tmp_path):
    plat = Platform.detect(
        flatpak_info=tmp_path / "none", os_release=tmp_path / "none", system="Linux", env={}
    )
    assert not plat.flatpak and plat.distro == ()
    assert plat.socket_path is not None and plat.socket_path.name == "pcscd.comm"


def test_socket_states(tmp_path):
    path = tmp_path / "pcscd.comm"
    assert socket_state(path) == "missing"
    with socket.socket(socket.AF_UNIX) as srv:
        srv.bind(str(path))
        assert socket_state(path) == "refused"  # a file, but nobody listening (stale socket)
        srv.listen(1)
        assert socket_state(path) == "listening"


@pytest.mark.parametrize(
    "plat,sock,words",
    [
        (Platform("Linux", pcscd_installed=True), "missing", [ENABLE_PCSCD, "not running"]),
        (Platform("Linux", pcscd_installed=True), "refused", ["stale socket", ENABLE_PCSCD]),
        (Platform("Linux", pcscd_installed=True), "listening", ["protocol versions"]),
        (
            Platform("Linux", distro=("debian",), pcscd_installed=False),
            "missing",
            ["sudo apt install pcscd", ENABLE_PCSCD],
        ),
        (
            Platform("Linux", distro=("fedora",), pcscd_installed=False),
            "missing",
            ["sudo dnf install pcsc-lite"],
        ),
        (
            Platform("Linux", flatpak=True, flatpak_app="jp.example.App"),
            "missing",
            ["flatpak override --user --socket=pcsc jp.example.App", ENABLE_PCSCD],
        ),
        (Platform("Linux", flatpak=True), "listening", ["protocol versions", "flatpak update"]),
        (Platform("Linux", flatpak=True), "refused", ["host", ENABLE_PCSCD]),
        (Platform("Windows"), "missing", ["SCardSvr", "services.msc"]),
        (Platform("Darwin"), "missing", ["macOS", "restart the Mac"]),
    ],
)
def test_service_fix_per_platform(plat, sock, words):
    detail, fix = service_fix(plat, sock)
    text = detail + " " + fix
    for w in words:
        assert w in text

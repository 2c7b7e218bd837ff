"""OpenSC as an independent client of our virtual card (through the private pcscd + vpcd).

OpenSC's jpki driver (written against real cards) must bind to the card, list both PINs with
the right counters and the four certificates, read the same certificates we put there, and
produce a signature that openssl verifies. OpenSC subprocesses inherit PCSCLITE_CSOCK_NAME
from conftest, so they talk to the private pcscd, never to a system one.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding

from jpki_desktop.card.pins import PinKind

pytestmark = [pytest.mark.pcsc, pytest.mark.opensc]

PKCS11_MODULES = [
    "/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so",
    "/usr/lib/aarch64-linux-gnu/opensc-pkcs11.so",
    "/usr/lib/opensc-pkcs11.so",
    "/usr/lib64/opensc-pkcs11.so",
]
# Only the jpki driver (no probing APDUs of 10 other drivers) and no on-disk cache, so every
# object OpenSC shows was read from the card in this run.
OPENSC_CONF = """app default {
    card_drivers = jpki;
    framework pkcs15 {
        use_file_caching = no;
    }
}
"""


def _module() -> str | None:
    return next((m for m in PKCS11_MODULES if Path(m).exists()), None)


@pytest.fixture
def opensc(tmp_path, pcscd, pcsc_card):
    if not (
        shutil.which("pkcs15-tool") and shutil.which("pkcs11-tool") and shutil.which("openssl")
    ):
        pytest.skip("OpenSC tools or openssl not installed")
    conf = tmp_path / "opensc.conf"
    conf.write_text(OPENSC_CONF)
    env = dict(os.environ, OPENSC_CONF=str(conf), HOME=str(tmp_path))
    assert env["PCSCLITE_CSOCK_NAME"] == str(pcscd.socket_path)

    def run(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        proc = subprocess.run(
            args, env=env, capture_output=True, text=True, timeout=60, cwd=tmp_path
        )
        if check and proc.returncode != 0:
            raise AssertionError(f"{args[0]} exited {proc.returncode}: {proc.stderr}")
        return proc

    return run


def blocks(dump: str) -> dict[str, str]:
    """`pkcs15-tool -D` output split into 'Kind [Label]' -> block text."""
    out: dict[str, str] = {}
    for part in re.split(r"\n(?=\S)", dump):
        head = part.split("\n", 1)[0].strip()
        if "[" in head:
            out[head] = part
    return out


def counters(card):
    return {k: card.pin_ref(k).remaining for k in PinKind}


def test_pkcs15_dump_lists_both_pins_and_four_certificates(opensc, pcsc_card, pki):
    card = pcsc_card.card
    dump = opensc("pkcs15-tool", "-D").stdout
    b = blocks(dump)
    auth_pin, sign_pin = b["PIN [User Authentication PIN]"], b["PIN [Digital Signature PIN]"]
    assert re.search(r"Tries left\s*:\s*3\b", auth_pin) and re.search(
        r"min_len:4, max_len:4", auth_pin
    )
    assert re.search(r"Tries left\s*:\s*5\b", sign_pin) and re.search(
        r"min_len:6, max_len:16", sign_pin
    )
    certs = {k: v for k, v in b.items() if k.startswith("X.509 Certificate [")}
    assert sorted(certs) == sorted(
        f"X.509 Certificate [{label}]"
        for label in (
            "User Authentication Certificate",
            "Digital Signature Certificate",
            "User Authentication Certificate CA",
            "Digital Signature Certificate CA",
        )
    )
    # OpenSC marks the signing certificate private: a real card answers 69 82 until the
    # signing password, so OpenSC cannot read its serial, and our card does the same.
    sign_cert = certs["X.509 Certificate [Digital Signature Certificate]"]
    assert "private" in sign_cert and "Encoded serial" not in sign_cert
    auth_cert = certs["X.509 Certificate [User Authentication Certificate]"]
    assert f"{pki.auth.cert.serial_number:08X}" in auth_cert.replace(" ", "")
    assert [r.text for r in card.log if r.ins == 0xB0 and r.text.startswith("00 B0 00 00 04")]
    assert counters(card) == {PinKind.SIGN: 5, PinKind.AUTH: 3, PinKind.CARD_INFO: 3}
    assert not [r for r in card.log if r.ins == 0x20 and r.lc > 0]  # listing never presents a PIN


@pytest.mark.parametrize("cert_id,attr", [("01", "auth"), ("03", "auth_ca"), ("04", "sign_ca")])
def test_certificate_read_by_opensc_equals_ours(opensc, pki, cert_id, attr):
    pem = opensc("pkcs15-tool", "--read-certificate", cert_id).stdout
    der = x509.load_pem_x509_certificate(pem.encode()).public_bytes(serialization.Encoding.DER)
    assert der == getattr(pki, attr).der


def test_signing_certificate_needs_the_password_in_opensc_too(opensc, pcsc_card, pki):
    refused = opensc("pkcs15-tool", "--read-certificate", "02", check=False)
    assert "BEGIN CERTIFICATE" not in refused.stdout
    pem = opensc(
        "pkcs15-tool",
        "--verify-pin",
        "--auth-id",
        "02",
        "--pin",
        "ABC123",
        "--read-certificate",
        "02",
    ).stdout
    assert (
        x509.load_pem_x509_certificate(pem.encode()).public_bytes(serialization.Encoding.DER)
        == pki.sign.der
    )
    assert pcsc_card.card.pin_ref(PinKind.SIGN).remaining == 5


def test_pkcs11_slots_are_one_token_per_pin(opensc):
    out = opensc("pkcs11-tool", "--module", _module(), "--list-slots").stdout
    labels = re.findall(r"token label\s*:\s*(.+)", out)
    assert labels[:2] == ["JPKI (User Authentication PIN)", "JPKI (Digital Signature PIN)"]


@pytest.mark.parametrize(
    "slot,key_id,pin,kind,attr",
    [("0", "01", "1234", PinKind.AUTH, "auth"), ("1", "02", "ABC123", PinKind.SIGN, "sign")],
)
def test_pkcs11_sign_verifies_with_openssl(
    opensc, tmp_path, pcsc_card, pki, slot, key_id, pin, kind, attr
):
    card = pcsc_card.card
    data = tmp_path / "data.txt"
    data.write_bytes("署名テスト jpki-desktop\n".encode())
    sig = tmp_path / "data.sig"
    opensc(
        "pkcs11-tool",
        "--module",
        _module(),
        "--slot",
        slot,
        "--login",
        "--pin",
        pin,
        "--sign",
        "-m",
        "SHA256-RSA-PKCS",
        "--id",
        key_id,
        "-i",
        str(data),
        "-o",
        str(sig),
    )
    issued = getattr(pki, attr)
    pub = tmp_path / "pub.pem"
    pub.write_bytes(
        issued.cert.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )
    ok = opensc(
        "openssl", "dgst", "-sha256", "-verify", str(pub), "-signature", str(sig), str(data)
    )
    assert "Verified OK" in ok.stdout
    # PKCS#1 v1.5 is deterministic: byte-for-byte what the key gives
    assert sig.read_bytes() == issued.key.sign(
        data.read_bytes(), padding.PKCS1v15(), hashes.SHA256()
    )
    assert card.pin_ref(kind).remaining == kind.max_tries


def test_wrong_pin_in_opensc_costs_exactly_one_try_and_opensc_reads_it_back(
    opensc, pcsc_card, tmp_path
):
    card = pcsc_card.card
    data = tmp_path / "d"
    data.write_bytes(b"x")
    bad = opensc(
        "pkcs11-tool",
        "--module",
        _module(),
        "--slot",
        "0",
        "--login",
        "--pin",
        "0000",
        "--sign",
        "-m",
        "SHA256-RSA-PKCS",
        "--id",
        "01",
        "-i",
        str(data),
        "-o",
        str(tmp_path / "s"),
        check=False,
    )
    assert bad.returncode != 0 and "CKR_PIN_INCORRECT" in bad.stderr
    assert card.pin_ref(PinKind.AUTH).remaining == 2
    pins = blocks(opensc("pkcs15-tool", "--list-pins").stdout)
    assert re.search(r"Tries left\s*:\s*2\b", pins["PIN [User Authentication PIN]"])
    assert re.search(r"Tries left\s*:\s*5\b", pins["PIN [Digital Signature PIN]"])

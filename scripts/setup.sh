#!/usr/bin/env bash
# Install what a fresh Debian/Ubuntu machine lacks, create .venv and install jpki-desktop with
# its test extras. Idempotent and quiet on a second run. Elsewhere it says what to install.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  pcscd libpcsclite1 libpcsclite-dev vsmartcard-vpcd opensc   # PC/SC, virtual reader, OpenSC
  xmlsec1 openssl poppler-utils qpdf                           # independent verifiers (pdfsig, qpdf)
  faketime                                                     # tests: a computer clock past notAfter
  fonts-ipafont-gothic                                         # CJK font: Japanese without boxes
  xvfb xauth libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxkbcommon-x11-0 libxcb-randr0
  libxcb-render-util0 libxcb-image0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1
  libegl1 libgl1 libfontconfig1 libglib2.0-0 libdbus-1-3        # Qt xcb / offscreen
  python3-venv
  groff-base desktop-file-utils                                # packaging tests: man pages, desktop entry
)

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if ((${#missing[@]})); then
    if [ "$(id -u)" -eq 0 ]; then
      echo "setup: installing ${missing[*]}"
      export DEBIAN_FRONTEND=noninteractive
      apt-get -o DPkg::Lock::Timeout=600 update -qq
      apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    else
      echo "setup: please install as root: apt-get install ${missing[*]}" >&2
      exit 1
    fi
  fi
else
  echo "setup: not a Debian/Ubuntu system. Install: pcsc-lite (pcscd + headers), vsmartcard vpcd," >&2
  echo "       OpenSC, xmlsec1, a CJK font and Python >= 3.11, then re-run." >&2
fi

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv"
  "$PY" -m venv .venv
fi
stamp=.venv/.jpki-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  echo "setup: installing Python packages"
  .venv/bin/pip install -q --disable-pip-version-check --no-cache-dir -e '.[test]' 2>&1 | grep -v "^WARNING: Location" || true
  .venv/bin/python -c "import jpki_desktop, smartcard, PySide6" 
  touch "$stamp"
fi

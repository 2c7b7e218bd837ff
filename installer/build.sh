#!/usr/bin/env bash
# Build an installer with Briefcase.
#
#   installer/build.sh linux system     Debian 12 / Ubuntu .deb (here and in CI: installer/smoke-test.sh)
#   installer/build.sh windows          MSI  (recipe: .github/workflows/installers.yml; not run here)
#   installer/build.sh macOS            DMG, universal (same workflow; not run here)
#
# Everything happens in build/: a copy of the sources with pyproject.toml + briefcase.toml merged
# (build/briefcase), Briefcase in its own venv (build/briefcase-venv). The output lands in dist/.
# Network: only the package registries (apt, PyPI). The Linux template is vendored.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
platform=${1:?usage: installer/build.sh linux system | windows | macOS}
format=${2:-}
BRIEFCASE_VERSION=0.4.7  # the version the vendored Linux template and briefcase.toml were tested with
work="$top/build/briefcase"
venv="$top/build/briefcase-venv"

step() { printf '\n== %s (%ss)\n' "$*" "$SECONDS" >&2; }

if [ "$platform" = linux ]; then
  [ "$format" = system ] || { echo "build.sh: only 'linux system' is supported on Linux" >&2; exit 2; }
  # Briefcase's "system" format builds against the distribution's own Python.
  PY=/usr/bin/python3
  # Build tools; and the app's runtime packages, which Briefcase checks on the build host.
  APT_BUILD=(python3-venv python3-dev gcc make libc6-dev dpkg-dev binutils librsvg2-bin
             libpcsclite-dev libpcsclite1 pcscd fonts-ipafont-gothic
             libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0
             libxcb-image0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0
             libegl1 libgl1 libfontconfig1 libglib2.0-0 libdbus-1-3)
  missing=()
  for p in "${APT_BUILD[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if ((${#missing[@]})); then
    if [ "$(id -u)" -eq 0 ]; then
      step "apt-get install ${missing[*]}"
      export DEBIAN_FRONTEND=noninteractive
      apt-get -o DPkg::Lock::Timeout=600 update -qq
      apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    else
      echo "build.sh: please install as root: apt-get install ${missing[*]}" >&2
      exit 1
    fi
  fi
else
  PY=${PYTHON:-python3}
fi

step "sources -> $work"
rm -rf "$work" && mkdir -p "$work"
cp -r "$top/src" "$top/resources" "$top/LICENSE" "$top/README.md" "$work/"
find "$work/src" -name __pycache__ -prune -exec rm -rf {} +
rm -rf "$work/src/"*.egg-info
cp "$top/resources/CHANGELOG.md" "$work/CHANGELOG.md"   # Briefcase wants it next to pyproject.toml
cat "$top/pyproject.toml" "$top/briefcase.toml" > "$work/pyproject.toml"
icon_args=()
case "$platform" in windows) icon_args=(--ico) ;; macOS) icon_args=(--icns) ;; esac

step "Briefcase $BRIEFCASE_VERSION in $venv"
if [ ! -d "$venv" ]; then
  "$PY" -m venv "$venv"
fi
vpy="$venv/bin/python"; [ -x "$vpy" ] || vpy="$venv/Scripts/python.exe"
if ! "$vpy" -m briefcase --version 2>/dev/null | grep -qx "$BRIEFCASE_VERSION"; then
  "$vpy" -m pip install -q --disable-pip-version-check "briefcase==$BRIEFCASE_VERSION" 2>&1 \
    | { grep -v "^WARNING: Location" || true; }
fi
vbin="$venv/bin"; [ -d "$venv/Scripts" ] && vbin="$venv/Scripts"  # Windows venvs
if [ -n "${JPKI_ICONS_DIR:-}" ]; then  # rendered elsewhere (the Windows/macOS workflow: no rsvg)
  mkdir -p "$work/icons" && cp "$JPKI_ICONS_DIR"/jpki-desktop* "$work/icons/"
else
  [ -z "${icon_args[*]:-}" ] || "$vpy" -m pip install -q --disable-pip-version-check pillow
  "$vpy" "$top/installer/render_icons.py" "$work/icons" ${icon_args[@]+"${icon_args[@]}"}
fi

cd "$work"
bc() { "$vbin/briefcase" "$@" --no-input; }

if [ "$platform" != linux ]; then
  step "briefcase create/build/package $platform ${format}"
  bc create "$platform" ${format:+"$format"}
  bc build "$platform" ${format:+"$format"}
  if [ "$platform" = macOS ]; then
    bc package "$platform" ${format:+"$format"} --adhoc-sign
  else
    bc package "$platform" ${format:+"$format"}
  fi
  mkdir -p "$top/dist" && cp -v "$work"/dist/* "$top/dist/"
  exit 0
fi

step "briefcase create linux system (installs the Python dependencies)"
bc create linux system -C "template=\"$top/installer/linux/system-template\""
bundle=$(find "$work/build/jpki-desktop" -mindepth 3 -maxdepth 3 -type d -name 'jpki-desktop-*' | head -n1)

step "briefcase build linux system (bootstrap binary, licence, changelog, man page)"
bc build linux system

step "jpki man page from the parser, jpki launcher, desktop entry"
"$PY" "$top/installer/linux/finish_bundle.py" "$bundle"

step "dpkg-deb"
mkdir -p "$top/dist"
"$PY" "$top/installer/linux/package_deb.py" "$work/pyproject.toml" "$bundle" "$top/dist"
step "done"

#!/usr/bin/env bash
# Build the Linux package, install it, run it, remove it, and check that nothing of it is left but
# the user's own data. CI runs this after the test suite (.ci/run): root, Debian 12, no display,
# no network but the package registries. Usage: bash installer/smoke-test.sh
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
[ "$(id -u)" -eq 0 ] || { echo "smoke-test: needs root (apt-get install/purge)" >&2; exit 1; }
export DEBIAN_FRONTEND=noninteractive
APP=jpki-desktop
APP_ID=io.github.jpki-desktop.jpki-desktop
tmp=$(mktemp -d /tmp/jpki-smoke.XXXXXX)
state() { dpkg-query -W -f='${db:Status-Status}' "$APP" 2>/dev/null || true; }
pids=()
cleanup() {
  local pid
  for pid in ${pids[@]+"${pids[@]}"}; do kill -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true; done
  if [ -n "${installed_here:-}" ] && [ "$(state)" = installed ]; then
    echo "smoke-test: purging the package after a failure" >&2
    apt-get purge -y -qq "$APP" >/dev/null 2>&1 || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "smoke-test: FAIL: $*" >&2; exit 1; }
step() { printf '\n== smoke-test: %s\n' "$*" >&2; }

# Tools of this test (not of the package): a display, network namespaces, vpcd, the validator.
SMOKE_APT=(xvfb xauth iproute2 util-linux vsmartcard-vpcd desktop-file-utils)
missing=()
for p in "${SMOKE_APT[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  step "apt-get install ${missing[*]}"
  apt-get -o DPkg::Lock::Timeout=600 update -qq
  apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if [ -n "$(state)" ] && [ "$(state)" != not-installed ]; then
  step "purging a $APP left installed by an earlier run"
  apt-get purge -y -qq "$APP" >/dev/null
fi

step "build"
t0=$SECONDS
bash installer/build.sh linux system
build_s=$((SECONDS - t0))
deb=$(ls -t dist/${APP}_*.deb | head -n1)
size=$(stat -c %s "$deb")

step "inspect $deb"
dpkg-deb -I "$deb" | tee "$tmp/info"
depends=$(sed -n 's/^ Depends: //p' "$tmp/info")
for dep in pcscd libpcsclite1 "fonts-ipafont-gothic | fonts-noto-cjk" "libpython3.11"; do
  [[ ", $depends," == *", $dep,"* ]] || fail "Depends lacks '$dep': $depends"
done
dpkg-deb -c "$deb" | awk '{print $NF}' | sed 's|^\./|/|' >"$tmp/contents"
for f in /usr/bin/jpki /usr/bin/jpki-desktop "/usr/share/applications/$APP_ID.desktop" \
  /usr/share/man/man1/jpki.1.gz /usr/share/man/man1/jpki-desktop.1.gz \
  "/usr/share/doc/$APP/copyright" "/usr/share/doc/$APP/changelog.gz" \
  "/usr/share/icons/hicolor/scalable/apps/$APP_ID.svg"; do
  grep -qxF "$f" "$tmp/contents" || fail "$f is not in the package"
done
for s in 16 32 64 128 256 512; do
  grep -qxF "/usr/share/icons/hicolor/${s}x${s}/apps/$APP_ID.png" "$tmp/contents" || fail "no ${s}x${s} icon"
done
if grep -E 'libpcsclite|/pcscd$' "$tmp/contents"; then fail "the package must use the host's PC/SC, not its own"; fi
mkdir "$tmp/x" && dpkg-deb -x "$deb" "$tmp/x"
desktop-file-validate "$tmp/x/usr/share/applications/$APP_ID.desktop" || fail "desktop entry invalid"
grep -q '^Name\[ja\]=' "$tmp/x/usr/share/applications/$APP_ID.desktop" || fail "no Japanese name"
zcat "$tmp/x/usr/share/man/man1/jpki.1.gz" | grep -q '^\.SS jpki diagnose' || fail "jpki(1) lacks the commands"

step "install"
t0=$SECONDS
installed_here=1
apt-get -o DPkg::Lock::Timeout=600 install -y -qq "./$deb" >/dev/null
install_s=$((SECONDS - t0))
dpkg -L "$APP" >"$tmp/installed"
for exe in /usr/bin/jpki /usr/bin/jpki-desktop; do
  [ "$(command -v "$(basename "$exe")")" = "$exe" ] || fail "$exe is not what PATH finds"
done

step "run with no network (own network namespace, loopback only)"
export HOME="$tmp/home" && mkdir -p "$HOME"
unset XDG_CONFIG_HOME XDG_DATA_HOME XDG_CACHE_HOME QT_QPA_PLATFORM
offline=(unshare --net sh -c 'ip link set lo up && exec "$@"' sh)  # then the command
"${offline[@]}" jpki --version | tee "$tmp/version"
grep -qx "jpki-desktop $(sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml | head -n1)" "$tmp/version" \
  || fail "jpki --version"
"${offline[@]}" jpki --demo --json status >"$tmp/status.json" || fail "jpki --demo --json status"
/usr/bin/python3 - "$tmp/status.json" <<'EOF' || fail "status JSON"
import json, sys
s = json.load(open(sys.argv[1]))
assert s["card_kind"] == "my_number_card", s
assert s["pins"]["sign"]["remaining"] == 5, s
print("status:", s["card_kind"], "sign tries", s["pins"]["sign"]["remaining"])
EOF
gui() {  # run the GUI for 10 s under Xvfb: it must still be running then, with no traceback
  local name=$1; shift
  local rc=0
  xvfb-run -a -s "-screen 0 1280x1024x24" timeout 10 "$@" 2>"$tmp/$name.err" || rc=$?
  [ "$rc" -eq 124 ] || { cat "$tmp/$name.err" >&2; fail "$name: exited with $rc within 10 s"; }
  if grep -q "Traceback" "$tmp/$name.err"; then cat "$tmp/$name.err" >&2; fail "$name: traceback"; fi
  echo "$name: ran 10 s, stderr $(wc -c <"$tmp/$name.err") bytes, no traceback"
}
gui gui-demo "${offline[@]}" jpki-desktop --demo

step "run on a reader: the host's pcscd with the vpcd reader, the virtual card inserted into it"
port=$((40000 + RANDOM % 20000 / 2 * 2))
mkdir -p "$tmp/pcsc/run" "$tmp/pcsc/conf" /run/pcscd
printf 'FRIENDLYNAME "Virtual PCD"\nDEVICENAME /dev/null:%#06x\nLIBPATH /usr/lib/pcsc/drivers/serial/libifdvpcd.so\nCHANNELID %#06x\n' \
  "$port" "$port" >"$tmp/pcsc/conf/vpcd"
# a private /run/pcscd (own mount namespace), so a system pcscd is neither used nor disturbed
setsid unshare --mount --propagation private sh -c \
  "mount --bind '$tmp/pcsc/run' /run/pcscd && exec pcscd --foreground -c '$tmp/pcsc/conf'" \
  >"$tmp/pcscd.log" 2>&1 &
pids+=($!)
export PCSCLITE_CSOCK_NAME="$tmp/pcsc/run/pcscd.comm"
for _ in $(seq 100); do [ -S "$PCSCLITE_CSOCK_NAME" ] && break; sleep 0.1; done
[ -S "$PCSCLITE_CSOCK_NAME" ] || { cat "$tmp/pcscd.log" >&2; fail "pcscd did not start"; }
# the installed bundle's own virtual card, as a vpcd client (same launcher, another module)
BRIEFCASE_MAIN_MODULE=jpki_desktop.card.virtual.vpcd setsid jpki-desktop --port "$port" \
  --state "$tmp/card" >"$tmp/card.log" 2>&1 &
pids+=($!)
reader="Virtual PCD 00 00"
ok=
for _ in $(seq 60); do
  if jpki --reader "$reader" --json status >"$tmp/reader-status.json" 2>"$tmp/reader.err"; then ok=1; break; fi
  sleep 0.5
done
[ -n "$ok" ] || { cat "$tmp/reader.err" "$tmp/card.log" >&2; fail "jpki status on the reader"; }
grep -q '"card_kind": "my_number_card"' "$tmp/reader-status.json" || fail "reader status: $(cat "$tmp/reader-status.json")"
jpki --json readers >"$tmp/readers.json" || fail "jpki readers: exit $?"
grep -qF "\"$reader\"" "$tmp/readers.json" || fail "jpki readers: $(cat "$tmp/readers.json")"
gui gui-reader jpki-desktop --reader "$reader"
for pid in "${pids[@]}"; do kill -- "-$pid" 2>/dev/null || true; done
pids=()

step "remove"
[ -d "$HOME/.local/share/$APP" ] || fail "the runs left no user data to keep (expected $HOME/.local/share/$APP)"
t0=$SECONDS
apt-get purge -y -qq "$APP" >/dev/null
purge_s=$((SECONDS - t0))
[ -z "$(state)" ] || [ "$(state)" = not-installed ] || fail "$APP still known to dpkg: $(state)"
left=0
while IFS= read -r path; do
  # shared directories (/usr/bin, /usr/share/man/...) stay; every file and our own directories go
  if [ -e "$path" ] && { [ ! -d "$path" ] || [[ "$path" == *"$APP"* ]]; }; then
    echo "left behind: $path" >&2
    left=$((left + 1))
  fi
done <"$tmp/installed"
[ "$left" -eq 0 ] || fail "$left paths of the package are left after purge"
[ ! -e "/usr/lib/$APP" ] || fail "/usr/lib/$APP left behind (files the package did not list)"
[ -d "$HOME/.local/share/$APP/demo-card" ] || fail "purge removed the user's data"

echo
echo "smoke-test: OK  $(basename "$deb")"
echo "smoke-test: package size $((size / 1024)) KiB ($(awk "BEGIN{printf \"%.1f\", $size/1048576}") MiB), installed $(sed -n 's/^ Installed-Size: //p' "$tmp/info") KiB, $(wc -l <"$tmp/installed") paths"
echo "smoke-test: build ${build_s}s, install ${install_s}s, purge ${purge_s}s, total ${SECONDS}s"

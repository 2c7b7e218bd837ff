#!/usr/bin/env bash
# Build installers with Briefcase: merges briefcase.toml into a copy of pyproject.toml in
# build/briefcase and runs `briefcase package` there. Usage: installer/build.sh [linux|macOS|windows] [format]
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
work="$top/build/briefcase"
rm -rf "$work" && mkdir -p "$work"
cp -r "$top/src" "$top/tests" "$top/LICENSE" "$top/README.md" "$work/"
cat "$top/pyproject.toml" "$top/briefcase.toml" > "$work/pyproject.toml"
cd "$work"
"$top/.venv/bin/python" -m pip install -q briefcase
"$top/.venv/bin/briefcase" create "${1:-}" ${2:+"$2"}
"$top/.venv/bin/briefcase" build "${1:-}" ${2:+"$2"}
"$top/.venv/bin/briefcase" package "${1:-}" ${2:+"$2"} --adhoc-sign 2>/dev/null || "$top/.venv/bin/briefcase" package "${1:-}" ${2:+"$2"}

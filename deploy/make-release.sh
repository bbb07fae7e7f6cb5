#!/usr/bin/env bash
# Builds a release archive that installs offline (install.sh --release): the built
# server and kiosk, the migrations and assets, the deploy scripts, and the production
# node_modules. better-sqlite3 is a native module: build on the target architecture
# (a Raspberry Pi, or an arm64 machine), once, then copy the archive to every box.
#
#   deploy/make-release.sh [OUTPUT_DIR]     → lanterne-<version>-<arch>.tar.gz
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=${1:-$ROOT}
VERSION=$(node -p "require('$ROOT/package.json').version")
ARCH=$(node -p 'process.arch')
NAME="lanterne-$VERSION-$ARCH"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# Copies a source tree: what git tracks or would track (ignored files such as data/,
# dist/, node_modules/ or bench output stay behind); plain tar with excludes otherwise.
copy_tree() {
  local from=$1 to=$2
  if git -c safe.directory="$from" -C "$from" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    git -c safe.directory="$from" -C "$from" ls-files -z --cached --others --exclude-standard |
      (cd "$from" && while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done) |
      tar -C "$from" --null -T - -cf - | tar -C "$to" -xf -
  else
    tar -C "$from" --exclude=./node_modules --exclude=./.git --exclude=./data --exclude=./dist \
      --exclude=./.bench -cf - . | tar -C "$to" -xf -
  fi
}

mkdir -p "$WORK/$NAME"
copy_tree "$ROOT" "$WORK/$NAME"
cd "$WORK/$NAME"
npm ci --no-audit --no-fund
npm run build
npm prune --omit=dev --no-audit --no-fund
mkdir -p "$OUT"
tar -C "$WORK" -czf "$OUT/$NAME.tar.gz" "$NAME"
echo "$OUT/$NAME.tar.gz"

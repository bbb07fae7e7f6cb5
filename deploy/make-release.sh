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

# copy_tree FROM TO: what git tracks or would track, see lib/copy-tree.sh.
# shellcheck source-path=SCRIPTDIR source=lib/copy-tree.sh
. "$ROOT/deploy/lib/copy-tree.sh"

mkdir -p "$WORK/$NAME"
copy_tree "$ROOT" "$WORK/$NAME"
cd "$WORK/$NAME"
npm ci --no-audit --no-fund
npm run build
npm prune --omit=dev --no-audit --no-fund
mkdir -p "$OUT"
tar -C "$WORK" -czf "$OUT/$NAME.tar.gz" "$NAME"
echo "$OUT/$NAME.tar.gz"

#!/usr/bin/env bash
# Updates Lanterne and keeps the data: saves the database, installs the new version
# (install.sh, which keeps /var/lib/lanterne and the config), and goes back to the
# previous version and database if the new one does not start.
#
#   sudo deploy/update.sh --release lanterne-0.2.0-arm64.tar.gz
#   sudo deploy/update.sh                 # from this source checkout
#   sudo deploy/update.sh --rollback      # back to the previous version and database
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
DESTDIR=${LANTERNE_DESTDIR:-}
APP_DIR=/opt/lanterne
DATA_DIR=/var/lib/lanterne
BACKUPS="$DATA_DIR/backups"
SYSTEM=1
ROLLBACK=0
ARGS=()

while [ $# -gt 0 ]; do
  case "$1" in
    --rollback) ROLLBACK=1; shift ;;
    --no-system) SYSTEM=0; ARGS+=("$1"); shift ;;
    --release | --conf | --node-tarball) ARGS+=("$1" "$2"); shift 2 ;;
    -h | --help) echo "Usage : sudo update.sh [--release ARCHIVE] [--rollback] [--no-system]"; exit 0 ;;
    *) ARGS+=("$1"); shift ;;
  esac
done

log() { printf '==> %s\n' "$*"; }
die() { printf 'Erreur : %s\n' "$*" >&2; exit 1; }
sys() {
  if [ "$SYSTEM" = 1 ]; then "$@"; else printf '    (sauté) %s\n' "$*"; fi
}
if [ "$SYSTEM" = 1 ] && [ "$(id -u)" != 0 ]; then die "lancez ce script avec sudo"; fi

# Copies the database while the service is stopped, so the copy is consistent.
backup_db() {
  local stamp dest
  stamp=$(date +%Y%m%d-%H%M%S)
  dest="$DESTDIR$BACKUPS/$stamp"
  [ -f "$DESTDIR$DATA_DIR/lanterne.db" ] || return 0
  mkdir -p "$dest"
  cp -p "$DESTDIR$DATA_DIR"/lanterne.db* "$dest/"
  log "base sauvegardée dans $BACKUPS/$stamp"
  # Keep the three most recent backups.
  find "$DESTDIR$BACKUPS" -mindepth 1 -maxdepth 1 -type d | sort | head -n -3 | xargs -r rm -rf
}

restore_previous() {
  [ -d "$DESTDIR$APP_DIR.previous" ] || die "pas de version précédente dans $APP_DIR.previous"
  local last
  last=$(find "$DESTDIR$BACKUPS" -mindepth 1 -maxdepth 1 -type d 2>/dev/null | sort | tail -n 1)
  sys systemctl stop lanterne.service
  rm -rf "$DESTDIR$APP_DIR.failed"
  mv "$DESTDIR$APP_DIR" "$DESTDIR$APP_DIR.failed"
  mv "$DESTDIR$APP_DIR.previous" "$DESTDIR$APP_DIR"
  if [ -n "$last" ]; then
    rm -f "$DESTDIR$DATA_DIR"/lanterne.db*
    cp -p "$last"/lanterne.db* "$DESTDIR$DATA_DIR/"
    log "base restaurée depuis $last"
  fi
  sys systemctl start lanterne.service
  log "version précédente remise en service"
}

if [ "$ROLLBACK" = 1 ]; then
  restore_previous
  exit 0
fi

sys systemctl stop lanterne.service
backup_db
bash "$SCRIPT_DIR/install.sh" "${ARGS[@]}"

if [ "$SYSTEM" = 1 ]; then
  # The new version migrates the database at start; give it time, then check.
  node_bin=$(command -v node || echo /opt/node/bin/node)
  port=$("$node_bin" "$SCRIPT_DIR/render.mjs" --get HTTP_PORT)
  for _ in $(seq 1 20); do
    if systemctl is-active --quiet lanterne.service && curl -fsS -o /dev/null "http://127.0.0.1:$port/"; then
      log "mise à jour réussie"
      exit 0
    fi
    sleep 1
  done
  log "la nouvelle version ne répond pas : retour à la précédente"
  restore_previous
  exit 1
fi

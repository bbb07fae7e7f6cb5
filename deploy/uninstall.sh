#!/usr/bin/env bash
# Removes Lanterne from the box. Keeps the data (/var/lib/lanterne: database, packs)
# and the config file unless --purge is given.
#
#   sudo deploy/uninstall.sh            # keeps /var/lib/lanterne and /etc/lanterne
#   sudo deploy/uninstall.sh --purge    # removes them too, and the lanterne user
set -euo pipefail

DESTDIR=${LANTERNE_DESTDIR:-}
APP_DIR=/opt/lanterne
DATA_DIR=/var/lib/lanterne
CONF_DIR=/etc/lanterne
SERVICE_USER=lanterne
PURGE=0
SYSTEM=1

while [ $# -gt 0 ]; do
  case "$1" in
    --purge) PURGE=1; shift ;;
    --no-system) SYSTEM=0; shift ;;
    -h | --help) echo "Usage : sudo uninstall.sh [--purge] [--no-system]"; exit 0 ;;
    *) echo "option inconnue : $1" >&2; exit 2 ;;
  esac
done

log() { printf '==> %s\n' "$*"; }
sys() {
  if [ "$SYSTEM" = 1 ]; then "$@" || true; else printf '    (sauté) %s\n' "$*"; fi
}
if [ "$SYSTEM" = 1 ] && [ "$(id -u)" != 0 ]; then echo "Erreur : lancez ce script avec sudo" >&2; exit 1; fi

# Parts owned by other folders have their own uninstall scripts.
SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
for part in usb kiosk; do
  if [ -f "$SCRIPT_DIR/$part/uninstall.sh" ]; then
    LANTERNE_DESTDIR="$DESTDIR" LANTERNE_NO_SYSTEM=$((1 - SYSTEM)) bash "$SCRIPT_DIR/$part/uninstall.sh" || true
  fi
done

sys systemctl disable --now lanterne.service
sys systemctl disable --now lanterne-kiwix.service
sys systemctl disable --now lanterne-syncthing.path lanterne-syncthing.service
if [ -f "$DESTDIR/etc/systemd/system/lanterne-ap-address.service" ]; then
  sys systemctl disable --now hostapd dnsmasq lanterne-ap-address.service
fi
if [ -f "$DESTDIR/etc/NetworkManager/system-connections/lanterne-hotspot.nmconnection" ]; then
  sys nmcli connection down lanterne-hotspot
fi

for f in /etc/systemd/system/lanterne.service \
  /etc/systemd/system/lanterne-kiwix.service \
  /etc/systemd/system/lanterne-syncthing.service \
  /etc/systemd/system/lanterne-syncthing.path \
  /etc/systemd/system/lanterne-ap-address.service \
  /etc/NetworkManager/system-connections/lanterne-hotspot.nmconnection \
  /etc/NetworkManager/dnsmasq-shared.d/lanterne.conf \
  /etc/NetworkManager/conf.d/lanterne-unmanaged.conf \
  /etc/hostapd/hostapd.conf \
  /etc/dnsmasq.d/lanterne.conf \
  /etc/avahi/services/lanterne.service \
  /etc/systemd/journald.conf.d/lanterne-volatile.conf \
  /etc/issue.d/lanterne-setup-code.issue \
  "$CONF_DIR/server.json"; do
  if [ -e "$DESTDIR$f" ] || [ -L "$DESTDIR$f" ]; then
    rm -f "$DESTDIR$f"
    log "retiré $f"
  fi
done
rm -rf "$DESTDIR$APP_DIR" "$DESTDIR$APP_DIR.previous" "$DESTDIR$APP_DIR.new" "$DESTDIR$APP_DIR.failed"
log "retiré $APP_DIR"
sys systemctl daemon-reload
sys nmcli connection reload

# Generated files in the config folder go; the one file a person wrote stays.
if [ -d "$DESTDIR$CONF_DIR" ]; then
  find "$DESTDIR$CONF_DIR" -mindepth 1 -maxdepth 1 ! -name lanterne.conf -exec rm -rf {} +
fi

if [ "$PURGE" = 1 ]; then
  rm -rf "$DESTDIR$DATA_DIR" "$DESTDIR$CONF_DIR"
  sys userdel "$SERVICE_USER"
  log "données et configuration supprimées ($DATA_DIR, $CONF_DIR)"
else
  log "données conservées dans $DATA_DIR, configuration dans $CONF_DIR/lanterne.conf"
fi

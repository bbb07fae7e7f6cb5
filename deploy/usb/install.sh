#!/usr/bin/env bash
# Installs the USB automount for Lanterne on Raspberry Pi OS Lite (which does not
# automount). Idempotent: only rewrites files that changed. Called by deploy/install.sh;
# can be run alone:  sudo deploy/usb/install.sh [--user lanterne] [--media /media]
# Files land under $LANTERNE_DESTDIR when it is set (tests, image builds); with a
# DESTDIR or LANTERNE_NO_SYSTEM=1 no service is reloaded. deploy/install.sh passes
# LANTERNE_SERVICE_USER and LANTERNE_MEDIA_DIR from /etc/lanterne/lanterne.conf.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
DESTDIR=${LANTERNE_DESTDIR:-}
NO_SYSTEM=${LANTERNE_NO_SYSTEM:-0}
USER_NAME=${LANTERNE_SERVICE_USER:-lanterne}
MEDIA=${LANTERNE_MEDIA_DIR:-/media}
DATA=${LANTERNE_DATA_DIR:-/var/lib/lanterne}

while [ $# -gt 0 ]; do
  case "$1" in
    --user) USER_NAME=$2; shift 2 ;;
    --media) MEDIA=$2; shift 2 ;;
    *) echo "usage : install.sh [--user NOM] [--media DOSSIER]" >&2; exit 2 ;;
  esac
done

changed=0
place() {
  local src=$1 dest=$2 mode=$3 target
  target="$DESTDIR$dest"
  if [ -f "$target" ] && cmp -s "$src" "$target"; then return 0; fi
  install -D -m "$mode" "$src" "$target"
  changed=1
  printf '==> écrit %s\n' "$dest"
}

tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
printf '# Written by deploy/usb/install.sh\nLANTERNE_USER=%q\nMEDIA_DIR=%q\nSETUP_CODE_FILE=%q\n' \
  "$USER_NAME" "$MEDIA" "$DATA/setup-code.txt" >"$tmp"

place "$HERE/usb-mount.sh" /usr/local/lib/lanterne/usb-mount 0755
place "$HERE/99-lanterne-usb.rules" /etc/udev/rules.d/99-lanterne-usb.rules 0644
place "$HERE/lanterne-usb-mount@.service" /etc/systemd/system/lanterne-usb-mount@.service 0644
place "$tmp" /etc/default/lanterne-usb 0644
install -d -m 0755 "$DESTDIR$MEDIA"

if [ -z "$DESTDIR" ] && [ "$NO_SYSTEM" != 1 ] && [ "$changed" = 1 ]; then
  systemctl daemon-reload
  udevadm control --reload-rules
  # Sticks already plugged in get mounted now.
  udevadm trigger --action=add --subsystem-match=block
fi
if [ "$changed" = 0 ]; then echo "==> montage USB : rien à changer"; fi

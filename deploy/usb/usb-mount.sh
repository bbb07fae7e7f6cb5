#!/usr/bin/env bash
# Mounts a USB stick partition for Lanterne, and unmounts it when it goes away.
# Called by lanterne-usb-mount@<dev>.service, which udev starts for every USB
# partition holding vfat, exFAT or ext4 (99-lanterne-usb.rules).
#
#   usb-mount add sda1      mount /dev/sda1 under /media/<LABEL>
#   usb-mount remove sda1   unmount it and remove the empty folder
#   usb-mount plan sda1 vfat "MA CLE"   print the folder and options, change nothing
#
# Sticks are untrusted: read-only, nosuid, nodev, noexec. A stick whose label starts
# with LANTERNE (e.g. LANTERNE-EXPORT) is mounted read-write (still nosuid, nodev,
# noexec) so the admin page can export packs and statistics to it. While the box has no
# animateur password yet (its set-up code file exists), every stick is mounted read-write
# too, so the box can write the code on it (LANTERNE-CODE.txt, see docs/admin.md).
set -euo pipefail

CONFIG=${LANTERNE_USB_CONFIG:-/etc/default/lanterne-usb}
MEDIA_DIR=/media
LANTERNE_USER=lanterne
STATE_DIR=/run/lanterne-usb
SETUP_CODE_FILE=/var/lib/lanterne/setup-code.txt
# shellcheck source=/dev/null
if [ -r "$CONFIG" ]; then . "$CONFIG"; fi

log() { printf 'lanterne-usb: %s\n' "$*" >&2; }

# A folder name from the label: no slash, no leading dot, printable; else "USB-<dev>".
folder_name() {
  local label=$1 dev=$2 name
  name=$(printf '%s' "$label" | tr -d '\000-\037/' | sed -e 's/^[.[:space:]]*//' -e 's/[[:space:]]*$//')
  name=${name//[[:space:]]/_}
  if [ -z "$name" ]; then name="USB-$dev"; fi
  printf '%s' "${name:0:64}"
}

options_for() {
  local fstype=$1 label=$2 uid gid mode=ro
  uid=$(id -u "$LANTERNE_USER" 2>/dev/null || echo 0)
  gid=$(id -g "$LANTERNE_USER" 2>/dev/null || echo 0)
  case "${label^^}" in LANTERNE*) mode=rw ;; esac
  if [ -e "$SETUP_CODE_FILE" ]; then mode=rw; fi
  local common="$mode,nosuid,nodev,noexec,noatime"
  case "$fstype" in
    vfat) printf '%s,utf8,shortname=mixed,uid=%s,gid=%s,fmask=0137,dmask=0027\n' "$common" "$uid" "$gid" ;;
    exfat) printf '%s,iocharset=utf8,uid=%s,gid=%s,fmask=0137,dmask=0027\n' "$common" "$uid" "$gid" ;;
    # ext4 keeps its own owners; noload skips the journal replay of a stick pulled out dirty.
    ext4) if [ "$mode" = ro ]; then printf '%s,noload\n' "$common"; else printf '%s\n' "$common"; fi ;;
    *) return 1 ;;
  esac
}

mount_point_for() {
  local label=$1 dev=$2 dir
  dir="$MEDIA_DIR/$(folder_name "$label" "$dev")"
  # Two sticks with the same label: the second gets its device name added.
  if mountpoint -q "$dir" 2>/dev/null; then dir="$dir-$dev"; fi
  printf '%s' "$dir"
}

add() {
  local dev=$1 fstype label dir opts
  fstype=$(blkid -o value -s TYPE "/dev/$dev" || true)
  label=$(blkid -o value -s LABEL "/dev/$dev" || true)
  if ! opts=$(options_for "$fstype" "$label"); then
    log "/dev/$dev : système de fichiers « $fstype » non pris en charge"
    exit 0
  fi
  dir=$(mount_point_for "$label" "$dev")
  mkdir -p "$dir" "$STATE_DIR"
  if mount -t "$fstype" -o "$opts" "/dev/$dev" "$dir"; then
    printf '%s\n' "$dir" >"$STATE_DIR/$dev"
    # Mounting makes no file event in the media folder: a marker file wakes the watcher.
    touch "$MEDIA_DIR/.lanterne-usb-$dev" && rm -f "$MEDIA_DIR/.lanterne-usb-$dev"
    log "/dev/$dev monté sur $dir ($opts)"
  else
    rmdir "$dir" 2>/dev/null || true
    log "/dev/$dev : montage impossible"
    exit 1
  fi
}

remove() {
  local dev=$1 dir
  [ -r "$STATE_DIR/$dev" ] || exit 0
  dir=$(cat "$STATE_DIR/$dev")
  # The stick may already be gone: a lazy unmount never blocks on it.
  umount -l "$dir" 2>/dev/null || true
  rmdir "$dir" 2>/dev/null || true
  rm -f "$STATE_DIR/$dev"
  log "/dev/$dev démonté de $dir"
}

case "${1:-}" in
  add) add "${2:?périphérique}" ;;
  remove) remove "${2:?périphérique}" ;;
  plan)
    dev=${2:?périphérique}
    fstype=${3:?type}
    label=${4:-}
    if opts=$(options_for "$fstype" "$label"); then
      printf '%s %s\n' "$(mount_point_for "$label" "$dev")" "$opts"
    else
      echo "non pris en charge"
      exit 1
    fi
    ;;
  *)
    echo "usage : usb-mount add|remove <périphérique> | plan <périphérique> <type> [étiquette]" >&2
    exit 2
    ;;
esac

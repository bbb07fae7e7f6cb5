#!/usr/bin/env bash
# Installs Lanterne on Raspberry Pi OS Bookworm/Trixie (arm64), or brings an existing
# installation in line with /etc/lanterne/lanterne.conf. Idempotent: run it again after
# editing the config file; it only rewrites what changed and never touches the data.
#
#   sudo deploy/install.sh                      # from a source checkout (builds here)
#   sudo deploy/install.sh --release lanterne-0.1.0-arm64.tar.gz   # offline, prebuilt
#
# See deploy/README.md for every option.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SRC_DIR=$(cd "$SCRIPT_DIR/.." && pwd)
# Everything written lands under DESTDIR (empty on a real box; a temp folder in tests).
DESTDIR=${LANTERNE_DESTDIR:-}
CONF=/etc/lanterne/lanterne.conf
APP_DIR=/opt/lanterne
DATA_DIR=/var/lib/lanterne
CONF_DIR=/etc/lanterne
SERVICE_USER=lanterne
RELEASE=""
NODE_TARBALL=""
SYSTEM=1
KIOSK_OVERRIDE=""
PRINTING_OVERRIDE=""
OVERLAY=0
DATA_PARTITION=""
NODE_BIN=""

usage() {
  cat <<'EOF'
Usage : sudo install.sh [options]
  --conf FICHIER          fichier de configuration (défaut /etc/lanterne/lanterne.conf)
  --release ARCHIVE       installe une archive préparée par make-release.sh (hors ligne)
  --node-tarball ARCHIVE  Node.js officiel (node-v22.x-linux-arm64.tar.xz) à installer
  --kiosk | --no-kiosk    installe (ou non) la borne tactile, sans modifier KIOSK=
  --printing              installe CUPS pour l'impression
  --data-partition DEV    monte cette partition ext4 sur /var/lib/lanterne (fstab)
  --overlay               active la racine en lecture seule (exige la partition de données)
  --no-system             n'installe ni paquet, ni utilisateur, ni service (tests, images)
EOF
}

while [ $# -gt 0 ]; do
  case "$1" in
    --conf) CONF=$2; shift 2 ;;
    --release) RELEASE=$2; shift 2 ;;
    --node-tarball) NODE_TARBALL=$2; shift 2 ;;
    --kiosk) KIOSK_OVERRIDE=yes; shift ;;
    --no-kiosk) KIOSK_OVERRIDE=no; shift ;;
    --printing) PRINTING_OVERRIDE=yes; shift ;;
    --data-partition) DATA_PARTITION=$2; shift 2 ;;
    --overlay) OVERLAY=1; shift ;;
    --no-system) SYSTEM=0; shift ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done

log() { printf '==> %s\n' "$*"; }
warn() { printf 'Attention : %s\n' "$*" >&2; }
die() { printf 'Erreur : %s\n' "$*" >&2; exit 1; }
# System changes (packages, users, services) are skipped with --no-system.
sys() {
  if [ "$SYSTEM" = 1 ]; then "$@"; else printf '    (sauté) %s\n' "$*"; fi
}

if [ "$SYSTEM" = 1 ] && [ "$(id -u)" != 0 ]; then die "lancez ce script avec sudo"; fi

CHANGED=()
# Copies a rendered file into place only when its content differs; remembers changes.
place() {
  local src=$1 dest=$2 mode=$3
  local target="$DESTDIR$dest"
  if [ -f "$target" ] && cmp -s "$src" "$target"; then return 0; fi
  install -D -m "$mode" "$src" "$target"
  CHANGED+=("$dest")
  log "écrit $dest"
}
# Removes a file left by another hotspot mode or an option turned off.
drop() {
  local target="$DESTDIR$1"
  if [ -e "$target" ]; then
    rm -f "$target"
    CHANGED+=("$1")
    log "retiré $1"
  fi
}
changed() {
  local item
  for item in "${CHANGED[@]}"; do
    case "$item" in "$1"*) return 0 ;; esac
  done
  return 1
}

node_is_recent() {
  "$1" -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)' 2>/dev/null
}

# Node.js >= 20.19: Trixie's own package is recent enough; Bookworm's (18) is not, so
# there the official arm64 tarball goes to /opt/node (given with --node-tarball when
# offline, downloaded from nodejs.org and checked against SHASUMS256 otherwise).
ensure_node() {
  if [ -n "$NODE_TARBALL" ]; then
    log "Node.js depuis $NODE_TARBALL"
    mkdir -p "$DESTDIR/opt/node"
    tar -xJf "$NODE_TARBALL" -C "$DESTDIR/opt/node" --strip-components=1
    NODE_BIN=/opt/node/bin/node
    return
  fi
  if [ -x "$DESTDIR/opt/node/bin/node" ] && node_is_recent "$DESTDIR/opt/node/bin/node"; then
    NODE_BIN=/opt/node/bin/node
    return
  fi
  local found
  found=$(command -v node || true)
  if [ -n "$found" ] && node_is_recent "$found"; then
    NODE_BIN=$found
    return
  fi
  [ "$SYSTEM" = 1 ] || die "Node.js >= 20.19 introuvable (utilisez --node-tarball)"
  apt-get update -qq || warn "apt-get update a échoué (hors ligne ?)"
  local candidate
  candidate=$(apt-cache policy nodejs 2>/dev/null | awk '/Candidate:/ { print $2 }')
  if [ -n "$candidate" ] && [ "${candidate%%.*}" -ge 20 ] 2>/dev/null && dpkg --compare-versions "$candidate" ge 20.19; then
    log "Node.js $candidate depuis les dépôts Debian"
    apt-get install -y --no-install-recommends nodejs npm
    NODE_BIN=/usr/bin/node
    return
  fi
  log "Node.js officiel (nodejs.org, dernière 22.x, arm64)"
  local arch tmp base file
  arch=$(dpkg --print-architecture)
  [ "$arch" = arm64 ] || [ "$arch" = amd64 ] || die "architecture $arch non prise en charge"
  [ "$arch" = amd64 ] && arch=x64
  tmp=$(mktemp -d)
  base=https://nodejs.org/dist/latest-v22.x
  curl -fsSL "$base/SHASUMS256.txt" -o "$tmp/SHASUMS256.txt"
  file=$(awk -v a="linux-$arch.tar.xz" '$2 ~ a"$" { print $2; exit }' "$tmp/SHASUMS256.txt")
  [ -n "$file" ] || die "archive Node.js introuvable sur nodejs.org"
  curl -fsSL "$base/$file" -o "$tmp/$file"
  (cd "$tmp" && grep " $file\$" SHASUMS256.txt | sha256sum -c -)
  mkdir -p /opt/node
  tar -xJf "$tmp/$file" -C /opt/node --strip-components=1
  rm -rf "$tmp"
  NODE_BIN=/opt/node/bin/node
}

conf_value() {
  "$NODE_BIN" "$SCRIPT_DIR/render.mjs" --conf "$DESTDIR$CONF" --get "$1"
}

# --- 1. The one config file -------------------------------------------------------
if [ ! -f "$DESTDIR$CONF" ]; then
  log "création de $CONF (réseau ouvert « Lanterne », à adapter)"
  install -D -m 0644 "$SCRIPT_DIR/lanterne.conf.example" "$DESTDIR$CONF"
fi

# --- 2. Node.js and packages ------------------------------------------------------
ensure_node
log "Node.js : $NODE_BIN ($("$NODE_BIN" --version))"
# Validates the config before anything else changes.
conf_value BOX_IP >/dev/null

HOTSPOT=$(conf_value HOTSPOT)
MDNS_NAME=$(conf_value MDNS_NAME)
KIOSK=$(conf_value KIOSK)
PRINTING=$(conf_value PRINTING)
VOLATILE_LOGS=$(conf_value VOLATILE_LOGS)
HTTP_PORT=$(conf_value HTTP_PORT)
case "$KIOSK_OVERRIDE" in
  yes) KIOSK=yes ;;
  no) KIOSK="" ;;
esac
[ -n "$PRINTING_OVERRIDE" ] && PRINTING=yes

# kiwix-tools: kiwix-serve and kiwix-manage, for the encyclopaedias (ZIM files);
# syncthing: the network of boxes (docs/reseau.md), it runs only once turned on.
packages=(avahi-daemon ca-certificates kiwix-tools syncthing)
case "$HOTSPOT" in
  networkmanager) packages+=(network-manager dnsmasq-base) ;;
  hostapd) packages+=(hostapd dnsmasq) ;;
  none) ;;
esac
[ -n "$PRINTING" ] && packages+=(cups cups-bsd)
# Building from source needs a compiler if better-sqlite3 has no prebuilt binary.
[ -z "$RELEASE" ] && packages+=(build-essential python3)
# Only what is missing: a box re-configured offline needs no package server.
missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  sys apt-get update -qq || warn "apt-get update a échoué (hors ligne ?)"
  sys apt-get install -y --no-install-recommends "${missing[@]}"
fi

# --- 3. User and folders ----------------------------------------------------------
if ! id "$SERVICE_USER" >/dev/null 2>&1; then
  sys useradd --system --home-dir "$DATA_DIR" --no-create-home --shell /usr/sbin/nologin "$SERVICE_USER"
fi
if [ -n "$DATA_PARTITION" ]; then
  [ "$SYSTEM" = 1 ] || die "--data-partition demande un vrai système"
  [ "$(blkid -s TYPE -o value "$DATA_PARTITION")" = ext4 ] || die "$DATA_PARTITION n'est pas une partition ext4 (voir deploy/README.md)"
  uuid=$(blkid -s UUID -o value "$DATA_PARTITION")
  if ! grep -q "UUID=$uuid" /etc/fstab; then
    printf 'UUID=%s %s ext4 defaults,noatime,commit=60 0 2\n' "$uuid" "$DATA_DIR" >>/etc/fstab
    log "partition de données ajoutée à /etc/fstab"
  fi
  mkdir -p "$DATA_DIR"
  findmnt "$DATA_DIR" >/dev/null || mount "$DATA_DIR"
fi
mkdir -p "$DESTDIR$DATA_DIR" "$DESTDIR$CONF_DIR"
chmod 0750 "$DESTDIR$DATA_DIR"
sys chown "$SERVICE_USER:$SERVICE_USER" "$DESTDIR$DATA_DIR"
# The HDMI console (agetty reads /etc/issue.d/*.issue) shows the one-time set-up code the
# server writes there until the animateur password is set; a dangling link shows nothing.
# kiwix-serve's library: the box rewrites it (one rename) when ZIM packs come or go; an
# empty one is there from the start so that lanterne-kiwix.service starts at once.
mkdir -p "$DESTDIR$DATA_DIR/kiwix"
if [ ! -e "$DESTDIR$DATA_DIR/kiwix/library.xml" ]; then
  printf '<library version="20110515"></library>\n' >"$DESTDIR$DATA_DIR/kiwix/library.xml"
fi
sys chown -R "$SERVICE_USER:$SERVICE_USER" "$DESTDIR$DATA_DIR/kiwix"
mkdir -p "$DESTDIR/etc/issue.d"
ln -sfn "$DATA_DIR/setup-code.issue" "$DESTDIR/etc/issue.d/lanterne-setup-code.issue"

# --- 4. The application -----------------------------------------------------------
# copy_tree FROM TO: what git tracks or would track, see lib/copy-tree.sh.
# shellcheck source-path=SCRIPTDIR source=lib/copy-tree.sh
. "$SCRIPT_DIR/lib/copy-tree.sh"

# Installed into a fresh folder, then swapped in; the previous one stays for rollback.
install_app() {
  local staging="$DESTDIR$APP_DIR.new"
  rm -rf "$staging"
  mkdir -p "$staging"
  if [ -n "$RELEASE" ]; then
    log "application depuis $RELEASE"
    tar -xzf "$RELEASE" -C "$staging" --strip-components=1
    [ -f "$staging/dist/server/main.js" ] || die "archive sans dist/server/main.js"
  else
    log "application depuis les sources $SRC_DIR (construction sur place)"
    copy_tree "$SRC_DIR" "$staging"
    local npm_bin
    npm_bin="$(dirname "$NODE_BIN")/npm"
    [ -x "$npm_bin" ] || npm_bin=npm
    (cd "$staging" && PATH="$(dirname "$NODE_BIN"):$PATH" "$npm_bin" ci --no-audit --no-fund && PATH="$(dirname "$NODE_BIN"):$PATH" "$npm_bin" run build && PATH="$(dirname "$NODE_BIN"):$PATH" "$npm_bin" prune --omit=dev)
  fi
  if [ -d "$DESTDIR$APP_DIR" ]; then
    rm -rf "$DESTDIR$APP_DIR.previous"
    mv "$DESTDIR$APP_DIR" "$DESTDIR$APP_DIR.previous"
  fi
  mv "$staging" "$DESTDIR$APP_DIR"
  CHANGED+=("$APP_DIR")
}
if [ -n "$RELEASE" ] || [ "$SRC_DIR" != "$APP_DIR" ]; then
  install_app
else
  log "application déjà en place dans $APP_DIR"
fi

# --- 5. Generated configuration ---------------------------------------------------
RENDERED=$(mktemp -d)
trap 'rm -rf "$RENDERED"' EXIT
"$NODE_BIN" "$SCRIPT_DIR/render.mjs" --conf "$DESTDIR$CONF" --out "$RENDERED" \
  --set "APP_DIR=$APP_DIR" --set "DATA_DIR=$DATA_DIR" --set "CONF_DIR=$CONF_DIR" \
  --set "NODE_BIN=$NODE_BIN" --set "SERVICE_USER=$SERVICE_USER" >/dev/null

place "$RENDERED/server.json" "$CONF_DIR/server.json" 0644
place "$RENDERED/lanterne.service" /etc/systemd/system/lanterne.service 0644
place "$RENDERED/lanterne-kiwix.service" /etc/systemd/system/lanterne-kiwix.service 0644
place "$RENDERED/avahi-lanterne.service" /etc/avahi/services/lanterne.service 0644
place "$RENDERED/lanterne-syncthing.service" /etc/systemd/system/lanterne-syncthing.service 0644
place "$RENDERED/lanterne-syncthing.path" /etc/systemd/system/lanterne-syncthing.path 0644

NM_CONN=/etc/NetworkManager/system-connections/lanterne-hotspot.nmconnection
NM_DNSMASQ=/etc/NetworkManager/dnsmasq-shared.d/lanterne.conf
case "$HOTSPOT" in
  networkmanager)
    place "$RENDERED/lanterne-hotspot.nmconnection" "$NM_CONN" 0600
    place "$RENDERED/dnsmasq-shared.conf" "$NM_DNSMASQ" 0644
    drop /etc/hostapd/hostapd.conf
    drop /etc/dnsmasq.d/lanterne.conf
    drop /etc/systemd/system/lanterne-ap-address.service
    drop /etc/NetworkManager/conf.d/lanterne-unmanaged.conf
    ;;
  hostapd)
    place "$RENDERED/hostapd.conf" /etc/hostapd/hostapd.conf 0600
    place "$RENDERED/dnsmasq-standalone.conf" /etc/dnsmasq.d/lanterne.conf 0644
    place "$RENDERED/lanterne-ap-address.service" /etc/systemd/system/lanterne-ap-address.service 0644
    place "$RENDERED/nm-unmanaged.conf" /etc/NetworkManager/conf.d/lanterne-unmanaged.conf 0644
    drop "$NM_CONN"
    drop "$NM_DNSMASQ"
    ;;
  none)
    for f in "$NM_CONN" "$NM_DNSMASQ" /etc/hostapd/hostapd.conf /etc/dnsmasq.d/lanterne.conf \
      /etc/systemd/system/lanterne-ap-address.service /etc/NetworkManager/conf.d/lanterne-unmanaged.conf; do
      drop "$f"
    done
    ;;
esac

if [ -n "$VOLATILE_LOGS" ]; then
  place "$RENDERED/journald-volatile.conf" /etc/systemd/journald.conf.d/lanterne-volatile.conf 0644
else
  drop /etc/systemd/journald.conf.d/lanterne-volatile.conf
fi

# avahi publishes <MDNS_NAME>.local without renaming the whole system.
AVAHI_CONF="$DESTDIR/etc/avahi/avahi-daemon.conf"
if [ -f "$AVAHI_CONF" ] && ! grep -qx "host-name=$MDNS_NAME" "$AVAHI_CONF"; then
  if grep -qE '^#?host-name=' "$AVAHI_CONF"; then
    sed -i -E "s/^#?host-name=.*/host-name=$MDNS_NAME/" "$AVAHI_CONF"
  else
    sed -i -E "s/^\[server\]$/[server]\nhost-name=$MDNS_NAME/" "$AVAHI_CONF"
  fi
  CHANGED+=(/etc/avahi/avahi-daemon.conf)
  log "avahi : nom $MDNS_NAME.local"
fi

# --- 6. Parts owned by other folders: USB sticks and the kiosk --------------------
run_part() {
  local script=$1
  LANTERNE_CONF="$DESTDIR$CONF" LANTERNE_DESTDIR="$DESTDIR" LANTERNE_NO_SYSTEM=$((1 - SYSTEM)) \
    LANTERNE_MEDIA_DIR="$(conf_value MEDIA_DIR)" LANTERNE_SERVICE_USER="$SERVICE_USER" \
    LANTERNE_DATA_DIR="$DATA_DIR" \
    LANTERNE_LOCAL_URL="http://localhost:$HTTP_PORT" bash "$script"
}
if [ -f "$SCRIPT_DIR/usb/install.sh" ]; then
  log "montage automatique des clés USB (deploy/usb/install.sh)"
  run_part "$SCRIPT_DIR/usb/install.sh"
else
  warn "deploy/usb/install.sh absent : les clés USB ne seront pas montées automatiquement"
fi
if [ -n "$KIOSK" ]; then
  if [ -f "$SCRIPT_DIR/kiosk/install.sh" ]; then
    log "borne tactile (deploy/kiosk/install.sh)"
    run_part "$SCRIPT_DIR/kiosk/install.sh"
  else
    warn "KIOSK=yes mais deploy/kiosk/install.sh est absent"
  fi
fi
if [ -n "$PRINTING" ]; then
  sys usermod -aG lpadmin "$SERVICE_USER"
  sys systemctl enable --now cups
fi

# --- 7. Services ------------------------------------------------------------------
sys systemctl daemon-reload
if changed /etc/systemd/journald.conf.d; then sys systemctl restart systemd-journald; fi
# Raspberry Pi OS keeps the Wi-Fi radio blocked until a country is set.
if [ "$HOTSPOT" != none ] && command -v raspi-config >/dev/null 2>&1; then
  sys raspi-config nonint do_wifi_country "$(conf_value WIFI_COUNTRY)"
fi
# Leaving hostapd mode: its standalone dnsmasq would hold port 53 against NetworkManager's.
if [ "$HOTSPOT" != hostapd ] && changed /etc/hostapd/hostapd.conf; then
  sys systemctl disable --now lanterne-ap-address.service hostapd dnsmasq || warn "services du mode hostapd encore actifs"
fi
if [ "$HOTSPOT" = hostapd ]; then
  sys systemctl unmask hostapd
  sys systemctl enable lanterne-ap-address.service hostapd dnsmasq
  if changed /etc/hostapd || changed /etc/dnsmasq.d || changed /etc/systemd/system/lanterne-ap-address.service; then
    sys systemctl restart lanterne-ap-address.service hostapd dnsmasq || warn "le point d'accès démarrera au prochain redémarrage"
  fi
fi
if [ "$HOTSPOT" = networkmanager ] && { changed "$NM_CONN" || changed "$NM_DNSMASQ"; }; then
  sys nmcli connection reload
  # Not brought up now: it would cut an SSH session running over this same Wi-Fi.
  log "point d'accès « $(conf_value SSID) » prêt : il s'allumera au prochain démarrage (ou : sudo nmcli connection up lanterne-hotspot)"
fi
if changed /etc/avahi; then sys systemctl restart avahi-daemon || warn "avahi n'a pas redémarré"; fi
sys systemctl enable lanterne-kiwix.service lanterne.service
if changed /etc/systemd/system/lanterne-kiwix.service; then
  sys systemctl restart lanterne-kiwix.service || warn "kiwix-serve n'a pas démarré : les encyclopédies seront indisponibles (journalctl -u lanterne-kiwix)"
else
  sys systemctl start lanterne-kiwix.service || warn "kiwix-serve n'a pas démarré : les encyclopédies seront indisponibles (journalctl -u lanterne-kiwix)"
fi
# The network of boxes: the path unit starts Syncthing once the box has prepared its home.
sys systemctl enable --now lanterne-syncthing.path
if changed /etc/systemd/system/lanterne-syncthing.service && [ -f "$DESTDIR$DATA_DIR/syncthing/home/config.xml" ]; then
  sys systemctl restart lanterne-syncthing.service || warn "le réseau de boîtes redémarrera au prochain démarrage"
fi
if [ ${#CHANGED[@]} -gt 0 ]; then
  sys systemctl restart lanterne.service
else
  sys systemctl start lanterne.service
fi

# --- 8. Read-only root (optional) -------------------------------------------------
if [ "$OVERLAY" = 1 ]; then
  [ "$SYSTEM" = 1 ] || die "--overlay demande un vrai système"
  findmnt "$DATA_DIR" >/dev/null || die "la racine en lecture seule exige une partition de données montée sur $DATA_DIR (--data-partition)"
  command -v raspi-config >/dev/null || die "raspi-config introuvable (Raspberry Pi OS uniquement)"
  raspi-config nonint do_overlayfs 0
  log "racine en lecture seule activée au prochain démarrage ; pour modifier la boîte : sudo raspi-config nonint do_overlayfs 1, redémarrer"
fi

log "Lanterne est installée : http://$(conf_value BOX_IP)$([ "$HTTP_PORT" = 80 ] || echo ":$HTTP_PORT")/ sur le Wi-Fi « $(conf_value SSID) »"

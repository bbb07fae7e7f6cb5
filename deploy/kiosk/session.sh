#!/bin/bash
# Runs inside cage (the Wayland kiosk compositor) as the kiosk user: screen blanking,
# then Chromium in kiosk mode on the box's /kiosk/ page. When Chromium exits or
# crashes, cage exits with it and systemd starts everything again (Restart=always).
set -eu

KIOSK_URL=${KIOSK_URL:-http://localhost:8080/kiosk/}
BLANK_SECONDS=${BLANK_SECONDS:-600}

# Screen blanking after BLANK_SECONDS without a touch; a touch wakes it. The kiosk app
# resets itself to its welcome screen well before (idle time + 30 s countdown), and
# that screen swallows the waking touch, so it never presses a button.
if [ "$BLANK_SECONDS" -gt 0 ] && command -v swayidle >/dev/null 2>&1 && command -v wlopm >/dev/null 2>&1; then
  swayidle -w timeout "$BLANK_SECONDS" "wlopm --off '*'" resume "wlopm --on '*'" &
fi

# A fresh profile in memory at every start: nothing of a visitor survives a crash.
PROFILE="${XDG_RUNTIME_DIR:-/tmp}/lanterne-kiosk-profile"
rm -rf "$PROFILE"
mkdir -p "$PROFILE"

FLAGS=(
  --kiosk
  --ozone-platform=wayland
  --touch-events=enabled
  --disable-pinch
  --noerrdialogs
  --disable-session-crashed-bubble
  --disable-component-update
  --overscroll-history-navigation=0
  --autoplay-policy=no-user-gesture-required
  --kiosk-printing
  --no-first-run
  --password-store=basic
  --disable-translate
  "--disable-features=Translate,TouchpadOverscrollHistoryNavigation"
  --check-for-update-interval=31536000
  --user-data-dir="$PROFILE"
)

exec chromium "${FLAGS[@]}" "$KIOSK_URL"

#!/bin/bash
# Waits for the box's server to answer before Chromium starts, so the first thing on
# screen is the kiosk rather than a browser error page (which has no way back). The
# screen stays dark meanwhile; once the kiosk page is loaded it copes with restarts
# by itself ("Un instant…").
set -u
KIOSK_URL=${KIOSK_URL:-http://localhost:8080/kiosk/}
INFO_URL="${KIOSK_URL%/kiosk/*}/api/kiosk/info"
waited=0
until curl -fsS -o /dev/null --max-time 2 "$INFO_URL"; do
  if [ "$waited" -eq 60 ]; then
    echo "le serveur de la boîte ne répond pas encore ($INFO_URL) ; la borne l'attend" >&2
  fi
  sleep 2
  waited=$((waited + 2))
done
exit 0

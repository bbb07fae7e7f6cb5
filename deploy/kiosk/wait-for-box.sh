#!/bin/bash
# Waits (up to two minutes) for the box's server to answer before Chromium starts, so
# the first thing on screen is the kiosk rather than a browser error page. After that,
# the kiosk page itself copes with restarts ("Un instant…").
set -u
KIOSK_URL=${KIOSK_URL:-http://localhost:8080/kiosk/}
INFO_URL="${KIOSK_URL%/kiosk/*}/api/kiosk/info"
for _ in $(seq 1 60); do
  if curl -fsS -o /dev/null --max-time 2 "$INFO_URL"; then exit 0; fi
  sleep 2
done
echo "le serveur de la boîte ne répond pas ($INFO_URL) ; la borne démarre quand même" >&2
exit 0

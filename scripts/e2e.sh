#!/usr/bin/env bash
# Starts the built server on a free loopback port with a fresh data directory
# (so the demo catalog is imported as on a new machine), runs the storefront's
# browser tests against it, and stops it.
set -euo pipefail
cd "$(dirname "$0")/.."

data=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
log="$data/server.log"

# The account test signs in several times within a minute: raise the limit of
# the auth routes (5/1m by default) so that it tests the pages, not the limit.
# The first super admin, for the account test's staff pages.
export E2E_ADMIN_EMAIL=admin@e2e.ejemplo.cl E2E_ADMIN_PASSWORD='Clave#Staff2026'
COMMERCE_ADDR="127.0.0.1:$port" COMMERCE_DATA_DIR="$data" COMMERCE_RATE_LIMIT_AUTH=60/1m \
  COMMERCE_ADMIN_EMAIL="$E2E_ADMIN_EMAIL" COMMERCE_ADMIN_PASSWORD="$E2E_ADMIN_PASSWORD" \
  ./bin/commerce >"$log" 2>&1 &
pid=$!
cleanup() {
  kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  rm -rf "$data"
}
trap cleanup EXIT

for _ in $(seq 180); do
  if curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "e2e: the server exited; its log:" >&2
    tail -n 50 "$log" >&2
    exit 1
  fi
  sleep 1
done
curl -fsS "http://127.0.0.1:$port/health" >/dev/null || { tail -n 50 "$log" >&2; exit 1; }

cd examples/server/web
# The account test reads the mails the server writes under $data/mail.
E2E_BASE_URL="http://127.0.0.1:$port" E2E_DATA_DIR="$data" \
  CHROMIUM="${CHROMIUM:-/usr/bin/chromium}" npm run e2e

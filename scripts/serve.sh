#!/usr/bin/env bash
# Serves the demo page at http://127.0.0.1:8080 with /api proxied (same origin, so no CORS setup)
# to the bundled stand-in server on 127.0.0.1:3100, or to ROCKETCHAT_URL when it is set.
# Installs what is missing first. Ctrl-C stops everything.
set -euo pipefail
"$(dirname "$0")/setup.sh"
source "$(dirname "$0")/env.sh"
cd "$ROOT"

if [ -n "${ROCKETCHAT_URL:-}" ]; then
  case "$ROCKETCHAT_URL" in
    http://*|https://*) ;;
    *) echo "serve: ROCKETCHAT_URL must start with http:// or https:// (got '$ROCKETCHAT_URL')" >&2; exit 2 ;;
  esac
  backend="${ROCKETCHAT_URL%/}/api/"
  # trunk adds a --proxy-backend to Trunk.toml's proxy instead of replacing it (two proxies on
  # /api/ make it panic), so serve from a copy of Trunk.toml whose backend is the real server.
  # The copy sits beside Trunk.toml because trunk resolves its paths from the config's folder.
  config=".Trunk.rocketchat.toml"
  sed "s|^backend = \".*\"|backend = \"$backend\"|" Trunk.toml >"$config"
  echo "serve: proxying /api to $backend"
  exec trunk --config "$config" serve
fi

cargo build --quiet -p rc-standin
target/debug/rc-standin --listen 127.0.0.1:3100 --seed-contacts 25 &
standin=$!
trap 'kill "$standin" 2>/dev/null || true' EXIT INT TERM
sleep 0.5
if ! kill -0 "$standin" 2>/dev/null; then
  echo "serve: the stand-in server did not start (see above)" >&2
  exit 1
fi
echo "serve: open http://127.0.0.1:8080 and sign in with a seeded user above (e.g. agent.one / agent.one-pass)"
trunk serve

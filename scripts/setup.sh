#!/usr/bin/env bash
# Installs what the project needs and is missing; skips what is already there.
# Only package registries are used (apt, crates.io, npm): nothing is fetched from release pages.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132.0.0
AXE_VERSION=4.11.0 # the accessibility audit of the end-to-end tests
TYPESCRIPT_VERSION=5.9.3 # the npm package's types, checked with tsc --strict
ESBUILD_VERSION=0.28.2 # bundles the npm package's sample app
# wasm-bindgen-cli must equal the wasm-bindgen in Cargo.lock, or trunk tries to download one.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
command -v brotli >/dev/null || missing+=(brotli)
command -v pkg-config >/dev/null || missing+=(pkg-config)
dpkg -s libssl-dev >/dev/null 2>&1 || missing+=(libssl-dev) # for the end-to-end tests' WebDriver client
if [ ${#missing[@]} -gt 0 ]; then
  say "apt-get install ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    say "rustup component add $component"
    rustup component add "$component"
  fi
done

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "cargo install trunk $TRUNK_VERSION (takes ~10 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --force
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION (takes ~5 minutes)"
  # Not --locked: its lock file names a webpki-roots version the registry no longer has.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# The npm tools, pinned, into .tools/ (one install for all, when any is missing or another
# version).
npm_version() { node -p "require('./.tools/node_modules/$1/package.json').version" 2>/dev/null || true; }
if ! wasm-opt --version 2>/dev/null | grep -q "version ${BINARYEN_VERSION%%.*}" ||
  [ "$(npm_version axe-core)" != "$AXE_VERSION" ] ||
  [ "$(npm_version typescript)" != "$TYPESCRIPT_VERSION" ] ||
  [ "$(npm_version esbuild)" != "$ESBUILD_VERSION" ]; then
  say "npm install binaryen@$BINARYEN_VERSION axe-core@$AXE_VERSION typescript@$TYPESCRIPT_VERSION esbuild@$ESBUILD_VERSION into .tools/"
  mkdir -p .tools
  npm install --silent --no-save --no-audit --no-fund --prefix .tools "binaryen@$BINARYEN_VERSION" \
    "axe-core@$AXE_VERSION" "typescript@$TYPESCRIPT_VERSION" "esbuild@$ESBUILD_VERSION"
fi

say "ready: $(trunk --version), $(wasm-bindgen --version), $(wasm-opt --version), $(chromium --version)"

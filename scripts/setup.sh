#!/usr/bin/env bash
# Installs what the project needs and is missing; skips what is already there.
# Only package registries are used (apt, crates.io, npm): nothing is fetched from release pages.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

TRUNK_VERSION=0.21.14
# The splitter of the lazy parts (scripts/split/wasm-bindgen calls it): its format is marked
# unstable upstream, so it is pinned to match wasm_split_helpers 0.2.3 / wasm_split_macros 0.2.2
# in Cargo.lock (what Leptos 0.8 re-exports as leptos::wasm_split).
SPLIT_VERSION=0.2.4
# The npm tools, pinned, installed into .tools/:
NPM_TOOLS=(
  binaryen@132.0.0 # wasm-opt (Debian's 108 breaks the wasm)
  axe-core@4.11.0 # the accessibility audit of the end-to-end tests
  typescript@5.9.3 # the npm package's types, checked with tsc --strict
  esbuild@0.28.2 # minifies the release's JS; bundles the npm package's sample apps
  # The frameworks the package's declarations are compiled against (e2e/tests/frameworks.rs):
  react@19.3.1 react-dom@19.3.1 @types/react@19.3.3 @types/react-dom@19.3.0
  vue@3.5.45 vue-tsc@3.3.14
  svelte@5.57.3 svelte-check@4.7.8
  solid-js@1.9.20
  @angular/core@21.2.26 @angular/compiler@21.2.26 @angular/compiler-cli@21.2.26 rxjs@7.8.2
)
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

# wasm-split-cli has no --version: cargo's own list of installed crates says which it is.
if ! cargo install --list | grep -qx "wasm_split_cli_support v$SPLIT_VERSION:"; then
  say "cargo install wasm_split_cli_support $SPLIT_VERSION (wasm-split-cli, takes ~2 minutes)"
  cargo install wasm_split_cli_support --version "$SPLIT_VERSION" --features build-binary --locked --force
fi

# The npm tools, in one install, when any is missing or another version.
npm_version() { node -p "require('./.tools/node_modules/$1/package.json').version" 2>/dev/null || true; }
npm_missing=()
for tool in "${NPM_TOOLS[@]}"; do
  [ "$(npm_version "${tool%@*}")" = "${tool##*@}" ] || npm_missing+=("$tool")
done
if [ ${#npm_missing[@]} -gt 0 ]; then
  say "npm install ${npm_missing[*]} into .tools/"
  mkdir -p .tools
  npm install --silent --no-save --no-audit --no-fund --prefix .tools "${NPM_TOOLS[@]}"
fi

say "ready: $(trunk --version), $(wasm-bindgen --version), $(wasm-opt --version), $(chromium --version)"

#!/usr/bin/env bash
# Installs what is missing, then runs every test layer: fmt, clippy (native and wasm),
# native unit tests, browser tests in headless Chromium, and the release build's size report.
set -euo pipefail
"$(dirname "$0")/setup.sh"
source "$(dirname "$0")/env.sh"
cd "$ROOT"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all --check

step "clippy (native, every target)"
cargo clippy --workspace --all-targets -- -D warnings
step "clippy (wasm32: the widget and its browser tests)"
cargo clippy --target wasm32-unknown-unknown --lib --bins --tests -- -D warnings

step "native tests"
cargo test --workspace

step "browser tests (headless Chromium)"
cargo test --target wasm32-unknown-unknown --test browser

step "release build and size"
trunk build --release
scripts/size.sh

#!/usr/bin/env bash
# Installs what is missing, then runs every test layer: fmt, clippy (native and wasm), native
# tests (widget logic, stand-in server), browser tests in headless Chromium, the release build
# with its size gate, the example Leptos app, and end-to-end tests of both against the stand-in.
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
step "clippy (wasm32 with the split feature: the lazy parts' split points, as trunk builds them)"
cargo clippy --target wasm32-unknown-unknown --lib --features split -- -D warnings

step "native tests (widget logic and the stand-in server)"
cargo test --workspace --exclude e2e -- --show-output

step "browser tests (headless Chromium)"
cargo test --target wasm32-unknown-unknown --test browser

step "release build and size"
trunk build --release
scripts/size.sh

step "the npm package (target/npm), installed and bundled by the end-to-end tests"
scripts/package.sh dist

step "the example Leptos app (examples/leptos-app), built to be run by the end-to-end tests"
trunk --config examples/leptos-app/Trunk.toml build

step "end-to-end tests (the release build in Chromium against the stand-in)"
cargo test -p e2e

#!/usr/bin/env bash
# Writes into loader/contact-form.js the markup the release build's wasm draws first (the
# sign-in form, the form, the Contact Center form), so the loader draws exactly that before the
# wasm is there. Run it after changing what the views draw first; e2e/tests/loader.rs fails
# until you do. Usage: scripts/shell.sh (builds the release first).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
trunk build --release
cargo run --quiet -p e2e --bin shell

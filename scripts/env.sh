# Sourced by the other scripts: puts the project's tools on PATH.
# shellcheck shell=bash
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# scripts/split first: its wasm-bindgen splits the lazy parts before calling the real one.
export PATH="$ROOT/scripts/split:$ROOT/.tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
# Browser suites that mount, type and wait need more than wasm-bindgen-test's 20 s default on a
# cold, loaded 2-core machine.
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}"

#!/bin/sh
# Trunk.toml's one post_build hook (trunk runs a stage's hooks at the same time, so what must
# happen in order is one script). Runs in trunk's staging folder, with TRUNK_PROFILE,
# TRUNK_SOURCE_DIR and TRUNK_STAGING_DIR set by trunk.
#  1. contact-form.js: the loader without its comments and indentation.
#  2. Lazy parts: the chunks and their link module, which scripts/split/wasm-bindgen left beside
#     wasm-bindgen's output, are shipped beside the module (wasm-opt'd in release, like the main
#     wasm). A wasm with split points that did not go through the splitter is refused: it would
#     not load at all.
#  3. The browser code only a lazy part runs (src/web/job_store.js) beside the snippet that
#     fetches it with the part (browser.js): the module does not import it.
#  4. Release: the names the main wasm and its glue know each other by made short in both
#     files, the glue's classes whose wasm side wasm-opt removed dropped, and the null writes
#     the splitter leaves in its function table dropped (scripts/wasm-trim.mjs says why; it
#     runs after trunk's wasm-opt); then the glue, the link module, the snippets and the
#     loader minified by esbuild (pinned in .tools/ by scripts/setup.sh; trunk 0.21's own
#     minifier fails on the glue).
set -eu
src=$TRUNK_SOURCE_DIR
cd "$TRUNK_STAGING_DIR"
sed -e 's/^[[:space:]]*//' -e '/^\/\//d' "$src/loader/contact-form.js" >contact-form.js

split="${CARGO_TARGET_DIR:-$src/target}/wasm-bindgen/$TRUNK_PROFILE/split"
link=
if grep -q "__wasm_split" omnichannel-contact-form.js; then
  if [ ! -d "$split" ] || grep -q __wasm_split_placeholder__ omnichannel-contact-form.js; then
    echo "post-build: the wasm has lazy parts but was not split: trunk ran the real wasm-bindgen. Put scripts/split first on PATH (scripts/env.sh does) and have wasm-split-cli installed (scripts/setup.sh)" >&2
    exit 1
  fi
  for f in "$split"/*; do
    name=$(basename "$f")
    case "$name" in
      *.wasm) ;;
      __wasm_split*.js) link=$name ;;
      *) continue ;;
    esac
    cp "$f" "$name"
    if [ "$TRUNK_PROFILE" = release ] && [ "${name%.wasm}" != "$name" ]; then
      "$src/.tools/node_modules/.bin/wasm-opt" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
        --strip-debug --strip-producers --strip-target-features "$name" -o "$name"
    fi
  done
fi

browser=$(find snippets -path '*/src/web/browser.js' | head -n 1)
if [ -n "$browser" ]; then
  cp "$src/src/web/job_store.js" "$(dirname "$browser")/job_store.js"
fi

[ "$TRUNK_PROFILE" = release ] || exit 0
# The JS the page runs besides the glue: a wasm export any of it names keeps its name.
others="contact-form.js $link $(find snippets -name '*.js')"
node "$src/scripts/wasm-trim.mjs" omnichannel-contact-form_bg.wasm omnichannel-contact-form.js $others
for js in omnichannel-contact-form.js $others; do
  "$src/.tools/node_modules/.bin/esbuild" "$js" --minify --format=esm --log-level=warning --outfile="$js" --allow-overwrite
done

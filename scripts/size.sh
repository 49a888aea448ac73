#!/usr/bin/env bash
# Prints the release build's sizes, raw, gzip -9 and brotli -q 11: the first load (the module's
# glue, its snippets, the main wasm, the lazy parts' link module and the CSS), each lazy part
# (its chunk, and any JS it fetches, when an agent first opens it), each language catalogue,
# and what a page fetches before the first input (the loader and the CSS, and in another
# language its drawn texts). Fails when any is over its ceiling in scripts/size-ceiling.
# Usage: scripts/size.sh [DIST]   (default: dist/, built with `trunk build --release`)
set -euo pipefail
cd "$(dirname "$0")/.."
dist=${1:-dist}
mapfile -t found < <(find "$dist" -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.css' \) | sort)
# A snippet counts only when the JS module imports it (a stale one from an earlier build may
# linger in trunk's staging folder and be copied along).
files=() parts=()
for f in "${found[@]}"; do
  case "$f" in
    # A lazy part's chunk (named split_<part>-<tag>.wasm; chunk_<n>-<tag>.wasm holds code two
    # parts share) is fetched when the part is first opened: counted apart below.
    "$dist"/split_*.wasm | "$dist"/chunk_*.wasm) parts+=("$f"); continue ;;
    # Browser code a part fetches when it first runs (browser.js imports it from beside itself),
    # not with the module: counted with that part (the job store's JS is the import's).
    "$dist"/snippets/*/src/web/job_store.js)
      grep -qF 'import("./job_store.js")' "$(dirname "$f")/browser.js" 2>/dev/null && parts+=("$f")
      continue ;;
    "$dist"/snippets/*) grep -qF "${f#"$dist"/}" "$dist"/*.js || continue ;;
    # The loader is counted on its own below; the demo page's script is no host page's.
    "$dist"/contact-form.js | "$dist"/demo.js) continue ;;
  esac
  files+=("$f")
done
if [ ${#files[@]} -eq 0 ]; then
  echo "size: no wasm, js or css in $dist: run 'trunk build --release' first" >&2
  exit 1
fi
printf '%-48s %10s %10s %10s\n' "first load" raw gzip brotli
total_raw=0 total_gz=0 total_br=0
for f in "${files[@]}"; do
  raw=$(wc -c <"$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  br=$(brotli -q 11 -c "$f" | wc -c)
  total_raw=$((total_raw + raw)) total_gz=$((total_gz + gz)) total_br=$((total_br + br))
  printf '%-48s %10d %10d %10d\n' "${f#"$dist"/}" "$raw" "$gz" "$br"
done
printf '%-48s %10d %10d %10d\n' "first load, total" "$total_raw" "$total_gz" "$total_br"
# The wasm's initial linear memory: its memory section's minimum, in 64 KiB pages.
memory_kb=$(python3 - "$dist"/omnichannel-contact-form_bg.wasm <<'PY'
import sys
data = open(sys.argv[1], "rb").read()
def leb(i):
    value = shift = 0
    while True:
        b = data[i]; i += 1
        value |= (b & 0x7F) << shift; shift += 7
        if b < 0x80: return value, i
i = 8
while i < len(data):
    section, i = data[i], i + 1
    size, i = leb(i)
    if section == 5:
        _, j = leb(i)  # how many memories (one)
        pages, _ = leb(j + 1)  # after its limits flag: the minimum
        print(pages * 64)
        break
    i += size
PY
)
echo "wasm linear memory at start: ${memory_kb} KB"

# Each language's catalogue: fetched only by those who speak it, so not in the total above.
if compgen -G "$dist/i18n/*.txt" >/dev/null; then
  printf '%-48s %10s %10s %10s\n' "catalogue (its speakers only)" raw gzip brotli
  for f in "$dist"/i18n/*.txt; do
    printf '%-48s %10d %10d %10d\n' "${f#"$dist"/}" "$(wc -c <"$f")" \
      "$(gzip -9 -c "$f" | wc -c)" "$(brotli -q 11 -c "$f" | wc -c)"
  done
fi

# Before the first input: a page using the loader fetches it and the stylesheet, and the form
# is there to type into; the module and the wasm follow.
if [ ! -f "$dist/contact-form.js" ]; then
  echo "size: no contact-form.js in $dist (Trunk.toml's hook writes it)" >&2
  exit 1
fi
loader_br=$(brotli -q 11 -c "$dist/contact-form.js" | wc -c)
css_br=$(brotli -q 11 -c "$dist/widget.css" | wc -c)
first_br=$((loader_br + css_br))
echo "before the first input: contact-form.js $loader_br + widget.css $css_br = $first_br bytes brotli"
# Another language's speakers fetch one more file first: its drawn texts (i18n/shell/<tag>.json),
# at most 1 KB brotli each.
largest_texts_br=0
for f in "$dist"/i18n/shell/*.json; do
  [ -f "$f" ] || { echo "size: no i18n/shell/*.json in $dist (scripts/shell.sh writes them)" >&2; exit 1; }
  texts_br=$(brotli -q 11 -c "$f" | wc -c)
  [ "$texts_br" -gt "$largest_texts_br" ] && largest_texts_br=$texts_br
  tag=$(basename "$f" .json)
  echo "before the first input in $tag: $first_br + ${f#"$dist"/} $texts_br = $((first_br + texts_br)) bytes brotli (one request more)"
done

# The gate: scripts/size-ceiling holds the most the build may weigh. It only moves down, or up
# in a commit that says why.
read -r ceiling_br ceiling_memory_kb ceiling_first_br < <(grep -v '^#' scripts/size-ceiling | head -n 1)
if [ "$total_br" -gt "$ceiling_br" ] || [ "$memory_kb" -gt "$ceiling_memory_kb" ] ||
  [ "$first_br" -gt "$ceiling_first_br" ] || [ "$loader_br" -gt 3072 ] || [ "$largest_texts_br" -gt 1024 ]; then
  echo "size: OVER the ceiling in scripts/size-ceiling ($ceiling_br bytes brotli, $ceiling_memory_kb KB memory, $ceiling_first_br bytes before the first input), or the loader over 3 KB, or a language's drawn texts over 1 KB" >&2
  exit 1
fi
echo "within the ceiling of scripts/size-ceiling ($ceiling_br bytes brotli for the first load, $ceiling_memory_kb KB memory, $ceiling_first_br bytes before the first input)"

# Each lazy part: its chunk (and the import its job store's JS), against its own line in
# scripts/size-ceiling ("part NAME BYTES").
# The code two parts share (chunk_<n>-<tag>.wasm, numbered by the splitter) is one line, "shared",
# fetched with whichever of those parts is opened first. A part with no ceiling fails too: each
# says what it costs when it is added.
if [ ${#parts[@]} -gt 0 ]; then
  printf '%-48s %10s %10s %10s %10s\n' "lazy part (fetched when first opened)" raw gzip brotli ceiling
  declare -A part_raw=() part_gz=() part_br=()
  for f in "${parts[@]}"; do
    name=$(basename "$f" .wasm)
    name=${name%-*}
    case "$name" in chunk_*) name=shared ;; job_store.js) name=import ;; *) name=${name#split_} ;; esac
    part_raw[$name]=$((${part_raw[$name]:-0} + $(wc -c <"$f")))
    part_gz[$name]=$((${part_gz[$name]:-0} + $(gzip -9 -c "$f" | wc -c)))
    part_br[$name]=$((${part_br[$name]:-0} + $(brotli -q 11 -c "$f" | wc -c)))
  done
  over=0
  for name in $(printf '%s\n' "${!part_br[@]}" | sort); do
    br=${part_br[$name]}
    ceiling=$(awk -v n="$name" '$1 == "part" && $2 == n { print $3 }' scripts/size-ceiling)
    printf '%-48s %10d %10d %10d %10s\n' "$name" "${part_raw[$name]}" "${part_gz[$name]}" "$br" "${ceiling:-none}"
    if [ -z "$ceiling" ] || [ "$br" -gt "$ceiling" ]; then
      echo "size: the lazy part $name is $br bytes brotli, over its ceiling (a line 'part $name BYTES' in scripts/size-ceiling): ${ceiling:-none}" >&2
      over=1
    fi
  done
  [ "$over" -eq 0 ] || exit 1
  echo "each lazy part within its ceiling"
fi

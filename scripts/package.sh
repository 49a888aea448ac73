#!/usr/bin/env bash
# Builds the release into a folder of its own (target/npm-dist, whatever dist/ holds: `trunk
# serve` leaves a debug build there) and turns it into the npm package omnichannel-contact-form:
# the folder target/npm/package and its tarball (`npm pack`),
# target/npm/omnichannel-contact-form-<version>.tgz. The version and description are the
# crate's (Cargo.toml), so they are written in one place.
# Usage: scripts/package.sh [DIST] — with DIST, packs that release build instead of building
# one (scripts/test.sh passes the dist/ it has just built). A wasm that is not the release
# build is refused.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
dist=${1:-}
if [ -z "$dist" ]; then
  dist=target/npm-dist
  echo "package: trunk build --release --dist $dist"
  trunk build --release --dist "$dist" >/dev/null
fi
out=target/npm
version=$(awk -F'"' '/^version = / { print $2; exit }' Cargo.toml)
description=$(awk -F'"' '/^description = / { print $2; exit }' Cargo.toml)
for f in contact-form.js omnichannel-contact-form.js omnichannel-contact-form_bg.wasm widget.css; do
  [ -f "$dist/$f" ] || { echo "package: no $dist/$f: run scripts/package.sh without a folder to build the release" >&2; exit 1; }
done
# A debug build's wasm is megabytes (6.5 MB), unoptimised and with its debug information; the
# release build's is a tenth of that, and its JS glue is minified.
wasm_bytes=$(wc -c <"$dist/omnichannel-contact-form_bg.wasm")
if [ "$wasm_bytes" -gt 2000000 ] || [ "$(wc -l <"$dist/omnichannel-contact-form.js")" -gt 5 ]; then
  echo "package: $dist is not the release build (its wasm is $wasm_bytes bytes, its JS glue $(wc -l <"$dist/omnichannel-contact-form.js") lines): run scripts/package.sh without a folder to build it" >&2
  exit 1
fi
rm -rf "$out"
mkdir -p "$out/package"
cp -r "$dist"/{contact-form.js,omnichannel-contact-form.js,omnichannel-contact-form_bg.wasm,widget.css,i18n} "$out/package/"
# The lazy parts: their link module, which the module imports, and their chunks, fetched when a
# part is first opened (names tagged with the release: a stale one from an earlier build may
# linger in dist/, so only those the link module names).
link=$(cd "$dist" && ls __wasm_split-*.js 2>/dev/null | while read -r f; do grep -qF "./$f" omnichannel-contact-form.js && echo "$f"; done)
[ -n "$link" ] || { echo "package: $dist has no lazy parts' link module (__wasm_split-<tag>.js): build it with trunk through scripts/env.sh's PATH" >&2; exit 1; }
cp "$dist/$link" "$out/package/"
for chunk in $(grep -o '"\./[a-z_0-9]*-[0-9a-f]*\.wasm"' "$dist/$link" | tr -d '"' | sed 's|^\./||'); do
  cp "$dist/$chunk" "$out/package/"
done
# The snippets the module imports (a stale one from an earlier build may linger in dist/), and
# beside them the files they import when a lazy part is opened (browser.js's job_store.js).
find "$dist/snippets" -type f -name '*.js' | while read -r f; do
  if grep -qF "${f#"$dist"/}" "$dist/omnichannel-contact-form.js"; then
    mkdir -p "$out/package/$(dirname "${f#"$dist"/}")"
    cp "$f" "$out/package/${f#"$dist"/}"
    for later in $(grep -o 'import("\./[a-z_]*\.js")' "$f" | sed 's|^import("\./||; s|")$||'); do
      [ -f "$(dirname "$f")/$later" ] || { echo "package: $f imports ./$later, which $dist does not have" >&2; exit 1; }
      cp "$(dirname "$f")/$later" "$out/package/$(dirname "${f#"$dist"/}")/"
    done
  fi
done
cp npm/*.d.ts npm/custom-elements.json npm/README.md CHANGELOG.md "$out/package/"
# The repository's address, where this checkout knows one.
repository=$(git remote get-url origin 2>/dev/null || true)
node - "$out/package/package.json" "$version" "$description" "$repository" <<'JS'
const [file, version, description, repository] = process.argv.slice(2);
const manifest = {
  name: "omnichannel-contact-form",
  version,
  description,
  type: "module",
  main: "./contact-form.js",
  types: "./contact-form.d.ts",
  // The Custom Elements Manifest: the element, its attributes, events and theming, for editors,
  // Storybook and framework tooling.
  customElements: "./custom-elements.json",
  exports: {
    ".": { types: "./contact-form.d.ts", default: "./contact-form.js" },
    "./module": { types: "./module.d.ts", default: "./omnichannel-contact-form.js" },
    "./widget.css": "./widget.css",
    "./i18n/*": "./i18n/*",
    "./custom-elements.json": "./custom-elements.json",
    // Types only, for a framework's templates: `import type {} from "omnichannel-contact-form/react"`.
    "./react": { types: "./react.d.ts" },
    "./vue": { types: "./vue.d.ts" },
    "./svelte": { types: "./svelte.d.ts" },
    "./solid": { types: "./solid.d.ts" },
    "./package.json": "./package.json",
  },
  files: [
    "contact-form.js", "contact-form.d.ts", "module.d.ts", "react.d.ts", "vue.d.ts", "svelte.d.ts",
    "solid.d.ts", "omnichannel-contact-form.js",
    "omnichannel-contact-form_bg.wasm", "__wasm_split-*.js", "split_*.wasm", "chunk_*.wasm",
    "snippets/", "i18n/", "widget.css", "custom-elements.json",
    "CHANGELOG.md",
  ],
  // Importing the loader or the module defines <omnichannel-contact-form>; the CSS styles it.
  sideEffects: ["./contact-form.js", "./omnichannel-contact-form.js", "./snippets/*", "*.css"],
  license: "MIT",
  // No peerDependencies for the framework declarations: an optional peer whose installed
  // version is outside its range still fails `npm install` (ERESOLVE), and the package needs
  // no framework; each declaration file only names its framework's types.
  keywords: ["rocket.chat", "rocketchat", "omnichannel", "contact", "crm", "form", "widget",
    "web-component", "custom-element", "webassembly", "wasm", "leptos", "react", "vue", "svelte",
    "solid", "angular"],
};
if (repository) manifest.repository = { type: "git", url: repository };
require("fs").writeFileSync(file, JSON.stringify(manifest, null, 2) + "\n");
JS
(cd "$out" && npm pack --silent ./package >/dev/null)
echo "npm package: $out/omnichannel-contact-form-$version.tgz ($(wc -c <"$out/omnichannel-contact-form-$version.tgz") bytes)"

// The browser's side of languages, imported by locale.rs. wasm-bindgen copies this file to
// `snippets/<crate>-<hash>/src/web/locale.js`, four folders under the module, so the catalogues
// in `i18n/` beside the module are at `../../../../i18n/`.

export function catalogue(tag) {
  const url = new URL(`../../../../i18n/${tag}.txt`, import.meta.url);
  return fetch(url)
    .then((r) => (r.ok ? r.text() : Promise.reject(`HTTP ${r.status}`)))
    .catch((e) => Promise.reject(`${url}: ${e}`));
}

export function languages() {
  return (navigator.languages || []).join();
}

// locale.rs's browser side. This file lands four folders under the module, so i18n/ is ../../../../
export function catalogue(tag) {
  const url = new URL(`../../../../i18n/${tag}.txt`, import.meta.url);
  return fetch(url).then((r) => (r.ok ? r.text() : Promise.reject(`HTTP ${r.status}`)))
    .catch((e) => Promise.reject(`${url}: ${e}`));
}
export function languages() { return (navigator.languages || []).join(); }

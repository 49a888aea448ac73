// The browser's side of dates.rs, locale.rs and (in split builds) job_store.rs: a few lines of
// JS cost the module less than web-sys bindings, and as one file the first download fetches
// them in one request. wasm-bindgen copies it to `snippets/<crate>-<hash>/src/web/`, four
// folders under the module.

// dates.rs: a moment in the agent's language (the widget's own tag, which the browser knows).
// style: 0 date and time, 1 the day, 2 the time.
const STYLES = [{ dateStyle: "medium", timeStyle: "short" }, { dateStyle: "full" }, { timeStyle: "short" }];
export function moment(tag, ms, style) { return new Intl.DateTimeFormat(tag, STYLES[style]).format(ms); }
export function relative(tag, value, unit) { return new Intl.RelativeTimeFormat(tag, { numeric: "auto" }).format(value, unit); }

// locale.rs: a catalogue from `i18n/` beside the module (`../../../../` from here), and the
// languages the browser asks for.
export function catalogue(tag) {
  const url = new URL(`../../../../i18n/${tag}.txt`, import.meta.url);
  return fetch(url).then((r) => (r.ok ? r.text() : Promise.reject(`HTTP ${r.status}`)))
    .catch((e) => Promise.reject(`${url}: ${e}`));
}
export function languages() { return (navigator.languages || []).join(); }

// job_store.rs: browser code only a lazy part runs, fetched with it rather than with the module.
// Each such file sits beside this one (scripts/post-build.sh puts it there), so a literal
// import() finds it whether the module is served as built or a bundler follows it.
export const jobStore = (...call) => import("./job_store.js").then((store) => store.call(...call));

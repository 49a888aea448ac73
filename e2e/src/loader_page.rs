//! The host pages the loader's end-to-end tests share (`tests/loader.rs`, `tests/first_screen.rs`).

use crate::{host_site_with, HostSite};

/// A host page that mounts through the loader (`?load=`, `?locale=`, `?theme=`, `?labels=` (JSON),
/// `?authToken=` and `?userId=` as the options), counting the contact
/// saves it sends and every layout shift. Nothing follows the form: whatever a module script
/// draws comes after the page's first paint, and would move what is below it.
pub const PAGE: &str = r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>loader</title>
<link rel="stylesheet" href="widget.css"></head><body>
<main><h1>A host page</h1>
<div id="form"></div></main>
<script type="module">
import { mount } from "./contact-form.js";
window.saves = 0;
window.shifts = 0;
const real = window.fetch;
window.fetch = (input, init) => {
  const url = new URL(input.url || String(input), location.href);
  const method = (init && init.method) || input.method || "GET";
  if (method === "POST" && url.pathname === "/api/v1/omnichannel/contact") window.saves++;
  return real(input, init);
};
new PerformanceObserver((list) => {
  // Cumulative layout shift as browsers define it (a shift right after an input is the
  // user's doing), and every shift with what moved.
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) window.shifts += entry.value;
    (window.shifted ||= []).push([entry.value, ...entry.sources.map((s) => s.node && (s.node.className || s.node.nodeName))]);
  }
}).observe({ type: "layout-shift", buffered: true });
const element = document.getElementById("form");
element.addEventListener("contact-form-ready", () => { window.ready = true; });
const params = new URLSearchParams(location.search);
const options = { load: params.get("load") || "eager" };
for (const key of ["server", "locale", "theme", "authToken", "userId"]) if (params.get(key)) options[key] = params.get(key);
if (params.get("labels")) options.labels = JSON.parse(params.get("labels"));
window.handle = mount(element, options);
</script></body></html>"#;

/// A host page with `<omnichannel-contact-form>`, defined by the loader.
pub const ELEMENT_PAGE: &str = r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>element</title></head><body>
<omnichannel-contact-form theme="dark"></omnichannel-contact-form>
<script type="module">
import "./contact-form.js";
document.querySelector("omnichannel-contact-form")
  .addEventListener("contact-form-ready", () => { window.ready = true; });
</script></body></html>"#;

/// `loader.html` ([`PAGE`]) and `element.html` ([`ELEMENT_PAGE`]) beside the release build, with
/// Company optional.
pub async fn site() -> HostSite {
    let pages = [
        ("loader.html", PAGE.to_owned()),
        ("element.html", ELEMENT_PAGE.to_owned()),
    ];
    let options = rc_standin::Options {
        required_field: false,
        ..rc_standin::Options::default()
    };
    host_site_with(&pages, options).await
}

//! A benchmark, not a test: how soon a page has an input to type into, and when the widget is
//! ready, for the loader, the plain wasm-bindgen module and a plain HTML form doing the same job,
//! on loopback and on an emulated 4G link (40 ms latency, 10 Mbit/s each way, Chromium's own
//! network emulation). Each number is the median of several page loads, each in a fresh
//! browser (nothing cached). Each page names the module it imports in a `modulepreload` link.
//! Run after `trunk build --release`:
//! `cargo run --release -p e2e --bin first-input [RUNS]`.

use e2e::{host_site, Browser};
use fantoccini::wd::WebDriverCompatibleCommand;
use serde_json::json;

/// Records, from the top of the page, when the first `<input>` is on screen (the first frame
/// after it is in the document: a frame waits for the render-blocking stylesheet, on every page
/// alike) and when the widget says it is ready (the module draws its form when it mounts, so
/// that is its ready too).
const PROBE: &str = r#"<script>
let seen = false;
new MutationObserver(() => {
  if (!seen && document.querySelector("input")) {
    seen = true;
    requestAnimationFrame(() => { window.firstInput = performance.now(); });
  }
}).observe(document, { childList: true, subtree: true });
</script>"#;

fn page(body: &str) -> String {
    // A host page names the module it imports in its head (`modulepreload`), beside the
    // stylesheet, so both are fetched while the page is still arriving.
    let preload = ["./contact-form.js", "./omnichannel-contact-form.js"]
        .into_iter()
        .find(|m| body.contains(m))
        .map(|m| format!(r#"<link rel="modulepreload" href="{m}">"#))
        .unwrap_or_default();
    format!(
        r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>bench</title>
<link rel="stylesheet" href="widget.css">{preload}{PROBE}</head><body><div id="form"></div>{body}</body></html>"#
    )
}

fn pages() -> Vec<(&'static str, String)> {
    vec![
        (
            "loader.html",
            page(
                r#"<script type="module">
import { mount } from "./contact-form.js";
const element = document.getElementById("form");
element.addEventListener("contact-form-ready", () => { window.readyAt = performance.now(); });
mount(element, {});
</script>"#,
            ),
        ),
        (
            "idle.html",
            page(
                r#"<script type="module">
import { mount } from "./contact-form.js";
const element = document.getElementById("form");
element.addEventListener("contact-form-ready", () => { window.readyAt = performance.now(); });
mount(element, { load: "idle" });
</script>"#,
            ),
        ),
        (
            "module.html",
            page(
                r#"<script type="module">
import init, { mount } from "./omnichannel-contact-form.js";
await init();
mount(document.getElementById("form"), {});
window.readyAt = performance.now();
</script>"#,
            ),
        ),
        (
            "plain.html",
            page(
                r#"<form class="ocf-form"><label for="user">Username or email</label>
<input id="user" name="user" autocomplete="username" required>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button>Sign in</button></form>
<script>window.readyAt = performance.now();</script>"#,
            ),
        ),
    ]
}

/// chromedriver's network emulation (`POST /session/{id}/chromium/network_conditions`).
#[derive(Debug, Clone, Copy)]
struct Link {
    latency_ms: u64,
    bytes_per_second: u64,
}

impl WebDriverCompatibleCommand for Link {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        let session = session.unwrap_or_default();
        base.join(&format!("session/{session}/chromium/network_conditions"))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        let conditions = json!({"network_conditions": {
            "offline": false,
            "latency": self.latency_ms,
            "download_throughput": self.bytes_per_second,
            "upload_throughput": self.bytes_per_second,
        }});
        (http::Method::POST, Some(conditions.to_string()))
    }
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

#[tokio::main]
async fn main() {
    let runs: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(5);
    let site = host_site(&pages()).await;
    println!("median of {runs} loads, each in a fresh browser; ms from navigation start");
    println!(
        "{:<10} {:<14} {:>12} {:>10}",
        "link", "page", "first input", "ready"
    );
    let links = [
        ("loopback", None),
        (
            "4G",
            Some(Link {
                latency_ms: 40,
                bytes_per_second: 10_000_000 / 8,
            }),
        ),
    ];
    for (name, link) in links {
        for (file, _) in pages() {
            let (mut first, mut ready) = (Vec::new(), Vec::new());
            for _ in 0..runs {
                let b = Browser::start().await;
                if let Some(link) = link {
                    b.client
                        .issue_cmd(link)
                        .await
                        .expect("chromedriver emulates the link");
                }
                b.open(&format!("{}/{file}", site.url)).await;
                let times = b
                    .wait_js(
                        "the first input and ready",
                        "return window.firstInput !== undefined && window.readyAt !== undefined && [window.firstInput, window.readyAt]",
                    )
                    .await;
                first.push(times[0].as_f64().unwrap_or_default());
                ready.push(times[1].as_f64().unwrap_or_default());
                b.finish().await;
            }
            println!(
                "{name:<10} {file:<14} {:>12.0} {:>10.0}",
                median(first),
                median(ready)
            );
        }
    }
}

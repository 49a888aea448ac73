//! A benchmark, not a test: reading and checking a large file for the import (20,000 rows unless
//! told otherwise, each padded with a Notes column of PAD characters, 0 unless told), on the
//! release build against the stand-in. It says how soon the summary is shown after the file is
//! given, how long the page stopped answering at most meanwhile (the longest gap between the
//! ticks of a 10 ms timer, and the longest task Chromium reports), and the memory the page holds
//! once the summary is shown, after a garbage collection: the wasm's linear memory and the JS
//! heap, against the file's size. The issue's bars: the summary within 3 s, no stall over
//! 100 ms, memory under 3 times the file (a file of nearly 10 MB: `import-bench 50000 140`).
//! Run after `trunk build --release`:
//! `cargo run --release -p e2e --bin import-bench [ROWS [PAD]]`.

use e2e::{standin, Browser};

/// Makes a file of `rows` rows in the page (one in fifty with a bad email, one in a hundred
/// repeating an earlier row's email). A task of its own: making it is not the widget's work.
const MAKE: &str = r#"
const rows = ROWS;
const pad = "n".repeat(PAD);
const lines = ["Name,Email,Phone,Company" + (PAD ? ",Notes" : "")];
for (let i = 0; i < rows; i++) {
  const email = i % 50 === 7 ? `person${i}-at-example.com`
    : i % 100 === 9 ? `person${i - 1}@example.com` : `person${i}@example.com`;
  lines.push(`Person ${i},${email},+44 20 7${String(i).padStart(7, "0")},"Firm, ${i % 7}"` + (PAD ? `,${pad}` : ""));
}
window.__file = new File([lines.join("\r\n")], "big.csv", {type: "text/csv"});
return window.__file.size;
"#;

/// Starts the probes, and gives the file made to the import.
const GIVE: &str = r#"
const file = window.__file;
window.__gap = 0; window.__long = 0;
let last = performance.now();
window.__tick = setInterval(() => {
  const now = performance.now();
  if (now - last > window.__gap) { window.__gap = now - last; window.__gapAt = last - window.__t0; }
  last = now;
}, 10);
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) window.__long = Math.max(window.__long, e.duration);
}).observe({type: "longtask"});
const summary = () => document.querySelector(".ocf-import .ocf-problems")?.previousElementSibling;
new MutationObserver((_, seen) => {
  if (/^\d+ rows:/.test(summary()?.textContent || "")) { window.__t1 = performance.now(); seen.disconnect(); }
}).observe(document.body, {childList: true, subtree: true, characterData: true});
const transfer = new DataTransfer();
transfer.items.add(file);
const input = document.querySelector("input[name='file']");
input.files = transfer.files;
window.__t0 = performance.now();
input.dispatchEvent(new Event("change", {bubbles: true}));
return null;
"#;

/// The memory the page holds before the file is given (after a garbage collection, the file
/// made held by the page too): the wasm's linear memory and the JS heap.
const BEFORE: &str = r#"
return new Promise((done) => setTimeout(async () => {
  const module = await import(new URL("omnichannel-contact-form.js", location.href).href);
  const exports = await module.default();
  gc();
  await new Promise((r) => setTimeout(r, 100));
  gc();
  done(exports.memory.buffer.byteLength + (performance.memory ? performance.memory.usedJSHeapSize : 0));
}, 100));
"#;

/// When the summary is there: the time since the file was given, the probes' maxima, and,
/// after a garbage collection, the wasm's linear memory (its high-water mark: it never shrinks;
/// read from the module's own exports, as initialising it again gives the instance the page
/// runs) and the JS heap.
const SHOWN: &str = r#"
if (!window.__t1) return null;
const said = document.querySelector(".ocf-import .ocf-problems").previousElementSibling.textContent;
return new Promise((done) => setTimeout(async () => {
  clearInterval(window.__tick);
  const module = await import(new URL("omnichannel-contact-form.js", location.href).href);
  const exports = await module.default();
  gc();
  await new Promise((r) => setTimeout(r, 100));
  gc();
  done({ms: window.__t1 - window.__t0, gap: window.__gap, at: window.__gapAt, long: window.__long, said,
    wasm: exports.memory.buffer.byteLength, heap: performance.memory ? performance.memory.usedJSHeapSize : null});
}, 300));
"#;

#[tokio::main]
async fn main() {
    let rows: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20_000);
    let pad: usize = std::env::args()
        .nth(2)
        .and_then(|a| a.parse().ok())
        .unwrap_or(0);
    let (url, _state) = standin().await;
    let b = Browser::signed_in(&url, "agent.one").await;
    b.click("Import contacts").await;
    b.wait_js(
        "the import's file input",
        "return !!document.querySelector(\"input[name='file']\")",
    )
    .await;
    let make = MAKE
        .replace("ROWS", &rows.to_string())
        .replace("PAD", &pad.to_string());
    let size = b.js(&make).await;
    let before = b.wait_js("the memory before the file", BEFORE).await;
    b.js(GIVE).await;
    let shown = b.wait_js("the summary", SHOWN).await;
    println!("import-bench: {rows} rows, {size} bytes");
    println!("  {}", shown["said"].as_str().unwrap_or_default());
    println!(
        "  summary shown after {:.0} ms (bar: 3000)",
        shown["ms"].as_f64().unwrap_or(f64::NAN)
    );
    // Chromium reports tasks over 50 ms only: none is 0.
    let long = match shown["long"].as_f64().unwrap_or(f64::NAN) {
        0.0 => "no task over 50 ms".to_owned(),
        ms => format!("longest task {ms:.0} ms"),
    };
    println!(
        "  longest stall: {:.0} ms between timer ticks (from {:.0} ms), {long} (bar: 100)",
        shown["gap"].as_f64().unwrap_or(f64::NAN),
        shown["at"].as_f64().unwrap_or(f64::NAN),
    );
    let bytes = size.as_f64().unwrap_or(f64::NAN);
    let mb = |n: f64| n / 1_048_576.0;
    let wasm = shown["wasm"].as_f64().unwrap_or(f64::NAN);
    let heap = shown["heap"].as_f64().unwrap_or(f64::NAN);
    println!(
        "  memory after the summary: wasm {:.1} MB + JS heap {:.1} MB = {:.1} times the file's {:.1} MB (bar: 3)",
        mb(wasm),
        mb(heap),
        (wasm + heap) / bytes,
        mb(bytes)
    );
    let before = before.as_f64().unwrap_or(f64::NAN);
    println!(
        "  of which the page held {:.1} MB before the file was given: the file took {:.1} times its size",
        mb(before),
        (wasm + heap - before) / bytes
    );
    b.finish().await;
}

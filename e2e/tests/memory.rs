//! The release build's small stack and memory: it starts within 256 KB of linear memory, and
//! the deepest paths the widget has (an answer nested as deep as its JSON reader takes, 300
//! custom fields drawn, checked and sent, every field at its limit) run on its 64 KB stack.

use e2e::{click_script, host_site_with, Browser};
use rc_standin::{seed, Options};
use serde_json::json;

const AGENT_ONE: &str = "agentOne000000001";

/// The host page answers the custom-field definitions itself (300 of them, each carrying an
/// array nested to the JSON reader's limit) and lets every other request through to the stand-in.
fn page() -> String {
    format!(
        r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Big</title>
<link rel="stylesheet" href="widget.css"></head><body><main><div id="w"></div></main>
<script type="module">
  import init, {{ mount }} from "./omnichannel-contact-form.js";
  const deep = "[".repeat(61) + "1" + "]".repeat(61); // the number sits at depth 64, the most the reader takes
  const fields = Array.from({{ length: 300 }}, (_, i) => `{{"_id":"f${{i}}","label":"Field ${{i}}","scope":"visitor","visibility":"visible","type":"input","required":false,"regexp":"^[a-z]*$","options":"","defaultValue":"","extra":${{deep}}}}`);
  const big = `{{"customFields":[${{fields.join(",")}}],"success":true}}`;
  const passOn = window.fetch.bind(window);
  window.fetch = (input, options) => {{
    const url = String(input instanceof Request ? input.url : input); // a string, URL or Request
    if (url.includes("/api/v1/livechat/custom-fields")) {{
      return Promise.resolve(new Response(big, {{ status: 200, headers: {{ "content-type": "application/json" }} }}));
    }}
    return passOn(input, options);
  }};
  const wasm = await init();
  window.startMemory = wasm.memory.buffer.byteLength;
  window.memoryNow = () => wasm.memory.buffer.byteLength;
  mount(document.getElementById("w"), {{ authToken: "{pat}", userId: "{AGENT_ONE}" }});
  window.ready = true;
</script></body></html>"#,
        pat = seed::PERSONAL_ACCESS_TOKEN
    )
}

/// Types `value` into every input named in `names` at once (an input event each).
fn fill_script(values: &[(String, String)]) -> String {
    format!(
        r#"for (const [name, value] of {}) {{
             const input = document.querySelector(`input[name='${{name}}']`);
             input.value = value;
             input.dispatchEvent(new Event("input", {{ bubbles: true }}));
           }}
           return true;"#,
        json!(values)
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn the_deepest_paths_run_on_the_small_stack_within_256_kb() {
    let site = host_site_with(
        &[("big.html", page())],
        Options {
            required_field: false,
            ..Options::default()
        },
    )
    .await;
    let b = Browser::start().await;
    b.open(&format!("{}/big.html", site.url)).await;
    b.wait_js("the module", "return window.ready === true")
        .await;
    let start_kb = b.js("return window.startMemory / 1024").await;
    assert!(
        start_kb.as_f64().unwrap() <= 256.0,
        "linear memory at start: {start_kb} KB"
    );
    b.wait_js(
        "300 custom fields",
        "return !!document.querySelector(\"input[name='customFields.f299']\")",
    )
    .await;

    let mut values: Vec<(String, String)> = vec![
        ("name".into(), "N".repeat(120)),
        ("email".into(), format!("{}@example.com", "a".repeat(200))),
        ("phone".into(), "+44 (0)20 7946 0958".into()),
        ("contactManager".into(), "agent.two".into()),
    ];
    values.extend((0..300).map(|i| (format!("customFields.f{i}"), "x".repeat(100))));
    values[11].1 = "NOT LOWER".into(); // customFields.f7
    b.js(&fill_script(&values)).await;
    let w = r#"document.getElementById("w")"#;
    b.js(&click_script(w, "Register contact")).await;
    b.wait_status_in(w, "One field needs attention").await;
    b.js(&fill_script(&[("customFields.f7".into(), "lower".into())]))
        .await;
    b.js(&click_script(w, "Register contact")).await;
    b.wait_status_in(w, "Contact registered").await;
    let visitor = site.state.store.read(|d| d.visitors[0].clone()).await;
    assert_eq!(visitor.phone.as_deref(), Some("+442079460958"));
    assert_eq!(visitor.name, "N".repeat(120));
    let after_kb = b.js("return window.memoryNow() / 1024").await;
    println!("linear memory: {start_kb} KB at start, {after_kb} KB after 300 fields and a save");
    b.finish().await;
}

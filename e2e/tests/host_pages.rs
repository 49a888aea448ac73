//! Host pages as they really are: a page that drops the handle `mount()` returned (and a
//! garbage collector that frees it), and a page served with a strict Content-Security-Policy.

use e2e::{click_script as click, host_site_with, type_script as type_into, Browser, HostSite};
use rc_standin::{seed, Options};
use serde_json::json;
use std::time::Duration;

const AGENT_ONE: &str = "agentOne000000001";

/// What security-minded intranets and CRMs send (docs/embedding.md promises the widget works under it).
const STRICT_CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'";

fn options() -> Options {
    Options {
        required_field: false,
        ..Options::default()
    }
}

async fn open(site: &HostSite, page: &str) -> Browser {
    let b = Browser::start().await;
    b.open(&format!("{}/{page}", site.url)).await;
    b.wait_js("the module to load", "return window.ready === true")
        .await;
    b
}

/// Runs `gc()` a few times, each in its own task, with pauses for finalizers to run.
async fn collect_garbage(b: &Browser) {
    for _ in 0..4 {
        b.js("gc(); return true").await;
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_widget_whose_handle_was_dropped_survives_garbage_collection() {
    let page = format!(
        r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>CRM</title>
<link rel="stylesheet" href="widget.css"></head><body><div id="a"></div><div id="b"></div>
<script type="module">
  import init, {{ mount }} from "./omnichannel-contact-form.js";
  await init();
  const options = {{ authToken: "{pat}", userId: "{AGENT_ONE}" }};
  // As people write other embeds: the handle is not kept. Only a WeakRef watches it.
  window.dropped = new WeakRef(mount(document.getElementById("a"), options));
  window.kept = mount(document.getElementById("b"), options);
  window.ready = true;
</script></body></html>"#,
        pat = seed::PERSONAL_ACCESS_TOKEN
    );
    let site = host_site_with(&[("gc.html", page)], options()).await;
    let b = open(&site, "gc.html").await;
    let a = r#"document.getElementById("a")"#;
    b.wait_js(
        "the form",
        &format!(r#"return !!{a}.querySelector("input[name='name']")"#),
    )
    .await;
    assert_eq!(
        b.js(&type_into(a, "name", "Ada Lovelace")).await,
        json!(true)
    );
    assert_eq!(
        b.js(&type_into(a, "email", "ada@example.com")).await,
        json!(true)
    );

    collect_garbage(&b).await;
    assert_eq!(
        b.js("return window.dropped.deref() === undefined").await,
        json!(true),
        "the dropped handle really was collected"
    );
    let typed = b
        .js(&format!(
            r#"return ["name", "email"].map((n) => {a}.querySelector(`input[name='${{n}}']`)?.value)"#
        ))
        .await;
    assert_eq!(
        typed,
        json!(["Ada Lovelace", "ada@example.com"]),
        "the widget and what was typed are still there"
    );
    // It still works: the save goes through.
    b.js(&click(a, "Register contact")).await;
    b.wait_status_in(a, "Contact registered").await;
    assert_eq!(site.state.store.read(|d| d.visitors.len()).await, 1);

    // A kept handle still unmounts, after collections too.
    let bw = r#"document.getElementById("b")"#;
    assert_eq!(
        b.js(&format!(
            r#"return !!{bw}.querySelector("input[name='name']")"#
        ))
        .await,
        json!(true)
    );
    b.js("window.kept.unmount(); return true").await;
    assert_eq!(
        b.js(&format!("return {bw}.childElementCount")).await,
        json!(0)
    );
    b.finish().await;
}

/// The host page's module (an external file: the CSP allows no inline script). It records every
/// CSP violation before the widget loads.
fn csp_script(body: &str) -> String {
    format!(
        r#"window.violations = [];
document.addEventListener("securitypolicyviolation",
  (e) => window.violations.push(`${{e.violatedDirective}} blocked ${{e.blockedURI || "inline"}}`), true);
import("./omnichannel-contact-form.js").then(async ({{ default: init, mount }}) => {{
  await init();
  {body}
  window.ready = true;
}});
"#
    )
}

/// The widget's primary button under `root` is drawn with the stylesheet's accent colour.
async fn assert_styled(b: &Browser, root: &str) {
    let background = b
        .wait_js(
            "the styled button",
            &format!(
                // Once shown: the element keeps the widget hidden until its sheet is adopted.
                r#"const button = {root}.querySelector(".ocf-primary");
                   return button && !button.closest("[hidden]") && getComputedStyle(button).backgroundColor;"#
            ),
        )
        .await;
    assert_eq!(
        background,
        json!("rgb(21, 101, 216)"),
        "the widget's accent, not the browser's default button"
    );
}

async fn save_under(b: &Browser, root: &str, name: &str) {
    b.wait_js(
        "the form",
        &format!(r#"return !!{root}.querySelector("input[name='name']")"#),
    )
    .await;
    assert_eq!(b.js(&type_into(root, "name", name)).await, json!(true));
    b.js(&click(root, "Register contact")).await;
    b.wait_status_in(root, "Contact registered").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn both_ways_of_embedding_work_styled_under_a_strict_csp() {
    let creds = format!(
        r#"authToken: "{}", userId: "{AGENT_ONE}""#,
        seed::PERSONAL_ACCESS_TOKEN
    );
    let api_page = r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>CRM</title>
<link rel="stylesheet" href="widget.css"><script type="module" src="api.js"></script></head>
<body><main><h1>CRM</h1><div id="w"></div></main></body></html>"#;
    let element_page = format!(
        r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Kiosk</title>
<script type="module" src="element.js"></script></head><body><main><h1>Kiosk</h1>
<omnichannel-contact-form auth-token="{}" user-id="{AGENT_ONE}"></omnichannel-contact-form>
</main></body></html>"#,
        seed::PERSONAL_ACCESS_TOKEN
    );
    let site = host_site_with(
        &[
            ("api.html", api_page.to_owned()),
            (
                "api.js",
                csp_script(&format!(
                    r#"mount(document.getElementById("w"), {{ {creds} }});"#
                )),
            ),
            ("element.html", element_page),
            ("element.js", csp_script("")),
        ],
        Options {
            csp: Some(STRICT_CSP.into()),
            ..options()
        },
    )
    .await;

    for (page, root, name) in [
        (
            "api.html",
            r#"document.getElementById("w")"#,
            "Ada by the JS API",
        ),
        (
            "element.html",
            r#"document.querySelector("omnichannel-contact-form").shadowRoot"#,
            "Ada by the element",
        ),
    ] {
        let b = open(&site, page).await;
        assert_styled(&b, root).await;
        save_under(&b, root, name).await;
        assert_eq!(
            b.js("return window.violations").await,
            json!([]),
            "{page}: no CSP violation"
        );
        // The listener does see violations: an inline <style> is reported.
        b.js("document.head.append(Object.assign(document.createElement('style'), { textContent: 'p {}' })); return true")
            .await;
        b.wait_js(
            "the control violation",
            "return window.violations.some((v) => v.startsWith('style-src-elem'))",
        )
        .await;
        b.finish().await;
    }
    let names = site
        .state
        .store
        .read(|d| {
            d.visitors
                .iter()
                .map(|v| v.name.clone())
                .collect::<Vec<_>>()
        })
        .await;
    assert_eq!(names, ["Ada by the JS API", "Ada by the element"]);
}

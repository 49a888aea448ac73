//! Embedding from a page of another origin: the JS API, the custom element, events, unmount,
//! two widgets on one page, and a Rocket.Chat whose CORS setting is off.

use e2e::{api_server, click_script, host_site, type_script, Browser};
use rc_standin::seed;
use rc_standin::state::Cors;
use serde_json::json;

const AGENT_ONE: &str = "agentOne000000001";

fn js_api_page(api: &str) -> String {
    format!(
        r#"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>CRM</title>
<link rel="stylesheet" href="widget.css"></head>
<body><h1>CRM</h1><div id="a"></div><div id="b"></div>
<script type="module">
  import init, {{ mount }} from "./omnichannel-contact-form.js";
  await init();
  window.events = [];
  for (const id of ["a", "b"]) {{
    for (const type of ["contact-saved", "contact-error"]) {{
      document.getElementById(id).addEventListener(type, (e) => window.events.push({{ id, type, ...e.detail }}));
    }}
  }}
  window.a = mount(document.getElementById("a"), {{ server: "{api}" }});
  window.b = mount(document.getElementById("b"), {{ server: "{api}", authToken: "{pat}", userId: "{AGENT_ONE}", theme: "dark" }});
  window.ready = true;
</script></body></html>"#,
        pat = seed::PERSONAL_ACCESS_TOKEN
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn the_js_api_from_another_origin_two_widgets_events_and_unmount() {
    let (api, state) = api_server(Cors::Any).await;
    let site = host_site(&[("crm.html", js_api_page(&api))]).await;
    let b = Browser::start().await;
    b.open(&format!("{}/crm.html", site.url)).await;
    b.wait_js("the module to load", "return window.ready === true")
        .await;

    // Widget a has no credentials: sign in across origins, then save.
    let a = r#"document.getElementById("a")"#;
    b.wait_js(
        "a's sign-in form",
        &format!(r#"return !!{a}.querySelector("input[name='user']")"#),
    )
    .await;
    b.js(&type_script(a, "user", "agent.two")).await;
    b.js(&type_script(a, "password", "agent.two-pass")).await;
    b.js(&click_script(a, "Sign in")).await;
    b.wait_status_in(a, "Signed in.").await;
    b.js(&type_script(a, "name", "Ada from the CRM")).await;
    b.js(&click_script(a, "Register contact")).await;
    b.wait_status_in(a, "Contact registered").await;

    // Widget b got a personal access token from the page and is independent of a.
    let bw = r#"document.getElementById("b")"#;
    let dark = b
        .js(&format!(
            r#"return {bw}.querySelector(".ocf").classList.contains("ocf--dark")"#
        ))
        .await;
    assert_eq!(dark, json!(true));
    assert_eq!(
        b.js(&click_script(bw, "Register contact")).await,
        json!(true),
        "b shows its form, not a's"
    );
    b.wait_status_in(bw, "One field needs attention").await;
    b.js(&type_script(bw, "name", "Grace")).await;
    b.js(&click_script(bw, "Register contact")).await;
    b.wait_status_in(bw, "Contact registered").await;

    let events = b.js("return window.events").await;
    let events = events.as_array().unwrap();
    assert_eq!(events.len(), 2, "{events:?}");
    let visitors = state.store.read(|d| d.visitors.clone()).await;
    assert_eq!(visitors.len(), 2);
    for (event, (id, name)) in events
        .iter()
        .zip([("a", "Ada from the CRM"), ("b", "Grace")])
    {
        assert_eq!(event["id"], id);
        assert_eq!(event["type"], "contact-saved");
        assert_eq!(event["created"], true);
        let visitor = visitors.iter().find(|v| v.name == name).unwrap();
        assert_eq!(event["contact"], visitor.id.as_str());
        assert_eq!(event["token"], visitor.token.as_str());
    }

    b.js("window.a.unmount(); return true").await;
    let left = b.js(&format!("return {a}.childElementCount")).await;
    assert_eq!(left, json!(0), "unmount empties the element");
    assert_eq!(
        b.js(&format!(
            r#"return !!{bw}.querySelector("input[name='name']")"#
        ))
        .await,
        json!(true)
    );
    b.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_custom_element_from_another_origin() {
    let (api, state) = api_server(Cors::Any).await;
    let page = format!(
        r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Kiosk</title>
<style>input {{ display: none; }}</style></head><body>
<omnichannel-contact-form server="{api}" auth-token="{pat}" user-id="{AGENT_ONE}" theme="auto"></omnichannel-contact-form>
<script type="module">
  import init from "./omnichannel-contact-form.js";
  await init();
  window.events = [];
  document.addEventListener("contact-saved", (e) => window.events.push([e.target.tagName, e.detail.contact]));
  window.ready = true;
</script></body></html>"#,
        pat = seed::PERSONAL_ACCESS_TOKEN
    );
    let site = host_site(&[("kiosk.html", page)]).await;
    let b = Browser::start().await;
    b.open(&format!("{}/kiosk.html", site.url)).await;
    b.wait_js("the module to load", "return window.ready === true")
        .await;
    let root = r#"document.querySelector("omnichannel-contact-form").shadowRoot"#;
    b.wait_js(
        "the form in the shadow root",
        &format!(r#"return !!{root}.querySelector("input[name='name']")"#),
    )
    .await;
    let shown = b
        .js(&format!(
            r#"return getComputedStyle({root}.querySelector("input[name='name']")).display"#
        ))
        .await;
    assert_ne!(shown, json!("none"), "the page's CSS does not reach inside");
    // Styled by widget.css, fetched from beside the module, and shown once styled.
    b.wait_js(
        "the form styled by widget.css and shown",
        &format!(
            r#"const r = {root}; return r.adoptedStyleSheets.length === 1
                && [...r.adoptedStyleSheets[0].cssRules].some((x) => x.selectorText === ".ocf-panel")
                && !r.querySelector("div").hidden"#
        ),
    )
    .await;
    b.js(&type_script(root, "name", "Kiosk visitor")).await;
    b.js(&type_script(root, "email", "Visitor@Example.com"))
        .await;
    b.js(&click_script(root, "Register contact")).await;
    b.wait_status_in(root, "Contact registered").await;
    let events = b.js("return window.events").await;
    let id = state.store.read(|d| d.visitors[0].id.clone()).await;
    assert_eq!(events, json!([["OMNICHANNEL-CONTACT-FORM", id]]));
    assert_eq!(
        state
            .store
            .read(|d| d.visitors[0].email.clone())
            .await
            .as_deref(),
        Some("visitor@example.com")
    );

    b.js(r#"document.querySelector("omnichannel-contact-form").remove(); return true"#)
        .await;
    b.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_server_without_cors_is_explained() {
    let (api, state) = api_server(Cors::Off).await;
    let site = host_site(&[("crm.html", js_api_page(&api))]).await;
    let b = Browser::start().await;
    b.open(&format!("{}/crm.html", site.url)).await;
    b.wait_js("the module to load", "return window.ready === true")
        .await;
    let bw = r#"document.getElementById("b")"#;
    b.js(&type_script(bw, "name", "Ada")).await;
    b.js(&click_script(bw, "Register contact")).await;
    let status = b
        .wait_status_in(bw, "refuses requests from this page's site (CORS)")
        .await;
    assert!(
        status.contains("\"Enable CORS\" in Rocket.Chat (Admin > General > REST API)"),
        "{status}"
    );
    assert!(status.contains(&api), "{status}");
    let events = b.js("return window.events").await;
    assert_eq!(events[0]["type"], "contact-error");
    assert_eq!(events[0]["status"], 0);
    assert_eq!(state.store.read(|d| d.visitors.len()).await, 0);
    b.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_slow_server_is_given_up_on_after_the_timeout_and_a_retry_makes_one_contact() {
    use rc_standin::faults::Fault;
    let (api, state) = api_server(Cors::Any).await;
    let page = format!(
        r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>CRM</title></head><body>
<div id="w"></div>
<script type="module">
  import init, {{ mount }} from "./omnichannel-contact-form.js";
  await init();
  window.w = mount(document.getElementById("w"), {{ server: "{api}", authToken: "{pat}", userId: "{AGENT_ONE}", timeout: 1 }});
  window.ready = true;
</script></body></html>"#,
        pat = seed::PERSONAL_ACCESS_TOKEN
    );
    let site = host_site(&[("slow.html", page)]).await;
    let b = Browser::start().await;
    b.open(&format!("{}/slow.html", site.url)).await;
    b.wait_js("the module to load", "return window.ready === true")
        .await;
    let w = r#"document.getElementById("w")"#;
    b.js(&type_script(w, "name", "Patient Ada")).await;
    state
        .faults
        .as_ref()
        .unwrap()
        .push(Fault::Slow(std::time::Duration::from_secs(4)), 1);
    b.js(&click_script(w, "Register contact")).await;
    b.wait_status_in(
        w,
        "did not answer within 1 second, so the request was cancelled",
    )
    .await;
    let typed = b
        .js(&format!(
            r#"return {w}.querySelector("input[name='name']").value"#
        ))
        .await;
    assert_eq!(typed, json!("Patient Ada"));

    b.js(&click_script(w, "Register contact")).await;
    b.wait_status_in(w, "Contact registered").await;
    // Whether or not the cancelled request reached the server, the retry carried the same token.
    tokio::time::sleep(std::time::Duration::from_secs(4)).await;
    assert_eq!(
        state.store.read(|d| d.visitors.len()).await,
        1,
        "one contact"
    );
    b.finish().await;
}

/// The loader's element (what the npm package defines) lets a plain-http server through only
/// when `allow-insecure` is there and not "false": Vue and Solid write a `false` boolean as
/// `allow-insecure="false"`, which must not open an unencrypted sign-in.
#[tokio::test(flavor = "multi_thread")]
async fn allow_insecure_false_keeps_a_plain_http_server_refused() {
    let page = r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Intranet</title></head><body>
<omnichannel-contact-form id="plain" server="http://chat.example.com"></omnichannel-contact-form>
<omnichannel-contact-form id="no" server="http://chat.example.com" allow-insecure="false"></omnichannel-contact-form>
<omnichannel-contact-form id="yes" server="http://chat.example.com" allow-insecure></omnichannel-contact-form>
<script>window.ready = 0; document.addEventListener("contact-form-ready", () => window.ready++);</script>
<script type="module" src="/contact-form.js"></script></body></html>"#;
    let site = host_site(&[("intranet.html", page.to_owned())]).await;
    let b = Browser::start().await;
    b.open(&format!("{}/intranet.html", site.url)).await;
    b.wait_js("the three takeovers", "return window.ready === 3")
        .await;
    let said = |id: &str| {
        format!(
            r#"const r = document.getElementById("{id}").shadowRoot;
            const alert = r.querySelector("[role='alert']");
            return [!!r.querySelector("input[name='user']"), alert ? alert.textContent.includes("plain http://") : false];"#
        )
    };
    assert_eq!(b.js(&said("plain")).await, json!([false, true]));
    assert_eq!(
        b.js(&said("no")).await,
        json!([false, true]),
        "\"false\" is off"
    );
    assert_eq!(b.js(&said("yes")).await, json!([true, false]));
    b.finish().await;
}

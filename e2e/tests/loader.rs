//! The loader (`dist/contact-form.js`): it draws what the wasm draws first, so the takeover
//! changes nothing anyone sees; what is typed before the wasm is there (the wasm held back by
//! the test server) is kept with the focus and the caret; a save pressed early is sent once;
//! a wasm that cannot load, or a module of another release, is said; `load: "interaction"`
//! fetches nothing until the form is used; nothing shifts; the custom element draws at once
//! too.

use e2e::loader_page::site;
use e2e::{shell, Browser, HostSite};
use serde_json::json;

/// Whether the wasm has taken over (`contact-form-ready` fired).
async fn ready(b: &Browser) -> bool {
    b.js("return window.ready === true").await == json!(true)
}

async fn wasm_fetched(b: &Browser) -> bool {
    let script =
        "return performance.getEntriesByType('resource').some(e => e.name.endsWith('.wasm'))";
    b.js(script).await == json!(true)
}

#[tokio::test(flavor = "multi_thread")]
async fn the_loader_draws_what_the_wasm_draws_first() {
    let (drawn, texts) = shell::first_draws().await;
    assert_eq!(
        shell::in_loader(),
        drawn,
        "the loader's markup is not what the wasm draws first: run scripts/shell.sh"
    );
    let tags = texts.as_object().expect("texts by tag");
    assert_eq!(tags.len(), 5, "every language but English: {tags:?}");
    for (tag, table) in tags {
        assert_eq!(
            &shell::kept_texts(tag),
            table,
            "i18n/shell/{tag}.json is not what the wasm draws in {tag}: run scripts/shell.sh"
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn typing_and_pressing_before_the_wasm_is_kept_and_sent_once() {
    let site = site().await;
    site.state.hold_wasm(true);
    let b = Browser::start().await;
    b.open(&format!("{}/loader.html", site.url)).await;
    // The sign-in form, drawn before the wasm: typed into, the caret set, Enter pressed.
    b.fill("user", "agent.one").await;
    b.fill("password", "agent.one-pass").await;
    b.js("const p = document.querySelector('[name=password]'); p.focus(); p.setSelectionRange(2, 5);")
        .await;
    b.js("document.querySelector('.ocf-form, form').requestSubmit()")
        .await;
    assert!(!ready(&b).await, "the wasm is held back");
    site.state.hold_wasm(false);
    b.wait_js("the takeover", "return window.ready === true")
        .await;
    b.wait_status("Signed in.").await;

    // Signed in now (kept for the tab): the form is drawn at once, typed into before the wasm.
    site.state.hold_wasm(true);
    b.client.refresh().await.expect("the page reloads");
    b.fill("name", "Early Bird").await;
    b.fill("email", "early.bird@example.com").await;
    // (An email input has no caret to read: the name's is set.)
    b.js("const e = document.querySelector('[name=name]'); e.focus(); e.setSelectionRange(3, 7);")
        .await;
    let drawn_id = b
        .js("return document.querySelector('[name=name]').id")
        .await;
    assert!(!ready(&b).await);
    site.state.hold_wasm(false);
    b.wait_js("the takeover", "return window.ready === true")
        .await;
    let after = b
        .js(
            "const a = document.activeElement; const n = document.querySelector('[name=name]');
             const e = document.querySelector('[name=email]');
             return [n.id, n.value, a.name, a.selectionStart, a.selectionEnd, window.shifts, e.value]",
        )
        .await;
    assert_ne!(
        after[0], drawn_id,
        "the wasm's input replaced the drawn one"
    );
    assert_eq!(after[1], "Early Bird", "what was typed is kept");
    assert_eq!(after[2], "name", "the focus is kept");
    assert_eq!(
        (after[3].clone(), after[4].clone()),
        (json!(3), json!(7)),
        "and the caret"
    );
    let shifted = b.js("return window.shifted").await;
    assert_eq!(after[5].as_f64(), Some(0.0), "CLS: {shifted}");
    assert_eq!(after[6], "early.bird@example.com");

    // A save pressed before the wasm is there is sent once it is, exactly once.
    site.state.hold_wasm(true);
    b.client.refresh().await.expect("the page reloads");
    b.fill("name", "Pressed Early").await;
    b.click("Register contact").await;
    b.click("Register contact").await;
    assert_eq!(b.js("return window.saves").await, json!(0));
    site.state.hold_wasm(false);
    b.wait_status("Contact registered").await;
    assert_eq!(b.js("return window.saves").await, json!(1));
    let named = site
        .state
        .store
        .read(|d| {
            d.visitors
                .iter()
                .filter(|v| v.name == "Pressed Early")
                .count()
        })
        .await;
    assert_eq!(named, 1);
    assert_eq!(b.js("return window.shifts").await.as_f64(), Some(0.0));
    b.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_takeover_shifts_nothing() {
    let site = site().await;
    // No custom fields: they come after the takeover and would move the buttons (as they do
    // without the loader); here every shift would be the takeover's.
    let cleared = site.state.store.write(|d| d.custom_fields.clear()).await;
    cleared.expect("the fields are removed");
    site.state.hold_wasm(true);
    let b = Browser::start().await;
    b.open(&format!("{}/loader.html", site.url)).await;
    b.input("user").await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    site.state.hold_wasm(false);
    b.wait_js("the takeover", "return window.ready === true")
        .await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let shifted = b.js("return window.shifted || []").await;
    assert_eq!(shifted, json!([]), "every layout shift, with what moved");
    b.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_wasm_that_cannot_load_is_said_and_what_was_typed_stays() {
    let site = site().await;
    site.remove("omnichannel-contact-form_bg.wasm");
    not_loaded_is_said(&site).await;
}

/// The module names one import after its wasm's bytes (`scripts/wasm-trim.mjs`): a module of
/// another release, as a browser may hold one cached, refuses this wasm rather than linking
/// its short names to other functions, and the failure is said as any failure to load.
#[tokio::test(flavor = "multi_thread")]
async fn a_module_of_another_release_refuses_this_wasm_and_says_so() {
    let site = site().await;
    let glue = std::fs::read_to_string(e2e::dist().join("omnichannel-contact-form.js"))
        .expect("the release's module");
    let release = release_import(&glue).expect("the module names its release's import");
    site.write(
        "omnichannel-contact-form.js",
        &glue.replace(&release, "_000000000000"),
    );
    not_loaded_is_said(&site).await;
}

/// The loader page on `site` with a name typed: the wasm's failure to load is said, what was
/// typed stays, and nothing takes over.
async fn not_loaded_is_said(site: &HostSite) {
    let b = Browser::start().await;
    b.open(&format!("{}/loader.html", site.url)).await;
    b.fill("user", "agent.one").await;
    let said = b.wait_status("The form could not be loaded").await;
    assert!(said.contains("reload the page"), "{said}");
    assert_eq!(b.value("user").await, "agent.one");
    assert!(!ready(&b).await);
    b.finish().await;
}

/// The release's import in the module: its one key `_<12 hex digits>` (after `{` or `,`).
fn release_import(glue: &str) -> Option<String> {
    let keys: Vec<&str> = glue
        .match_indices(['{', ','])
        .filter_map(|(at, _)| glue.get(at + 1..at + 15))
        .filter(|key| {
            let b = key.as_bytes();
            b[0] == b'_'
                && b[13] == b':'
                && b[1..13]
                    .iter()
                    .all(|c| matches!(c, b'0'..=b'9' | b'a'..=b'f'))
        })
        .map(|key| &key[..13])
        .collect();
    (keys.len() == 1).then(|| keys[0].to_owned())
}

#[tokio::test(flavor = "multi_thread")]
async fn settings_the_wasm_refuses_are_said_in_place_of_the_drawn_form() {
    let site = site().await;
    let b = Browser::start().await;
    b.open(&format!(
        "{}/loader.html?server=ftp://chat.example.com",
        site.url
    ))
    .await;
    b.wait_js("the takeover", "return window.ready === true")
        .await;
    let shown = b
        .js("const f = document.getElementById('form'); return [f.querySelectorAll('form').length, f.textContent]")
        .await;
    assert_eq!(shown[0], json!(0), "the drawn form is gone");
    let said = shown[1].as_str().unwrap_or_default();
    assert!(said.contains("ftp://chat.example.com"), "{said}");
    b.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn load_interaction_fetches_no_wasm_until_the_form_is_used() {
    let site = site().await;
    let b = Browser::start().await;
    b.open(&format!("{}/loader.html?load=interaction", site.url))
        .await;
    b.input("user").await;
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    assert!(!wasm_fetched(&b).await, "no wasm before the form is used");
    b.fill("user", "agent.one").await;
    b.wait_js("the takeover", "return window.ready === true")
        .await;
    assert!(wasm_fetched(&b).await);
    assert_eq!(b.value("user").await, "agent.one");
    b.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_element_draws_at_once_and_is_taken_over() {
    let site = site().await;
    site.state.hold_wasm(true);
    let b = Browser::start().await;
    b.open(&format!("{}/element.html", site.url)).await;
    let drawn = "const r = document.querySelector('omnichannel-contact-form').shadowRoot;
                 const f = r && r.querySelector('[name=user]');
                 return !!f && !f.closest('[hidden]')";
    b.wait_js("the drawn sign-in form", drawn).await;
    assert!(!ready(&b).await);
    site.state.hold_wasm(false);
    b.wait_js("the takeover", "return window.ready === true")
        .await;
    let forms = b
        .js("return document.querySelector('omnichannel-contact-form').shadowRoot.querySelectorAll('form').length")
        .await;
    assert_eq!(forms, json!(1), "one form: the drawn one is gone");
    b.finish().await;
}

//! The first screen in the agent's language: with the wasm held back by the stand-in, the
//! loader draws the sign-in form and the form in the language the wasm will choose (the
//! `locale` option, else the browser's languages) with the root's `lang`/`dir` and the host
//! page's `labels`; once the wasm has taken over, every text, the direction and the layout are
//! the same (no shift). axe-core finds nothing on the drawn Arabic form, light and dark.

use e2e::loader_page::site;
use e2e::{Browser, HostSite};
use rc_standin::seed;
use serde_json::{json, Value};

/// What a person sees of the form: the root's `lang` and `dir`, the text of every label,
/// hint, note and button, and every `aria-label`.
const SEEN: &str = r##"const r = document.querySelector("#form .ocf");
  return [r.lang, r.dir,
    [...r.querySelectorAll("label, button, .ocf-hint, .ocf-intro")].map((e) => e.textContent.trim()),
    [...r.querySelectorAll("[aria-label]")].map((e) => e.getAttribute("aria-label"))];"##;

const AGENT_ONE: &str = "agentOne000000001";

/// The page with `query`, the wasm held back until what the loader drew is read; gives what it
/// drew and what the wasm shows after the takeover, and checks that nothing shifted.
async fn before_and_after(site: &HostSite, b: &Browser, query: &str) -> (Value, Value) {
    site.state.hold_wasm(true);
    b.open(&format!("{}/loader.html?{query}", site.url)).await;
    b.wait_js(
        "the drawn form",
        "return !!document.querySelector('#form form')",
    )
    .await;
    let before = b.js(SEEN).await;
    site.state.hold_wasm(false);
    b.wait_js("the takeover", "return window.ready === true")
        .await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let after = b.js(SEEN).await;
    let shifted = b.js("return window.shifted || []").await;
    assert_eq!(
        shifted,
        json!([]),
        "{query}: every layout shift, with what moved"
    );
    (before, after)
}

/// A site whose stand-in has no custom fields (they come after the takeover, in any language).
async fn bare_site() -> HostSite {
    let site = site().await;
    let cleared = site.state.store.write(|d| d.custom_fields.clear()).await;
    cleared.expect("the fields are removed");
    site
}

fn signed_in(locale: &str) -> String {
    format!(
        "locale={locale}&authToken={}&userId={AGENT_ONE}",
        seed::PERSONAL_ACCESS_TOKEN
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn german_and_arabic_are_drawn_as_the_wasm_draws_them() {
    let site = bare_site().await;
    let b = Browser::start().await;
    for (query, lang, dir, label) in [
        ("locale=de".to_owned(), "de", "ltr", "Passwort"),
        (signed_in("de-AT"), "de", "ltr", "Kontakt anlegen"),
        ("locale=ar".to_owned(), "ar", "rtl", "كلمة المرور"),
        (signed_in("ar"), "ar", "rtl", "تسجيل جهة الاتصال"),
    ] {
        let (before, after) = before_and_after(&site, &b, &query).await;
        assert_eq!(before, after, "{query}: drawn, then the wasm's");
        assert_eq!(
            (before[0].as_str(), before[1].as_str()),
            (Some(lang), Some(dir))
        );
        assert!(
            before[2].as_array().unwrap().iter().any(|t| t == label),
            "{query}: {before}"
        );
    }
    b.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_french_browser_without_locale_gets_french_before_the_wasm() {
    let site = bare_site().await;
    let b = Browser::start_in("fr-FR").await;
    for query in [
        "load=eager".to_owned(),
        signed_in("").replace("locale=&", ""),
    ] {
        let (before, after) = before_and_after(&site, &b, &query).await;
        assert_eq!(before, after, "{query}");
        assert_eq!(before[0], "fr", "{query}");
        let texts = before[2].as_array().unwrap();
        assert!(
            texts
                .iter()
                .any(|t| t == "Mot de passe" || t == "Téléphone"),
            "{query}: {before}"
        );
    }
    b.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_pages_labels_are_drawn_before_the_wasm_and_kept() {
    let site = bare_site().await;
    let b = Browser::start().await;
    let labels = r#"{"name":"Full name","register":"Save it","user":"Login","signIn":"Enter"}"#;
    for query in [
        format!("labels={labels}"),
        format!("{}&labels={labels}", signed_in("de")),
    ] {
        let (before, after) = before_and_after(&site, &b, &query).await;
        assert_eq!(before, after, "{query}");
        let texts = before[2].as_array().unwrap();
        let has = |t: &str| texts.iter().any(|x| x == t);
        assert!(
            (has("Login") && has("Enter")) || (has("Full name") && has("Save it")),
            "{query}: {before}"
        );
    }
    b.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_drawn_arabic_form_passes_axe_light_and_dark() {
    let site = bare_site().await;
    site.state.hold_wasm(true);
    let mut found = Vec::new();
    for theme in ["light", "dark"] {
        let b = Browser::start().await;
        for query in [
            format!("locale=ar&theme={theme}"),
            format!("{}&theme={theme}", signed_in("ar")),
        ] {
            b.open(&format!("{}/loader.html?{query}", site.url)).await;
            b.wait_js(
                "the drawn Arabic form",
                "return document.querySelector('#form .ocf')?.dir === 'rtl'",
            )
            .await;
            assert_eq!(b.js("return window.ready === true").await, json!(false));
            for violation in b.audit().await {
                found.push(format!("[{query}] {violation}"));
            }
        }
        b.finish().await;
    }
    site.state.hold_wasm(false);
    assert!(found.is_empty(), "axe-core found:\n{}", found.join("\n"));
}

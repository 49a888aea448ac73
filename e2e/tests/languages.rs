//! The widget in the agent's language: Chromium set to French shows the form in French with no
//! option set, and says a save and the server's refusals in French; Arabic is right to left.

use e2e::{host_site_with, standin, Browser};
use rc_standin::faults::Fault;
use rc_standin::Options;
use serde_json::json;

#[tokio::test(flavor = "multi_thread")]
async fn chromium_in_french_shows_the_form_saves_and_fails_in_french() {
    let (url, state) = standin().await;
    let b = Browser::start_in("fr-FR").await;
    b.open(&url).await;
    let languages = b.js("return navigator.languages.join()").await;
    assert!(
        languages.as_str().unwrap_or_default().starts_with("fr"),
        "Chromium speaks French: {languages}"
    );
    b.wait_js(
        "the French sign-in form",
        "return [...document.querySelectorAll('label')].some((l) => l.textContent === 'Mot de passe')",
    )
    .await;
    let root = b
        .js("const r = document.querySelector('.ocf'); return [r.lang, r.dir];")
        .await;
    assert_eq!(root, json!(["fr", "ltr"]));
    assert_eq!(
        b.js("return document.documentElement.lang").await,
        "en",
        "the host page's own language is left alone"
    );

    b.sign_in_pressing("agent.one", "agent.one-pass", "Se connecter")
        .await;
    b.wait_status("Connecté.").await;
    // The search and the contact fields in French; the server's custom fields under them keep
    // its labels.
    let labels = b
        .js("return [...document.querySelectorAll('label')].slice(0, 6).map((l) => l.textContent)")
        .await;
    assert_eq!(
        labels,
        json!([
            "Contacts non identifiés",
            "Rechercher un contact",
            "Nom",
            "E-mail",
            "Téléphone",
            "Gestionnaire de contacts"
        ])
    );

    b.click("Enregistrer le contact").await;
    b.wait_status("Un champ est à corriger avant l’enregistrement.")
        .await;
    assert_eq!(
        b.field_error("name").await.as_deref(),
        Some("Saisissez le nom du contact.")
    );

    b.fill("name", "Ada Lovelace").await;
    b.fill("email", "ada@example.com").await;
    let faults = state
        .faults
        .as_ref()
        .expect("the e2e stand-in has --faults");
    faults.push(Fault::ServerError, 1);
    b.click("Enregistrer le contact").await;
    b.wait_status("Le serveur a rencontré un problème (HTTP 500).")
        .await;
    assert_eq!(b.value("name").await, "Ada Lovelace");

    b.click("Enregistrer le contact").await;
    let status = b.wait_status("Contact enregistré (id ").await;
    let visitors = state.store.read(|d| d.visitors.clone()).await;
    assert_eq!(visitors.len(), 1);
    assert!(status.contains(&visitors[0].id), "{status}");
    assert!(b.has_button("Mettre à jour le contact").await);

    // The server's own words stay as it wrote them, inside a French sentence.
    b.click("Se déconnecter").await;
    b.wait_status("Déconnecté.").await;
    b.sign_in_pressing("plain", "plain-pass", "Se connecter")
        .await;
    b.wait_status("Connecté.").await;
    b.click("Nouveau contact").await;
    b.fill("name", "Grace Hopper").await;
    b.click("Enregistrer le contact").await;
    let status = b.wait_status("il lui faut la permission view-l-room").await;
    assert!(
        status.starts_with("Votre utilisateur Rocket.Chat"),
        "{status}"
    );
    assert!(status.contains("[error-unauthorized]"), "{status}");
    b.finish().await;
}

/// A host page that mounts the widget with `?theme=` and `?locale=`.
const PAGE: &str = r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Contacts</title>
<link rel="stylesheet" href="widget.css"></head>
<body><main style="max-width: 34rem"><h1>Register a contact</h1><div id="w"></div></main>
<script type="module">
  import init, { mount } from "./omnichannel-contact-form.js";
  await init();
  const query = new URLSearchParams(location.search);
  mount(document.getElementById("w"), { theme: query.get("theme"), locale: query.get("locale") });
  window.ready = true;
</script></body></html>"#;

/// Arabic, light and dark, with field errors (one of them naming a custom field the server
/// labels in English): right to left on the widget only, axe-core finds nothing, and each is
/// pictured in `target/e2e-screenshots/` to be looked at.
#[tokio::test(flavor = "multi_thread")]
async fn arabic_with_field_errors_is_right_to_left_and_passes_axe_light_and_dark() {
    let site = host_site_with(
        &[("page.html", PAGE.to_owned())],
        Options {
            required_field: true,
            ..Options::default()
        },
    )
    .await;
    let mut found = Vec::new();
    for theme in ["light", "dark"] {
        let b = Browser::start().await;
        b.client
            .set_window_size(800, 1700)
            .await
            .expect("the window resizes");
        b.open(&format!("{}/page.html?theme={theme}&locale=ar", site.url))
            .await;
        b.wait_js("the module", "return window.ready === true")
            .await;
        b.sign_in_pressing("agent.one", "agent.one-pass", "تسجيل الدخول")
            .await;
        b.wait_status("تم تسجيل الدخول.").await;
        b.input("customFields.company").await;
        b.fill("name", "أحمد المنصوري").await;
        b.fill("email", "ahmed@example").await;
        b.fill("phone", "12").await;
        b.click("تسجيل جهة الاتصال").await;
        b.wait_status("3 حقول تحتاج إلى مراجعة قبل الحفظ.").await;
        let company = b.field_error("customFields.company").await;
        assert_eq!(company.as_deref(), Some("أدخل Company: هذا الخادم يتطلبه."));

        let layout = b
            .js(r#"const w = document.querySelector(".ocf");
                   const label = w.querySelector(".ocf-field label").getBoundingClientRect();
                   const form = w.querySelector("form").getBoundingClientRect();
                   const email = w.querySelector("input[name=email]");
                   return [getComputedStyle(w).direction, document.documentElement.dir,
                           Math.round(form.right - label.right), getComputedStyle(email).direction];"#)
            .await;
        assert_eq!(
            layout,
            json!(["rtl", "", 0, "ltr"]),
            "{theme}: the widget (not the page) is right to left, labels start on the right, the email stays left to right"
        );
        for violation in b.audit().await {
            found.push(format!("[arabic, {theme}] {violation}"));
        }
        b.picture(&format!("arabic-{theme}")).await;
        b.finish().await;
    }
    assert!(found.is_empty(), "axe-core found:\n{}", found.join("\n"));
}

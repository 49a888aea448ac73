//! A contact shared by a team, against the stand-in, in both APIs: a colleague changes Findme 01
//! while this agent has it open (written straight into the stand-in's data, as another tab's save
//! would). A field only the colleague changed is kept and shown; one both changed is asked about
//! and saved as chosen (axe-core finds nothing on the question, light and dark); a draft typed
//! before the colleague's change keeps it after a reload; no change is one update, no question.

use e2e::{host_site_with, open_found, Browser, HostSite};
use rc_standin::model::Data;
use rc_standin::Options;
use serde_json::json;

/// A host page mounting the widget on `api`, recording `contact-changed-elsewhere`.
fn page(api: &str) -> String {
    format!(
        r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Contacts</title>
<link rel="stylesheet" href="widget.css"></head>
<body><main><h1>Contacts</h1><div id="w"></div></main>
<script type="module">
  import init, {{ mount }} from "./omnichannel-contact-form.js";
  await init();
  const w = document.getElementById("w");
  window.changed = [];
  w.addEventListener("contact-changed-elsewhere", (e) => window.changed.push(e.detail));
  mount(w, {{ api: "{api}", theme: new URLSearchParams(location.search).get("theme") || "light" }});
  window.ready = true;
</script></body></html>"#
    )
}

async fn site(api: &str) -> HostSite {
    host_site_with(
        &[("page.html", page(api))],
        Options {
            required_field: false,
            seed_contacts: 3,
            ..Options::default()
        },
    )
    .await
}

/// Findme 01 as the stand-in holds it for `api`: its name and phones.
fn findme(api: &str, d: &Data) -> (String, Vec<String>) {
    if api == "contacts" {
        let c = d
            .contacts
            .iter()
            .find(|c| c.id.ends_with("c0de0001"))
            .unwrap();
        (c.name.clone(), c.phones.clone())
    } else {
        let v = d
            .visitors
            .iter()
            .find(|v| v.id.ends_with("f00d0001"))
            .unwrap();
        (v.name.clone(), v.phone.iter().cloned().collect())
    }
}

/// A colleague's save of Findme 01 on `api`: a new name and/or phone.
async fn colleague(site: &HostSite, api: &str, name: Option<&str>, phone: Option<&str>) {
    let api = api.to_owned();
    let (name, phone) = (name.map(str::to_owned), phone.map(str::to_owned));
    site.state
        .store
        .write(move |d| {
            if api == "contacts" {
                let c = d
                    .contacts
                    .iter_mut()
                    .find(|c| c.id.ends_with("c0de0001"))
                    .unwrap();
                if let Some(name) = name {
                    c.name = name;
                }
                if let Some(phone) = phone {
                    c.phones = vec![phone];
                }
                c.updated_at = "2026-12-01T12:00:00.000Z".into();
            } else {
                let v = d
                    .visitors
                    .iter_mut()
                    .find(|v| v.id.ends_with("f00d0001"))
                    .unwrap();
                if let Some(name) = name {
                    v.name = name;
                }
                if let Some(phone) = phone {
                    v.phone = Some(phone);
                }
                v.updated_at = "2026-12-01T12:00:00.000Z".into();
            }
        })
        .await
        .expect("the colleague's save");
}

async fn open_one(url: &str, theme: &str) -> Browser {
    open_found(url, "agent.one", theme, "findme01@example.org", "Findme 01").await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_colleagues_change_is_kept_and_shown_in_both_apis() {
    for api in ["contacts", "legacy"] {
        let site = site(api).await;
        let b = open_one(&site.url, "light").await;
        colleague(&site, api, None, Some("+493099999999")).await;
        b.fill("name", "Findme Eins").await;
        b.click("Update contact").await;
        let status = b.wait_status("Contact updated").await;
        assert!(
            status.contains("Phone was changed by someone else and is kept."),
            "{api}: {status}"
        );
        assert_eq!(
            site.state.store.read(|d| findme(api, d)).await,
            ("Findme Eins".to_owned(), vec!["+493099999999".to_owned()]),
            "{api}: the name typed here and the colleague's phone"
        );
        assert_eq!(b.value("phone").await, "+493099999999", "{api}: shown");
        let changed = b.js("return window.changed.map((c) => c.fields)").await;
        assert_eq!(changed, json!([["phone"]]), "{api}");
        b.finish().await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_field_both_changed_is_asked_and_saved_as_chosen_in_both_apis() {
    for api in ["contacts", "legacy"] {
        let site = site(api).await;
        let b = open_one(&site.url, "light").await;
        colleague(&site, api, Some("Findme Uno"), None).await;
        b.fill("name", "Findme One").await;
        b.click("Update contact").await;
        b.wait_status("Findme Uno was changed on the server since you opened it.")
            .await;
        let asked = b
            .wait_js(
                "the question's choices",
                "const l = [...document.querySelectorAll('.ocf-changed label')]; return l.length ? l.map((l) => [l.textContent.trim(), l.querySelector('input').checked]) : null",
            )
            .await;
        assert_eq!(
            asked,
            json!([["Findme One", true], ["Findme Uno", false]]),
            "{api}"
        );
        assert_eq!(
            site.state.store.read(|d| findme(api, d).0).await,
            "Findme Uno",
            "{api}: nothing sent before the choice"
        );
        b.click_at(
            "the server's value",
            "//*[contains(@class,'ocf-changed')]//label[normalize-space()='Findme Uno']/input",
        )
        .await;
        b.click("Save these values").await;
        b.wait_status("Contact updated").await;
        assert_eq!(
            site.state.store.read(|d| findme(api, d).0).await,
            "Findme Uno",
            "{api}: the value chosen"
        );
        assert_eq!(b.value("name").await, "Findme Uno");
        b.finish().await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_question_passes_axe_light_and_dark() {
    let mut found = Vec::new();
    for theme in ["light", "dark"] {
        let site = site("contacts").await;
        let b = open_one(&site.url, theme).await;
        colleague(&site, "contacts", Some(&format!("Findme {theme}")), None).await;
        b.fill("name", "Findme Here").await;
        b.click("Update contact").await;
        b.wait_js(
            "the question",
            "return !!document.querySelector('.ocf-changed input[type=radio]')",
        )
        .await;
        b.wait_js(
            "the focus on the first radio",
            "const f = document.activeElement; return !!f && f.type === 'radio' && f.checked",
        )
        .await;
        for violation in b.audit().await {
            found.push(format!("[{theme}] {violation}"));
        }
        b.picture(&format!("changed-{theme}")).await;
        b.finish().await;
    }
    assert!(found.is_empty(), "axe-core found:\n{}", found.join("\n"));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_draft_from_before_a_colleagues_change_keeps_it_in_both_apis() {
    for api in ["contacts", "legacy"] {
        let site = site(api).await;
        let b = open_one(&site.url, "light").await;
        b.fill("name", "Findme Draft").await;
        // The draft is written once typing pauses; then the page is closed for the day.
        b.wait_js(
            "the draft",
            "return Object.keys(localStorage).some((k) => k.includes(':draft:') && localStorage.getItem(k).includes('Findme Draft'))",
        )
        .await;
        colleague(&site, api, None, Some("+493088888888")).await;
        b.reload().await;
        b.wait_js("the module", "return window.ready === true")
            .await;
        b.wait_value("name", "Findme Draft").await;
        b.wait_value("phone", "+493088888888").await;
        assert!(
            !b.has_button("Open contact").await,
            "{api}: no unsaved-changes question"
        );
        b.click("Update contact").await;
        b.wait_status("Contact updated").await;
        assert_eq!(
            site.state.store.read(|d| findme(api, d)).await,
            ("Findme Draft".to_owned(), vec!["+493088888888".to_owned()]),
            "{api}: the draft's name and the colleague's phone"
        );
        b.finish().await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn no_change_elsewhere_is_one_update_and_no_question_in_both_apis() {
    for api in ["contacts", "legacy"] {
        let site = site(api).await;
        let b = open_one(&site.url, "light").await;
        let before = site.state.store.read(|d| findme(api, d).1).await;
        b.fill("name", "Findme Plain").await;
        b.click("Update contact").await;
        let status = b.wait_status("Contact updated").await;
        assert!(!status.contains("someone else"), "{api}: {status}");
        assert_eq!(
            site.state.store.read(|d| findme(api, d)).await,
            ("Findme Plain".to_owned(), before),
            "{api}"
        );
        assert_eq!(b.js("return window.changed").await, json!([]), "{api}");
        assert!(!b.has_button("Save these values").await);
        b.finish().await;
    }
}

//! Conflicting values against the stand-in: Findme 02 came in through channels that named it,
//! its manager and its company differently. The notice offers each field's values; Resolve
//! saves the choice through `contacts.conflicts` (7.7+) or `contacts.update` with
//! `wipeConflicts` (before 7.7); a plain save keeps the conflicts; axe-core finds nothing on the
//! notice, light and dark.

use e2e::{center_site, open_found, Browser};
use serde_json::json;

async fn open_two(url: &str, theme: &str) -> Browser {
    open_found(url, "agent.one", theme, "findme 02", "Findme 02").await
}

/// The notice's groups as "legend: value, value".
async fn groups(b: &Browser) -> Vec<String> {
    let found = b
        .js("return [...document.querySelectorAll('.ocf-conflicts fieldset')].map(f => f.querySelector('legend').textContent + ': ' + [...f.querySelectorAll('label')].map(l => l.textContent.trim()).join(', '))")
        .await;
    serde_json::from_value(found).unwrap()
}

async fn choose(b: &Browser, value: &str) {
    let radio = format!("//fieldset//label[normalize-space()='{value}']/input");
    b.click_at(&format!("radio {value}"), &radio).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn resolve_through_contacts_conflicts_and_axe_on_the_notice() {
    let site = center_site("7.12").await;
    for theme in ["light", "dark"] {
        let b = open_two(&site.url, theme).await;
        b.wait_js(
            "the notice",
            "return !!document.querySelector('.ocf-conflicts')",
        )
        .await;
        let found = b.audit().await;
        assert!(found.is_empty(), "[{theme}] {found:#?}");
        b.finish().await;
    }

    let b = open_two(&site.url, "light").await;
    b.wait_js(
        "the notice",
        "return !!document.querySelector('.ocf-conflicts')",
    )
    .await;
    assert_eq!(
        groups(&b).await,
        [
            "Name: Findme 02, Findme Two",
            "Contact manager: (no value), agent.two",
            "Company: (no value), Other Co"
        ]
    );
    assert_eq!(
        b.js("return document.querySelector('.ocf-conflicts input').checked")
            .await,
        json!(true),
        "the stored value is chosen at first"
    );
    // A save that does not resolve keeps the conflicts.
    b.fill("phone", "+44 20 7946 0958").await;
    b.click("Update contact").await;
    b.wait_status("Contact updated").await;
    let two = |d: &rc_standin::model::Data| {
        d.contacts
            .iter()
            .find(|c| c.id.ends_with("c0de0002"))
            .cloned()
            .unwrap()
    };
    assert_eq!(site.state.store.read(two).await.conflicting_fields.len(), 3);
    assert!(b.has_button("Resolve").await);

    choose(&b, "Findme Two").await;
    choose(&b, "agent.two").await;
    choose(&b, "Other Co").await;
    b.click("Resolve").await;
    b.wait_status("Conflicting values resolved.").await;
    assert!(!b.has_button("Resolve").await, "the notice is gone");
    assert_eq!(b.value("name").await, "Findme Two");
    assert_eq!(b.value("contactManager").await, "agent.two");
    assert_eq!(b.value("customFields.company").await, "Other Co");
    let stored = site.state.store.read(two).await;
    assert_eq!(stored.name, "Findme Two");
    assert_eq!(stored.contact_manager.as_deref(), Some("agentTwo000000001"));
    assert_eq!(
        stored.custom_fields.get("company"),
        Some(&json!("Other Co"))
    );
    assert!(stored.conflicting_fields.is_empty());
    assert_eq!(stored.phones, ["+442079460958"], "the earlier save is kept");
    b.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn before_7_7_resolve_updates_with_wipe_conflicts() {
    let site = center_site("7.6").await;
    let b = open_two(&site.url, "light").await;
    b.wait_js(
        "the notice",
        "return !!document.querySelector('.ocf-conflicts')",
    )
    .await;
    choose(&b, "Findme Two").await;
    b.click("Resolve").await;
    b.wait_status("Conflicting values resolved.").await;
    assert_eq!(b.value("name").await, "Findme Two");
    let stored = site
        .state
        .store
        .read(|d| {
            d.contacts
                .iter()
                .find(|c| c.id.ends_with("c0de0002"))
                .cloned()
                .unwrap()
        })
        .await;
    assert_eq!(stored.name, "Findme Two");
    assert!(
        stored.conflicting_fields.is_empty(),
        "wiped through contacts.update"
    );
    assert_eq!(
        stored.emails,
        ["findme02@example.org"],
        "nothing else changed"
    );
    b.finish().await;
}

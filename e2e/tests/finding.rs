//! Finding and opening any contact against the stand-in, in both APIs: find by name, by an
//! email and by a phone (exactly for legacy visitors, fragments in the Contact Center), page
//! with "Show more", open, update, and a reload reopens it; unsaved changes are asked about;
//! the host page opens a contact by id.

use e2e::{standin_seeded, Browser};
use std::time::{Duration, Instant};

/// The search's options as shown, waiting until `expected` of them are listed.
async fn options(b: &Browser, expected: usize) -> Vec<String> {
    let started = Instant::now();
    loop {
        let listed = b
            .js("return [...document.querySelectorAll('.ocf-results [role=option]')].map(o => o.textContent.trim())")
            .await;
        let listed: Vec<String> = serde_json::from_value(listed).unwrap();
        if listed.len() == expected {
            return listed;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "{expected} options never showed: {listed:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Clicks the option whose text starts with `text`.
async fn pick(b: &Browser, text: &str) {
    let option = format!("//li[@role='option'][starts-with(normalize-space(), '{text}')]");
    b.click_at(&format!("option {text}"), &option).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn legacy_find_by_name_email_and_phone_open_update_and_reload() {
    let (url, state) = standin_seeded(12).await;
    let b = Browser::signed_in(&format!("{url}/"), "agent.one").await;
    b.fill("search", "findme 0").await;
    let listed = options(&b, 9).await;
    assert_eq!(
        listed[0], "Findme 09 · findme09@example.org · +493000000009",
        "newest first, name · email · phone"
    );
    b.fill("search", "findme07@example.org").await;
    assert_eq!(
        options(&b, 1).await[0],
        "Findme 07 · findme07@example.org · +493000000007"
    );
    b.fill("search", "+493000000012").await;
    assert_eq!(
        options(&b, 1).await[0],
        "Findme 12 · findme12@example.org · +493000000012"
    );
    b.fill("search", "nobody here").await;
    b.wait_js(
        "the no-match words",
        "return document.querySelector('.ocf-results p').textContent.includes('No contact matches “nobody here”.')",
    )
    .await;

    b.fill("search", "Findme 03").await;
    options(&b, 1).await;
    pick(&b, "Findme 03").await;
    b.wait_status("Contact Findme 03").await;
    b.wait_value("name", "Findme 03").await;
    assert_eq!(b.value("email").await, "findme03@example.org");
    assert!(b.has_button("Update contact").await);
    b.fill("phone", "+44 20 7946 0958").await;
    b.click("Update contact").await;
    b.wait_status("Contact updated").await;
    let visitors = state.store.read(|d| d.visitors.clone()).await;
    // The 12 seeded people and the visitors of the two unidentified contacts.
    assert_eq!(visitors.len(), 14, "updated, not added");
    let three = visitors.iter().find(|v| v.name == "Findme 03").unwrap();
    assert_eq!(three.phone.as_deref(), Some("+442079460958"));
    assert_eq!(three.email.as_deref(), Some("findme03@example.org"), "kept");

    b.reload().await;
    b.wait_value("name", "Findme 03").await;
    assert_eq!(
        b.value("phone").await,
        "+442079460958",
        "the reload reopens it"
    );
    b.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn contact_center_find_by_fragments_show_more_open_update_and_reload() {
    let (url, state) = standin_seeded(23).await;
    let b = Browser::signed_in(&format!("{url}/?api=contacts"), "agent.one").await;
    b.fill("search", "ME07@EX").await;
    assert_eq!(
        options(&b, 1).await[0],
        "Findme 07 · findme07@example.org · +493000000007"
    );
    b.fill("search", "+49300000002").await;
    let listed = options(&b, 4).await;
    assert!(listed[0].starts_with("Findme 20"), "{listed:?}");

    b.fill("search", "findme").await;
    let first = options(&b, 10).await;
    assert!(first[0].starts_with("Findme 01"), "by name: {first:?}");
    b.click("Show more").await;
    options(&b, 20).await;
    b.click("Show more").await;
    let all = options(&b, 23).await;
    assert!(all[22].starts_with("Findme 23"), "{all:?}");
    assert_eq!(
        b.js("return !!document.querySelector('.ocf-more')").await,
        serde_json::json!(false),
        "no Show more once all are listed"
    );
    pick(&b, "Findme 21").await;
    b.wait_value("name", "Findme 21").await;
    b.fill("name", "Findme Twenty-one").await;
    b.click("Update contact").await;
    b.wait_status("Contact updated").await;
    let contacts = state.store.read(|d| d.contacts.clone()).await;
    let updated = contacts
        .iter()
        .find(|c| c.name == "Findme Twenty-one")
        .unwrap();
    assert_eq!(updated.emails, ["findme21@example.org"], "kept");
    assert_eq!(
        contacts.len(),
        26,
        "updated, not added (23 and three unknown)"
    );

    b.reload().await;
    b.wait_value("name", "Findme Twenty-one").await;
    b.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn unsaved_changes_are_asked_about_and_the_host_page_opens_by_id() {
    let (url, state) = standin_seeded(5).await;
    let b = Browser::signed_in(&format!("{url}/?api=contacts"), "agent.one").await;
    b.fill("name", "Typed, not saved").await;
    b.fill("search", "findme 05").await;
    options(&b, 1).await;
    pick(&b, "Findme 05").await;
    b.wait_js(
        "the unsaved-changes question",
        "const n = document.querySelector('.ocf-unsaved'); return n && n.textContent.includes('You have unsaved changes. Open Findme 05 anyway?')",
    )
    .await;
    b.click("Keep editing").await;
    assert_eq!(b.value("name").await, "Typed, not saved", "nothing changed");
    assert!(!b.has_button("Keep editing").await);
    b.fill("search", "findme 05").await;
    options(&b, 1).await;
    pick(&b, "Findme 05").await;
    b.click("Open contact").await;
    b.wait_value("name", "Findme 05").await;

    // The host page names a contact by its id (the demo page's ?contactId=, as mount's option).
    let id = state.store.read(|d| d.contacts[1].id.clone()).await;
    b.open(&format!("{url}/?api=contacts&contactId={id}")).await;
    b.wait_value("name", "Findme 02").await;
    b.open(&format!(
        "{url}/?api=contacts&contactId=nosuchcontact0000000000"
    ))
    .await;
    b.wait_status("No contact with id nosuchcontact0000000000.")
        .await;
    b.wait_value("name", "Findme 02").await; // the remembered contact stays
    b.finish().await;
}

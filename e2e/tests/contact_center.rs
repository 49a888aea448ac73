//! The Contact Center API (`?api=contacts` / `?api=auto` on the demo page) against the
//! stand-in: contacts kept apart from visitors, several emails, hidden custom fields, duplicates,
//! the manager by id, the automatic choice, and a lost create that stays one contact.

use e2e::{standin, standin_version, Browser};
use rc_standin::faults::Fault;
use serde_json::{json, Value};
use std::time::Duration;

#[tokio::test(flavor = "multi_thread")]
async fn register_reload_update_keeping_what_the_form_does_not_show_then_a_duplicate() {
    let (url, state) = standin().await;
    let b = Browser::signed_in(&format!("{url}/?api=contacts"), "agent.one").await;
    b.fill("name", "Ada Lovelace").await;
    b.fill("email", "Ada@Example.com").await;
    b.fill("phone", "+44 20 7946 0958").await;
    b.fill("contactManager", "agent.two").await; // typed by hand, not picked
    b.click("Register contact").await;
    b.wait_status("Contact registered").await;
    let contact = state.store.read(|d| d.contacts[0].clone()).await;
    assert_eq!(contact.emails, ["ada@example.com"]);
    assert_eq!(contact.phones, ["+442079460958"]);
    assert_eq!(
        contact.contact_manager.as_deref(),
        Some("agentTwo000000001")
    );
    assert!(
        state.store.read(|d| d.visitors.is_empty()).await,
        "no visitor"
    );

    // Elsewhere (another agent, an app), the contact gets a second email and a hidden field.
    state
        .store
        .write(|d| {
            d.contacts[0].emails.push("ada@work.example".into());
            d.contacts[0]
                .custom_fields
                .insert("internalNote".into(), json!("VIP"));
        })
        .await
        .unwrap();

    b.reload().await;
    b.wait_value("name", "Ada Lovelace").await;
    assert_eq!(
        b.value("contactManager").await,
        "agent.two",
        "the id shown as its username"
    );
    b.fill("name", "Ada King").await;
    b.click("Update contact").await;
    b.wait_status("Contact updated").await;
    let contacts = state.store.read(|d| d.contacts.clone()).await;
    assert_eq!(contacts.len(), 1);
    assert_eq!(contacts[0].name, "Ada King");
    assert_eq!(contacts[0].emails, ["ada@example.com", "ada@work.example"]);
    assert_eq!(
        contacts[0].custom_fields.get("internalNote"),
        Some(&json!("VIP")),
        "the hidden field set elsewhere is kept"
    );
    assert_eq!(
        contacts[0].contact_manager.as_deref(),
        Some("agentTwo000000001")
    );

    // A new contact with the same email: named, and registering anyway is allowed.
    b.click("New contact").await;
    b.wait_status("Ready for a new contact").await;
    b.fill("name", "Ada Twin").await;
    b.fill("email", "ada@example.com").await;
    b.click("Register contact").await;
    b.wait_status("may already exist").await;
    let notice = b
        .wait_js(
            "the duplicate warning",
            "const n = document.querySelector('.ocf-duplicate'); return n && n.textContent",
        )
        .await;
    assert!(
        notice.as_str().unwrap_or_default().contains("Ada King"),
        "{notice}"
    );
    assert!(b.has_button("Update that contact").await);
    b.click("Register anyway").await;
    b.wait_status("Contact registered").await;
    assert_eq!(state.store.read(|d| d.contacts.len()).await, 2);
    b.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_create_whose_answer_is_cut_ends_as_exactly_one_contact() {
    let (url, state) = standin().await;
    let b = Browser::signed_in(&format!("{url}/?api=contacts"), "agent.one").await;
    // A name alone: no duplicate look-up, so the next request is the create; and the resend
    // must find the contact by its name and creation time.
    b.fill("name", "Grace Hopper").await;
    let faults = state.faults.as_ref().expect("faults are on");
    // The server makes the contact, the answer is cut.
    faults.push(Fault::Lost(Duration::from_millis(50)), 1);
    b.click("Register contact").await;
    b.wait_status("Could not reach the server").await;
    assert_eq!(state.store.read(|d| d.contacts.len()).await, 1);
    b.click("Register contact").await;
    b.wait_status("Contact updated").await;
    let contacts = state.store.read(|d| d.contacts.clone()).await;
    assert_eq!(
        contacts.len(),
        1,
        "the resend found the contact the lost create made"
    );
    assert_eq!(contacts[0].name, "Grace Hopper");
    b.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn auto_picks_the_legacy_endpoint_on_6_13_and_the_contact_center_on_7_x() {
    for (version, contacts) in [("6.13", false), ("7.6", true)] {
        let (url, state) = standin_version(version).await;
        let b = Browser::signed_in(&format!("{url}/?api=auto"), "agent.one").await;
        b.js("window.__saved = []; document.getElementById('omnichannel-contact-form-demo').addEventListener('contact-saved', e => window.__saved.push(e.detail))")
            .await;
        b.fill("name", "Ada").await;
        b.click("Register contact").await;
        b.wait_status("Contact registered").await;
        let (visitors, stored) = state
            .store
            .read(|d| (d.visitors.len(), d.contacts.len()))
            .await;
        assert_eq!(
            (visitors, stored),
            if contacts { (0, 1) } else { (1, 0) },
            "{version}"
        );
        let detail: Value = b.js("return window.__saved[0]").await;
        assert_eq!(
            detail["api"],
            if contacts { "contacts" } else { "legacy" },
            "{version}: {detail}"
        );
        b.finish().await;
    }
}

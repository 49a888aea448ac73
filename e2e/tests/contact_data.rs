//! Nothing lost: custom fields, the duplicate warning and the contact-manager picker, in the
//! release build against the stand-in.

use e2e::{standin_requiring_company, Browser};
use serde_json::json;

#[tokio::test(flavor = "multi_thread")]
async fn required_regexp_and_select_custom_fields_are_checked_then_saved() {
    let (url, state) = standin_requiring_company().await;
    let b = Browser::signed_in(&url, "agent.one").await;
    b.input("customFields.company").await;
    assert!(
        !b.has_input("customFields.internalNote").await,
        "a hidden field is not shown"
    );
    b.fill("name", "Ada Lovelace").await;
    b.fill("customFields.customerId", "ab-1").await;
    b.click("Register contact").await;
    b.wait_status("2 fields need attention").await;
    assert_eq!(
        b.field_error("customFields.company").await.as_deref(),
        Some("Enter Company: this server requires it.")
    );
    assert_eq!(
        b.field_error("customFields.customerId").await.as_deref(),
        Some("Customer ID is not in the format this server expects.")
    );
    assert!(state.store.read(|d| d.visitors.is_empty()).await);

    b.fill("customFields.company", "ACME").await;
    b.fill("customFields.customerId", "AB-1234").await;
    b.choose("customFields.tier", "Gold").await;
    b.click("Register contact").await;
    b.wait_status("Contact registered").await;
    let v = state.store.read(|d| d.visitors[0].clone()).await;
    assert_eq!(
        serde_json::Value::Object(v.livechat_data.clone()),
        json!({"company": "ACME", "customerId": "AB-1234", "tier": "Gold"})
    );

    b.reload().await;
    b.input("customFields.company").await;
    b.wait_value("customFields.company", "ACME").await;
    assert_eq!(b.value("customFields.tier").await, "Gold");
    b.fill("customFields.customerId", "").await;
    b.click("Update contact").await;
    b.wait_status("Contact updated").await;
    let v = state.store.read(|d| d.visitors[0].clone()).await;
    assert_eq!(
        serde_json::Value::Object(v.livechat_data.clone()),
        json!({"company": "ACME", "tier": "Gold"}),
        "a cleared field is removed, the others kept"
    );
    b.click("New contact").await;
    b.wait_status("Ready for a new contact").await;
    assert_eq!(
        b.value("customFields.tier").await,
        "",
        "a select the user had picked from is emptied too"
    );
    b.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_new_contact_with_a_known_email_is_warned_about_and_updates_that_contact_instead() {
    let (url, state) = e2e::standin().await;
    let b = Browser::signed_in(&url, "agent.one").await;
    b.fill("name", "Ada Lovelace").await;
    b.fill("email", "ada@example.com").await;
    b.fill("phone", "+44 20 7946 0958").await;
    b.click("Register contact").await;
    b.wait_status("Contact registered").await;
    let first = state.store.read(|d| d.visitors[0].clone()).await;

    b.click("New contact").await;
    b.fill("name", "Ada King").await;
    b.fill("email", "Ada@Example.com").await;
    b.click("Register contact").await;
    b.wait_status("may already exist").await;
    let notice = b
        .wait_js(
            "the duplicate warning",
            "const n = document.querySelector('.ocf-duplicate'); return n && n.textContent",
        )
        .await;
    let notice = notice.as_str().unwrap_or_default();
    assert!(
        notice.contains(&format!("Ada Lovelace (id {})", first.id)),
        "{notice}"
    );
    let now = state.store.read(|d| d.visitors.clone()).await;
    assert_eq!(now.len(), 1);
    assert_eq!(now[0], first, "nothing was taken over");

    b.click("Update that contact").await;
    b.wait_status("Now updating Ada Lovelace").await;
    assert_eq!(b.value("phone").await, "+442079460958");
    b.click("Update contact").await;
    b.wait_status(&format!("Contact updated (id {}).", first.id))
        .await;
    let after = state.store.read(|d| d.visitors.clone()).await;
    assert_eq!(after.len(), 1, "still one contact");
    assert_eq!(after[0].name, "Ada King");
    assert_eq!(after[0].token, first.token, "its token still works");
    assert_eq!(after[0].phone.as_deref(), Some("+442079460958"));
    b.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_manager_picker_suggests_agents_and_the_keyboard_picks_one() {
    const DOWN: &str = "\u{E015}";
    const ENTER: &str = "\u{E007}";
    let (url, state) = e2e::standin().await;
    let b = Browser::signed_in(&url, "agent.one").await;
    b.fill("name", "Ada Lovelace").await;
    let manager = b.input("contactManager").await;
    manager.send_keys("Agent T").await.expect("typing works");
    b.wait_js(
        "the suggestions",
        "const i = document.querySelector('[name=contactManager]');
         return i.getAttribute('aria-expanded') === 'true'
             && document.querySelectorAll('[role=option]').length > 0;",
    )
    .await;
    let shown = b
        .js("return [...document.querySelectorAll('[role=option]')].map(o => o.textContent)")
        .await;
    assert_eq!(
        shown,
        json!(["Agent Two (agent.two)"]),
        "filtered by the server"
    );
    manager.send_keys(DOWN).await.expect("arrow down");
    manager.send_keys(ENTER).await.expect("enter");
    assert_eq!(b.value("contactManager").await, "agent.two");
    assert!(
        state.store.read(|d| d.visitors.is_empty()).await,
        "Enter on a suggestion picks it and does not submit"
    );
    b.click("Register contact").await;
    b.wait_status("Contact registered").await;
    let v = state.store.read(|d| d.visitors[0].clone()).await;
    assert_eq!(v.contact_manager.as_deref(), Some("agent.two"));
    b.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn offline_saves_wait_for_the_network_and_a_save_cut_off_mid_way_makes_one_contact() {
    use rc_standin::faults::Fault;
    use std::time::Duration;
    let (url, state) = e2e::standin().await;
    let b = Browser::signed_in(&url, "agent.one").await;

    // Offline before saving: the save waits, shown as pending, and goes when the network is back.
    b.fill("name", "Ada Lovelace").await;
    b.set_online(false).await;
    b.click("Register contact").await;
    b.wait_status("You are offline").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(state.store.read(|d| d.visitors.is_empty()).await);
    b.set_online(true).await;
    b.wait_status("Contact registered").await;
    let first = state.store.read(|d| d.visitors[0].clone()).await;

    // The network goes mid-save: the server makes the change, the answer never arrives. The cut
    // comes 2.5 s after the change, well after the browser has gone offline.
    let faults = state
        .faults
        .as_ref()
        .expect("the e2e stand-in has --faults");
    faults.push(Fault::Lost(Duration::from_millis(2500)), 1);
    b.fill("name", "Ada King").await;
    b.click("Update contact").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    b.set_online(false).await;
    b.wait_status("You are offline").await;
    b.fill("email", "ada@example.com").await;
    b.set_online(true).await;
    b.wait_status("Contact updated").await;
    let visitors = state.store.read(|d| d.visitors.clone()).await;
    assert_eq!(visitors.len(), 1, "the resend updated the same contact");
    assert_eq!(visitors[0].id, first.id);
    assert_eq!(visitors[0].name, "Ada King");
    assert_eq!(
        visitors[0].email.as_deref(),
        Some("ada@example.com"),
        "sent with what was typed when the network came back"
    );
    b.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_draft_survives_a_reload_until_it_is_saved() {
    let (url, state) = e2e::standin().await;
    let b = Browser::signed_in(&url, "agent.one").await;
    b.fill("name", "Grace Hopper").await;
    b.fill("email", "grace@exa").await;
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    b.reload().await;
    b.wait_value("name", "Grace Hopper").await;
    assert_eq!(b.value("email").await, "grace@exa");
    let note = b
        .js("const n = document.querySelector('.ocf-note--draft'); return n.hidden ? '' : n.textContent")
        .await;
    assert!(
        note.as_str()
            .unwrap_or_default()
            .starts_with("Draft restored"),
        "{note}"
    );
    b.fill("email", "grace@example.com").await;
    b.click("Register contact").await;
    b.wait_status("Contact registered").await;
    assert_eq!(state.store.read(|d| d.visitors.len()).await, 1);
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    b.reload().await;
    b.wait_value("name", "Grace Hopper").await;
    let draft = b
        .js("return Object.keys(localStorage).filter(k => k.includes(':draft:')).length")
        .await;
    assert_eq!(draft, json!(0), "no draft once saved");
    let hidden = b
        .js("return document.querySelector('.ocf-note--draft').hidden")
        .await;
    assert_eq!(
        hidden,
        json!(true),
        "and no note; the form shows the saved contact"
    );
    b.finish().await;
}

//! Deleting a Contact Center contact: the button only where there is one to delete, the
//! confirmation (Cancel changes nothing and has the focus), the delete with its event and what
//! it forgets, a 403 naming the permission, a server without the route, and a queued save that
//! is not sent after its contact is deleted. And its conflicting values: offered, the stored
//! one chosen at first, a refused resolve keeping them.

use crate::center::center;
use crate::harness::*;
use leptos::prelude::*;
use omnichannel_contact_form::{ApiChoice, ContactWidget};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::HtmlElement;

const ADA: &str = r#"{"contact":{"_id":"cc7","name":"Ada Lovelace","emails":[{"address":"ada@example.com"}],
    "phones":[],"customFields":{}},"success":true}"#;

/// A Contact Center server where this browser remembers contact cc7 (Ada), mounted and loaded,
/// listening for `contact-deleted`.
async fn remembered_ada(delete_status: u16, delete_body: &str) -> HtmlElement {
    clear_storage();
    remember(CENTER_KEY, "0123456789abcdef0123456789abcdef cc7");
    center(&[]);
    route("/api/v1/omnichannel/contacts.get", 200, ADA);
    route(
        "/api/v1/omnichannel/contacts.delete",
        delete_status,
        delete_body,
    );
    js_sys::eval("window.__deleted = [];").unwrap();
    let host = new_host();
    let events_to = host.clone();
    leptos::mount::mount_to(host.clone(), move || {
        view! { <ContactWidget server=SERVER credentials=agent() api=ApiChoice::Contacts host=events_to.clone() /> }
    })
    .forget();
    let record = js_sys::Function::new_with_args("e", "window.__deleted.push(e.detail)");
    host.add_event_listener_with_callback("contact-deleted", &record)
        .unwrap();
    ready().await;
    wait_for("the contact", || values(&host)[0] == "Ada Lovelace").await;
    host
}

fn deleted_events() -> serde_json::Value {
    let text = js_sys::eval("JSON.stringify(window.__deleted)").unwrap();
    serde_json::from_str(&text.as_string().unwrap()).unwrap()
}

fn deletes() -> usize {
    routed()
        .iter()
        .filter(|u| u.ends_with("/api/v1/omnichannel/contacts.delete"))
        .count()
}

#[wasm_bindgen_test]
async fn the_confirmation_asks_and_cancel_changes_nothing() {
    let host = remembered_ada(200, r#"{"success":true}"#).await;
    let focus_on = |text: &str| {
        focused()
            .and_then(|f| f.dyn_into::<HtmlElement>().ok())
            .and_then(|f| f.text_content())
            .is_some_and(|t| t == text)
    };
    click(&host, "Delete contact");
    leptos::task::tick().await;
    assert_eq!(
        note_text(&host, "ocf-delete"),
        "Delete Ada Lovelace? This cannot be undone.DeleteCancel"
    );
    wait_for("the focus on Cancel", || focus_on("Cancel")).await;
    click(&host, "Cancel");
    leptos::task::tick().await;
    assert!(
        find_button(&host, "Delete").is_none(),
        "the question is gone"
    );
    // Asked with the keyboard (the button focused, then pressed), Cancel gives the focus back
    // to Delete contact: it does not fall to the page with the button that went.
    let delete = find_button(&host, "Delete contact").expect("the button");
    delete.focus().unwrap();
    delete.click();
    wait_for("the focus on Cancel", || focus_on("Cancel")).await;
    click(&host, "Cancel");
    wait_for("the focus back on Delete contact", || {
        focus_on("Delete contact")
    })
    .await;
    assert_eq!(deletes(), 0);
    assert_eq!(values(&host)[0], "Ada Lovelace");
}

#[wasm_bindgen_test]
async fn delete_forgets_the_contact_empties_the_form_and_tells_the_page() {
    let host = remembered_ada(200, r#"{"success":true}"#).await;
    type_into(&host, "phone", "+44 20 7946 0958"); // a draft of it, too
    sleep(500).await;
    click(&host, "Delete contact");
    leptos::task::tick().await;
    click(&host, "Delete");
    wait_status(&host, "Contact deleted.").await;
    assert_eq!(deletes(), 1);
    assert_eq!(
        values(&host),
        [String::new(), String::new(), String::new(), String::new()]
    );
    assert!(find_button(&host, "Register contact").is_some());
    assert!(find_button(&host, "Delete contact").is_none());
    assert_eq!(local(CENTER_KEY), None, "its id is forgotten");
    assert_eq!(
        local("omnichannel-contact-form:draft:https://chat.example.com"),
        None,
        "and its draft"
    );
    assert_eq!(deleted_events(), serde_json::json!([{"contact": "cc7"}]));
}

#[wasm_bindgen_test]
async fn a_refusal_names_the_permission_and_an_old_server_says_it_cannot() {
    let host = remembered_ada(
        403,
        r#"{"success":false,"error":"User does not have the permissions required for this action [error-unauthorized]"}"#,
    )
    .await;
    click(&host, "Delete contact");
    leptos::task::tick().await;
    click(&host, "Delete");
    wait_status(&host, "delete-livechat-contact").await;
    let said = status(&host);
    assert!(
        said.contains("(roles livechat-manager or admin)"),
        "agents may not delete: {said}"
    );
    assert_eq!(values(&host)[0], "Ada Lovelace", "nothing else changes");
    assert!(local(CENTER_KEY).is_some());

    route(
        "/api/v1/omnichannel/contacts.delete",
        404,
        r#"{"success":false,"error":"API endpoint not found"}"#,
    );
    click(&host, "Delete contact");
    leptos::task::tick().await;
    click(&host, "Delete");
    wait_status(
        &host,
        "This Rocket.Chat cannot delete contacts through its API.",
    )
    .await;
    assert!(find_button(&host, "Update contact").is_some());
    assert_eq!(deleted_events(), serde_json::json!([]));
}

#[wasm_bindgen_test]
async fn a_save_waiting_for_the_rate_limit_is_not_sent_after_a_delete() {
    let host = remembered_ada(200, r#"{"success":true}"#).await;
    route(
        "/api/v1/omnichannel/contacts.update",
        429,
        r#"{"success":false,"error":"Error, too many requests. Please slow down. You must wait 1 seconds before trying this endpoint again. [error-too-many-requests]"}"#,
    );
    type_into(&host, "name", "Ada King");
    click(&host, "Update contact");
    wait_status(&host, "sent again by itself").await;
    let updates = || {
        routed()
            .iter()
            .filter(|u| u.ends_with("contacts.update"))
            .count()
    };
    assert_eq!(updates(), 1);
    click(&host, "Delete contact");
    leptos::task::tick().await;
    click(&host, "Delete");
    wait_status(&host, "Contact deleted.").await;
    sleep(1600).await;
    assert_eq!(updates(), 1, "the queued save was dropped with its contact");
}

#[wasm_bindgen_test]
async fn the_legacy_api_has_no_delete() {
    clear_storage();
    remember(CONTACT_KEY, "0123456789abcdef0123456789abcdef c1");
    stub_fetch(&[]);
    route(
        "/api/v1/omnichannel/contact",
        200,
        r#"{"contact":{"_id":"c1","token":"0123456789abcdef0123456789abcdef","name":"Ada"},"success":true}"#,
    );
    let host = mount(Some(agent()));
    ready().await;
    wait_for("the contact", || values(&host)[0] == "Ada").await;
    assert!(find_button(&host, "Delete contact").is_none());
}

const WITH_CONFLICTS: &str = r#"{"contact":{"_id":"cc7","name":"Ada Lovelace","emails":[],"phones":[],"customFields":{},
    "conflictingFields":[{"field":"name","value":"Ada King"}]},"success":true}"#;

#[wasm_bindgen_test]
async fn conflicting_values_are_offered_and_a_refused_resolve_keeps_them() {
    let host = remembered_ada(200, r#"{"success":true}"#).await;
    route("/api/v1/omnichannel/contacts.get", 200, WITH_CONFLICTS);
    route(
        "/api/v1/omnichannel/contacts.conflicts",
        403,
        r#"{"success":false,"error":"User does not have the permissions required for this action [error-unauthorized]"}"#,
    );
    // Mounted again (as a reload would): the record now has a conflicting name.
    host.remove();
    clear_storage();
    remember(CENTER_KEY, "0123456789abcdef0123456789abcdef cc7");
    let host = new_host();
    leptos::mount::mount_to(host.clone(), move || {
        view! { <ContactWidget server=SERVER credentials=agent() api=ApiChoice::Contacts /> }
    })
    .forget();
    ready().await;
    wait_for("the notice", || find_button(&host, "Resolve").is_some()).await;
    assert_eq!(
        note_text(&host, "ocf-conflicts"),
        "This contact has conflicting valuesNameAda LovelaceAda KingResolve"
    );
    let radios = host
        .query_selector_all(".ocf-conflicts input[type='radio']")
        .unwrap();
    let first: web_sys::HtmlInputElement = radios.item(0).unwrap().unchecked_into();
    assert!(first.checked(), "the stored value is chosen at first");
    click(&host, "Resolve");
    wait_status(&host, "update-livechat-contact").await;
    assert!(
        find_button(&host, "Resolve").is_some(),
        "the conflicts stay"
    );
    assert_eq!(values(&host)[0], "Ada Lovelace");
}

const GRACE: &str = r#"{"contact":{"_id":"cc8","name":"Grace Hopper","emails":[],"phones":[],"customFields":{}},"success":true}"#;

/// Whether the delete question is shown.
fn asks_delete(host: &HtmlElement) -> bool {
    host.query_selector(".ocf-delete").unwrap().is_some()
}

/// The question "Delete Ada Lovelace?" belongs to Ada: asked, then left by each way the form
/// leaves a contact, it is gone, and it does not come back for the contact shown next (nor for
/// Ada after signing in again). Every question goes through the same `FormState::leave`; the
/// state's own test holds each of them to it.
#[wasm_bindgen_test]
async fn the_delete_question_never_comes_back_for_another_contact() {
    for way in ["New contact", "the search", "Sign out"] {
        let host = remembered_ada(200, r#"{"success":true}"#).await;
        click(&host, "Delete contact");
        wait_for("the question", || asks_delete(&host)).await;
        match way {
            "New contact" => click(&host, "New contact"),
            "the search" => {
                crate::center::known(
                    r#"[{"_id":"cc8","name":"Grace Hopper","emails":[],"phones":[]}]"#,
                );
                route("/api/v1/omnichannel/contacts.get", 200, GRACE);
                type_into(&host, "search", "Grace");
                wait_for("the option", || {
                    host.query_selector(".ocf-results [role=option]")
                        .unwrap()
                        .is_some()
                })
                .await;
                press(&host, "search", "ArrowDown").await;
                press(&host, "search", "Enter").await;
                wait_for("Grace", || values(&host)[0] == "Grace Hopper").await;
            }
            _ => {
                route("/api/v1/logout", 200, r#"{"status":"success","data":{}}"#);
                route(
                    "/api/v1/login",
                    200,
                    r#"{"status":"success","data":{"userId":"agent-id","authToken":"agent-token"},"success":true}"#,
                );
                click(&host, "Sign out");
                wait_for("the sign-in form", || has_input(&host, "user")).await;
                type_into(&host, "user", "agent");
                type_into(&host, "password", "pw");
                click(&host, "Sign in");
                wait_for("Ada again", || {
                    has_input(&host, "name") && values(&host)[0] == "Ada Lovelace"
                })
                .await;
            }
        }
        leptos::task::tick().await;
        assert!(
            !asks_delete(&host),
            "after {way}: the question went with Ada"
        );
        assert_eq!(deletes(), 0, "after {way}");
    }
}

//! Every email and phone of a Contact Center contact: rows labelled "Email 2", "Phone 2", …,
//! added and removed with the focus where the user works, each validated (a repeat refused
//! under the later row), sent whole and in order, the values an update adds checked against
//! other contacts, and kept in the draft. Legacy mode offers no rows.

use crate::center::{center, known};
use crate::harness::*;
use omnichannel_contact_form::ApiChoice;
use serde_json::json;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{HtmlButtonElement, HtmlElement};

const ADA: &str = r#"{"contact":{"_id":"cc7","name":"Ada Lovelace",
    "emails":[{"address":"ada@example.com"},{"address":"ada@work.example"}],
    "phones":[{"phoneNumber":"+442079460958"},{"phoneNumber":"+4930123456"}],"customFields":{}},"success":true}"#;
const UPDATED: Answer = Answer(200, r#"{"contact":{"_id":"cc7"},"success":true}"#, &[]);
const DRAFT_KEY: &str = "omnichannel-contact-form:draft:https://chat.example.com";

/// A Contact Center server where this browser remembers contact cc7 (Ada, two emails and two
/// phones), mounted and loaded.
async fn remembered_ada(answers: &[Answer]) -> HtmlElement {
    clear_storage();
    remember(CENTER_KEY, "0123456789abcdef0123456789abcdef cc7");
    center(answers);
    route("/api/v1/omnichannel/contacts.get", 200, ADA);
    let host = mount_api(ApiChoice::Contacts);
    ready().await;
    wait_for("the contact", || values(&host)[0] == "Ada Lovelace").await;
    host
}

/// The button whose accessible name (`aria-label`) is `name`, if present.
fn labelled_button(host: &HtmlElement, name: &str) -> Option<HtmlButtonElement> {
    let found = host.query_selector(&format!("button[aria-label='{name}']"));
    found.unwrap().map(JsCast::unchecked_into)
}

/// The text of the label of the input named `name`.
fn label_of(host: &HtmlElement, name: &str) -> String {
    let id = input(host, name).id();
    let label = host.query_selector(&format!("label[for='{id}']")).unwrap();
    label.expect("a label").text_content().unwrap_or_default()
}

/// The `name` of the focused element, once it is an input.
fn focused_name() -> Option<String> {
    let element: web_sys::Element = focused()?.dyn_into().ok()?;
    element.get_attribute("name")
}

async fn wait_focus(name: &str) {
    wait_for(&format!("the focus on {name}"), || {
        focused_name().as_deref() == Some(name)
    })
    .await;
}

fn checked_values() -> Vec<String> {
    routed()
        .iter()
        .filter(|u| u.contains("/contacts.checkExistence?"))
        .cloned()
        .collect()
}

#[wasm_bindgen_test]
async fn a_stored_contacts_values_are_rows_in_the_servers_order() {
    let host = remembered_ada(&[]).await;
    assert_eq!(input(&host, "email").value(), "ada@example.com");
    assert_eq!(input(&host, "email-2").value(), "ada@work.example");
    assert_eq!(input(&host, "phone").value(), "+442079460958");
    assert_eq!(input(&host, "phone-2").value(), "+4930123456");
    assert_eq!(label_of(&host, "email-2"), "Email 2");
    assert_eq!(label_of(&host, "phone-2"), "Phone 2");
    assert!(labelled_button(&host, "Remove email 2").is_some());
    assert!(labelled_button(&host, "Remove phone 2").is_some());
    assert!(
        labelled_button(&host, "Remove email 1").is_none(),
        "the first row has no remove button"
    );
    assert!(find_button(&host, "Add email").is_some());
    assert!(find_button(&host, "Add phone").is_some());
}

#[wasm_bindgen_test]
async fn adding_and_removing_rows_moves_the_focus_where_the_user_works() {
    clear_storage();
    center(&[]);
    let host = mount_api(ApiChoice::Contacts);
    ready().await;
    click(&host, "Add email");
    wait_focus("email-2").await;
    type_into(&host, "email-2", "two@example.com");
    click(&host, "Add email");
    wait_focus("email-3").await;
    type_into(&host, "email-3", "three@example.com");
    assert_eq!(label_of(&host, "email-3"), "Email 3");

    labelled_button(&host, "Remove email 2").unwrap().click();
    wait_focus("email-2").await;
    assert_eq!(
        input(&host, "email-2").value(),
        "three@example.com",
        "the row below moved up and has the focus"
    );
    assert!(!has_input(&host, "email-3"));
    labelled_button(&host, "Remove email 2").unwrap().click();
    wait_focus("email").await;
    assert!(!has_input(&host, "email-2"));

    click(&host, "Add phone");
    wait_focus("phone-2").await;
    labelled_button(&host, "Remove phone 2").unwrap().click();
    wait_focus("phone").await;
}

#[wasm_bindgen_test]
async fn each_row_is_validated_and_a_repeat_is_refused_under_the_later_row() {
    clear_storage();
    center(&[crate::center::CREATED]);
    let host = mount_api(ApiChoice::Contacts);
    ready().await;
    fill_valid(&host);
    click(&host, "Add email");
    wait_focus("email-2").await;
    click(&host, "Add email");
    wait_focus("email-3").await;
    click(&host, "Add phone");
    wait_focus("phone-2").await;
    type_into(&host, "email-2", " ADA@example.com");
    type_into(&host, "email-3", "not-an-email");
    type_into(&host, "phone-2", "+44 20 7946 0958");
    click(&host, "Register contact");
    wait_status(&host, "3 fields need attention before saving.").await;
    assert_eq!(
        field_error(&host, "email-2").as_deref(),
        Some("Already listed above.")
    );
    assert!(field_error(&host, "email-3").is_some());
    assert_eq!(
        field_error(&host, "phone-2").as_deref(),
        Some("Already listed above."),
        "the same number, written another way"
    );
    assert_eq!(field_error(&host, "email"), None, "the first is fine");
    wait_focus("email-2").await;
    assert!(calls().is_empty(), "nothing sent");
    assert_eq!(input(&host, "email-3").value(), "not-an-email", "kept");

    // Fixing a row takes its mark away as it is typed.
    type_into(&host, "email-2", "ada@work.example");
    leptos::task::tick().await;
    assert_eq!(field_error(&host, "email-2"), None);
    // An emptied row is dropped, not sent.
    type_into(&host, "email-3", "");
    type_into(&host, "phone-2", "");
    click(&host, "Register contact");
    wait_status(&host, "Contact registered (id cc1)").await;
    let sent = body(0);
    assert_eq!(
        sent["emails"],
        json!(["ada@example.com", "ada@work.example"])
    );
    assert_eq!(sent["phones"], json!(["+442079460958"]));
    assert_eq!(
        checked_values().len(),
        3,
        "a new contact's every value is checked: {:?}",
        checked_values()
    );
}

#[wasm_bindgen_test]
async fn an_update_sends_every_row_in_order_and_checks_only_the_values_it_adds() {
    let host = remembered_ada(&[UPDATED]).await;
    labelled_button(&host, "Remove phone 2").unwrap().click();
    click(&host, "Add email");
    wait_focus("email-3").await;
    type_into(&host, "email-3", "Ada@Home.example");
    click(&host, "Update contact");
    wait_status(&host, "Contact updated (id cc7)").await;
    assert_eq!(
        checked_values(),
        ["https://chat.example.com/api/v1/omnichannel/contacts.checkExistence?email=ada%40home.example"]
    );
    let sent = body(0);
    assert_eq!(
        sent["emails"],
        json!(["ada@example.com", "ada@work.example", "ada@home.example"])
    );
    assert_eq!(
        sent["phones"],
        json!(["+442079460958"]),
        "the removed one is removed"
    );
}

#[wasm_bindgen_test]
async fn a_value_another_contact_has_names_it_and_going_back_focuses_that_row() {
    let host = remembered_ada(&[UPDATED]).await;
    known(
        r#"[{"_id":"cc9","name":"Grace Hopper","phones":[],
            "emails":[{"address":"g@navy.example"},{"address":"shared@example.com"}]}]"#,
    );
    click(&host, "Add email");
    wait_focus("email-3").await;
    type_into(&host, "email-3", "shared@example.com");
    click(&host, "Update contact");
    wait_for("the notice", || find_button(&host, "Save anyway").is_some()).await;
    let text = note_text(&host, "ocf-duplicate");
    assert!(
        text.contains(
            "Another contact already has the email shared@example.com: Grace Hopper (id cc9)"
        ),
        "{text}"
    );
    assert!(
        find_button(&host, "Update that contact").is_none(),
        "an update does not switch to the other contact"
    );
    // The focus is elsewhere first, so that going back is seen to move it.
    input(&host, "name").focus().unwrap();
    click(&host, "Go back");
    wait_for("the notice gone", || {
        find_button(&host, "Save anyway").is_none()
    })
    .await;
    wait_focus("email-3").await;
    assert!(calls().is_empty(), "nothing saved");

    click(&host, "Update contact");
    wait_for("the notice again", || {
        find_button(&host, "Save anyway").is_some()
    })
    .await;
    click(&host, "Save anyway");
    wait_status(&host, "Contact updated (id cc7)").await;
    let sent = body(0);
    assert_eq!(sent["emails"][2], "shared@example.com");
}

#[wasm_bindgen_test]
async fn the_draft_keeps_every_row() {
    clear_storage();
    center(&[]);
    let first = mount_api(ApiChoice::Contacts);
    ready().await;
    type_into(&first, "name", "Ada Rows");
    click(&first, "Add phone");
    leptos::task::tick().await;
    type_into(&first, "phone-2", "+49 30 999");
    wait_for("the draft", || {
        local(DRAFT_KEY).is_some_and(|d| d.contains("+49 30 999"))
    })
    .await;
    let stored = local(DRAFT_KEY).unwrap();
    assert!(
        stored.contains(r#""morePhones":["+49 30 999"]"#),
        "{stored}"
    );

    let again = mount_api(ApiChoice::Contacts);
    ready().await;
    wait_for("the restored row", || has_input(&again, "phone-2")).await;
    assert_eq!(input(&again, "phone-2").value(), "+49 30 999");
    assert_eq!(input(&again, "name").value(), "Ada Rows");
}

#[wasm_bindgen_test]
async fn legacy_mode_keeps_one_email_and_one_phone() {
    clear_storage();
    stub_fetch(&[]);
    let host = mount_api(ApiChoice::Legacy);
    ready().await;
    assert!(has_input(&host, "email"));
    assert!(find_button(&host, "Add email").is_none());
    assert!(find_button(&host, "Add phone").is_none());
}

#[wasm_bindgen_test]
async fn auto_offers_rows_once_it_has_chosen_the_contact_center() {
    clear_storage();
    center(&[]);
    route("/api/info", 200, r#"{"version":"7.6","success":true}"#);
    let host = mount_api(ApiChoice::Auto);
    ready().await;
    wait_for("Add email, once auto has chosen", || {
        find_button(&host, "Add email").is_some()
    })
    .await;
    assert!(find_button(&host, "Add phone").is_some());
}

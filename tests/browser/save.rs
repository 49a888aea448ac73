//! Saving: the exact request, the token, "Update contact", remounts and "New contact".

use crate::harness::*;
use omnichannel_contact_form::domain::token::is_token;
use wasm_bindgen_test::wasm_bindgen_test;

const OK: Answer = Answer(
    200,
    r#"{"contact":"65f0c0ffee0123456789abcd","success":true}"#,
    &[],
);
/// The stored record, with a custom field and a phone set elsewhere (not in E.164).
const RECORD: Answer = Answer(
    200,
    r#"{"contact":{"_id":"65f0c0ffee0123456789abcd","username":"guest-1","name":"Ada King",
        "visitorEmails":[{"address":"ada@example.com"}],"phone":[{"phoneNumber":"020 7946 0958"}],
        "contactManager":{"username":"agent.two"},"livechatData":{"company":"ACME"},
        "ts":"2026-11-25T17:00:00.000Z","_updatedAt":"2026-11-25T17:00:00.000Z"},"success":true}"#,
    &[],
);

/// The record as the first save of `fill_valid`'s values stored it (read again before an update).
const SAVED: Answer = Answer(
    200,
    r#"{"contact":{"_id":"65f0c0ffee0123456789abcd","username":"guest-1","name":"Ada Lovelace",
        "visitorEmails":[{"address":"ada@example.com"}],"phone":[{"phoneNumber":"+442079460958"}],
        "contactManager":{"username":"agent.one"},"livechatData":{}},"success":true}"#,
    &[],
);

#[wasm_bindgen_test]
async fn a_valid_submit_sends_exactly_the_expected_request() {
    clear_storage();
    stub_fetch(&[OK]);
    let host = mount(Some(agent()));
    fill_valid(&host);
    click(&host, "Register contact");
    wait_status(&host, "Contact registered (id 65f0c0ffee0123456789abcd).").await;

    let calls = calls();
    assert_eq!(calls.len(), 1);
    let call = &calls[0];
    assert_eq!(
        call["url"],
        "https://chat.example.com/api/v1/omnichannel/contact"
    );
    assert_eq!(call["method"], "POST");
    assert_eq!(call["headers"]["x-auth-token"], "agent-token");
    assert_eq!(call["headers"]["x-user-id"], "agent-id");
    assert_eq!(call["headers"]["content-type"], "application/json");
    let body = body(0);
    let token = body["token"].as_str().unwrap().to_owned();
    assert!(is_token(&token), "{token}");
    assert_eq!(
        body,
        serde_json::json!({
            "token": token,
            "name": "Ada Lovelace",
            "email": "ada@example.com",
            "phone": "+442079460958",
            "contactManager": {"username": "agent.one"}
        })
    );
}

#[wasm_bindgen_test]
async fn only_filled_fields_are_sent() {
    clear_storage();
    stub_fetch(&[OK]);
    let host = mount(Some(agent()));
    type_into(&host, "name", "Ada");
    click(&host, "Register contact");
    wait_status(&host, "Contact registered").await;
    let body = body(0);
    assert_eq!(body.as_object().unwrap().len(), 2, "{body}");
    assert_eq!(body["name"], "Ada");
}

#[wasm_bindgen_test]
async fn success_stores_the_token_and_switches_to_update_and_a_remount_reuses_it() {
    clear_storage();
    stub_fetch(&[OK, SAVED, OK]);
    let host = mount(Some(agent()));
    fill_valid(&host);
    assert!(local(CONTACT_KEY).is_none());
    click(&host, "Register contact");
    wait_status(&host, "Contact registered").await;
    let token = body(0)["token"].as_str().unwrap().to_owned();
    assert_eq!(
        local(CONTACT_KEY),
        Some(format!("{token} 65f0c0ffee0123456789abcd"))
    );
    assert!(
        find_button(&host, "Update contact").is_some(),
        "{:?}",
        button_texts(&host)
    );
    assert!(find_button(&host, "Register contact").is_none());
    assert_eq!(
        values(&host)[0],
        "  Ada Lovelace ",
        "the form keeps what was saved"
    );

    // Updating from the same widget reads the contact again, then sends the same token.
    type_into(&host, "name", "Ada King");
    click(&host, "Update contact");
    wait_status(&host, "Contact updated (id 65f0c0ffee0123456789abcd).").await;
    assert_eq!(calls()[1]["method"], "GET", "read again first");
    assert_eq!(body(2)["token"], token.as_str());
    assert_eq!(body(2)["name"], "Ada King");

    // A new widget on the same browser (a page reload) loads the stored record, shows it, and
    // updates the same contact sending back everything it has that was not changed.
    stub_fetch(&[RECORD, RECORD, OK]);
    host.remove();
    let again = mount(Some(agent()));
    wait_for("the record to load", || {
        input(&again, "name").value() == "Ada King"
    })
    .await;
    assert!(find_button(&again, "Update contact").is_some());
    let load = &calls()[0];
    assert_eq!(load["method"], "GET");
    assert_eq!(
        load["url"],
        "https://chat.example.com/api/v1/omnichannel/contact?contactId=65f0c0ffee0123456789abcd"
    );
    assert_eq!(load["headers"]["x-auth-token"], "agent-token");
    assert_eq!(
        values(&again),
        ["Ada King", "ada@example.com", "020 7946 0958", "agent.two"]
    );
    type_into(&again, "name", "Ada Lovelace");
    click(&again, "Update contact");
    wait_status(&again, "Contact updated").await;
    assert_eq!(
        body(2),
        serde_json::json!({
            "token": token,
            "name": "Ada Lovelace",
            "email": "ada@example.com",
            "phone": "020 7946 0958",
            "contactManager": {"username": "agent.two"},
            "customFields": {"company": "ACME"}
        }),
        "untouched fields, custom fields included, go back as stored"
    );
}

#[wasm_bindgen_test]
async fn new_contact_forgets_the_token() {
    clear_storage();
    stub_fetch(&[OK, OK]);
    let host = mount(Some(agent()));
    type_into(&host, "name", "Ada");
    click(&host, "Register contact");
    wait_status(&host, "Contact registered").await;
    let first = body(0)["token"].clone();

    click(&host, "New contact");
    leptos::task::tick().await;
    assert_eq!(local(CONTACT_KEY), None);
    assert!(find_button(&host, "Register contact").is_some());
    // The section under the saved contact goes first: the inputs follow a moment later.
    wait_for("the form cleared", || values(&host) == ["", "", "", ""]).await;

    type_into(&host, "name", "Grace");
    click(&host, "Register contact");
    wait_status(&host, "Contact registered").await;
    assert_ne!(body(1)["token"], first, "a new contact gets a new token");
}

#[wasm_bindgen_test]
async fn a_double_click_sends_one_request() {
    clear_storage();
    stub_fetch(&[OK, OK]);
    let host = mount(Some(agent()));
    type_into(&host, "name", "Ada");
    click(&host, "Register contact");
    click(&host, "Register contact");
    wait_status(&host, "Contact registered").await;
    sleep(50).await;
    assert_eq!(calls().len(), 1);
}

#[wasm_bindgen_test]
async fn a_retry_after_a_failure_reuses_the_pending_token() {
    clear_storage();
    // The save (and the reachability probe) fail; the retry goes through.
    stub_fetch(&[Answer(0, "", &[]), OK]);
    let host = mount(Some(agent()));
    type_into(&host, "name", "Ada");
    click(&host, "Register contact");
    wait_status(&host, "Could not reach the server").await;
    assert_eq!(
        local(CONTACT_KEY),
        None,
        "written only after the server accepted it"
    );
    click(&host, "Register contact");
    wait_status(&host, "Contact registered").await;
    assert_eq!(
        body(0)["token"],
        body(1)["token"],
        "a retry never makes a second contact"
    );
}

#[wasm_bindgen_test]
async fn new_contact_waits_for_a_save_under_way() {
    clear_storage();
    // The answer comes late, so "New contact" is pressed while the save is under way.
    stub_fetch(&[OK]);
    js_sys::eval("window.__delay = 200;").unwrap();
    let host = mount(Some(agent()));
    type_into(&host, "name", "Ada");
    click(&host, "Register contact");
    click(&host, "New contact");
    leptos::task::tick().await;
    assert!(
        status(&host).contains("Wait until the save finishes"),
        "{}",
        status(&host)
    );
    assert_eq!(values(&host)[0], "Ada", "nothing was cleared");
    wait_status(&host, "Contact registered").await;
    js_sys::eval("window.__delay = 0;").unwrap();
    click(&host, "New contact");
    leptos::task::tick().await;
    assert_eq!(local(CONTACT_KEY), None);
    wait_for("the form cleared", || values(&host)[0].is_empty()).await;
}

#[wasm_bindgen_test]
async fn a_contact_gone_from_the_server_is_registered_again_with_its_token() {
    clear_storage();
    let token = "0123456789abcdef0123456789abcdef";
    remember(CONTACT_KEY, &format!("{token} 65f0c0ffee0123456789abcd"));
    stub_fetch(&[Answer(200, r#"{"contact":null,"success":true}"#, &[]), OK]);
    let host = mount(Some(agent()));
    wait_status(
        &host,
        "no longer exists on the server; saving registers it again",
    )
    .await;
    assert!(find_button(&host, "Register contact").is_some());
    type_into(&host, "name", "Ada");
    click(&host, "Register contact");
    wait_status(&host, "Contact registered").await;
    assert_eq!(body(1)["token"], token);
}

#[wasm_bindgen_test]
async fn new_contact_while_the_stored_contact_loads_ignores_the_late_answer() {
    clear_storage();
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage
        .set_item(
            CONTACT_KEY,
            "0123456789abcdef0123456789abcdef 65f0c0ffee0123456789abcd",
        )
        .unwrap();
    stub_fetch(&[RECORD, OK]);
    js_sys::eval("window.__delay = 200;").unwrap();
    let host = mount(Some(agent()));
    wait_for("the record request", || calls().len() == 1).await;
    click(&host, "New contact");
    sleep(400).await;
    js_sys::eval("window.__delay = 0;").unwrap();
    assert_eq!(
        values(&host),
        ["", "", "", ""],
        "the late answer did not refill the form"
    );
    type_into(&host, "name", "Grace");
    click(&host, "Register contact");
    wait_status(&host, "Contact registered").await;
    let body = body(1);
    assert_eq!(body["name"], "Grace");
    assert!(
        body.get("customFields").is_none(),
        "nothing of the old contact: {body}"
    );
    assert_ne!(body["token"], "0123456789abcdef0123456789abcdef");
}

#[wasm_bindgen_test]
async fn phones_as_people_write_them_are_sent_in_e164_and_shown_as_sent() {
    for (typed, sent) in [
        ("+44 (0)20 7946 0958", "+442079460958"),
        ("+٤٩ (٠)٣٠ ٩٠١٨٢٠", "+4930901820"),
    ] {
        clear_storage();
        stub_fetch(&[OK]);
        let host = mount(Some(agent()));
        type_into(&host, "name", "Ada Lovelace");
        type_into(&host, "phone", typed);
        click(&host, "Register contact");
        wait_status(&host, "Contact registered").await;
        assert_eq!(body(0)["phone"], sent, "{typed}");
        assert_eq!(
            input(&host, "phone").value(),
            sent,
            "the field shows the number as stored"
        );
    }
}

#[wasm_bindgen_test]
async fn an_unassigned_country_code_is_named_under_the_phone() {
    clear_storage();
    stub_fetch(&[]);
    let host = mount(Some(agent()));
    type_into(&host, "name", "Ada Lovelace");
    type_into(&host, "phone", "+999 1234 5678");
    click(&host, "Register contact");
    wait_status(&host, "One field needs attention").await;
    assert_eq!(
        field_error(&host, "phone").as_deref(),
        Some("+999 is not a country calling code: check the digits after the + (or 00).")
    );
    assert_eq!(
        input(&host, "phone").value(),
        "+999 1234 5678",
        "kept as typed"
    );
    assert!(calls().is_empty());
}

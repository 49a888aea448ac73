//! `api: "contacts"`: the Contact Center routes of Rocket.Chat 7.1+ behind the same form.

use crate::harness::*;
use omnichannel_contact_form::ApiChoice;
use serde_json::json;
use wasm_bindgen_test::wasm_bindgen_test;

pub const CREATED: Answer = Answer(200, r#"{"contactId":"cc1","success":true}"#, &[]);
const UPDATED: Answer = Answer(200, r#"{"contact":{"_id":"cc1"},"success":true}"#, &[]);
const AGENTS: &str = r#"{"users":[{"_id":"agentOne000000001","username":"agent.one","name":"Agent One"},{"_id":"agentTwo000000001","username":"agent.two"}],"success":true}"#;
const TOKEN: &str = "0123456789abcdef0123456789abcdef";

/// A Contact Center server with no contacts yet, the agents listed.
pub fn center(answers: &[Answer]) {
    stub_fetch(answers);
    route(
        "/api/v1/omnichannel/contacts.checkExistence",
        200,
        r#"{"exists":false,"success":true}"#,
    );
    route(
        "/api/v1/omnichannel/contacts.search",
        200,
        r#"{"contacts":[],"count":0,"offset":0,"total":0,"success":true}"#,
    );
    route("/api/v1/livechat/users/agent", 200, AGENTS);
}

/// The server already has `contacts` (a JSON list): `checkExistence` says so and the search
/// gives them.
pub fn known(contacts: &str) {
    route(
        "/api/v1/omnichannel/contacts.checkExistence",
        200,
        r#"{"exists":true,"success":true}"#,
    );
    let answer = format!(r#"{{"contacts":{contacts},"total":1,"success":true}}"#);
    route("/api/v1/omnichannel/contacts.search", 200, &answer);
}

fn path(i: usize) -> String {
    let url = calls()[i]["url"].as_str().unwrap().to_owned();
    url.trim_start_matches(SERVER).to_owned()
}

#[wasm_bindgen_test]
async fn registers_with_arrays_and_the_managers_id_and_remembers_the_id_apart() {
    clear_storage();
    center(&[CREATED]);
    let host = mount_api(ApiChoice::Contacts);
    ready().await;
    fill_valid(&host);
    click(&host, "Register contact");
    wait_status(&host, "Contact registered (id cc1)").await;
    assert_eq!(path(0), "/api/v1/omnichannel/contacts");
    assert_eq!(
        body(0),
        json!({"name": "Ada Lovelace", "emails": ["ada@example.com"], "phones": ["+442079460958"],
               "customFields": {}, "contactManager": "agentOne000000001"})
    );
    let stored = local(CENTER_KEY).expect("the id is remembered");
    assert!(stored.ends_with(" cc1"), "{stored}");
    assert_eq!(local(CONTACT_KEY), None, "the legacy key is left alone");
    assert!(find_button(&host, "Update contact").is_some());
}

#[wasm_bindgen_test]
async fn an_unknown_manager_is_marked_and_nothing_is_sent() {
    clear_storage();
    center(&[CREATED]);
    let host = mount_api(ApiChoice::Contacts);
    ready().await;
    type_into(&host, "name", "Ada");
    type_into(&host, "contactManager", "nobody");
    click(&host, "Register contact");
    wait_for("the manager's error", || {
        field_error(&host, "contactManager").is_some()
    })
    .await;
    assert!(calls().is_empty(), "nothing saved: {:?}", calls());
    assert!(status(&host).contains("One field needs attention"));
}

#[wasm_bindgen_test]
async fn an_update_loads_the_contact_and_sends_back_what_the_form_does_not_show() {
    clear_storage();
    remember(CENTER_KEY, &format!("{TOKEN} cc1"));
    center(&[UPDATED]);
    route(
        "/api/v1/livechat/custom-fields",
        200,
        r#"{"customFields":[{"_id":"company","label":"Company","scope":"visitor","visibility":"visible","type":"input","required":false,"regexp":"","options":"","defaultValue":""}],"success":true}"#,
    );
    route(
        "/api/v1/omnichannel/contacts.get",
        200,
        r#"{"contact":{"_id":"cc1","name":"Ada","emails":[{"address":"a@x.co"},{"address":"b@x.co"}],"phones":[{"phoneNumber":"+4930123456"},{"phoneNumber":"+4930999999"}],"contactManager":"agentTwo000000001","customFields":{"company":"ACME"},"createdAt":"2026-01-01T00:00:00.000Z"},"success":true}"#,
    );
    let host = mount_api(ApiChoice::Contacts);
    wait_for("the stored contact", || {
        input(&host, "name").value() == "Ada"
    })
    .await;
    assert_eq!(values(&host), ["Ada", "a@x.co", "+4930123456", "agent.two"]);
    type_into(&host, "email", "new@x.co");
    click(&host, "Update contact");
    wait_status(&host, "Contact updated (id cc1)").await;
    assert_eq!(path(0), "/api/v1/omnichannel/contacts.update");
    assert_eq!(
        body(0),
        json!({"contactId": "cc1", "name": "Ada", "emails": ["new@x.co", "b@x.co"],
               "phones": ["+4930123456", "+4930999999"], "customFields": {"company": "ACME"},
               "contactManager": "agentTwo000000001"})
    );
}

#[wasm_bindgen_test]
async fn a_contact_gone_from_the_contact_center_is_said_and_registered_again() {
    clear_storage();
    remember(CENTER_KEY, &format!("{TOKEN} gone1"));
    center(&[CREATED]);
    route(
        "/api/v1/omnichannel/contacts.get",
        404,
        r#"{"success":false,"error":"Resource not found"}"#,
    );
    let host = mount_api(ApiChoice::Contacts);
    wait_status(&host, "no longer exists on the server").await;
    assert!(status(&host).contains("gone1"), "{}", status(&host));
    type_into(&host, "name", "Ada");
    click(&host, "Register contact");
    wait_status(&host, "Contact registered (id cc1)").await;
    assert_eq!(path(0), "/api/v1/omnichannel/contacts");
}

#[wasm_bindgen_test]
async fn a_create_whose_answer_was_lost_is_continued_as_an_update_not_made_twice() {
    clear_storage();
    center(&[Answer(0, "", &[]), UPDATED]);
    let host = mount_api(ApiChoice::Contacts);
    ready().await;
    type_into(&host, "name", "Ada");
    type_into(&host, "email", "ada@example.com");
    click(&host, "Register contact");
    wait_status(&host, "Could not reach the server").await;
    // The create did reach the server: the contact exists now.
    route(
        "/api/v1/omnichannel/contacts.search",
        200,
        r#"{"contacts":[{"_id":"cc1","name":"Ada","emails":[{"address":"ada@example.com"}],"phones":[],"customFields":{},"createdAt":"2999-01-01T00:00:00.000Z"}],"total":1,"success":true}"#,
    );
    route(
        "/api/v1/omnichannel/contacts.checkExistence",
        200,
        r#"{"exists":true,"success":true}"#,
    );
    click(&host, "Register contact");
    wait_status(&host, "Contact updated (id cc1)").await;
    assert_eq!(calls().len(), 2);
    assert_eq!(path(1), "/api/v1/omnichannel/contacts.update");
    assert_eq!(body(1)["contactId"], "cc1");
}

#[wasm_bindgen_test]
async fn an_equal_email_offers_all_three_choices_and_names_the_contact() {
    clear_storage();
    center(&[]);
    known(
        r#"[{"_id":"other","name":"Someone","emails":[{"address":"xada@example.com"}],"phones":[]},
            {"_id":"cc7","name":"Ada L.","emails":[{"address":"ada@example.com"}],"phones":[]}]"#,
    );
    let host = mount_api(ApiChoice::Contacts);
    ready().await;
    type_into(&host, "name", "Ada");
    type_into(&host, "email", "ada@example.com");
    click(&host, "Register contact");
    wait_status(&host, "may already exist").await;
    let notice = note_text(&host, "ocf-duplicate");
    assert!(
        notice.contains("Ada L. (id cc7)"),
        "the exact match: {notice}"
    );
    assert!(!notice.contains("take that contact over"), "{notice}");
    for choice in ["Update that contact", "Register anyway", "Go back"] {
        assert!(find_button(&host, choice).is_some(), "{choice}");
    }
    assert!(calls().is_empty(), "nothing saved yet");
}

#[wasm_bindgen_test]
async fn a_refusal_names_the_routes_own_permission_and_a_refused_field_is_marked() {
    clear_storage();
    center(&[
        Answer(
            403,
            r#"{"success":false,"error":"User does not have the permissions required for this action [error-unauthorized]"}"#,
            &[],
        ),
        Answer(
            400,
            r#"{"success":false,"error":"error-contact-manager-not-found"}"#,
            &[],
        ),
    ]);
    let host = mount_api(ApiChoice::Contacts);
    ready().await;
    type_into(&host, "name", "Ada");
    click(&host, "Register contact");
    wait_status(&host, "create-livechat-contact").await;
    click(&host, "Register contact");
    wait_for("the manager's error", || {
        field_error(&host, "contactManager").is_some()
    })
    .await;
}

#[wasm_bindgen_test]
async fn on_7_1_without_check_existence_the_search_compared_exactly_finds_the_duplicate() {
    clear_storage();
    center(&[CREATED]);
    route(
        "/api/v1/omnichannel/contacts.checkExistence",
        404,
        r#"{"success":false,"error":"API endpoint not found"}"#,
    );
    // A substring match only: "+4930123" is in "+49301234567", which is not the same phone.
    route(
        "/api/v1/omnichannel/contacts.search",
        200,
        r#"{"contacts":[{"_id":"near","name":"Near","emails":[],"phones":[{"phoneNumber":"+49301234567"}]}],"total":1,"success":true}"#,
    );
    let host = mount_api(ApiChoice::Contacts);
    ready().await;
    type_into(&host, "name", "Ada");
    type_into(&host, "phone", "+49 30 1234 56");
    click(&host, "Register contact");
    wait_status(&host, "Contact registered (id cc1)").await;

    route(
        "/api/v1/omnichannel/contacts.search",
        200,
        r#"{"contacts":[{"_id":"near","name":"Near","emails":[],"phones":[{"phoneNumber":"+49301234567"}]},{"_id":"same","name":"Same","emails":[],"phones":[{"phoneNumber":"+4930123456"}]}],"total":2,"success":true}"#,
    );
    click(&host, "New contact");
    wait_status(&host, "Ready for a new contact").await;
    type_into(&host, "name", "Ada");
    type_into(&host, "phone", "+49 30 1234 56");
    click(&host, "Register contact");
    wait_status(&host, "may already exist").await;
    let notice = note_text(&host, "ocf-duplicate");
    assert!(notice.contains("Same (id same)"), "{notice}");
}

#[wasm_bindgen_test]
async fn a_picked_agent_is_saved_by_the_id_the_picker_listed_with_no_further_look_up() {
    clear_storage();
    center(&[CREATED]);
    let host = mount_api(ApiChoice::Contacts);
    ready().await;
    type_into(&host, "name", "Ada");
    type_into(&host, "contactManager", "agent.t");
    wait_for("the suggestions", || {
        routed()
            .iter()
            .any(|u| u.contains("users/agent?text=agent.t"))
    })
    .await;
    sleep(50).await;
    // The option's mouse-down picks it (as a click on the list does).
    let option: web_sys::HtmlElement = {
        use wasm_bindgen::JsCast;
        let list = host.query_selector_all("[role='option']").unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i))
            .map(|n| n.unchecked_into::<web_sys::HtmlElement>())
            .find(|o| o.text_content().unwrap_or_default().contains("agent.two"))
            .expect("agent.two is suggested")
    };
    let down = web_sys::MouseEvent::new("mousedown").unwrap();
    option.dispatch_event(&down).unwrap();
    option.click();
    leptos::task::tick().await;
    assert_eq!(input(&host, "contactManager").value(), "agent.two");
    let lookups = routed()
        .iter()
        .filter(|u| u.contains("users/agent"))
        .count();
    click(&host, "Register contact");
    wait_status(&host, "Contact registered (id cc1)").await;
    assert_eq!(body(0)["contactManager"], "agentTwo000000001");
    assert_eq!(
        routed()
            .iter()
            .filter(|u| u.contains("users/agent"))
            .count(),
        lookups,
        "no look-up at save: {:?}",
        routed()
    );
}

#[wasm_bindgen_test]
async fn a_create_cut_off_as_the_network_goes_is_queued_then_continued_as_an_update() {
    clear_storage();
    center(&[Answer(0, "", &[]), UPDATED]);
    let host = mount_api(ApiChoice::Contacts);
    ready().await;
    save_as_the_network_goes(&host).await;
    // The create reached the server before the network went.
    route(
        "/api/v1/omnichannel/contacts.search",
        200,
        r#"{"contacts":[{"_id":"cc1","name":"Ada","emails":[],"phones":[],"customFields":{},"createdAt":"2999-01-01T00:00:00.000Z"}],"total":1,"success":true}"#,
    );
    js_sys::eval("window.__delay = 0;").unwrap();
    set_online(true);
    wait_status(&host, "Contact updated (id cc1)").await;
    assert_eq!(calls().len(), 2);
    assert_eq!(path(0), "/api/v1/omnichannel/contacts");
    assert_eq!(path(1), "/api/v1/omnichannel/contacts.update");
}

#[wasm_bindgen_test]
async fn a_rate_limited_create_is_sent_again_once_the_wait_is_over() {
    clear_storage();
    center(&[
        Answer(
            429,
            r#"{"success":false,"error":"Error, too many requests. Please slow down. You must wait 1 seconds before trying this endpoint again. [error-too-many-requests]"}"#,
            &[],
        ),
        CREATED,
    ]);
    let host = mount_api(ApiChoice::Contacts);
    ready().await;
    type_into(&host, "name", "Ada");
    click(&host, "Register contact");
    wait_status(&host, "the server asks to wait 1 second").await;
    wait_status(&host, "Contact registered (id cc1)").await;
    assert_eq!(calls().len(), 2, "sent again once, by itself");
    assert_eq!(path(1), "/api/v1/omnichannel/contacts");
    assert!(
        !routed().iter().any(|u| u.contains("contacts.search")),
        "a refused create made nothing to look for"
    );
}

#[wasm_bindgen_test]
async fn a_refused_create_made_nothing_so_the_resend_does_not_look_for_it() {
    clear_storage();
    center(&[
        Answer(
            400,
            r#"{"success":false,"error":"must be string [invalid-params]","errorType":"invalid-params"}"#,
            &[],
        ),
        CREATED,
    ]);
    let host = mount_api(ApiChoice::Contacts);
    ready().await;
    type_into(&host, "name", "Ada");
    click(&host, "Register contact");
    wait_status(&host, "must be string [invalid-params]").await;
    click(&host, "Register contact");
    wait_status(&host, "Contact registered (id cc1)").await;
    assert!(
        !routed().iter().any(|u| u.contains("contacts.search")),
        "no search: {:?}",
        routed()
    );
    assert_eq!(path(1), "/api/v1/omnichannel/contacts");
}

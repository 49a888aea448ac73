//! The duplicate warning before a new contact is registered.

use crate::harness::*;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

const SEARCH: &str = "/api/v1/omnichannel/contact.search";
const STORED: &str = r#"{"contact":{"_id":"c9","username":"guest-9","token":"stored-token",
  "name":"Ada Lovelace","visitorEmails":[{"address":"ada@example.com"}],
  "phone":[{"phoneNumber":"+442079460958"}],"livechatData":{"company":"ACME"},
  "contactManager":{"username":"agent.two"}},"success":true}"#;

fn notice(host: &web_sys::HtmlElement) -> Option<String> {
    host.query_selector(".ocf-duplicate")
        .unwrap()
        .map(|n| n.text_content().unwrap_or_default())
}

#[wasm_bindgen_test]
async fn a_known_email_is_named_and_that_contact_can_be_updated_instead() {
    clear_storage();
    // The update of that contact reads it again first, then saves.
    stub_fetch(&[
        Answer(200, STORED, &[]),
        Answer(200, r#"{"contact":"c9","success":true}"#, &[]),
    ]);
    route(SEARCH, 200, STORED);
    let host = mount(Some(agent()));
    ready().await;
    type_into(&host, "name", "Ada King");
    type_into(&host, "email", "ADA@example.com");
    click(&host, "Register contact");
    wait_for("the duplicate warning", || notice(&host).is_some()).await;
    assert!(calls().is_empty(), "nothing was saved");
    let text = notice(&host).unwrap();
    assert!(text.contains("email ada@example.com"), "{text}");
    assert!(text.contains("Ada Lovelace (id c9)"), "{text}");
    assert!(text.contains("take that contact over"), "{text}");
    assert!(status(&host).contains("may already exist"));
    assert!(routed()
        .iter()
        .any(|u| u.ends_with("contact.search?email=ada%40example.com")));
    assert!(
        find_button(&host, "Register anyway").is_none(),
        "an email match is never taken over"
    );

    click(&host, "Update that contact");
    leptos::task::tick().await;
    assert_eq!(notice(&host), None);
    assert!(find_button(&host, "Update contact").is_some());
    assert_eq!(
        values(&host),
        ["Ada King", "ADA@example.com", "+442079460958", "agent.two"],
        "typed values stay; empty ones come from that contact"
    );
    assert!(status(&host).contains("Now updating Ada Lovelace (id c9)"));
    assert_eq!(
        focused(),
        Some(JsValue::from(input(&host, "name"))),
        "the focus is not lost with the button"
    );
    click(&host, "Update contact");
    wait_status(&host, "Contact updated (id c9).").await;
    assert!(calls()[0]["url"]
        .as_str()
        .unwrap()
        .ends_with("contactId=c9"));
    let sent = body(1);
    assert_eq!(sent["token"], "stored-token", "that contact's own token");
    assert_eq!(sent["name"], "Ada King");
    assert_eq!(sent["customFields"], serde_json::json!({"company": "ACME"}));
    assert_eq!(sent["contactManager"]["username"], "agent.two");
    assert!(
        local(CONTACT_KEY).unwrap().starts_with("stored-token c9"),
        "remembered once saved"
    );
}

#[wasm_bindgen_test]
async fn go_back_keeps_everything_and_focuses_the_email() {
    clear_storage();
    stub_fetch(&[]);
    route(SEARCH, 200, STORED);
    let host = mount(Some(agent()));
    ready().await;
    type_into(&host, "name", "Ada King");
    type_into(&host, "email", "ada@example.com");
    click(&host, "Register contact");
    wait_for("the duplicate warning", || notice(&host).is_some()).await;
    click(&host, "Go back");
    leptos::task::tick().await;
    assert_eq!(notice(&host), None);
    assert_eq!(values(&host), ["Ada King", "ada@example.com", "", ""]);
    assert_eq!(focused(), Some(JsValue::from(input(&host, "email"))));
    assert!(find_button(&host, "Register contact").is_some());
    assert!(calls().is_empty());
}

#[wasm_bindgen_test]
async fn a_known_phone_may_be_registered_as_a_separate_contact() {
    clear_storage();
    stub_fetch(&[Answer(200, r#"{"contact":"c10","success":true}"#, &[])]);
    route(SEARCH, 200, STORED);
    let host = mount(Some(agent()));
    ready().await;
    type_into(&host, "name", "Front desk");
    type_into(&host, "phone", "+44 20 7946 0958");
    click(&host, "Register contact");
    wait_for("the duplicate warning", || notice(&host).is_some()).await;
    assert!(notice(&host).unwrap().contains("phone +442079460958"));
    assert!(routed()
        .iter()
        .any(|u| u.ends_with("contact.search?phone=%2B442079460958")));
    // The network goes as the choice is made: the choice survives the queued save.
    set_online(false);
    click(&host, "Register anyway");
    wait_status(&host, "You are offline").await;
    set_online(true);
    wait_status(&host, "Contact registered (id c10).").await;
    assert_eq!(notice(&host), None, "not asked again");
    assert_ne!(
        body(0)["token"],
        "stored-token",
        "a new contact with its own token"
    );
    assert!(body(0).get("customFields").is_none());
}

#[wasm_bindgen_test]
async fn a_failed_search_saves_nothing_and_says_why() {
    clear_storage();
    stub_fetch(&[]);
    route(SEARCH, 0, "");
    let host = mount(Some(agent()));
    ready().await;
    type_into(&host, "name", "Ada");
    type_into(&host, "email", "ada@example.com");
    click(&host, "Register contact");
    wait_status(&host, "Could not reach the server").await;
    assert!(
        calls().iter().all(|c| c["method"] != "POST"),
        "nothing was saved: {:?}",
        calls()
    );
    assert_eq!(values(&host), ["Ada", "ada@example.com", "", ""]);
}

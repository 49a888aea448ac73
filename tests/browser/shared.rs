//! A contact shared by a team: every update reads the contact again and merges three ways. A
//! field a colleague changed is kept and shown (with a note and `contact-changed-elsewhere`);
//! a field both changed is asked about, nothing sent until the user chooses; nothing changed
//! is one update, no question; a draft typed over an older copy keeps the colleague's change.
//! In both APIs.

use crate::center::center;
use crate::harness::*;
use leptos::prelude::*;
use omnichannel_contact_form::{ApiChoice, ContactWidget};
use serde_json::{json, Value};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{HtmlElement, HtmlInputElement};

const ID: &str = "0123456789abcdef0123456789abcdef cc7";
const DRAFT_KEY: &str = "omnichannel-contact-form:draft:https://chat.example.com";

/// Ada in the Contact Center: `name`, `phone`, one email and Company.
fn ada(name: &str, phone: &str, company: &str) -> String {
    format!(
        r#"{{"contact":{{"_id":"cc7","name":"{name}","emails":[{{"address":"ada@example.com"}}],
        "phones":[{{"phoneNumber":"{phone}"}}],"customFields":{{"company":"{company}"}}}},"success":true}}"#
    )
}

/// Mounts the widget on `api`, its events recorded, and waits until it shows `name`.
async fn mounted(api: ApiChoice, name: &str) -> HtmlElement {
    js_sys::eval("window.__changed = [];").unwrap();
    let host = new_host();
    let events_to = host.clone();
    leptos::mount::mount_to(host.clone(), move || {
        view! { <ContactWidget server=SERVER credentials=agent() api=api host=events_to.clone() /> }
    })
    .forget();
    let record = js_sys::Function::new_with_args("e", "window.__changed.push(e.detail)");
    host.add_event_listener_with_callback("contact-changed-elsewhere", &record)
        .unwrap();
    ready().await;
    wait_for("the contact", || values(&host)[0] == name).await;
    host
}

/// A Contact Center server where this browser remembers cc7, as `ada(…)` says.
async fn remembered(contact: &str) -> HtmlElement {
    clear_storage();
    remember(CENTER_KEY, ID);
    center(&[]);
    route(
        "/api/v1/livechat/custom-fields",
        200,
        r#"{"customFields":[{"_id":"company","label":"Company","scope":"visitor","visibility":"visible","type":"input","required":false,"regexp":"","options":"","defaultValue":""}],"success":true}"#,
    );
    route("/api/v1/omnichannel/contacts.get", 200, contact);
    route(
        "/api/v1/omnichannel/contacts.update",
        200,
        r#"{"contact":{"_id":"cc7"},"success":true}"#,
    );
    mounted(ApiChoice::Contacts, "Ada Lovelace").await
}

fn changed_events() -> Value {
    let text = js_sys::eval("JSON.stringify(window.__changed)").unwrap();
    serde_json::from_str(&text.as_string().unwrap()).unwrap()
}

/// The bodies of the `contacts.update` requests (routed, so read from the stub's log).
fn updates() -> Vec<Value> {
    let text = js_sys::eval("JSON.stringify((window.__updates || []))").unwrap();
    serde_json::from_str(&text.as_string().unwrap()).unwrap()
}

/// Records each `contacts.update` body into `window.__updates`, answering as routed.
fn record_updates() {
    js_sys::eval(
        r#"
        window.__updates = [];
        const answered = window.fetch;
        window.fetch = async (input, init) => {
            const req = input instanceof Request ? input : new Request(input, init);
            if (new URL(req.url).pathname === "/api/v1/omnichannel/contacts.update") {
                window.__updates.push(JSON.parse(await req.clone().text()));
            }
            return answered(req);
        };
        "#,
    )
    .unwrap();
}

fn radios(host: &HtmlElement) -> Vec<(String, bool)> {
    let list = host
        .query_selector_all(".ocf-changed input[type=radio]")
        .unwrap();
    (0..list.length())
        .map(|i| {
            let radio: HtmlInputElement = list.item(i).unwrap().unchecked_into();
            let label = radio.parent_element().unwrap().text_content().unwrap();
            (label.trim().to_owned(), radio.checked())
        })
        .collect()
}

#[wasm_bindgen_test]
async fn a_change_only_a_colleague_made_is_kept_shown_and_told() {
    let host = remembered(&ada("Ada Lovelace", "+442079460958", "ACME")).await;
    record_updates();
    // Meanwhile a colleague fixes the phone and the company.
    route(
        "/api/v1/omnichannel/contacts.get",
        200,
        &ada("Ada Lovelace", "+4930999999", "Initech"),
    );
    type_into(&host, "name", "Ada King");
    click(&host, "Update contact");
    wait_status(&host, "Contact updated (id cc7).").await;
    let sent = updates();
    assert_eq!(sent.len(), 1, "{sent:?}");
    assert_eq!(sent[0]["name"], "Ada King", "changed here: sent");
    assert_eq!(
        sent[0]["phones"],
        json!(["+4930999999"]),
        "changed there: kept"
    );
    assert_eq!(sent[0]["emails"], json!(["ada@example.com"]));
    assert_eq!(sent[0]["customFields"], json!({"company": "Initech"}));
    assert_eq!(values(&host)[2], "+4930999999", "and shown");
    assert_eq!(input(&host, "customFields.company").value(), "Initech");
    assert!(
        status(&host).contains("Phone, Company were changed by someone else and are kept."),
        "{}",
        status(&host)
    );
    assert_eq!(
        changed_events(),
        json!([{"contact": "cc7", "fields": ["phone", "customFields.company"]}])
    );
}

#[wasm_bindgen_test]
async fn a_field_both_changed_is_asked_about_and_saved_as_chosen() {
    let host = remembered(&ada("Ada Lovelace", "+442079460958", "ACME")).await;
    record_updates();
    route(
        "/api/v1/omnichannel/contacts.get",
        200,
        &ada("Ada L.", "+442079460958", "ACME"),
    );
    type_into(&host, "name", "Ada K.");
    click(&host, "Update contact");
    wait_status(
        &host,
        "Ada L. was changed on the server since you opened it.",
    )
    .await;
    assert!(updates().is_empty(), "nothing is sent before the choice");
    assert_eq!(
        radios(&host),
        [("Ada K.".to_owned(), true), ("Ada L.".to_owned(), false)],
        "the value here, chosen at first, then the server's"
    );
    wait_for("the focus on the first radio", || {
        focused().is_some_and(|f| {
            f.dyn_into::<HtmlInputElement>()
                .is_ok_and(|i| i.type_() == "radio" && i.checked())
        })
    })
    .await;
    assert_eq!(
        changed_events(),
        json!([{"contact": "cc7", "fields": ["name"]}])
    );

    // Cancel sends nothing and keeps what is typed.
    click(&host, "Cancel");
    leptos::task::tick().await;
    assert!(radios(&host).is_empty());
    assert_eq!(values(&host)[0], "Ada K.");
    assert!(updates().is_empty());

    // Asked again; the server's value chosen this time.
    click(&host, "Update contact");
    wait_for("the question again", || radios(&host).len() == 2).await;
    let server: HtmlInputElement = host
        .query_selector_all(".ocf-changed input[type=radio]")
        .unwrap()
        .item(1)
        .unwrap()
        .unchecked_into();
    server.click();
    click(&host, "Save these values");
    wait_status(&host, "Contact updated (id cc7).").await;
    let sent = updates();
    assert_eq!(sent.len(), 1, "{sent:?}");
    assert_eq!(sent[0]["name"], "Ada L.");
    assert_eq!(values(&host)[0], "Ada L.");
}

#[wasm_bindgen_test]
async fn nothing_changed_is_one_update_and_no_question() {
    let host = remembered(&ada("Ada Lovelace", "+442079460958", "ACME")).await;
    record_updates();
    type_into(&host, "name", "Ada King");
    click(&host, "Update contact");
    wait_status(&host, "Contact updated (id cc7).").await;
    assert!(!status(&host).contains("someone else"), "{}", status(&host));
    assert_eq!(updates().len(), 1);
    assert!(radios(&host).is_empty());
    assert_eq!(changed_events(), json!([]));
}

#[wasm_bindgen_test]
async fn a_legacy_update_reads_the_visitor_again_and_keeps_a_colleagues_email() {
    clear_storage();
    remember(CONTACT_KEY, "0123456789abcdef0123456789abcdef v1");
    let visitor = |email: &str| {
        format!(
            r#"{{"contact":{{"_id":"v1","token":"0123456789abcdef0123456789abcdef","name":"Ada Lovelace",
            "visitorEmails":[{{"address":"{email}"}}],"phone":[{{"phoneNumber":"+442079460958"}}],"livechatData":{{}}}},"success":true}}"#
        )
    };
    let (before, after) = (visitor("ada@example.com"), visitor("ada@new.example"));
    let answers = [
        Answer(200, Box::leak(before.into_boxed_str()), &[]),
        Answer(200, Box::leak(after.into_boxed_str()), &[]),
        Answer(200, r#"{"contact":"v1","success":true}"#, &[]),
    ];
    stub_fetch(&answers);
    let host = mounted(ApiChoice::Legacy, "Ada Lovelace").await;
    type_into(&host, "phone", "+44 20 7946 0000");
    click(&host, "Update contact");
    wait_status(&host, "Email was changed by someone else and is kept.").await;
    let methods: Vec<Value> = calls().iter().map(|c| c["method"].clone()).collect();
    assert_eq!(methods, [json!("GET"), json!("GET"), json!("POST")]);
    assert!(calls()[1]["url"].as_str().unwrap().contains("contactId=v1"));
    assert_eq!(
        body(2),
        json!({"token": "0123456789abcdef0123456789abcdef", "name": "Ada Lovelace",
               "email": "ada@new.example", "phone": "+442079460000"})
    );
    assert_eq!(values(&host)[1], "ada@new.example");
}

#[wasm_bindgen_test]
async fn a_draft_typed_over_an_older_copy_keeps_the_colleagues_change() {
    clear_storage();
    remember(CENTER_KEY, ID);
    // Yesterday's draft: the name typed over Ada as she was then (phone +442079460958).
    let draft = json!({"name": "Ada King", "email": "ada@example.com", "phone": "+442079460958",
        "contactManager": "", "customFields": {"company": "ACME"},
        "base": {"name": "Ada Lovelace", "email": "ada@example.com", "phone": "+442079460958",
                 "contactManager": "", "customFields": {"company": "ACME"}, "contact": "cc7"}});
    remember(DRAFT_KEY, &draft.to_string());
    center(&[]);
    // Today the server has a new phone.
    route(
        "/api/v1/omnichannel/contacts.get",
        200,
        &ada("Ada Lovelace", "+4930999999", "ACME"),
    );
    route(
        "/api/v1/omnichannel/contacts.update",
        200,
        r#"{"contact":{"_id":"cc7"},"success":true}"#,
    );
    let host = mounted(ApiChoice::Contacts, "Ada King").await;
    wait_for("the colleague's phone", || {
        values(&host)[2] == "+4930999999"
    })
    .await;
    assert!(
        find_button(&host, "Open contact").is_none(),
        "no unsaved-changes question"
    );
    record_updates();
    click(&host, "Update contact");
    wait_status(&host, "Contact updated (id cc7).").await;
    let sent = updates();
    assert_eq!(sent.len(), 1, "{sent:?}");
    assert_eq!(sent[0]["name"], "Ada King");
    assert_eq!(
        sent[0]["phones"],
        json!(["+4930999999"]),
        "not the phone it was typed over"
    );
}

#[wasm_bindgen_test]
async fn delete_of_a_contact_renamed_meanwhile_asks_again_with_its_name_now() {
    let host = remembered(&ada("Ada Lovelace", "+442079460958", "ACME")).await;
    route(
        "/api/v1/omnichannel/contacts.delete",
        200,
        r#"{"success":true}"#,
    );
    route(
        "/api/v1/omnichannel/contacts.get",
        200,
        &ada("Ada Byron", "+442079460958", "ACME"),
    );
    click(&host, "Delete contact");
    leptos::task::tick().await;
    click(&host, "Delete");
    wait_status(
        &host,
        "Ada Byron was changed on the server since you opened it.",
    )
    .await;
    let deletes = || {
        routed()
            .iter()
            .filter(|u| u.ends_with("/contacts.delete"))
            .count()
    };
    assert_eq!(deletes(), 0, "not deleted yet");
    assert!(
        host.text_content()
            .unwrap()
            .contains("Delete Ada Byron? This cannot be undone."),
        "asked again with the name it has now"
    );
    click(&host, "Delete");
    wait_status(&host, "Contact deleted.").await;
    assert_eq!(deletes(), 1);
}

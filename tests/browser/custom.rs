//! The server's visitor custom fields: shown, checked with the browser's RegExp, and sent.

use crate::harness::*;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

/// The stand-in's seeded definitions: one required, one with a regexp, one select, one hidden.
const FIELDS: &str = r#"{"customFields":[
  {"_id":"company","label":"Company","scope":"visitor","visibility":"visible","type":"input","required":true,"regexp":"","options":"","defaultValue":""},
  {"_id":"customerId","label":"Customer ID","scope":"visitor","visibility":"visible","type":"input","required":false,"regexp":"^[A-Z]{2}-[0-9]{4}$","options":"","defaultValue":""},
  {"_id":"tier","label":"Tier","scope":"visitor","visibility":"visible","type":"select","required":false,"regexp":"","options":"Bronze,Silver,Gold","defaultValue":""},
  {"_id":"internalNote","label":"Internal note","scope":"visitor","visibility":"hidden","type":"input","required":false,"regexp":"","options":"","defaultValue":""}
],"success":true}"#;
const OK: Answer = Answer(200, r#"{"contact":"c1","success":true}"#, &[]);

fn label_texts(host: &web_sys::HtmlElement) -> Vec<String> {
    let labels = host.query_selector_all("label:not([hidden])").unwrap();
    (0..labels.length())
        .filter_map(|i| labels.item(i))
        .map(|l| l.text_content().unwrap_or_default())
        .collect()
}

#[wasm_bindgen_test]
async fn visible_fields_are_shown_checked_in_the_browser_and_sent() {
    clear_storage();
    stub_fetch(&[OK]);
    route("/api/v1/livechat/custom-fields", 200, FIELDS);
    let host = mount(Some(agent()));
    ready().await;
    leptos::task::tick().await;
    assert_eq!(
        label_texts(&host),
        [
            "Find a contact",
            "Name",
            "Email",
            "Phone",
            "Contact manager",
            "Company",
            "Customer ID",
            "Tier"
        ],
        "the hidden field is not shown"
    );
    let options = host
        .query_selector_all("select[name='customFields.tier'] option")
        .unwrap();
    assert_eq!(options.length(), 4, "Choose…, Bronze, Silver, Gold");

    type_into(&host, "name", "Ada");
    type_into(&host, "customFields.customerId", "ab-12");
    click(&host, "Register contact");
    leptos::task::tick().await;
    assert!(calls().is_empty(), "nothing is sent while a field is wrong");
    assert_eq!(
        field_error(&host, "customFields.company").as_deref(),
        Some("Enter Company: this server requires it.")
    );
    assert_eq!(
        field_error(&host, "customFields.customerId").as_deref(),
        Some("Customer ID is not in the format this server expects."),
        "the browser's own RegExp ran the field's pattern"
    );
    assert_eq!(
        focused(),
        Some(JsValue::from(input(&host, "customFields.company"))),
        "the first wrong field has focus"
    );
    assert!(status(&host).contains("2 fields need attention"));

    type_into(&host, "customFields.company", " ACME ");
    leptos::task::tick().await;
    assert_eq!(
        field_error(&host, "customFields.company"),
        None,
        "fixed fields clear at once"
    );
    type_into(&host, "customFields.customerId", "AB-1234");
    choose(&host, "customFields.tier", "Gold");
    click(&host, "Register contact");
    wait_status(&host, "Contact registered (id c1).").await;
    assert_eq!(
        body(0)["customFields"],
        serde_json::json!({"company": "ACME", "customerId": "AB-1234", "tier": "Gold"})
    );

    click(&host, "New contact");
    leptos::task::tick().await;
    let tier = host
        .query_selector("select[name='customFields.tier']")
        .unwrap()
        .unwrap();
    let shown = js_sys::Reflect::get(&tier, &"value".into()).unwrap();
    assert_eq!(
        shown.as_string().as_deref(),
        Some(""),
        "the select is emptied too"
    );
    // The section under the saved contact goes first: the inputs follow a moment later.
    wait_for("the custom input emptied", || {
        input(&host, "customFields.company").value().is_empty()
    })
    .await;
}

#[wasm_bindgen_test]
async fn a_server_refusal_of_a_custom_value_lands_under_its_field() {
    clear_storage();
    stub_fetch(&[Answer(
        400,
        r#"{"success":false,"error":"Invalid value for Company field"}"#,
        &[],
    )]);
    route("/api/v1/livechat/custom-fields", 200, FIELDS);
    let host = mount(Some(agent()));
    ready().await;
    type_into(&host, "name", "Ada");
    type_into(&host, "customFields.company", "ACME");
    click(&host, "Register contact");
    wait_status(&host, "Invalid value for Company field").await;
    assert_eq!(
        field_error(&host, "customFields.company").as_deref(),
        Some("The server refused this value for Company.")
    );
    assert_eq!(input(&host, "customFields.company").value(), "ACME");
}

#[wasm_bindgen_test]
async fn fields_that_cannot_be_loaded_are_noted_and_the_save_still_goes() {
    clear_storage();
    stub_fetch(&[OK]);
    route("/api/v1/livechat/custom-fields", 500, "{}");
    let host = mount(Some(agent()));
    ready().await;
    leptos::task::tick().await;
    let note = note_text(&host, "ocf-note--custom");
    assert!(note.contains("could not be loaded"), "{note}");
    assert!(note.contains("HTTP 500"), "{note}");
    type_into(&host, "name", "Ada");
    click(&host, "Register contact");
    wait_status(&host, "Contact registered (id c1).").await;
    let tries = routed()
        .iter()
        .filter(|u| u.contains("custom-fields"))
        .count();
    assert_eq!(tries, 2, "saving tried the fields again first");
}

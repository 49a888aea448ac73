//! Drafts: what was typed survives a reload until it is saved or given up.

use crate::harness::*;
use wasm_bindgen_test::wasm_bindgen_test;

const DRAFT_KEY: &str = "omnichannel-contact-form:draft:https://chat.example.com";
const FIELDS: &str = r#"{"customFields":[{"_id":"company","label":"Company","scope":"visitor","visibility":"visible","type":"input","required":false}],"success":true}"#;

fn draft_note(host: &web_sys::HtmlElement) -> Option<String> {
    let note: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(
        host.query_selector(".ocf-note--draft").unwrap().unwrap(),
    );
    (!note.hidden()).then(|| note.text_content().unwrap_or_default())
}

/// Long enough for the debounced draft write to have happened.
async fn pause() {
    sleep(600).await;
}

#[wasm_bindgen_test]
async fn typing_is_kept_and_restored_with_a_note_after_a_reload() {
    clear_storage();
    stub_fetch(&[]);
    route("/api/v1/livechat/custom-fields", 200, FIELDS);
    let first = mount(Some(agent()));
    ready().await;
    assert_eq!(draft_note(&first), None, "no draft on a first visit");
    type_into(&first, "name", "Ada Draft");
    type_into(&first, "email", "ada.draft@exa");
    type_into(&first, "customFields.company", "ACME Drafts");
    // Widgets of earlier tests share the page and the storage key, and one may still write its
    // own draft: values no other test types tell this widget's draft apart.
    assert!(
        !local(DRAFT_KEY).is_some_and(|d| d.contains("ada.draft@exa")),
        "written only once typing pauses"
    );
    pause().await;
    let stored = local(DRAFT_KEY).expect("the draft is stored");
    assert!(stored.contains("ada.draft@exa"), "{stored}");

    // A reload is a new widget reading the same storage.
    let again = mount(Some(agent()));
    ready().await;
    leptos::task::tick().await;
    assert_eq!(values(&again), ["Ada Draft", "ada.draft@exa", "", ""]);
    assert_eq!(input(&again, "customFields.company").value(), "ACME Drafts");
    let note = draft_note(&again).expect("the note shows");
    assert!(note.contains("Draft restored"), "{note}");
}

#[wasm_bindgen_test]
async fn a_successful_save_removes_the_draft() {
    clear_storage();
    stub_fetch(&[Answer(200, r#"{"contact":"c1","success":true}"#, &[])]);
    let host = mount(Some(agent()));
    ready().await;
    type_into(&host, "name", "Ada");
    click(&host, "Register contact");
    wait_status(&host, "Contact registered").await;
    pause().await;
    assert_eq!(
        local(DRAFT_KEY),
        None,
        "saved, so no draft (not even a late write)"
    );
}

#[wasm_bindgen_test]
async fn new_contact_removes_the_draft_and_the_note() {
    clear_storage();
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage
        .set_item(
            DRAFT_KEY,
            r#"{"name":"Grace","email":"","phone":"","contactManager":"","customFields":{}}"#,
        )
        .unwrap();
    stub_fetch(&[]);
    let host = mount(Some(agent()));
    ready().await;
    assert_eq!(values(&host)[0], "Grace");
    assert!(draft_note(&host).is_some());
    click(&host, "New contact");
    leptos::task::tick().await;
    assert_eq!(local(DRAFT_KEY), None);
    assert_eq!(draft_note(&host), None);
    assert_eq!(values(&host), ["", "", "", ""]);
}

#[wasm_bindgen_test]
async fn a_corrupt_draft_is_ignored() {
    clear_storage();
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.set_item(DRAFT_KEY, "{\"name\":").unwrap();
    stub_fetch(&[]);
    let host = mount(Some(agent()));
    ready().await;
    assert_eq!(values(&host), ["", "", "", ""]);
    assert_eq!(draft_note(&host), None);
}

#[wasm_bindgen_test]
async fn a_full_storage_is_said_so_and_the_form_keeps_working() {
    clear_storage();
    js_sys::eval(
        r#"window.__storage = {
            get: Storage.prototype.getItem,
            set: Storage.prototype.setItem,
            remove: Storage.prototype.removeItem,
        };
        Storage.prototype.setItem = function () {
            throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
        };"#,
    )
    .unwrap();
    stub_fetch(&[Answer(200, r#"{"contact":"c1","success":true}"#, &[])]);
    let host = mount(Some(agent()));
    ready().await;
    type_into(&host, "name", "Ada");
    pause().await;
    let note = note_text(&host, "ocf-note--storage");
    click(&host, "Register contact");
    wait_status(&host, "Contact registered (id c1).").await;
    clear_storage(); // puts the real Storage back
    assert!(note.contains("storage for this site is full"), "{note}");
    assert_eq!(values(&host)[0], "Ada", "nothing typed is lost");
}

#[wasm_bindgen_test]
async fn typing_during_a_save_stays_a_draft() {
    clear_storage();
    stub_fetch(&[Answer(200, r#"{"contact":"c1","success":true}"#, &[])]);
    let host = mount(Some(agent()));
    ready().await;
    js_sys::eval("window.__delay = 200;").unwrap();
    type_into(&host, "name", "Ada");
    click(&host, "Register contact");
    type_into(&host, "email", "ada@exa");
    wait_status(&host, "Contact registered").await;
    js_sys::eval("window.__delay = 0;").unwrap();
    pause().await;
    let draft = local(DRAFT_KEY).expect("the newer typing is kept");
    assert!(draft.contains("ada@exa"), "{draft}");
}

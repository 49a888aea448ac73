//! Storage that throws or holds garbage never breaks the form.

use crate::harness::*;
use wasm_bindgen_test::wasm_bindgen_test;

/// Makes every Storage call throw, as private modes and blocked cookies do.
fn break_storage() {
    js_sys::eval(
        r#"
        window.__storage = {get: Storage.prototype.getItem, set: Storage.prototype.setItem, remove: Storage.prototype.removeItem};
        const deny = () => { throw new DOMException("The operation is insecure.", "SecurityError"); };
        Storage.prototype.getItem = deny;
        Storage.prototype.setItem = deny;
        Storage.prototype.removeItem = deny;
        "#,
    )
    .unwrap();
}

#[wasm_bindgen_test]
async fn throwing_storage_keeps_the_form_working_and_says_so() {
    clear_storage();
    stub_fetch(&[
        Answer(200, r#"{"contact":"c1","success":true}"#, &[]),
        // The update reads the contact again first.
        Answer(
            200,
            r#"{"contact":{"_id":"c1","name":"Ada","livechatData":{}},"success":true}"#,
            &[],
        ),
        Answer(200, r#"{"contact":"c1","success":true}"#, &[]),
    ]);
    break_storage();
    let host = mount(Some(agent()));
    leptos::task::tick().await;
    let note = note_text(&host, "ocf-note--storage");
    type_into(&host, "name", "Ada");
    click(&host, "Register contact");
    wait_status(&host, "Contact registered (id c1).").await;
    let after = note_text(&host, "ocf-note--storage");
    // Within the page the contact is still remembered: the next save is an update.
    click(&host, "Update contact");
    wait_status(&host, "Contact updated (id c1).").await;
    clear_storage(); // puts the real Storage back
    assert!(note.contains("cannot be remembered"), "{note}");
    assert!(after.contains("cannot be remembered"), "{after}");
    assert_eq!(body(0)["token"], body(2)["token"]);
}

#[wasm_bindgen_test]
async fn corrupt_stored_data_is_ignored() {
    clear_storage();
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.set_item(CONTACT_KEY, "{not a token}").unwrap();
    let session = web_sys::window()
        .unwrap()
        .session_storage()
        .unwrap()
        .unwrap();
    session
        .set_item(
            "omnichannel-contact-form:auth:https://chat.example.com",
            "garbage",
        )
        .unwrap();
    let host = mount(None);
    leptos::task::tick().await;
    assert!(
        has_input(&host, "user"),
        "corrupt credentials mean signed out"
    );
    let signed_in = mount(Some(agent()));
    leptos::task::tick().await;
    assert!(
        find_button(&signed_in, "Register contact").is_some(),
        "a corrupt token is not used"
    );
}

#[wasm_bindgen_test]
async fn a_browser_without_local_storage_keeps_the_form_working_and_says_so() {
    clear_storage();
    stub_fetch(&[Answer(200, r#"{"contact":"c1","success":true}"#, &[])]);
    // As when a browser blocks site data: reading `window.localStorage` itself throws.
    js_sys::eval(
        r#"window.__localStorage = Object.getOwnPropertyDescriptor(window, "localStorage")
                || Object.getOwnPropertyDescriptor(Window.prototype, "localStorage");
        Object.defineProperty(window, "localStorage", {
            configurable: true,
            get() { throw new DOMException("Access is denied for this document.", "SecurityError"); },
        });"#,
    )
    .unwrap();
    let host = mount(Some(agent()));
    ready().await;
    type_into(&host, "name", "Ada");
    sleep(500).await; // a draft write is tried, and fails quietly into the note
    click(&host, "Register contact");
    wait_status(&host, "Contact registered (id c1).").await;
    let note = note_text(&host, "ocf-note--storage");
    clear_storage(); // puts window.localStorage back
    assert!(note.contains("cannot be remembered"), "{note}");
    assert!(
        find_button(&host, "Update contact").is_some(),
        "remembered for the page's lifetime"
    );
}

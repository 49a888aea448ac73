//! `<ContactWidget/>` as a Leptos app uses it: props, and the `on_saved` / `on_error` callbacks
//! beside the DOM events.

use crate::harness::*;
use leptos::prelude::*;
use omnichannel_contact_form::{ContactError, ContactSaved, ContactWidget, Theme};
use std::sync::{Arc, Mutex};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::HtmlElement;

fn fresh_host() -> HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    host
}

#[wasm_bindgen_test]
async fn callbacks_hear_saves_and_failures() {
    clear_storage();
    stub_fetch(&[
        Answer(200, r#"{"contact":"c1","success":true}"#, &[]),
        Answer(
            400,
            r#"{"success":false,"error":"No user found with username nobody [error-contact-manager-not-found]","errorType":"error-contact-manager-not-found"}"#,
            &[],
        ),
    ]);
    let saved: Arc<Mutex<Vec<ContactSaved>>> = Arc::default();
    let failed: Arc<Mutex<Vec<ContactError>>> = Arc::default();
    let host = fresh_host();
    let (on_saved, on_failed) = (saved.clone(), failed.clone());
    leptos::mount::mount_to(host.clone(), move || {
        let (on_saved, on_failed) = (on_saved.clone(), on_failed.clone());
        view! {
            <ContactWidget
                server=SERVER
                credentials=agent()
                theme=Theme::Dark
                on_saved=move |s: ContactSaved| on_saved.lock().unwrap().push(s)
                on_error=move |e: ContactError| on_failed.lock().unwrap().push(e)
            />
        }
    })
    .forget();
    ready().await;
    assert!(
        host.query_selector(".ocf--dark").unwrap().is_some(),
        "the theme prop"
    );
    type_into(&host, "name", "Ada");
    click(&host, "Register contact");
    wait_status(&host, "Contact registered").await;
    {
        let saved = saved.lock().unwrap();
        assert_eq!(saved.len(), 1);
        assert_eq!(saved[0].contact, "c1");
        assert!(saved[0].created);
        assert_eq!(saved[0].token.as_ref().map(String::len), Some(32));
        assert_eq!(saved[0].api, "legacy");
    }
    type_into(&host, "contactManager", "nobody");
    click(&host, "Update contact");
    wait_status(&host, "No user found with username nobody").await;
    let failed = failed.lock().unwrap();
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0].status, 400);
    assert!(failed[0]
        .error
        .contains("[error-contact-manager-not-found]"));
}

#[wasm_bindgen_test]
async fn a_refused_server_prop_is_shown_in_words() {
    clear_storage();
    let host = fresh_host();
    leptos::mount::mount_to(host.clone(), || {
        view! { <ContactWidget server="http://chat.example.com" /> }
    })
    .forget();
    leptos::task::tick().await;
    let alert = host
        .query_selector("[role='alert']")
        .unwrap()
        .expect("a message");
    assert!(alert.text_content().unwrap().contains("uses plain http://"));
}

#[wasm_bindgen_test]
async fn the_contact_id_prop_opens_a_contact_and_follows_its_signal() {
    clear_storage();
    stub_fetch(&[]);
    serve_records();
    let host = fresh_host();
    let contact_id = RwSignal::new(Some("p1".to_owned()));
    leptos::mount::mount_to(host.clone(), move || {
        view! { <ContactWidget server=SERVER credentials=agent() contact_id=contact_id /> }
    })
    .forget();
    wait_for("the first contact", || {
        has_input(&host, "name") && values(&host)[0] == "Person p1"
    })
    .await;
    contact_id.set(Some("p2".to_owned()));
    wait_for("the new id's contact", || values(&host)[0] == "Person p2").await;
    assert!(find_button(&host, "Update contact").is_some());
}

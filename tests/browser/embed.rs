//! The JavaScript API: `mount(element, options)`, its handle, its events and its warnings.

use crate::harness::*;
use omnichannel_contact_form::embed::{mount as js_mount, WidgetHandle};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::HtmlElement;

/// A fresh element with listeners that record both events into `window.__events`.
fn host() -> HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    js_sys::eval("window.__events = []; window.__warnings = [];").unwrap();
    let record = js_sys::Function::new_with_args(
        "e",
        "window.__events.push({type: e.type, bubbles: e.bubbles, composed: e.composed, detail: e.detail})",
    );
    for name in ["contact-saved", "contact-error"] {
        host.add_event_listener_with_callback(name, &record)
            .unwrap();
    }
    host
}

fn options(js: &str) -> wasm_bindgen::JsValue {
    js_sys::eval(&format!("({js})")).unwrap()
}

fn events() -> serde_json::Value {
    let text = js_sys::eval("JSON.stringify(window.__events)")
        .unwrap()
        .as_string()
        .unwrap();
    serde_json::from_str(&text).unwrap()
}

fn mount_with(host: &HtmlElement, js: &str) -> WidgetHandle {
    js_mount(host.clone(), options(js))
}

const CREDS: &str =
    r#"server: "https://chat.example.com", authToken: "agent-token", userId: "agent-id""#;

#[wasm_bindgen_test]
async fn mount_with_credentials_saves_and_tells_the_page() {
    clear_storage();
    stub_fetch(&[Answer(200, r#"{"contact":"c1","success":true}"#, &[])]);
    let host = host();
    let _handle = mount_with(&host, &format!("{{{CREDS}}}"));
    leptos::task::tick().await;
    assert!(
        has_input(&host, "name"),
        "credentials from the options skip the sign-in"
    );
    type_into(&host, "name", "Ada");
    click(&host, "Register contact");
    wait_status(&host, "Contact registered (id c1).").await;
    assert_eq!(calls()[0]["headers"]["x-auth-token"], "agent-token");
    let events = events();
    assert_eq!(events.as_array().unwrap().len(), 1);
    let event = &events[0];
    assert_eq!(event["type"], "contact-saved");
    assert_eq!(
        (event["bubbles"].as_bool(), event["composed"].as_bool()),
        (Some(true), Some(true))
    );
    assert_eq!(event["detail"]["contact"], "c1");
    assert_eq!(event["detail"]["created"], true);
    assert_eq!(event["detail"]["token"], body(0)["token"]);
}

#[wasm_bindgen_test]
async fn a_failed_save_fires_contact_error_with_status_and_text() {
    clear_storage();
    stub_fetch(&[Answer(
        403,
        r#"{"success":false,"error":"User does not have the permissions required for this action [error-unauthorized]"}"#,
        &[],
    )]);
    let host = host();
    let _handle = mount_with(&host, &format!("{{{CREDS}}}"));
    type_into(&host, "name", "Ada");
    click(&host, "Register contact");
    wait_status(&host, "view-l-room").await;
    let event = &events()[0];
    assert_eq!(event["type"], "contact-error");
    assert_eq!(event["detail"]["status"], 403);
    assert!(event["detail"]["error"]
        .as_str()
        .unwrap()
        .contains("view-l-room"));
}

#[wasm_bindgen_test]
async fn wrong_options_are_reported_and_the_widget_still_works() {
    clear_storage();
    let host = host();
    record_warnings();
    let _handle = mount_with(&host, &format!("{{{CREDS}, colour: \"red\", theme: 7}}"));
    leptos::task::tick().await;
    let warnings = warnings();
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(
        warnings[0].contains("option \"theme\" must be a string, not number"),
        "{warnings:?}"
    );
    assert!(
        warnings[1].contains("unknown option \"colour\" is ignored"),
        "{warnings:?}"
    );
    assert!(
        has_input(&host, "name"),
        "the rest of the options still apply"
    );

    let other = self::host();
    let _h = js_mount(other.clone(), wasm_bindgen::JsValue::from_str("nonsense"));
    leptos::task::tick().await;
    restore_warnings();
    assert!(warnings_contain(
        "the options must be an object, not string"
    ));
    assert!(
        has_input(&other, "user"),
        "no options: same-origin server, sign-in form"
    );
}

fn warnings_contain(text: &str) -> bool {
    warnings().iter().any(|w| w.contains(text))
}

#[wasm_bindgen_test]
async fn a_malformed_server_is_shown_in_the_widget() {
    clear_storage();
    let host = host();
    let _handle = mount_with(&host, r#"{server: "chat.example.com"}"#);
    leptos::task::tick().await;
    let alert = host
        .query_selector("[role='alert']")
        .unwrap()
        .expect("a message");
    assert!(alert
        .text_content()
        .unwrap()
        .contains("\"chat.example.com\" is not an http:// or https:// URL"));
    assert!(!has_input(&host, "name") && !has_input(&host, "user"));
}

#[wasm_bindgen_test]
async fn a_plain_http_server_is_refused_in_words_unless_allowed() {
    clear_storage();
    let host = host();
    let _refused = mount_with(&host, r#"{server: "http://chat.example.com"}"#);
    leptos::task::tick().await;
    let alert = host
        .query_selector("[role='alert']")
        .unwrap()
        .expect("a message");
    let text = alert.text_content().unwrap();
    assert!(
        text.contains("\"http://chat.example.com\" uses plain http://"),
        "{text}"
    );
    assert!(text.contains("allowInsecure: true"), "{text}");
    assert!(!has_input(&host, "name") && !has_input(&host, "user"));

    // The page opts in: mounting again on the same element replaces the refusal with the form.
    let _allowed = mount_with(
        &host,
        r#"{server: "http://chat.example.com", allowInsecure: true}"#,
    );
    leptos::task::tick().await;
    assert!(host.query_selector("[role='alert']").unwrap().is_none());
    assert!(has_input(&host, "user"), "the sign-in form");

    // Loopback needs no opt-in.
    let local = self::host();
    let _local = mount_with(&local, r#"{server: "http://127.0.0.1:3000"}"#);
    leptos::task::tick().await;
    assert!(has_input(&local, "user"));
}

#[wasm_bindgen_test]
async fn mounting_again_on_an_element_replaces_the_first_widget() {
    clear_storage();
    let host = host();
    let mut first = mount_with(&host, &format!("{{{CREDS}}}"));
    leptos::task::tick().await;
    let mut second = mount_with(&host, &format!("{{{CREDS}}}"));
    leptos::task::tick().await;
    assert_eq!(
        host.query_selector_all("input[name='name']")
            .unwrap()
            .length(),
        1,
        "one form, not two"
    );
    first.unmount(); // the first widget is gone already: this leaves the second alone
    leptos::task::tick().await;
    assert!(has_input(&host, "name"));
    second.unmount();
    leptos::task::tick().await;
    assert_eq!(host.child_element_count(), 0);
}

#[wasm_bindgen_test]
async fn unmount_removes_the_widget() {
    clear_storage();
    let host = host();
    let mut handle = mount_with(&host, &format!("{{{CREDS}}}"));
    leptos::task::tick().await;
    assert!(has_input(&host, "name"));
    handle.unmount();
    leptos::task::tick().await;
    assert_eq!(host.child_element_count(), 0);
    handle.unmount(); // a second call is harmless
}

#[wasm_bindgen_test]
async fn a_save_still_running_at_unmount_ends_quietly_and_remembers_nothing() {
    clear_storage();
    stub_fetch(&[
        Answer(200, r#"{"contact":"c-late","success":true}"#, &[]),
        Answer(200, r#"{"contact":"c-next","success":true}"#, &[]),
    ]);
    js_sys::eval("window.__delay = 200;").unwrap();
    let first = host();
    let mut handle = mount_with(&first, &format!("{{{CREDS}}}"));
    ready().await;
    fill_valid(&first);
    click(&first, "Register contact");
    wait_for("the save request", || calls().len() == 1).await;
    handle.unmount();
    sleep(400).await; // the answer arrives after the widget is gone
    assert_eq!(
        events(),
        serde_json::json!([]),
        "no event from a gone widget"
    );
    assert_eq!(
        local(CONTACT_KEY),
        None,
        "nothing remembered by a gone widget"
    );

    // The page's other widgets (and later ones) are unaffected.
    js_sys::eval("window.__delay = 0;").unwrap();
    let again = host();
    let _handle = mount_with(&again, &format!("{{{CREDS}}}"));
    ready().await;
    fill_valid(&again);
    click(&again, "Register contact");
    wait_status(&again, "Contact registered (id c-next)").await;
}

#[wasm_bindgen_test]
async fn two_widgets_on_one_page_keep_their_own_servers_tokens_and_ids() {
    clear_storage();
    stub_fetch(&[Answer(200, r#"{"contact":"c1","success":true}"#, &[])]);
    let (a, b) = (host(), host());
    let _ha = mount_with(&a, &format!("{{{CREDS}}}"));
    let _hb = mount_with(
        &b,
        r#"{server: "https://other.example.com", authToken: "t", userId: "u"}"#,
    );
    leptos::task::tick().await;
    assert_ne!(
        input(&a, "name").id(),
        input(&b, "name").id(),
        "element ids are unique"
    );
    type_into(&a, "name", "Ada");
    click(&a, "Register contact");
    wait_status(&a, "Contact registered").await;
    assert!(find_button(&a, "Update contact").is_some());
    assert!(
        find_button(&b, "Register contact").is_some(),
        "the other widget is untouched"
    );
    assert_eq!(input(&b, "name").value(), "");
    assert!(local("omnichannel-contact-form:contact:https://other.example.com").is_none());
}

#[wasm_bindgen_test]
async fn the_theme_option_sets_the_colour_scheme() {
    clear_storage();
    for (theme, scheme) in [("dark", "dark"), ("light", "light"), ("auto", "light dark")] {
        let host = host();
        let _h = mount_with(&host, &format!("{{{CREDS}, theme: \"{theme}\"}}"));
        leptos::task::tick().await;
        let root: HtmlElement = host
            .query_selector(".ocf")
            .unwrap()
            .unwrap()
            .unchecked_into();
        let class = root.class_name();
        assert!(
            theme == "light" || class.contains(&format!("ocf--{theme}")),
            "{class}"
        );
        let _ = scheme; // the stylesheet is not loaded in this test page; the class is the contract
    }
}

#[wasm_bindgen_test]
async fn a_refused_cors_preflight_is_told_apart_from_a_dead_network() {
    clear_storage();
    // The save fails as a refused preflight does; the no-cors probe then gets an answer.
    stub_fetch(&[Answer(0, "", &[])]);
    route("/api/info", 200, "");
    let host = host();
    let _handle = mount_with(&host, &format!("{{{CREDS}}}"));
    type_into(&host, "name", "Ada");
    click(&host, "Register contact");
    let text = {
        wait_status(&host, "refuses requests from this page's site (CORS)").await;
        status(&host)
    };
    assert!(
        text.contains("\"Enable CORS\" in Rocket.Chat (Admin > General > REST API)"),
        "{text}"
    );
    assert!(routed().contains(&"https://chat.example.com/api/info".to_owned()));
    assert_eq!(events()[0]["detail"]["status"], 0);
    assert_eq!(input(&host, "name").value(), "Ada");
}

#[wasm_bindgen_test]
async fn credentials_go_to_local_storage_only_when_asked() {
    const KEY: &str = "omnichannel-contact-form:auth:https://chat.example.com";
    for (storage, in_local) in [
        ("", false),
        (r#", storage: "session""#, false),
        (r#", storage: "local""#, true),
    ] {
        clear_storage();
        stub_fetch(&[Answer(
            200,
            r#"{"status":"success","data":{"userId":"u","authToken":"t"}}"#,
            &[],
        )]);
        let host = host();
        let _h = mount_with(
            &host,
            &format!(r#"{{server: "https://chat.example.com"{storage}}}"#),
        );
        type_into(&host, "user", "agent");
        type_into(&host, "password", "pw");
        click(&host, "Sign in");
        wait_status(&host, "Signed in.").await;
        assert_eq!(local(KEY).is_some(), in_local, "storage option {storage:?}");
        let session = web_sys::window()
            .unwrap()
            .session_storage()
            .unwrap()
            .unwrap();
        assert_eq!(
            session.get_item(KEY).unwrap().is_some(),
            !in_local,
            "storage option {storage:?}"
        );
    }
}

#[wasm_bindgen_test]
async fn labels_override_the_texts_and_keep_the_names() {
    clear_storage();
    record_warnings();
    let host = host();
    let _h = mount_with(
        &host,
        &format!(
            r#"{{{CREDS}, labels: {{name: "Nom", register: "Enregistrer", newContact: "Nouveau", colour: "x"}}}}"#
        ),
    );
    leptos::task::tick().await;
    restore_warnings();
    let name = input(&host, "name");
    let label = host
        .query_selector(&format!("label[for='{}']", name.id()))
        .unwrap()
        .unwrap();
    assert_eq!(label.text_content().unwrap(), "Nom");
    assert_eq!(
        button_texts(&host),
        ["Enregistrer", "Nouveau", "Import contacts", "Sign out"]
    );
    assert!(warnings_contain("unknown label \"colour\" is ignored"));
}

#[wasm_bindgen_test]
async fn a_request_that_takes_too_long_is_cancelled_and_said_so() {
    clear_storage();
    stub_fetch(&[Answer(200, r#"{"contact":"late","success":true}"#, &[])]);
    js_sys::eval("window.__delay = 5000;").unwrap();
    let host = host();
    let _h = mount_with(&host, &format!("{{{CREDS}, timeout: 0.2}}"));
    type_into(&host, "name", "Ada");
    click(&host, "Register contact");
    wait_status(
        &host,
        "did not answer within 1 second, so the request was cancelled",
    )
    .await;
    js_sys::eval("window.__delay = 0;").unwrap();
    assert_eq!(input(&host, "name").value(), "Ada");
    assert_eq!(calls().len(), 1, "no CORS probe after a timeout");
    assert_eq!(events()[0]["type"], "contact-error");
    assert!(local(CONTACT_KEY).is_none());
}

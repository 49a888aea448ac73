//! A contact not identified yet: opened from the Unidentified contacts list, the form says so
//! and `contact-opened` says `unknown: true`; a save says what the server answered (identified,
//! or on 8.x, when nothing changed, still not). A manager a server before 8.2 kept although
//! the field was emptied is said and shown. And Delete is offered only to a user who may.

use crate::center::center;
use crate::harness::*;
use leptos::prelude::*;
use omnichannel_contact_form::{ApiChoice, ContactWidget};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::HtmlElement;

const GUEST: &str = r#"{"_id":"u1","name":"guest-12","unknown":true,"emails":[],"phones":[],
    "customFields":{},"channels":[{"name":"sms","visitor":{"visitorId":"v1","source":{"type":"sms"}},
    "details":{"type":"sms"},"lastChat":{"_id":"r1","ts":"2026-12-01T10:00:00.000Z"}}]}"#;

/// The widget (Contact Center) listening for `contact-opened`, with the server's answer to
/// the update queued.
async fn mounted(update: &'static str) -> HtmlElement {
    clear_storage();
    center(&[Answer(200, update, &[])]);
    route(
        "/api/v1/omnichannel/contacts.search",
        200,
        &format!(r#"{{"contacts":[{GUEST}],"count":10,"offset":0,"total":1,"success":true}}"#),
    );
    route(
        "/api/v1/omnichannel/contacts.get",
        200,
        &format!(r#"{{"contact":{GUEST},"success":true}}"#),
    );
    js_sys::eval("window.__opened = [];").unwrap();
    let host = new_host();
    let events_to = host.clone();
    leptos::mount::mount_to(host.clone(), move || {
        view! { <ContactWidget server=SERVER credentials=agent() api=ApiChoice::Contacts host=events_to.clone() /> }
    })
    .forget();
    let record = js_sys::Function::new_with_args("e", "window.__opened.push(e.detail)");
    host.add_event_listener_with_callback("contact-opened", &record)
        .unwrap();
    ready().await;
    host
}

/// Opens guest-12 from the Unidentified contacts list.
async fn open_guest(host: &HtmlElement) {
    toggle_unidentified(host);
    let option = || host.query_selector(".ocf-results [role='option']").unwrap();
    wait_for("the guest listed", || option().is_some()).await;
    let init = web_sys::MouseEventInit::new();
    init.set_bubbles(true);
    let down = web_sys::MouseEvent::new_with_mouse_event_init_dict("mousedown", &init).unwrap();
    option().unwrap().dispatch_event(&down).unwrap();
    wait_for("guest-12 opened", || values(host)[0] == "guest-12").await;
}

fn note_shown(host: &HtmlElement) -> bool {
    let list = host.query_selector_all(".ocf-form > .ocf-note").unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<HtmlElement>().ok())
        .any(|n| {
            !n.hidden()
                && n.text_content().as_deref()
                    == Some("Not identified yet: saving it identifies it.")
        })
}

fn opened_events() -> serde_json::Value {
    let text = js_sys::eval("JSON.stringify(window.__opened)").unwrap();
    serde_json::from_str(&text.as_string().unwrap()).unwrap()
}

#[wasm_bindgen_test]
async fn an_unidentified_contact_says_so_and_a_save_identifies_it() {
    let host =
        mounted(r#"{"contact":{"_id":"u1","name":"Grace Hopper","unknown":false},"success":true}"#)
            .await;
    assert!(!note_shown(&host), "no note before a contact is opened");
    open_guest(&host).await;
    assert!(note_shown(&host));
    assert_eq!(
        opened_events(),
        serde_json::json!([{"contact": "u1", "api": "contacts", "unknown": true}])
    );
    type_into(&host, "name", "Grace Hopper");
    click(&host, "Update contact");
    wait_for("saved", || {
        status(&host).contains("Contact updated (id u1).")
    })
    .await;
    assert!(
        status(&host).ends_with("It is identified now."),
        "{}",
        status(&host)
    );
    assert!(!note_shown(&host), "identified: the note goes");
}

#[wasm_bindgen_test]
async fn a_save_the_server_left_unidentified_is_not_called_identified() {
    let host =
        mounted(r#"{"contact":{"_id":"u1","name":"guest-12","unknown":true},"success":true}"#)
            .await;
    open_guest(&host).await;
    click(&host, "Update contact");
    wait_for("saved", || {
        status(&host).contains("Contact updated (id u1).")
    })
    .await;
    assert!(
        status(&host)
            .ends_with("Nothing changed, so Rocket.Chat still lists it as not identified."),
        "{}",
        status(&host)
    );
    assert!(note_shown(&host), "still not identified");
}

const MANAGED: &str = r#"{"contact":{"_id":"cc7","name":"Ada Lovelace","emails":[],"phones":[],
    "customFields":{},"contactManager":"agentOne000000001"},"success":true}"#;

/// Ada, managed by agent.one, remembered and loaded; the update answered with `update`.
async fn managed_ada(update: &'static str, before: impl FnOnce()) -> HtmlElement {
    clear_storage();
    remember(CENTER_KEY, "0123456789abcdef0123456789abcdef cc7");
    center(&[Answer(200, update, &[])]);
    route("/api/v1/omnichannel/contacts.get", 200, MANAGED);
    before();
    let host = mount_api(ApiChoice::Contacts);
    ready().await;
    wait_for("Ada", || values(&host)[0] == "Ada Lovelace").await;
    host
}

/// Ada's manager emptied and saved, the update answered with `update`: the status then.
async fn manager_emptied(update: &'static str) -> (HtmlElement, String) {
    let host = managed_ada(update, || {}).await;
    wait_for("her manager", || values(&host)[3] == "agent.one").await;
    type_into(&host, "contactManager", "");
    click(&host, "Update contact");
    wait_for("saved", || {
        status(&host).contains("Contact updated (id cc7).")
    })
    .await;
    let said = status(&host).replace(['\u{2068}', '\u{2069}'], "");
    (host, said)
}

#[wasm_bindgen_test]
async fn a_manager_the_server_kept_is_said_and_shown_again() {
    let (host, said) = manager_emptied(MANAGED).await;
    assert!(
        said.ends_with(
            "Rocket.Chat kept the contact manager agent.one: it can clear one from release 8.2 on."
        ),
        "{said}"
    );
    assert_eq!(body(0)["contactManager"], "", "the clear was asked for");
    assert_eq!(
        values(&host)[3],
        "agent.one",
        "shown as the server holds it"
    );

    // A server that clears it (8.2+) says nothing more.
    let cleared =
        r#"{"contact":{"_id":"cc7","name":"Ada Lovelace","emails":[],"phones":[]},"success":true}"#;
    let (host, said) = manager_emptied(cleared).await;
    assert!(!said.contains("kept"), "{said}");
    assert_eq!(values(&host)[3], "");
}

#[wasm_bindgen_test]
async fn delete_is_offered_only_to_a_user_who_may_delete() {
    let agent_only = || {
        route(
            "/api/v1/me",
            200,
            r#"{"_id":"agent-id","username":"agent.one","roles":["user","livechat-agent"],"success":true}"#,
        )
    };
    let host = managed_ada(MANAGED, agent_only).await;
    wait_for("what the user may do read", || {
        routed().iter().any(|u| u.contains("permissions.listAll"))
    })
    .await;
    sleep(50).await;
    assert!(find_button(&host, "Delete contact").is_none());
    // A manager (the default answers) is offered it.
    let host = managed_ada(MANAGED, || {}).await;
    wait_for("Delete offered", || {
        find_button(&host, "Delete contact").is_some()
    })
    .await;
}

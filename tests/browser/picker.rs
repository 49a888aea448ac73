//! The contact-manager picker: suggestions as the user types, keyboard and mouse, typed names.

use crate::harness::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::HtmlElement;

const AGENTS: &str = r#"{"users":[{"_id":"a1","username":"agent.one","name":"Agent One"},
  {"_id":"a2","username":"agent.two","name":"Agent Two"}],"count":2,"offset":0,"total":2,"success":true}"#;

fn attr(host: &HtmlElement, name: &str) -> Option<String> {
    input(host, "contactManager").get_attribute(name)
}

fn options(host: &HtmlElement) -> Vec<HtmlElement> {
    let list = host.query_selector_all("[role='option']").unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.unchecked_into())
        .collect()
}

async fn open_with(host: &HtmlElement, text: &str) {
    type_into(host, "contactManager", text);
    wait_for("the suggestions", || {
        attr(host, "aria-expanded").as_deref() == Some("true")
    })
    .await;
}

#[wasm_bindgen_test]
async fn suggestions_follow_typing_and_the_keyboard_picks_one() {
    clear_storage();
    stub_fetch(&[]);
    route("/api/v1/livechat/users/agent", 200, AGENTS);
    let host = mount(Some(agent()));
    ready().await;
    assert_eq!(attr(&host, "role").as_deref(), Some("combobox"));
    assert_eq!(attr(&host, "aria-expanded").as_deref(), Some("false"));
    let list_id = attr(&host, "aria-controls").unwrap();
    let list = host
        .query_selector(&format!("[id='{list_id}']"))
        .unwrap()
        .expect("aria-controls names the list");
    assert_eq!(list.get_attribute("role").as_deref(), Some("listbox"));

    open_with(&host, "agent").await;
    assert!(routed()
        .iter()
        .any(|u| u.ends_with("/api/v1/livechat/users/agent?text=agent&count=8")));
    let texts: Vec<String> = options(&host)
        .iter()
        .map(|o| o.text_content().unwrap())
        .collect();
    assert_eq!(texts, ["Agent One (agent.one)", "Agent Two (agent.two)"]);

    press(&host, "contactManager", "ArrowDown").await;
    press(&host, "contactManager", "ArrowDown").await;
    leptos::task::tick().await;
    let second = options(&host)[1].id();
    assert_eq!(attr(&host, "aria-activedescendant"), Some(second));
    assert_eq!(
        options(&host)[1].get_attribute("aria-selected").as_deref(),
        Some("true")
    );
    press(&host, "contactManager", "ArrowUp").await;
    press(&host, "contactManager", "Enter").await;
    leptos::task::tick().await;
    assert_eq!(input(&host, "contactManager").value(), "agent.one");
    assert_eq!(attr(&host, "aria-expanded").as_deref(), Some("false"));
    assert_eq!(attr(&host, "aria-activedescendant"), None);
    assert!(calls().is_empty(), "picking is not saving");
}

#[wasm_bindgen_test]
async fn escape_closes_the_list_and_the_mouse_picks_too() {
    clear_storage();
    stub_fetch(&[]);
    route("/api/v1/livechat/users/agent", 200, AGENTS);
    let host = mount(Some(agent()));
    ready().await;
    open_with(&host, "age").await;
    press(&host, "contactManager", "Escape").await;
    leptos::task::tick().await;
    assert_eq!(attr(&host, "aria-expanded").as_deref(), Some("false"));
    assert_eq!(
        input(&host, "contactManager").value(),
        "age",
        "typing is kept"
    );

    open_with(&host, "agen").await;
    let init = web_sys::MouseEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    let press = web_sys::MouseEvent::new_with_mouse_event_init_dict("mousedown", &init).unwrap();
    options(&host)[1].dispatch_event(&press).unwrap();
    leptos::task::tick().await;
    assert_eq!(input(&host, "contactManager").value(), "agent.two");
}

#[wasm_bindgen_test]
async fn a_typed_username_is_sent_even_without_a_suggestion() {
    clear_storage();
    stub_fetch(&[Answer(200, r#"{"contact":"c1","success":true}"#, &[])]);
    route(
        "/api/v1/livechat/users/agent",
        200,
        r#"{"users":[],"success":true}"#,
    );
    let host = mount(Some(agent()));
    ready().await;
    type_into(&host, "name", "Ada");
    type_into(&host, "contactManager", "someone.else");
    sleep(300).await;
    assert_eq!(attr(&host, "aria-expanded").as_deref(), Some("false"));
    click(&host, "Register contact");
    wait_status(&host, "Contact registered").await;
    assert_eq!(body(0)["contactManager"]["username"], "someone.else");
}

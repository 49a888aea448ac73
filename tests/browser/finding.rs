//! "Find a contact" and opening a contact: the combobox (keys, options, Show more), late
//! answers dropped, failures said in the list area, the unsaved-changes question, and the host
//! page's `handle.open(id)` with its promise and the `contact-opened` event.

use crate::harness::*;
use omnichannel_contact_form::embed::{mount as js_mount, WidgetHandle};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::HtmlElement;

/// Answers `livechat/visitors.search` and `contacts.search` as a server of `total` people
/// named "<term> NN" would, a page at a time; the term `slow` is answered after 600 ms, and
/// `fail` with a 403. Each search is recorded as `term@offset` in `window.__searched`.
fn serve_people(total: usize) {
    js_sys::eval(&format!(
        r#"
        window.__searched = [];
        const answered = window.fetch;
        window.fetch = async (input, init) => {{
            const req = input instanceof Request ? input : new Request(input, init);
            const url = new URL(req.url);
            const legacy = url.pathname === "/api/v1/livechat/visitors.search";
            if (!legacy && url.pathname !== "/api/v1/omnichannel/contacts.search") return answered(input, init);
            const term = url.searchParams.get(legacy ? "term" : "searchText");
            const offset = Number(url.searchParams.get("offset"));
            const count = Number(url.searchParams.get("count"));
            window.__searched.push(`${{term}}@${{offset}}`);
            if (term === "slow") await new Promise((r) => setTimeout(r, 600));
            if (term === "fail") return new Response('{{"success":false,"error":"User does not have the permissions required for this action [error-unauthorized]"}}', {{status: 403}});
            const all = term === "nobody" ? [] : Array.from({{length: {total}}}, (_, i) => {{
                const n = String(i + 1).padStart(2, "0");
                return {{_id: `id${{n}}`, name: `${{term}} ${{n}}`, visitorEmails: [{{address: `p${{n}}@example.org`}}], phone: [{{phoneNumber: `+4930000000${{n}}`}}]}};
            }});
            const page = all.slice(offset, offset + count);
            const body = {{count: page.length, offset, total: all.length, success: true}};
            body[legacy ? "visitors" : "contacts"] = page;
            return new Response(JSON.stringify(body), {{status: 200, headers: {{"Content-Type": "application/json"}}}});
        }};
        "#
    ))
    .expect("the search stub installs");
}

fn searched() -> Vec<String> {
    let json = js_sys::eval("JSON.stringify(window.__searched)").unwrap();
    serde_json::from_str(&json.as_string().unwrap()).unwrap()
}

fn search(host: &HtmlElement) -> web_sys::HtmlInputElement {
    input(host, "search")
}

fn option_texts(host: &HtmlElement) -> Vec<String> {
    let list = host
        .query_selector_all(".ocf-results [role='option']")
        .unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.text_content().unwrap_or_default().trim().to_owned())
        .collect()
}

fn results_note(host: &HtmlElement) -> String {
    host.query_selector(".ocf-results p")
        .unwrap()
        .and_then(|p| p.text_content())
        .unwrap_or_default()
}

async fn wait_options(host: &HtmlElement, n: usize) {
    wait_for(&format!("{n} options"), || option_texts(host).len() == n).await;
}

#[wasm_bindgen_test]
async fn the_search_is_a_combobox_that_pages_and_opens_with_the_keyboard() {
    clear_storage();
    stub_fetch(&[]);
    serve_people(12);
    route(
        "/api/v1/omnichannel/contact",
        200,
        r#"{"contact":{"_id":"id02","token":"0123456789abcdef0123456789abcdef","name":"findme 02",
            "visitorEmails":[{"address":"p02@example.org"}],"phone":[{"phoneNumber":"+493000000002"}],
            "livechatData":{"hidden":"kept"},"contactManager":{"username":"agent.two"}},"success":true}"#,
    );
    let host = mount(Some(agent()));
    ready().await;
    let field = search(&host);
    assert_eq!(field.type_(), "search");
    assert_eq!(field.get_attribute("role").as_deref(), Some("combobox"));
    assert_eq!(
        field.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    let list_id = field.get_attribute("aria-controls").unwrap();
    let list = host
        .query_selector(&format!("[id='{list_id}']"))
        .unwrap()
        .expect("aria-controls names the list");
    assert_eq!(list.get_attribute("role").as_deref(), Some("listbox"));

    type_into(&host, "search", "f");
    sleep(400).await;
    assert!(searched().is_empty(), "one character asks nothing");
    type_into(&host, "search", "findme");
    wait_options(&host, 10).await;
    assert_eq!(searched(), ["findme@0"], "asked once, after the pause");
    assert_eq!(
        option_texts(&host)[2],
        "findme 03 · p03@example.org · +493000000003"
    );
    assert_eq!(
        field.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );

    click(&host, "Show more");
    wait_options(&host, 12).await;
    assert_eq!(searched(), ["findme@0", "findme@10"]);
    assert!(
        find_button(&host, "Show more").is_none(),
        "all 12 are listed"
    );

    press(&host, "search", "ArrowDown").await;
    press(&host, "search", "ArrowDown").await;
    let active = field.get_attribute("aria-activedescendant").unwrap();
    let second = list
        .query_selector_all("[role='option']")
        .unwrap()
        .item(1)
        .unwrap();
    let second: HtmlElement = second.unchecked_into();
    assert_eq!(second.id(), active);
    assert_eq!(
        second.get_attribute("aria-selected").as_deref(),
        Some("true")
    );
    press(&host, "search", "Escape").await;
    assert_eq!(
        field.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    press(&host, "search", "ArrowDown").await;
    press(&host, "search", "ArrowDown").await;
    press(&host, "search", "Enter").await;
    wait_status(&host, "Contact findme 02 (id id02) opened.").await;
    assert_eq!(values(&host)[0], "findme 02");
    assert_eq!(values(&host)[3], "agent.two");
    assert!(find_button(&host, "Update contact").is_some());
    assert!(
        local(CONTACT_KEY).unwrap().ends_with(" id02"),
        "remembered for this server"
    );
}

#[wasm_bindgen_test]
async fn a_late_answer_to_an_earlier_search_is_dropped() {
    clear_storage();
    stub_fetch(&[]);
    serve_people(3);
    let host = mount(Some(agent()));
    ready().await;
    type_into(&host, "search", "slow");
    wait_for("the slow search to be sent", || {
        searched().contains(&"slow@0".to_owned())
    })
    .await;
    type_into(&host, "search", "quick");
    wait_options(&host, 3).await;
    assert!(option_texts(&host)[0].starts_with("quick 01"));
    sleep(800).await;
    assert!(
        option_texts(&host)[0].starts_with("quick 01"),
        "the slow answer came later and was dropped: {:?}",
        option_texts(&host)
    );
}

#[wasm_bindgen_test]
async fn no_match_and_failures_are_said_in_the_list_and_keep_the_form() {
    clear_storage();
    stub_fetch(&[]);
    serve_people(3);
    let host = mount(Some(agent()));
    ready().await;
    type_into(&host, "name", "Typed");
    type_into(&host, "search", "nobody");
    wait_for("the no-match words", || {
        results_note(&host) == "No contact matches “nobody”."
    })
    .await;
    type_into(&host, "search", "fail");
    wait_for("the failure", || {
        results_note(&host).contains("view-l-room")
    })
    .await;
    assert_eq!(values(&host)[0], "Typed", "the form is left as it was");
}

#[wasm_bindgen_test]
async fn the_contact_center_search_pages_through_contacts_search() {
    clear_storage();
    stub_fetch(&[]);
    serve_people(15);
    let host = mount_api(omnichannel_contact_form::ApiChoice::Contacts);
    ready().await;
    type_into(&host, "search", "ab");
    wait_options(&host, 10).await;
    click(&host, "Show more");
    wait_options(&host, 15).await;
    assert_eq!(searched(), ["ab@0", "ab@10"]);
}

fn opened_host() -> HtmlElement {
    let host = new_host();
    js_sys::eval("window.__opened = [];").unwrap();
    let record = js_sys::Function::new_with_args("e", "window.__opened.push(e.detail)");
    host.add_event_listener_with_callback("contact-opened", &record)
        .unwrap();
    host
}

fn opened_events() -> serde_json::Value {
    let text = js_sys::eval("JSON.stringify(window.__opened)").unwrap();
    serde_json::from_str(&text.as_string().unwrap()).unwrap()
}

const RECORD: &str = r#"{"contact":{"_id":"c9","token":"fedcba9876543210fedcba9876543210","name":"Grace Hopper",
    "visitorEmails":[{"address":"grace@example.org"}],"livechatData":{}},"success":true}"#;

async fn settled(promise: js_sys::Promise) -> Result<(), String> {
    JsFuture::from(promise).await.map(drop).map_err(|e| {
        e.dyn_into::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_default()
    })
}

fn mount_js(host: &HtmlElement, options: &str) -> WidgetHandle {
    js_mount(host.clone(), js_sys::eval(&format!("({options})")).unwrap())
}

const CREDS: &str =
    r#"server: "https://chat.example.com", authToken: "agent-token", userId: "agent-id""#;

#[wasm_bindgen_test]
async fn handle_open_settles_asks_over_unsaved_changes_and_names_an_unknown_id() {
    clear_storage();
    stub_fetch(&[]);
    route("/api/v1/omnichannel/contact", 200, RECORD);
    let host = opened_host();
    let handle = mount_js(&host, &format!("{{{CREDS}}}"));
    ready().await;

    assert_eq!(settled(handle.open("c9".into())).await, Ok(()));
    assert_eq!(values(&host)[0], "Grace Hopper");
    assert_eq!(
        opened_events(),
        serde_json::json!([{"contact": "c9", "api": "legacy", "unknown": false}])
    );

    // Typed and not saved, the same contact opened again (the host page naming it once more):
    // what is typed is laid over it as it is now, nothing asked.
    type_into(&host, "name", "Grace B. Hopper");
    assert_eq!(settled(handle.open("c9".into())).await, Ok(()));
    assert_eq!(values(&host)[0], "Grace B. Hopper", "the typing is kept");
    assert!(
        find_button(&host, "Keep editing").is_none(),
        "nothing asked"
    );

    // Another contact (the stub answers every id with Grace's record): the user is asked, and
    // keeping what is typed changes nothing.
    let asked = handle.open("c10".into());
    wait_for("the question", || {
        find_button(&host, "Keep editing").is_some()
    })
    .await;
    assert!(note_text(&host, "ocf-unsaved")
        .contains("You have unsaved changes. Open Grace Hopper anyway?"));
    // The focus moves once the question is drawn (the next animation frame).
    wait_for("the focus on Open contact", || {
        let focus = focused()
            .and_then(|f| f.dyn_into::<HtmlElement>().ok())
            .and_then(|f| f.text_content());
        focus.as_deref() == Some("Open contact")
    })
    .await;
    click(&host, "Keep editing");
    let kept = settled(asked).await.unwrap_err();
    assert!(kept.contains("kept editing"), "{kept}");
    assert_eq!(values(&host)[0], "Grace B. Hopper");
    assert!(
        find_button(&host, "Open contact").is_none(),
        "the question is gone"
    );

    // Asked again and accepted: the contact replaces what was typed.
    let accepted = handle.open("c10".into());
    wait_for("the question", || {
        find_button(&host, "Open contact").is_some()
    })
    .await;
    click(&host, "Open contact");
    assert_eq!(settled(accepted).await, Ok(()));
    assert_eq!(values(&host)[0], "Grace Hopper");

    // An id the server does not know: said, and the form stays as it was.
    route(
        "/api/v1/omnichannel/contact",
        200,
        r#"{"contact":null,"success":true}"#,
    );
    let missing = settled(handle.open("nope".into())).await.unwrap_err();
    assert!(missing.contains("no contact with id nope"), "{missing}");
    assert_eq!(status(&host), "No contact with id nope.");
    assert_eq!(values(&host)[0], "Grace Hopper");
    assert_eq!(
        opened_events().as_array().unwrap().len(),
        3,
        "c9, c9 again, c10"
    );
}

#[wasm_bindgen_test]
async fn the_contact_id_option_opens_that_contact_first() {
    clear_storage();
    // This browser remembers another contact; the page's contactId wins.
    remember(CONTACT_KEY, "0123456789abcdef0123456789abcdef c1");
    stub_fetch(&[]);
    route("/api/v1/omnichannel/contact", 200, RECORD);
    let host = opened_host();
    let _handle = mount_js(&host, &format!("{{{CREDS}, contactId: \"c9\"}}"));
    ready().await;
    wait_for("the contact", || values(&host)[0] == "Grace Hopper").await;
    wait_status(&host, "Contact Grace Hopper (id c9) opened.").await;
    assert!(local(CONTACT_KEY).unwrap().ends_with(" c9"));
}

/// A page of one unidentified contact, as `contacts.search?unknown=true` gives it.
const UNIDENTIFIED: &str = r#"{"contacts":[{"_id":"u1","name":"guest-12","unknown":true,
    "channels":[{"name":"sms","visitor":{"visitorId":"v1","source":{"type":"sms"}},"blocked":false,
      "details":{"type":"sms"},"lastChat":{"_id":"r1","ts":"2020-01-01T10:00:00.000Z"}}],
    "lastChat":{"_id":"r1","ts":"2020-01-01T10:00:00.000Z"},"customFields":{}}],
    "count":10,"offset":0,"total":1,"success":true}"#;

#[wasm_bindgen_test]
async fn unidentified_contacts_are_listed_newest_first_with_where_they_came_in() {
    clear_storage();
    stub_fetch(&[]);
    route("/api/v1/omnichannel/contacts.search", 200, UNIDENTIFIED);
    let host = mount_api(omnichannel_contact_form::ApiChoice::Contacts);
    ready().await;
    // Checked with nothing typed: every unidentified contact, newest chat first.
    toggle_unidentified(&host);
    wait_options(&host, 1).await;
    let label = option_texts(&host).remove(0);
    assert!(
        label.starts_with("guest-12 · SMS · ") && label.len() > "guest-12 · SMS · ".len(),
        "where and when it came in: {label}"
    );
    let searches = || -> Vec<String> {
        routed()
            .into_iter()
            .filter(|u| u.contains("contacts.search"))
            .collect()
    };
    let last = || searches().last().cloned().unwrap_or_default();
    assert!(last().contains("unknown=true"), "{}", last());
    assert!(
        last().contains("sort=%7B%22lastChat.ts%22%3A-1%7D"),
        "{}",
        last()
    );
    // Typed text narrows the same list.
    type_into(&host, "search", "gu");
    wait_for("the typed search", || last().contains("searchText=gu")).await;
    assert!(last().contains("unknown=true"));
    // Unchecked: the known contacts again, for the same text.
    let before = searches().len();
    toggle_unidentified(&host);
    wait_for("the known search", || searches().len() > before).await;
    assert!(
        last().contains("searchText=gu") && !last().contains("unknown"),
        "{}",
        last()
    );
    // Nothing found among them is said as such.
    route(
        "/api/v1/omnichannel/contacts.search",
        200,
        r#"{"contacts":[],"count":10,"offset":0,"total":0,"success":true}"#,
    );
    type_into(&host, "search", "");
    toggle_unidentified(&host);
    wait_for("the empty list said", || {
        results_note(&host) == "No unidentified contacts."
    })
    .await;
}

#[wasm_bindgen_test]
async fn the_legacy_api_has_no_unidentified_contacts() {
    clear_storage();
    stub_fetch(&[]);
    let host = mount_api(omnichannel_contact_form::ApiChoice::Legacy);
    ready().await;
    let label = host.query_selector(".ocf-check").unwrap().unwrap();
    assert!(label.has_attribute("hidden"), "not offered");
}

//! The contact's conversations under the form: closed until opened (nothing fetched), the past
//! chats paged with "Show more" and "Showing 10 of 23", the channels, a chat's messages as text
//! with its search (late answers dropped) and "Back" with the focus on the chat opened, the
//! refusals said in the section, empty states, and the legacy API's way through the visitor's
//! last chat. A small fake server in the page pages by `count` and `offset`.

use crate::center::center;
use crate::harness::*;
use leptos::prelude::*;
use omnichannel_contact_form::{ApiChoice, ContactWidget};
use serde_json::Value;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::HtmlElement;

const ID: &str = "0123456789abcdef0123456789abcdef cc7";

/// Answers the history routes from `window.__chats` and `window.__messages` (lists), paged as
/// Rocket.Chat pages them, each answer after `window.__late[searchTerm]` ms when set (a
/// history page after `window.__historyLate` ms); other
/// requests go to the stub underneath. Every URL asked is in `window.__asked`.
pub(crate) fn serve_history(chats: usize, messages: &str) {
    js_sys::eval(&format!(
        r#"
        window.__asked = [];
        window.__late = {{}};
        window.__historyLate = 0;
        window.__historyRefusal = null;
        window.__messagesRefusal = null;
        window.__channels = [];
        const sources = [{{type: "widget"}}, {{type: "email"}}, {{type: "sms"}}, {{type: "app", alias: "WhatsApp"}}, {{type: "api"}}, {{type: "other"}}];
        window.__chats = Array.from({{length: {chats}}}, (_, i) => ({{
            _id: `room${{i}}`, ts: "2026-11-01T10:00:00.000Z", closedAt: `2026-11-${{String(28 - i).padStart(2, "0")}}T10:30:00.000Z`,
            servedBy: {{_id: "a1", username: i === 1 ? "agent.two" : "agent.one"}}, tags: i === 0 ? ["billing", "urgent"] : [],
            source: sources[i % 6], lastMessage: {{_id: `c${{i}}`, t: "livechat-close", msg: i % 2 ? "" : `Solved ${{i}}`}},
        }}));
        window.__messages = {messages};
        const answered = window.fetch;
        const json = (body, status = 200) => new Response(JSON.stringify(body), {{status, headers: {{"Content-Type": "application/json"}}}});
        window.fetch = async (input, init) => {{
            const req = input instanceof Request ? input : new Request(input, init);
            const url = new URL(req.url);
            const q = (k, d) => url.searchParams.get(k) ?? d;
            const [count, offset] = [Number(q("count", 50)), Number(q("offset", 0))];
            const page = (list) => list.slice(offset, offset + count);
            const path = url.pathname;
            if (path.endsWith("contacts.history") || path.includes("visitors.searchChats")) {{
                window.__asked.push(req.url);
                if (window.__historyLate) await new Promise((r) => setTimeout(r, window.__historyLate));
                if (window.__historyRefusal) return json(...window.__historyRefusal);
                return json({{history: page(window.__chats), count: page(window.__chats).length, offset, total: window.__chats.length, success: true}});
            }}
            if (path.endsWith("contacts.channels")) {{
                window.__asked.push(req.url);
                return json({{channels: window.__channels || [], success: true}});
            }}
            if (path.endsWith("/messages")) {{
                window.__asked.push(req.url);
                if (window.__messagesRefusal) return json(...window.__messagesRefusal);
                const term = q("searchTerm", "").toLowerCase();
                const late = window.__late[term];
                if (late) await new Promise((r) => setTimeout(r, late));
                const found = window.__messages.filter((m) => m.msg.toLowerCase().includes(term));
                return json({{messages: page(found), offset, count, total: found.length, success: true}});
            }}
            return answered(input, init);
        }};
        "#
    ))
    .expect("the history server installs");
}

pub(crate) const MESSAGES: &str = r#"[
    {_id: "m1", msg: "Hello there", ts: "2026-11-27T23:50:00.000Z", u: {_id: "v", username: "guest-1", name: "Maria"}},
    {_id: "m2", msg: "<img src=x onerror=window.__xss=1> is what I see", ts: "2026-11-27T23:55:00.000Z", u: {_id: "v", username: "guest-1", name: "Maria"}},
    {_id: "m3", msg: "", ts: "2026-11-28T10:00:00.000Z", u: {_id: "a1", username: "agent.one"}, file: {_id: "f", name: "designs.png", size: 17466}},
    {_id: "m4", msg: "Solved, thanks", t: "livechat-close", ts: "2026-11-28T10:05:00.000Z", u: {_id: "a1", username: "agent.one", name: "Agent One"}}
]"#;

/// The widget on `api` showing a remembered contact, its `conversation-opened` events recorded.
async fn opened_contact(api: ApiChoice) -> HtmlElement {
    js_sys::eval("window.__opened = []; window.__xss = 0;").unwrap();
    let host = new_host();
    let events_to = host.clone();
    leptos::mount::mount_to(host.clone(), move || {
        view! { <ContactWidget server=SERVER credentials=agent() api=api host=events_to.clone() /> }
    })
    .forget();
    let record = js_sys::Function::new_with_args("e", "window.__opened.push(e.detail)");
    host.add_event_listener_with_callback("conversation-opened", &record)
        .unwrap();
    ready().await;
    wait_for("the contact", || values(&host)[0] == "Ada Lovelace").await;
    host
}

pub(crate) async fn center_contact(chats: usize) -> HtmlElement {
    center_contact_as(chats, || {}).await
}

/// [`center_contact`], with `server` changing what the server answers before it is mounted.
pub(crate) async fn center_contact_as(chats: usize, server: impl FnOnce()) -> HtmlElement {
    clear_storage();
    remember(CENTER_KEY, ID);
    center(&[]);
    server();
    route(
        "/api/v1/omnichannel/contacts.get",
        200,
        r#"{"contact":{"_id":"cc7","name":"Ada Lovelace","emails":[],"phones":[]},"success":true}"#,
    );
    serve_history(chats, MESSAGES);
    opened_contact(ApiChoice::Contacts).await
}

pub(crate) fn js(script: &str) -> Value {
    let text = js_sys::eval(&format!("JSON.stringify({script})")).unwrap();
    serde_json::from_str(&text.as_string().unwrap()).unwrap_or(Value::Null)
}

pub(crate) fn asked() -> Vec<String> {
    serde_json::from_value(js("window.__asked")).unwrap()
}

pub(crate) fn disclosure(host: &HtmlElement) -> HtmlElement {
    host.query_selector(".ocf-disclosure")
        .unwrap()
        .expect("the Conversations button")
        .unchecked_into()
}

/// A text as read, without the marks that isolate the values put into it.
pub(crate) fn read(text: Option<String>) -> String {
    text.unwrap_or_default()
        .replace(['\u{2068}', '\u{2069}'], "")
}

pub(crate) fn texts(host: &HtmlElement, selector: &str) -> Vec<String> {
    let list = host.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| read(list.item(i).unwrap().text_content()))
        .collect()
}

pub(crate) fn panel(host: &HtmlElement) -> String {
    read(
        host.query_selector(".ocf-panel")
            .unwrap()
            .and_then(|p| p.text_content()),
    )
}

#[wasm_bindgen_test]
async fn conversations_are_closed_until_opened_then_paged_with_their_channels() {
    let host = center_contact(23).await;
    js_sys::eval(r#"window.__channels = [
        {name: "widget", blocked: false, verified: true, details: {type: "widget", destination: "crm.example.com"}, lastChat: {_id: "r", ts: "2026-11-28T10:00:00.000Z"}},
        {name: "sms", blocked: true, verified: false, details: {type: "sms"}}];"#).unwrap();
    let button = disclosure(&host);
    assert_eq!(button.text_content().unwrap(), "Conversations");
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    let panel_id = button.get_attribute("aria-controls").unwrap();
    assert!(host
        .query_selector(&format!("#{panel_id}"))
        .unwrap()
        .is_some());
    sleep(50).await;
    assert!(
        asked().is_empty(),
        "nothing is fetched before the section is opened"
    );

    button.click();
    wait_for("the list", || texts(&host, ".ocf-chat").len() == 10).await;
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    let first = &asked()[0];
    assert!(
        first.contains("contacts.history?contactId=cc7&count=10&offset=0"),
        "{first}"
    );
    assert!(
        panel(&host).contains("Showing 10 of 23"),
        "{}",
        panel(&host)
    );
    let chats = texts(&host, ".ocf-chat");
    assert!(chats[0].starts_with("Livechat · "), "{}", chats[0]);
    assert!(chats[3].starts_with("WhatsApp · "), "{}", chats[3]);
    assert!(chats[4].starts_with("Custom (API) · "), "{}", chats[4]);
    assert!(
        chats[5].starts_with("Custom Integration · "),
        "{}",
        chats[5]
    );
    let items = texts(&host, ".ocf-chats > li");
    assert!(items[0].contains("Served by agent.one"), "{}", items[0]);
    assert!(items[0].contains("Tags: billing, urgent"), "{}", items[0]);
    assert!(
        items[0].contains("Closing chat message: Solved 0"),
        "{}",
        items[0]
    );
    assert!(
        !items[1].contains("Closing chat message"),
        "a blank comment says nothing"
    );
    let time = host.query_selector(".ocf-chat time").unwrap().unwrap();
    assert_eq!(
        time.get_attribute("datetime").as_deref(),
        Some("2026-11-28T10:30:00.000Z")
    );
    assert!(
        time.text_content().unwrap().contains("ago"),
        "relative: {:?}",
        time.text_content()
    );
    // The channels beside the list.
    let channels = texts(&host, ".ocf-channels li");
    assert_eq!(channels.len(), 2);
    assert!(
        channels[0].starts_with("Livechat · crm.example.com · Verified · Last chat "),
        "{}",
        channels[0]
    );
    assert_eq!(channels[1], "SMS (Blocked) · No app label provided");

    click(&host, "Show more");
    click(&host, "Show more"); // a second press while the page is asked asks nothing more
    wait_for("the second page", || texts(&host, ".ocf-chat").len() == 20).await;
    let histories = asked()
        .iter()
        .filter(|u| u.contains("contacts.history"))
        .count();
    assert_eq!(histories, 2, "{:?}", asked());
    // The focus was on "Show more", which the redraw replaced: it is on the first chat that
    // came in. With the keyboard (focus, then Enter's click) on the last page, where "Show
    // more" goes, the same.
    let focused_chat = || {
        focused()
            .and_then(|f| f.dyn_into::<HtmlElement>().ok())
            .and_then(|f| f.get_attribute("data-at"))
    };
    wait_for("the focus on chat 10", || {
        focused_chat().as_deref() == Some("10")
    })
    .await;
    let more = find_button(&host, "Show more").expect("Show more");
    more.focus().unwrap();
    more.click();
    wait_for("the last page", || texts(&host, ".ocf-chat").len() == 23).await;
    wait_for("the focus on chat 20", || {
        focused_chat().as_deref() == Some("20")
    })
    .await;
    // Focused so, a chat stays a button in the Tab order (only what is not focusable, a
    // message, is made focusable for it).
    let focused_tab_index = focused()
        .and_then(|f| f.dyn_into::<HtmlElement>().ok())
        .map(|f| (f.tab_index(), f.has_attribute("tabindex")));
    assert_eq!(focused_tab_index, Some((0, false)));
    assert!(panel(&host).contains("Showing 23 of 23"));
    assert!(
        find_button(&host, "Show more").is_none_or(|b| b.hidden()),
        "nothing more to show"
    );

    // Closing and opening again fetches again.
    disclosure(&host).click();
    leptos::task::tick().await;
    assert_eq!(
        disclosure(&host).get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert!(texts(&host, ".ocf-chat").is_empty());
}

#[wasm_bindgen_test]
async fn a_conversation_shows_its_messages_as_text_searches_and_goes_back() {
    let host = center_contact(3).await;
    disclosure(&host).click();
    wait_for("the list", || texts(&host, ".ocf-chat").len() == 3).await;
    let second: HtmlElement = host
        .query_selector(".ocf-chat[data-at='1']")
        .unwrap()
        .unwrap()
        .unchecked_into();
    second.click();
    wait_for("the messages", || {
        texts(&host, ".ocf-messages > li").len() == 4
    })
    .await;
    assert_eq!(
        js("window.__opened"),
        serde_json::json!([{"contact": "cc7", "room": "room1"}])
    );
    let url = asked()
        .into_iter()
        .find(|u| u.contains("/messages"))
        .unwrap();
    assert!(
        url.contains("/api/v1/livechat/room1/messages?sort="),
        "{url}"
    );
    assert!(url.contains("count=20&offset=0"), "{url}");
    let lines = texts(&host, ".ocf-text");
    assert_eq!(lines[0], "Hello there");
    assert_eq!(
        lines[1], "<img src=x onerror=window.__xss=1> is what I see",
        "text, never markup"
    );
    assert!(host.query_selector(".ocf-messages img").unwrap().is_none());
    assert_eq!(js("window.__xss"), 0);
    assert_eq!(lines[2], "File: designs.png (17 KB)");
    assert_eq!(lines[3], "Conversation closed: Solved, thanks.");
    let authors = texts(&host, ".ocf-message strong");
    assert_eq!(authors, ["Maria", "Maria", "agent.one", "Agent One"]);
    assert_eq!(
        texts(&host, ".ocf-day").len(),
        2,
        "a day line when the day changes"
    );
    wait_for("the focus on Back", || {
        focused()
            .and_then(|f| f.dyn_into::<HtmlElement>().ok())
            .map(|f| f.class_name())
            .unwrap_or_default()
            .contains("ocf-back")
    })
    .await;

    // The search: after a pause, the term asked; a late answer to an earlier term is dropped.
    js_sys::eval(r#"window.__late["hello"] = 400;"#).unwrap();
    type_into(&host, "conversation-search", "hello");
    sleep(350).await; // the pause passes: "hello" is asked, and answers late
    type_into(&host, "conversation-search", "solved");
    wait_for("the search", || {
        texts(&host, ".ocf-messages > li").len() == 1
    })
    .await;
    sleep(300).await; // the late answer arrives, and is dropped
    assert_eq!(
        texts(&host, ".ocf-text"),
        ["Conversation closed: Solved, thanks."]
    );
    assert!(asked().iter().any(|u| u.contains("searchTerm=hello")));
    type_into(&host, "conversation-search", "nothing like it");
    wait_for("no match", || {
        panel(&host).contains("No message matches “nothing like it”.")
    })
    .await;

    click(&host, "Back to conversations");
    wait_for("the list again", || texts(&host, ".ocf-chat").len() == 3).await;
    wait_for("the focus on the chat opened", || {
        focused()
            .and_then(|f| f.dyn_into::<HtmlElement>().ok())
            .and_then(|f| f.get_attribute("data-at"))
            .as_deref()
            == Some("1")
    })
    .await;
}

#[wasm_bindgen_test]
async fn refusals_and_empty_lists_are_said_in_the_section() {
    let host = center_contact(0).await;
    disclosure(&host).click();
    wait_for("the empty list", || {
        panel(&host).contains("No conversations yet.")
    })
    .await;
    assert!(panel(&host).contains("No channels yet."));
    assert!(
        values(&host)[0] == "Ada Lovelace",
        "the form is left as it is"
    );

    disclosure(&host).click();
    js_sys::eval(r#"window.__historyRefusal = [{success: false, error: "User does not have the permissions required for this action [error-unauthorized]"}, 403];"#).unwrap();
    disclosure(&host).click();
    wait_for("the refusal", || {
        panel(&host).contains("view-livechat-contact-history")
    })
    .await;
    let alert = texts(&host, ".ocf-panel [role='alert']").concat();
    assert!(
        alert.contains("view-livechat-contact-history"),
        "said as an alert: {alert}"
    );

    disclosure(&host).click();
    js_sys::eval(r#"window.__historyRefusal = null; window.__chats = [{_id: "r9", closedAt: "2026-11-20T10:00:00.000Z", source: {type: "widget"}}];
        window.__messagesRefusal = [{success: false, error: "not-allowed"}, 400];"#).unwrap();
    disclosure(&host).click();
    wait_for("the list", || texts(&host, ".ocf-chat").len() == 1).await;
    click_at(&host, ".ocf-chat");
    wait_for("the refusal", || {
        panel(&host).contains("Only the agent who served this chat, or a manager, can read it.")
    })
    .await;
}

#[wasm_bindgen_test]
async fn a_section_closed_while_it_loads_stays_closed_whatever_comes() {
    let host = center_contact(3).await;
    let closed = |host: &HtmlElement| {
        disclosure(host).get_attribute("aria-expanded").as_deref() == Some("false")
            && texts(host, ".ocf-chat").is_empty()
            && texts(
                host,
                ".ocf-panel [role='alert'], .ocf-panel [role='status']",
            )
            .concat()
            .is_empty()
    };
    js_sys::eval("window.__historyLate = 150;").unwrap();
    // The list comes late, then a refusal does: the section is closed before each.
    let answers = [
        ("the list", "null"),
        (
            "the refusal",
            r#"[{success: false, error: "error-unauthorized"}, 403]"#,
        ),
    ];
    for (what, refusal) in answers {
        js_sys::eval(&format!("window.__historyRefusal = {refusal};")).unwrap();
        let before = asked().len();
        disclosure(&host).click();
        wait_for("the first page asked", || asked().len() == before + 1).await;
        disclosure(&host).click();
        sleep(300).await;
        assert!(
            closed(&host),
            "{what} that came did not open it: {}",
            panel(&host)
        );
    }
}

pub(crate) fn click_at(host: &HtmlElement, selector: &str) {
    let element: HtmlElement = host
        .query_selector(selector)
        .unwrap()
        .unwrap()
        .unchecked_into();
    element.click();
}

#[wasm_bindgen_test]
async fn the_legacy_api_finds_a_visitors_chats_through_its_last_chat() {
    clear_storage();
    remember(CONTACT_KEY, "0123456789abcdef0123456789abcdef v77");
    stub_fetch(&[]);
    route(
        "/api/v1/omnichannel/contact",
        200,
        r#"{"contact":{"_id":"v77","token":"0123456789abcdef0123456789abcdef","name":"Ada Lovelace","lastChat":{"_id":"last1","ts":"t"}},"success":true}"#,
    );
    serve_history(2, MESSAGES);
    let host = opened_contact(ApiChoice::Legacy).await;
    disclosure(&host).click();
    wait_for("the list", || texts(&host, ".ocf-chat").len() == 2).await;
    let url = asked()
        .into_iter()
        .find(|u| u.contains("searchChats"))
        .unwrap();
    assert!(
        url.contains("/api/v1/livechat/visitors.searchChats/room/last1/visitor/v77?closedChatsOnly=true&servedChatsOnly=false&count=10&offset=0"),
        "{url}"
    );
    assert!(
        host.query_selector(".ocf-channels").unwrap().is_none(),
        "channels are the Contact Center's"
    );

    // A visitor that never chatted has no conversations, and nothing is searched.
    disclosure(&host).click();
    route(
        "/api/v1/omnichannel/contact",
        200,
        r#"{"contact":{"_id":"v77","token":"0123456789abcdef0123456789abcdef","name":"Ada Lovelace"},"success":true}"#,
    );
    js_sys::eval("window.__asked = [];").unwrap();
    disclosure(&host).click();
    wait_for("the empty list", || {
        panel(&host).contains("No conversations yet.")
    })
    .await;
    assert!(asked().is_empty(), "{:?}", asked());
}

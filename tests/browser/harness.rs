//! Test harness: mount a widget, type, click, stub `fetch`, wait for the DOM.

use leptos::prelude::*;
use omnichannel_contact_form::{ApiChoice, ContactWidget, Credentials};
use serde_json::Value;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{HtmlButtonElement, HtmlElement, HtmlInputElement};

/// The server every test talks to (fetch is stubbed, so nothing leaves the page).
pub const SERVER: &str = "https://chat.example.com";
/// The localStorage key of the remembered contact for [`SERVER`].
pub const CONTACT_KEY: &str = "omnichannel-contact-form:contact:https://chat.example.com";
/// The localStorage key of the remembered Contact Center contact for [`SERVER`].
pub const CENTER_KEY: &str = "omnichannel-contact-form:contact-center:https://chat.example.com";

/// One stubbed answer: status, body and extra headers; `status == 0` means a network failure.
pub struct Answer(
    pub u16,
    pub &'static str,
    pub &'static [(&'static str, &'static str)],
);

/// Replaces `window.fetch` with a recorder that answers from `answers`, in order, each after
/// `window.__delay` milliseconds (0 unless a test sets it). The lookups the form makes on its
/// own (custom fields, the duplicate search, the agent list, the reachability probe after a
/// failure, which by default finds nothing, and what the user may do: everything) are
/// answered by [`route`]s instead,
/// recorded in `window.__routed`, so that `answers` and [`calls`] are about the saves: by default
/// there are no custom fields and no duplicates.
pub fn stub_fetch(answers: &[Answer]) {
    let list: Vec<Value> = answers
        .iter()
        .map(|Answer(status, body, headers)| {
            let headers: serde_json::Map<String, Value> = headers
                .iter()
                .map(|(k, v)| (k.to_string(), Value::from(*v)))
                .collect();
            serde_json::json!({"status": status, "body": body, "headers": headers})
        })
        .collect();
    let script = format!(
        r#"
        window.__calls = [];
        window.__delay = 0;
        window.__answers = {answers};
        window.__offline = false;
        if (!window.__onLineStubbed) {{
            Object.defineProperty(Navigator.prototype, "onLine", {{
                get: () => !window.__offline, configurable: true,
            }});
            window.__onLineStubbed = true;
        }}
        window.__routed = [];
        // navigator.languages, as a test sets it (by default the runner's English).
        window.__languages = null;
        if (!window.__languagesStubbed) {{
            Object.defineProperty(Navigator.prototype, "languages", {{
                get: () => window.__languages || ["en-US", "en"], configurable: true,
            }});
            window.__languagesStubbed = true;
        }}
        window.__mounts = 0;
        window.__css = {css};
        window.__routes = {{
            "/api/v1/livechat/custom-fields": {{status: 200, body: '{{"customFields":[],"success":true}}'}},
            "/api/v1/omnichannel/contact.search": {{status: 200, body: '{{"contact":null,"success":true}}'}},
            // The import's listing of the server's visitors: none.
            "/api/v1/livechat/visitors.search": {{status: 200, body: '{{"visitors":[],"count":0,"offset":0,"total":0,"success":true}}'}},
            "/api/v1/livechat/users/agent": {{status: 200, body: '{{"users":[],"success":true}}'}},
            "/api/info": {{status: 0, body: ""}},
            // What the user may do: by default a manager under the licence, who may do it all.
            "/api/v1/licenses.info": {{status: 200, body: '{{"license":{{"activeModules":["livechat-enterprise","contact-id-verification"]}},"success":true}}'}},
            "/api/v1/me": {{status: 200, body: '{{"_id":"agent-id","username":"agent.one","roles":["user","livechat-manager"],"success":true}}'}},
            "/api/v1/permissions.listAll": {{status: 200, body: '{{"update":[{{"_id":"delete-livechat-contact","roles":["admin","livechat-manager"]}},{{"_id":"block-livechat-contact","roles":["admin","livechat-manager","livechat-agent"]}},{{"_id":"unblock-livechat-contact","roles":["admin","livechat-manager","livechat-agent"]}}],"remove":[],"success":true}}'}},
        }};
        // What the widget made itself (a file to download) is read for real.
        window.__realFetch = window.__realFetch || window.fetch;
        window.fetch = async (input, init) => {{
            const req = input instanceof Request ? input : new Request(input, init);
            if (req.url.startsWith("blob:")) return window.__realFetch(input, init);
            let path = new URL(req.url).pathname;
            // The custom element's styles, and a catalogue, are fetched beside the module,
            // wherever the runner serves it from.
            if (path.endsWith("/widget.css")) return new Response(window.__css, {{headers: {{"Content-Type": "text/css"}}}});
            if (path.includes("/i18n/")) path = path.slice(path.lastIndexOf("/i18n/"));
            const routed = window.__routes[path];
            if (routed) {{
                window.__routed.push(req.url);
                if (routed.status === 0) throw new TypeError("Failed to fetch");
                return new Response(routed.body, {{status: routed.status, headers: {{"Content-Type": "application/json"}}}});
            }}
            window.__calls.push({{
                url: req.url,
                method: req.method,
                headers: Object.fromEntries(req.headers.entries()),
                body: req.method === "GET" ? "" : await req.text(),
            }});
            if (window.__delay) await new Promise((resolve, reject) => {{
                const timer = setTimeout(resolve, window.__delay);
                req.signal.addEventListener("abort", () => {{
                    clearTimeout(timer);
                    reject(new DOMException("The operation was aborted.", "AbortError"));
                }});
            }});
            const next = window.__answers.shift();
            if (!next || next.status === 0) throw new TypeError("Failed to fetch");
            const headers = Object.assign({{"Content-Type": "application/json"}}, next.headers);
            return new Response(next.body, {{status: next.status, headers}});
        }};
        "#,
        answers = Value::Array(list),
        css = Value::from(include_str!("../../style/widget.css")),
    );
    js_sys::eval(&script).expect("the fetch stub installs");
}

/// Answers every request to `path` with `status` and `body` from now on (status 0: no answer).
pub fn route(path: &str, status: u16, body: &str) {
    let answer = serde_json::json!({"status": status, "body": body});
    js_sys::eval(&format!(
        "window.__routes[{}] = {answer};",
        Value::from(path)
    ))
    .expect("the route installs");
}

/// The URLs of the routed requests since [`stub_fetch`], in order.
pub fn routed() -> Vec<String> {
    let json = js_sys::eval("JSON.stringify(window.__routed || [])").unwrap();
    serde_json::from_str(&json.as_string().unwrap()).unwrap()
}

/// Makes `navigator.onLine` say `online`; going online also fires the `online` event.
pub fn set_online(online: bool) {
    js_sys::eval(&format!("window.__offline = {};", !online)).unwrap();
    if online {
        let event = web_sys::Event::new("online").unwrap();
        web_sys::window().unwrap().dispatch_event(&event).unwrap();
    }
}

/// Every request the widget made since [`stub_fetch`]: `{url, method, headers, body}`.
pub fn calls() -> Vec<Value> {
    let json = js_sys::eval("JSON.stringify(window.__calls || [])").unwrap();
    serde_json::from_str(&json.as_string().unwrap()).unwrap()
}

/// Empties both storages, so every test starts as a first visit. It first undoes a storage
/// breakage left by a test that failed half-way (a wasm panic does not unwind).
pub fn clear_storage() {
    js_sys::eval(
        r#"if (window.__storage) {
            Storage.prototype.getItem = window.__storage.get;
            Storage.prototype.setItem = window.__storage.set;
            Storage.prototype.removeItem = window.__storage.remove;
        }
        if (window.__localStorage) {
            Object.defineProperty(window, "localStorage", window.__localStorage);
            delete window.__localStorage;
        }"#,
    )
    .unwrap();
    let window = web_sys::window().unwrap();
    window.local_storage().unwrap().unwrap().clear().unwrap();
    window.session_storage().unwrap().unwrap().clear().unwrap();
}

/// Puts `value` under `key` in localStorage, as an earlier visit would have left it.
pub fn remember(key: &str, value: &str) {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.set_item(key, value).unwrap();
}

/// Replaces `console.warn` with a recorder that starts empty: [`warnings`] reads it and
/// [`restore_warnings`] puts `console.warn` back.
pub fn record_warnings() {
    js_sys::eval(
        "window.__warnings = []; window.__warn = window.__warn || console.warn; \
         console.warn = (m) => window.__warnings.push(String(m));",
    )
    .unwrap();
}

/// What was warned since [`record_warnings`].
pub fn warnings() -> Vec<String> {
    let text = js_sys::eval("JSON.stringify(window.__warnings)").unwrap();
    serde_json::from_str(&text.as_string().unwrap()).unwrap()
}

/// Puts back the `console.warn` that [`record_warnings`] replaced.
pub fn restore_warnings() {
    js_sys::eval("console.warn = window.__warn;").unwrap();
}

/// Registers a contact named Ada and lets the network go while the save is on its way (the
/// request is delayed 100 ms, so it is still unanswered), until the widget says it waits.
pub async fn save_as_the_network_goes(host: &HtmlElement) {
    js_sys::eval("window.__delay = 100;").unwrap();
    type_into(host, "name", "Ada");
    click(host, "Register contact");
    sleep(20).await;
    set_online(false);
    wait_status(host, "You are offline").await;
}

/// The localStorage value under `key`.
pub fn local(key: &str) -> Option<String> {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.get_item(key).unwrap()
}

/// Credentials the embedding page passes in.
pub fn agent() -> Credentials {
    Credentials::new(Some("agent-id".into()), Some("agent-token".into())).unwrap()
}

/// Mounts a widget for [`SERVER`] saving through `api`, signed in as [`agent`].
pub fn mount_api(api: ApiChoice) -> HtmlElement {
    let host = new_host();
    leptos::mount::mount_to(host.clone(), move || {
        view! { <ContactWidget server=SERVER credentials=agent() api=api /> }
    })
    .forget();
    host
}

/// A fresh element in the page, counted for [`ready`].
pub fn new_host() -> HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    js_sys::eval("window.__mounts = (window.__mounts || 0) + 1").unwrap();
    host
}

/// Mounts a widget for [`SERVER`] into a fresh element and returns that element.
pub fn mount(credentials: Option<Credentials>) -> HtmlElement {
    let host = new_host();
    leptos::mount::mount_to(host.clone(), move || match credentials {
        Some(credentials) => {
            view! { <ContactWidget server=SERVER credentials=credentials /> }.into_any()
        }
        None => view! { <ContactWidget server=SERVER /> }.into_any(),
    })
    .forget();
    host
}

/// Waits until the form has loaded what it loads on its own (the custom fields), so that a
/// submit is checked at once.
pub async fn ready() {
    let path = "/api/v1/livechat/custom-fields";
    let mounts = js_sys::eval("window.__mounts || 0")
        .unwrap()
        .as_f64()
        .unwrap() as usize;
    wait_for("the custom fields to load", || {
        routed().iter().filter(|u| u.contains(path)).count() >= mounts
    })
    .await;
    sleep(10).await;
}

/// The input whose `name` attribute is `name`.
pub fn input(host: &HtmlElement, name: &str) -> HtmlInputElement {
    host.query_selector(&format!("input[name='{name}']"))
        .unwrap()
        .unwrap_or_else(|| panic!("no input named {name}"))
        .unchecked_into()
}

/// Whether an input named `name` exists.
pub fn has_input(host: &HtmlElement, name: &str) -> bool {
    host.query_selector(&format!("input[name='{name}']"))
        .unwrap()
        .is_some()
}

/// Types `text` into the input named `name` as a user would (value, then an `input` event).
pub fn type_into(host: &HtmlElement, name: &str, text: &str) {
    let field = input(host, name);
    field.set_value(text);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict("input", &init).unwrap();
    field.dispatch_event(&event).unwrap();
}

/// Chooses `option` in the `<select>` named `name` as a user would (value, then `change`).
pub fn choose(host: &HtmlElement, name: &str, option: &str) {
    let select = host
        .query_selector(&format!("select[name='{name}']"))
        .unwrap()
        .unwrap_or_else(|| panic!("no select named {name}"));
    js_sys::Reflect::set(&select, &"value".into(), &option.into()).unwrap();
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict("change", &init).unwrap();
    select.dispatch_event(&event).unwrap();
}

/// The button whose text is exactly `text`, if present.
pub fn find_button(host: &HtmlElement, text: &str) -> Option<HtmlButtonElement> {
    let buttons = host.query_selector_all("button").unwrap();
    (0..buttons.length())
        .filter_map(|i| buttons.item(i))
        .map(|n| n.unchecked_into::<HtmlButtonElement>())
        .find(|b| b.text_content().unwrap_or_default().trim() == text)
}

/// Clicks the button whose text is exactly `text`.
pub fn click(host: &HtmlElement, text: &str) {
    find_button(host, text)
        .unwrap_or_else(|| panic!("no button {text:?}; buttons: {:?}", button_texts(host)))
        .click();
}

/// The texts of every button in the widget.
pub fn button_texts(host: &HtmlElement) -> Vec<String> {
    let buttons = host.query_selector_all("button").unwrap();
    (0..buttons.length())
        .filter_map(|i| buttons.item(i))
        .map(|n| n.text_content().unwrap_or_default().trim().to_owned())
        .collect()
}

/// The status region's text.
pub fn status(host: &HtmlElement) -> String {
    // The widget's own region: the Conversations section under a saved contact has its own.
    host.query_selector(".ocf-status[role='status']")
        .unwrap()
        .expect("the widget's status region")
        .text_content()
        .unwrap_or_default()
}

/// The visible error under the input named `name`, if any.
pub fn field_error(host: &HtmlElement, name: &str) -> Option<String> {
    let control = host
        .query_selector(&format!("[name='{name}']"))
        .unwrap()
        .unwrap_or_else(|| panic!("no input or select named {name}"));
    let id = format!("{}-error", control.id());
    let element: HtmlElement = host
        .query_selector(&format!("[id='{id}']"))
        .unwrap()?
        .unchecked_into();
    (!element.hidden()).then(|| element.text_content().unwrap_or_default())
}

/// Lets timers, promises and Leptos effects run for `ms` milliseconds.
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Waits until `done` holds (checked every 10 ms, for at most 10 s), then panics with `what`.
pub async fn wait_for(what: &str, done: impl Fn() -> bool) {
    waiting(what, done, String::new).await;
}

/// [`wait_for`], whose panic also says what `reads` finds then.
async fn waiting(what: &str, done: impl Fn() -> bool, reads: impl Fn() -> String) {
    // Ten seconds: generous, so that a loaded 2-core machine (CI building beside the tests)
    // never fails a test that only waits; a test that fails waits this long once.
    for _ in 0..1000 {
        if done() {
            return;
        }
        sleep(10).await;
    }
    panic!(
        "timed out waiting for: {what}{}; calls: {:?}",
        reads(),
        calls()
    );
}

/// Waits until the status region contains `text`.
pub async fn wait_status(host: &HtmlElement, text: &str) {
    waiting(
        &format!("status containing {text:?}"),
        || status(host).contains(text),
        || format!(" (it reads {:?})", status(host)),
    )
    .await;
}

/// Fills every contact field with valid values.
pub fn fill_valid(host: &HtmlElement) {
    type_into(host, "name", "  Ada Lovelace ");
    type_into(host, "email", "Ada@Example.COM");
    type_into(host, "phone", "+44 (20) 7946-0958");
    type_into(host, "contactManager", "agent.one");
}

/// The values of the four contact inputs, in form order.
pub fn values(host: &HtmlElement) -> [String; 4] {
    ["name", "email", "phone", "contactManager"].map(|n| input(host, n).value())
}

/// The JSON body of request `i`.
pub fn body(i: usize) -> Value {
    let calls = calls();
    serde_json::from_str(calls[i]["body"].as_str().unwrap()).unwrap()
}

/// The text of the note with class `class` (e.g. `ocf-note--storage`), shown or not.
pub fn note_text(host: &HtmlElement, class: &str) -> String {
    host.query_selector(&format!(".{class}"))
        .unwrap()
        .unwrap_or_else(|| panic!("no .{class}"))
        .text_content()
        .unwrap_or_default()
}

/// The element that has focus.
pub fn focused() -> Option<JsValue> {
    web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
        .map(JsValue::from)
}

/// Answers `GET omnichannel/contact?contactId=<id>` with a visitor of that id named
/// "Person <id>" (with a token), whatever the id, so a test can open any contact.
pub fn serve_records() {
    js_sys::eval(
        r#"
        const answered = window.fetch;
        window.fetch = async (input, init) => {
            const req = input instanceof Request ? input : new Request(input, init);
            const url = new URL(req.url);
            if (req.method !== "GET" || url.pathname !== "/api/v1/omnichannel/contact") return answered(input, init);
            const id = url.searchParams.get("contactId");
            const contact = {_id: id, token: "0123456789abcdef0123456789abcdef", name: `Person ${id}`, livechatData: {}};
            return new Response(JSON.stringify({contact, success: true}), {status: 200, headers: {"Content-Type": "application/json"}});
        };
        "#,
    )
    .expect("the record stub installs");
}

/// The search's Unidentified contacts checkbox (it has no name: the loader draws it too, and
/// its bytes are counted), pressed as a user would.
pub fn toggle_unidentified(host: &HtmlElement) {
    let checkbox: HtmlInputElement = host
        .query_selector(".ocf-check input")
        .unwrap()
        .expect("the Unidentified contacts checkbox")
        .unchecked_into();
    checkbox.click();
}

/// Presses `key` in the input named `name` (a `keydown` as the browser sends it), then lets
/// the widget react.
pub async fn press(host: &HtmlElement, name: &str, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    input(host, name).dispatch_event(&event).unwrap();
    leptos::task::tick().await;
}

//! The DOM events a host page listens to: `contact-saved`, `contact-opened`, `contact-deleted`,
//! `contact-changed-elsewhere`, `conversation-opened`, `channel-blocked`, `channel-unblocked`,
//! `contacts-imported` and `contact-error`, dispatched on the
//! element the widget was mounted on, bubbling and composed (they cross a shadow root).

use crate::api::reply::ApiError;
use js_sys::{Object, Reflect};
use leptos::prelude::Callback;
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};

/// A saved contact, as `contact-saved` and a Leptos app's `on_saved` get it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactSaved {
    /// The contact's id on the server.
    pub contact: String,
    /// The contact's token, whoever sends it updates this contact: legacy API only (a Contact
    /// Center contact is addressed by its id).
    pub token: Option<String>,
    /// Whether the save made a new contact (else it updated one).
    pub created: bool,
    /// The API it was saved through: `legacy` or `contacts`.
    pub api: &'static str,
}

/// A failed save, as `contact-error` and a Leptos app's `on_error` get it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactError {
    /// The HTTP status; 0 when no answer came (network, timeout, CORS).
    pub status: u16,
    /// What went wrong, in words (the server's own text inside).
    pub error: String,
}

/// Where the widget tells what happened: the host element's DOM events and the callbacks a
/// Leptos app gave. Copy, like the rest of the session.
#[derive(Debug, Clone, Copy, Default)]
pub struct Listeners {
    /// Called after each successful save.
    pub on_saved: Option<Callback<ContactSaved>>,
    /// Called after each failure the user is told about.
    pub on_error: Option<Callback<ContactError>>,
}

fn dispatch(host: &HtmlElement, name: &str, detail: &[(&str, JsValue)]) {
    let object = Object::new();
    for (key, value) in detail {
        let _ = Reflect::set(&object, &JsValue::from_str(key), value);
    }
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&object);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&event);
    }
}

/// `contact-saved` with `detail = {contact, token, created, api}` (`token` in legacy mode only).
pub fn saved(host: &HtmlElement, saved: &ContactSaved) {
    let mut detail = vec![
        ("contact", saved.contact.as_str().into()),
        ("created", saved.created.into()),
        ("api", saved.api.into()),
    ];
    if let Some(token) = &saved.token {
        detail.push(("token", token.as_str().into()));
    }
    dispatch(host, "contact-saved", &detail);
}

/// `contact-opened` with `detail = {contact, api, unknown}`: the form now shows this contact
/// (`unknown`: a Contact Center contact not identified yet).
pub fn opened(host: &HtmlElement, contact: &str, api: &'static str, unknown: bool) {
    dispatch(
        host,
        "contact-opened",
        &[
            ("contact", contact.into()),
            ("api", api.into()),
            ("unknown", unknown.into()),
        ],
    );
}

/// `contact-changed-elsewhere` with `detail = {contact, fields}`: a merge took values someone
/// else saved meanwhile, or asks about fields both sides changed (`fields`: their names, as
/// `name`, `email`, `phone`, `contactManager`, `customFields.<id>`).
pub fn changed_elsewhere(host: &HtmlElement, contact: &str, fields: &[String]) {
    let names: js_sys::Array = fields.iter().map(|f| JsValue::from_str(f)).collect();
    dispatch(
        host,
        "contact-changed-elsewhere",
        &[("contact", contact.into()), ("fields", names.into())],
    );
}

/// `conversation-opened` with `detail = {contact, room}`: the agent opened one of the contact's
/// past chats (a host page may link to it in Rocket.Chat).
pub fn conversation_opened(host: &HtmlElement, contact: &str, room: &str) {
    dispatch(
        host,
        "conversation-opened",
        &[("contact", contact.into()), ("room", room.into())],
    );
}

/// `channel-blocked` (or `channel-unblocked`, `blocked` false) with `detail = {contact,
/// channel, blocked}`: a channel of the contact is blocked (`channel`: its name as Rocket.Chat
/// lists it; `blocked`: what the server now holds).
pub fn channel_blocked(host: &HtmlElement, contact: &str, channel: &str, blocked: bool) {
    let name = match blocked {
        true => "channel-blocked",
        false => "channel-unblocked",
    };
    dispatch(
        host,
        name,
        &[
            ("contact", contact.into()),
            ("channel", channel.into()),
            ("blocked", blocked.into()),
        ],
    );
}

/// `contact-deleted` with `detail = {contact}`: the contact is gone from the server.
pub fn deleted(host: &HtmlElement, contact: &str) {
    dispatch(host, "contact-deleted", &[("contact", contact.into())]);
}

/// `contacts-imported` with `detail = {file, created, updated, skipped, failed}`: an import
/// ended (every row sent, or cancelled: what was saved stays saved and is counted).
pub fn imported(host: &HtmlElement, file: &str, counts: [usize; 4]) {
    let [created, updated, skipped, failed] = counts.map(|n| JsValue::from(n as f64));
    dispatch(
        host,
        "contacts-imported",
        &[
            ("file", file.into()),
            ("created", created),
            ("updated", updated),
            ("skipped", skipped),
            ("failed", failed),
        ],
    );
}

/// `contact-error` with `detail = {status, error}` (status 0: no answer from the server).
pub fn failed(host: &HtmlElement, failure: &ContactError) {
    dispatch(
        host,
        "contact-error",
        &[
            ("status", failure.status.into()),
            ("error", failure.error.as_str().into()),
        ],
    );
}

impl From<&ApiError> for ContactError {
    fn from(error: &ApiError) -> Self {
        ContactError {
            status: error.status(),
            error: error.to_string(),
        }
    }
}

//! The DOM events a host page listens to: `contact-saved` and `contact-error`, dispatched on the
//! element the widget was mounted on, bubbling and composed (they cross a shadow root).

use crate::api::reply::ApiError;
use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};

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

/// `contact-saved` with `detail = {contact, token, created}`.
pub fn saved(host: &HtmlElement, contact: &str, token: &str, created: bool) {
    dispatch(
        host,
        "contact-saved",
        &[
            ("contact", contact.into()),
            ("token", token.into()),
            ("created", created.into()),
        ],
    );
}

/// `contact-error` with `detail = {status, error}` (status 0: no answer from the server).
pub fn failed(host: &HtmlElement, error: &ApiError) {
    dispatch(
        host,
        "contact-error",
        &[
            ("status", error.status().into()),
            ("error", error.to_string().into()),
        ],
    );
}

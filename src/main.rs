//! The demo page: mounts the widget into `#app`, talking to the page's own origin
//! (which `trunk serve` proxies to the stand-in server or to `ROCKETCHAT_URL`).

use leptos::prelude::*;
use omnichannel_contact_form::{Config, ContactWidget};
use wasm_bindgen::JsCast;

fn main() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let origin = window.location().origin().unwrap_or_default();
    let Some(host) = window
        .document()
        .and_then(|d| d.get_element_by_id("app"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    match Config::new(&origin) {
        Ok(config) => {
            leptos::mount::mount_to(host, move || view! { <ContactWidget config=config /> })
                .forget()
        }
        Err(error) => host.set_text_content(Some(&error.to_string())),
    }
}

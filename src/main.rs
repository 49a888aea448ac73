//! Runs when the module loads: defines `<omnichannel-contact-form>`, then, on the demo page only
//! (it has `#omnichannel-contact-form-demo`; host pages using the JS API do not), mounts the
//! widget talking to the page's own origin, which `trunk serve` proxies to the stand-in server
//! or to `ROCKETCHAT_URL`.

use leptos::prelude::*;
use omnichannel_contact_form::{Config, ContactWidget};
use wasm_bindgen::JsCast;

fn main() {
    omnichannel_contact_form::embed::define_custom_element();
    let Some(window) = web_sys::window() else {
        return;
    };
    let origin = window.location().origin().unwrap_or_default();
    let Some(host) = window
        .document()
        .and_then(|d| d.get_element_by_id("omnichannel-contact-form-demo"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    match Config::new(&origin) {
        Ok(config) => leptos::mount::mount_to(
            host.clone(),
            move || view! { <ContactWidget config=config host=host /> },
        )
        .forget(),
        Err(error) => host.set_text_content(Some(&error.to_string())),
    }
}

//! Runs when the module loads: defines `<omnichannel-contact-form>`, then, on the demo page only
//! (it has `#omnichannel-contact-form-demo`; host pages using the JS API do not), mounts the
//! widget talking to the page's own origin, which `trunk serve` proxies to the stand-in server
//! or to `ROCKETCHAT_URL`.

use omnichannel_contact_form::state::events::Listeners;
use omnichannel_contact_form::view::widget::{refusal, widget};
use omnichannel_contact_form::Config;
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
    // What <ContactWidget server=origin/> shows, without its prop builder (see `widget`).
    match Config::new(&origin) {
        Ok(config) => leptos::mount::mount_to(host.clone(), move || {
            widget(config, Some(host), Listeners::default())
        })
        .forget(),
        Err(error) => leptos::mount::mount_to(host, move || refusal(&error)).forget(),
    }
}

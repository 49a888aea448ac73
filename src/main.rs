//! Runs when the module loads: defines `<omnichannel-contact-form>`, then, on the demo page only
//! (it has `#omnichannel-contact-form-demo`; host pages using the JS API do not), mounts the
//! widget talking to the page's own origin, which `trunk serve` proxies to the stand-in server
//! or to `ROCKETCHAT_URL` (`?api=contacts` or `?api=auto` picks the API, `?locale=de` the
//! language, `?contactId=` the contact to open).

use wasm_bindgen::JsCast;

fn main() {
    omnichannel_contact_form::embed::define_custom_element();
    let Some(host) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("omnichannel-contact-form-demo"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    // Exactly what a host page's `mount(element, options)` does: the page's own origin, with
    // `?api=` and `?locale=` of the page's address as those options (`?api=contacts` tries the
    // Contact Center, `?locale=ar` Arabic). The widget stays until unmounted, so the handle is
    // not kept.
    let options = js_sys::Object::new();
    let params = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .and_then(|search| web_sys::UrlSearchParams::new_with_str(&search).ok());
    for key in ["api", "locale", "contactId"] {
        if let Some(value) = params.as_ref().and_then(|p| p.get(key)) {
            let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
        }
    }
    omnichannel_contact_form::embed::mount(host, options.into());
}

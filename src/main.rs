//! Runs when the module loads: defines `<omnichannel-contact-form>`, then, on the demo page only
//! (it has `#omnichannel-contact-form-demo`; host pages using the JS API do not), mounts the
//! widget talking to the page's own origin, which `trunk serve` proxies to the stand-in server
//! or to `ROCKETCHAT_URL` (`?api=contacts` or `?api=auto` picks the API).

use wasm_bindgen::{JsCast, JsValue};

fn main() {
    omnichannel_contact_form::embed::define_custom_element();
    let Some(host) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("omnichannel-contact-form-demo"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    // Exactly what a host page's `mount(element)` does: the page's own origin, and `?api=` of
    // the page's address as the `api` option (`?api=contacts` tries the Contact Center). The
    // widget stays until unmounted, so the handle is not kept.
    let api = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .and_then(|search| web_sys::UrlSearchParams::new_with_str(&search).ok())
        .and_then(|params| params.get("api"));
    let options = match api {
        Some(api) => {
            let options = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&options, &"api".into(), &api.into());
            options.into()
        }
        None => JsValue::UNDEFINED,
    };
    omnichannel_contact_form::embed::mount(host, options);
}

//! The JavaScript API: `mount(element, options)` returns a handle whose `unmount()` removes the
//! widget. Several widgets on one page are independent.

use crate::options::{self, OptionValue};
use crate::widget::ContactWidget;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

/// A mounted widget. Dropping it in JavaScript without `unmount()` leaves the widget in place.
#[wasm_bindgen]
pub struct WidgetHandle {
    mounted: Option<Box<dyn std::any::Any>>,
}

#[wasm_bindgen]
impl WidgetHandle {
    /// Removes the widget from its element; calling it again does nothing.
    pub fn unmount(&mut self) {
        self.mounted = None;
    }
}

fn entries(options: &JsValue) -> (Vec<(String, OptionValue)>, Option<String>) {
    if options.is_undefined() || options.is_null() {
        return (Vec::new(), None);
    }
    if !options.is_object() {
        let kind = options.js_typeof().as_string().unwrap_or_default();
        return (
            Vec::new(),
            Some(format!("omnichannel-contact-form: the options must be an object, not {kind}; they are ignored.")),
        );
    }
    (object_entries(options, true), None)
}

/// An object's `(key, value)` pairs; `nested`: read plain-object values one more level deep.
fn object_entries(object: &JsValue, nested: bool) -> Vec<(String, OptionValue)> {
    js_sys::Object::entries(object.unchecked_ref())
        .iter()
        .filter_map(|pair| {
            let pair: js_sys::Array = pair.dyn_into().ok()?;
            Some((pair.get(0).as_string()?, option_value(&pair.get(1), nested)))
        })
        .collect()
}

/// One option's value; a plain object's entries are read one level deep (for `labels`).
fn option_value(value: &JsValue, nested: bool) -> OptionValue {
    let kind = || value.js_typeof().as_string().unwrap_or_default();
    if let Some(text) = value.as_string() {
        return OptionValue::Text(text);
    }
    if let Some(number) = value.as_f64() {
        return OptionValue::Number(number);
    }
    if nested && value.is_object() && !js_sys::Array::is_array(value) {
        return OptionValue::Object(kind(), object_entries(value, false));
    }
    OptionValue::Other(kind())
}

/// Mounts a contact form widget into `element`. `options`: `server`, `authToken`, `userId`,
/// `locale`, `storage`, `theme`, `labels` (see the README). Problems with the options are
/// reported in the console; an unusable `server` is shown in the element.
#[wasm_bindgen]
pub fn mount(element: HtmlElement, options: JsValue) -> WidgetHandle {
    let (entries, shape_warning) = entries(&options);
    let page = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    let parsed = options::parse(&entries, &page);
    for warning in shape_warning.into_iter().chain(parsed.warnings) {
        web_sys::console::warn_1(&warning.into());
    }
    let mounted: Box<dyn std::any::Any> = match parsed.config {
        Ok(config) => {
            let host = element.clone();
            Box::new(leptos::mount::mount_to(element, move || {
                view! { <ContactWidget config=config host=host /> }
            }))
        }
        Err(error) => {
            let text = error.to_string();
            Box::new(leptos::mount::mount_to(element, move || {
                view! { <p class="ocf ocf-error" role="alert">{text}</p> }
            }))
        }
    };
    WidgetHandle {
        mounted: Some(mounted),
    }
}

#[wasm_bindgen(inline_js = r#"
export function define_contact_form_element(mount, css) {
  if (customElements.get("omnichannel-contact-form")) return;
  const attributes = { "server": "server", "locale": "locale", "auth-token": "authToken", "user-id": "userId" };
  // The theme attribute is pure CSS, so changing it keeps what was typed.
  const hostCss = ':host { display: block; } :host([theme="dark"]) .ocf { color-scheme: dark; } :host([theme="auto"]) .ocf { color-scheme: light dark; }';
  customElements.define("omnichannel-contact-form", class extends HTMLElement {
    static get observedAttributes() { return Object.keys(attributes); }
    connectedCallback() { this.render(); }
    disconnectedCallback() { this.unmount(); }
    attributeChangedCallback() { if (this.handle) this.render(); }
    unmount() {
      if (!this.handle) return;
      this.handle.unmount();
      this.handle.free();
      this.handle = null;
    }
    render() {
      this.unmount();
      const root = this.shadowRoot || this.attachShadow({ mode: "open" });
      const style = document.createElement("style");
      style.textContent = css + "\n" + hostCss;
      const mountPoint = document.createElement("div");
      root.replaceChildren(style, mountPoint);
      const options = {};
      for (const [attribute, key] of Object.entries(attributes)) {
        const value = this.getAttribute(attribute);
        if (value !== null) options[key] = value;
      }
      this.handle = mount(mountPoint, options);
    }
  });
}
"#)]
extern "C" {
    fn define_contact_form_element(mount: &js_sys::Function, css: &str);
}

/// Defines `<omnichannel-contact-form server="…" locale="…" theme="…" auth-token="…" user-id="…">`
/// (once per page): the widget in an open Shadow DOM with its own styles. Events bubble out of
/// the shadow root to the element. Changing `server`, `locale` or the credentials remounts it.
pub fn define_custom_element() {
    let mount = Closure::<dyn Fn(HtmlElement, JsValue) -> WidgetHandle>::new(mount);
    define_contact_form_element(
        mount.as_ref().unchecked_ref(),
        include_str!("../style/widget.css"),
    );
    // The element class keeps calling it for the page's lifetime.
    mount.forget();
}

//! The JavaScript API: `mount(element, options)` returns a handle whose `unmount()` removes the
//! widget. Several widgets on one page are independent.

use crate::settings::option_value::OptionValue;
use crate::settings::options;
use crate::state::finding::open::{Opened, Opener};
use crate::state::widget::events::Listeners;
use crate::view::widget::{refusal, widget};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

/// A mounted widget's handle. The widget itself is kept by the module, not by this handle, so it
/// stays on the page when the page drops the handle and the garbage collector frees it; it goes
/// with [`WidgetHandle::unmount`], or when `mount` is called again on the same element.
#[wasm_bindgen]
pub struct WidgetHandle {
    id: u32,
}

#[wasm_bindgen]
impl WidgetHandle {
    /// Removes the widget from its element; calling it again, or after the element was mounted
    /// anew, does nothing.
    pub fn unmount(&mut self) {
        drop(take_mounted(|m| m.id == self.id));
    }

    /// Opens contact `id` (as a CRM record stores it) in the widget, asking first when what was
    /// typed would be dropped. The promise resolves once the form shows the contact, and
    /// rejects with an `Error` saying why it did not (no such contact, the user kept editing,
    /// a save under way, the server's refusal, the widget unmounted).
    pub fn open(&self, id: String) -> js_sys::Promise {
        let opener = self.opener();
        wasm_bindgen_futures::future_to_promise(async move {
            let refused = |why: String| JsValue::from(js_sys::Error::new(&why));
            let Some(opener) = opener else {
                return Err(refused("the widget is not mounted".into()));
            };
            let id = id.trim().to_owned();
            match opener.request(id.clone()).await {
                Ok(Opened::Yes) => Ok(JsValue::UNDEFINED),
                Ok(Opened::Missing) => Err(refused(format!("no contact with id {id}"))),
                Ok(Opened::Kept) => Err(refused("the user kept editing unsaved changes".into())),
                Ok(Opened::Busy) => Err(refused("a save is under way".into())),
                Ok(Opened::Failed(error)) => Err(refused(error.to_string())),
                Err(_) => Err(refused("the widget was unmounted".into())),
            }
        })
    }

    /// Shows the import in the form's place (its code fetched the first time), as the **Import
    /// contacts** button does. The promise resolves `true` once it is asked for, `false` when
    /// there is nothing to import with (no one signed in, the widget unmounted).
    #[wasm_bindgen(js_name = openImport)]
    pub fn open_import(&self) -> js_sys::Promise {
        let shown = self.opener().is_some_and(|o| o.open_import());
        js_sys::Promise::resolve(&JsValue::from_bool(shown))
    }

    /// Switches the widget's language (a BCP 47 tag; none: the browser's languages), keeping
    /// what was typed. What the custom element's `locale` attribute calls.
    #[wasm_bindgen(js_name = setLocale)]
    pub fn set_locale(&self, locale: JsValue) {
        let found = MOUNTED.with_borrow(|all| all.iter().find(|m| m.id == self.id)?.locale);
        if let Some(asked) = found {
            asked.try_set(locale.as_string());
        }
    }
}

impl WidgetHandle {
    /// What reaches into this handle's widget, while it is mounted.
    fn opener(&self) -> Option<Opener> {
        MOUNTED.with_borrow(|all| all.iter().find(|m| m.id == self.id)?.opener)
    }
}

/// One live widget: its element, its `locale`, what opens a contact in it, and what keeps its view alive (dropping that
/// unmounts it).
struct Mounted {
    id: u32,
    element: HtmlElement,
    locale: Option<RwSignal<Option<String>>>,
    opener: Option<Opener>,
    _view: Box<dyn std::any::Any>,
}

thread_local! {
    /// Every widget mounted through the JS API, until it is unmounted.
    static MOUNTED: std::cell::RefCell<Vec<Mounted>> = const { std::cell::RefCell::new(Vec::new()) };
    static NEXT_ID: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Removes the widget that `which` picks from the registry and gives it back, so that it is
/// dropped (and its view unmounted) after the registry's borrow has ended.
fn take_mounted(which: impl Fn(&Mounted) -> bool) -> Option<Mounted> {
    MOUNTED.with_borrow_mut(|all| {
        let index = all.iter().position(which)?;
        Some(all.swap_remove(index))
    })
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
    if let Some(flag) = value.as_bool() {
        return OptionValue::Bool(flag);
    }
    if nested && value.is_object() && !js_sys::Array::is_array(value) {
        return OptionValue::Object(kind(), object_entries(value, false));
    }
    OptionValue::Other(kind())
}

/// Mounts a contact form widget into `element`, replacing one mounted there before. `options`:
/// `server`, `api`, `allowInsecure`, `authToken`, `userId`, `locale`, `storage`, `theme`, `labels`,
/// `timeout`, `contactId` (the contact to open first; see docs/embedding.md). Problems with the options are reported in the console; an
/// unusable `server` is shown in the element. The widget lives until `unmount()`, whether or
/// not the page keeps the handle.
#[wasm_bindgen]
pub fn mount(element: HtmlElement, options: JsValue) -> WidgetHandle {
    drop(take_mounted(|m| m.element == element));
    let (entries, shape_warning) = entries(&options);
    let page = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    let parsed = options::parse(&entries, &page);
    for warning in shape_warning.into_iter().chain(parsed.warnings) {
        web_sys::console::warn_1(&warning.into());
    }
    let host = element.clone();
    // Made inside the widget's owner (so it goes with it), and kept for `setLocale`.
    let locale = std::rc::Rc::new(std::cell::Cell::new(None));
    let asked = parsed.locale;
    let made = std::rc::Rc::clone(&locale);
    let keep = move || {
        let asked = RwSignal::new(asked);
        made.set(Some(asked));
        asked.into()
    };
    let opener = std::rc::Rc::new(std::cell::Cell::new(None));
    let made_opener = std::rc::Rc::clone(&opener);
    let view: Box<dyn std::any::Any> = match parsed.config {
        // What <ContactWidget/> renders, from the options' settings.
        Ok(config) => Box::new(leptos::mount::mount_to(host.clone(), move || {
            let (view, opener) = widget(config, keep(), Some(host), Listeners::default());
            made_opener.set(Some(opener));
            view
        })),
        Err(error) => Box::new(leptos::mount::mount_to(host, move || {
            refusal(error, keep())
        })),
    };
    let id = NEXT_ID.with(|next| {
        next.set(next.get().wrapping_add(1));
        next.get()
    });
    MOUNTED.with_borrow_mut(|all| {
        all.push(Mounted {
            id,
            element,
            locale: locale.get(),
            opener: opener.get(),
            _view: view,
        })
    });
    WidgetHandle { id }
}

#[wasm_bindgen(module = "/src/embed/custom_element.js")]
extern "C" {
    fn define_contact_form_element(mount: &js_sys::Function);
}

/// Defines `<omnichannel-contact-form server="…" locale="…" theme="…" auth-token="…" user-id="…"
/// allow-insecure>` (once per page): the widget in an open Shadow DOM, styled by an adopted
/// stylesheet (no inline `<style>`, so a strict CSP allows it). Events bubble out of the shadow
/// root to the element. Changing `locale` switches the language and keeps what was typed, as
/// `theme` does; changing `server`, `api` or the credentials remounts it.
pub fn define_custom_element() {
    let mount = Closure::<dyn Fn(HtmlElement, JsValue) -> WidgetHandle>::new(mount);
    define_contact_form_element(mount.as_ref().unchecked_ref());
    // The element class keeps calling it for the page's lifetime.
    mount.forget();
}

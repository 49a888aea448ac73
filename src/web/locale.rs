//! The browser's side of languages: the languages it asks for, and fetching a catalogue file
//! from beside the module (`i18n/<tag>.txt` next to `omnichannel-contact-form.js`, wherever the
//! host page loads it from).

use wasm_bindgen::prelude::*;

// Written in JS (`browser.js`), the fetch costs the module less than through gloo-net.
// wasm-bindgen copies the file to `snippets/<crate>-<hash>/src/web/browser.js`, four folders
// under the module, so the catalogues in `i18n/` beside the module are at `../../../../i18n/`.
#[wasm_bindgen(module = "/src/web/browser.js")]
extern "C" {
    fn catalogue(tag: &str) -> js_sys::Promise;
    fn languages() -> String;
}

/// `navigator.languages`, most wanted first.
pub fn browser_languages() -> Vec<String> {
    languages().split(',').map(str::to_owned).collect()
}

/// The text of the catalogue file for `tag`, or why it could not be had (for the console).
pub async fn fetch_catalogue(tag: &str) -> Result<String, String> {
    let text = wasm_bindgen_futures::JsFuture::from(catalogue(tag)).await;
    let text = text.map_err(|why| why.as_string().unwrap_or_default())?;
    Ok(text.as_string().unwrap_or_default())
}

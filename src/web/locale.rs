//! The browser's side of languages: the languages it asks for, and fetching a catalogue file
//! from beside the module (`i18n/<tag>.txt` next to `omnichannel-contact-form.js`, wherever the
//! host page loads it from).

use wasm_bindgen::prelude::*;

// wasm-bindgen puts this snippet at `snippets/<crate>/inline0.js`, two levels under the module.
#[wasm_bindgen(inline_js = "export function catalogue_url(tag) { \
    return new URL(`../../i18n/${tag}.txt`, import.meta.url).href; }")]
extern "C" {
    fn catalogue_url(tag: &str) -> String;
}

/// `navigator.languages`, most wanted first (none outside a browser).
pub fn browser_languages() -> Vec<String> {
    let Some(window) = web_sys::window() else {
        return Vec::new();
    };
    window
        .navigator()
        .languages()
        .iter()
        .filter_map(|tag| tag.as_string())
        .collect()
}

/// The text of the catalogue file for `tag`, or why it could not be had (for the console).
pub async fn fetch_catalogue(tag: &str) -> Result<String, String> {
    let url = catalogue_url(tag);
    let response = gloo_net::http::Request::get(&url)
        .send()
        .await
        .map_err(|_| format!("{url} could not be fetched"))?;
    if !response.ok() {
        return Err(format!("{url} answered HTTP {}", response.status()));
    }
    response
        .text()
        .await
        .map_err(|_| format!("{url} could not be read"))
}

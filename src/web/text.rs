//! Text helpers whose browser build delegates to the browser, which already ships the Unicode
//! tables (linking Rust's own case tables costs ~6.6 KB brotli of the 45 KB budget).

/// Lower-cases like JavaScript's `String.prototype.toLowerCase`, which is what Rocket.Chat
/// applies to emails: in the browser it *is* that function; natively (tests) Rust's
/// `to_lowercase`, which follows the same Unicode mapping.
pub fn lowercase(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    #[cfg(target_arch = "wasm32")]
    {
        String::from(js_sys::JsString::from(s).to_lower_case())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        s.to_lowercase()
    }
}

/// Whether `value` matches the JavaScript regular expression `pattern`, as Rocket.Chat's server
/// checks a custom field (`new RegExp(pattern).test(value)`). `None` when the pattern does not
/// compile (the server then decides) or outside a browser.
pub fn regexp_matches(pattern: &str, value: &str) -> Option<bool> {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        // `RegExp::new` would throw on a bad pattern; `Reflect::construct` turns that into `Err`.
        let class = js_sys::Reflect::get(&js_sys::global(), &"RegExp".into()).ok()?;
        let args = js_sys::Array::of1(&pattern.into());
        let re =
            js_sys::Reflect::construct(class.unchecked_ref::<js_sys::Function>(), &args).ok()?;
        Some(re.unchecked_into::<js_sys::RegExp>().test(value))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (pattern, value);
        None
    }
}

#[cfg(test)]
mod tests {
    use super::lowercase;

    #[test]
    fn lower_cases_ascii_and_beyond() {
        assert_eq!(lowercase("Ada@Example.COM"), "ada@example.com");
        assert_eq!(lowercase("ÉMILE@BÜCHER.DE"), "émile@bücher.de");
    }
}

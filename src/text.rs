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

#[cfg(test)]
mod tests {
    use super::lowercase;

    #[test]
    fn lower_cases_ascii_and_beyond() {
        assert_eq!(lowercase("Ada@Example.COM"), "ada@example.com");
        assert_eq!(lowercase("ÉMILE@BÜCHER.DE"), "émile@bücher.de");
    }
}

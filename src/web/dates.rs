//! Dates in the agent's language: a moment as a date and time, as its day or its time, and how
//! long ago it was ("2 hours ago"), through `Intl.DateTimeFormat` and `Intl.RelativeTimeFormat`.
//! Which unit "ago" counts in is [`crate::domain::conversation::ago`]'s.

use crate::domain::conversation::ago;
use crate::domain::language::Language;
use wasm_bindgen::prelude::*;

// In JS (`browser.js`): the formatters' options cost the module less there than as objects
// built through js-sys.
#[wasm_bindgen(module = "/src/web/browser.js")]
extern "C" {
    fn moment(tag: &str, ms: f64, style: u8) -> String;
    fn relative(tag: &str, value: f64, unit: &str) -> String;
}

/// How a moment is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// "30 Nov 2026, 00:15".
    DateTime = 0,
    /// "Monday, 30 November 2026": a day line.
    Day = 1,
    /// "00:15".
    Time = 2,
}

/// `iso` (as Rocket.Chat writes dates) as epoch milliseconds; `None` when it is no date.
fn parsed(iso: &str) -> Option<f64> {
    let ms = js_sys::Date::parse(iso);
    (!ms.is_nan()).then_some(ms)
}

/// `iso` written in `language`'s way, or as the server wrote it when it is no date.
pub fn written(language: Language, iso: &str, style: Style) -> String {
    match parsed(iso) {
        Some(ms) => moment(language.tag(), ms, style as u8),
        None => iso.to_owned(),
    }
}

/// How long ago `iso` was, in `language` ("2 hours ago", "yesterday"); empty when it is no date.
pub fn since(language: Language, iso: &str) -> String {
    let Some(ms) = parsed(iso) else {
        return String::new();
    };
    let (value, unit) = ago(ms, js_sys::Date::now());
    relative(language.tag(), value as f64, unit)
}

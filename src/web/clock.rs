//! The browser's clock, as Rocket.Chat writes its dates.

/// The time `minutes` ago as ISO 8601 in UTC (`2026-11-26T01:00:00.000Z`), the form Rocket.Chat
/// writes `createdAt` in, so the two compare as text. Natively (tests) the empty string, which
/// is before every date.
pub fn iso_minutes_ago(minutes: u32) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        let ms = js_sys::Date::now() - f64::from(minutes) * 60_000.0;
        String::from(js_sys::Date::new(&ms.into()).to_iso_string())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = minutes;
        String::new()
    }
}

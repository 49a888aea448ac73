//! Random ids and tokens, and timestamps, in Rocket.Chat's formats.

use std::time::SystemTime;

fn random<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).expect("the OS random source works");
    bytes
}

/// A visitor id: 24 hex characters, like a MongoDB ObjectId.
pub fn visitor_id() -> String {
    random::<12>().iter().map(|b| format!("{b:02x}")).collect()
}

/// A login token: 43 URL-safe characters, like Meteor's.
pub fn login_token() -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    random::<43>()
        .iter()
        .map(|b| char::from(ALPHABET[usize::from(b % 64)]))
        .collect()
}

/// Now, as Rocket.Chat's JSON dates read: `2026-11-25T17:00:00.000Z`.
pub fn now() -> String {
    humantime::format_rfc3339_millis(SystemTime::now()).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        let id = visitor_id();
        assert_eq!(id.len(), 24);
        assert!(id
            .bytes()
            .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()));
        assert_ne!(visitor_id(), id);
        assert_eq!(login_token().len(), 43);
        let ts = now();
        assert_eq!(ts.len(), 24, "{ts}");
        assert!(ts.ends_with('Z'));
    }
}

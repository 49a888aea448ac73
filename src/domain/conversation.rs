//! A contact's conversations as plain Rust: a past chat as the list shows it, one message of a
//! chat, a channel, and how long ago something was in the
//! largest unit that fits (what `Intl.RelativeTimeFormat` words: "2 hours ago").

use crate::domain::search::Keyed;
use crate::domain::source::Source;

/// How many conversations are asked for at a time (as the contact search pages).
pub const CHATS_PAGE: usize = 10;
/// How many messages of a conversation are asked for at a time.
pub const MESSAGES_PAGE: usize = 20;

/// One past chat, as the list shows it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Conversation {
    /// The room's id.
    pub room: String,
    /// Where it came in (the legacy search of a visitor's chats does not say).
    pub source: Option<Source>,
    /// When it closed, as the server wrote it (ISO 8601); when it started if it has no close.
    pub when: String,
    /// The username of the agent who served it.
    pub agent: Option<String>,
    /// Its tags.
    pub tags: Vec<String>,
    /// The closing comment, when it is not blank.
    pub closing: Option<String>,
}

impl Keyed for Conversation {
    fn key(&self) -> &str {
        &self.room
    }
}

/// What a message holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    /// Text as typed: shown as text, never as markup.
    Text(String),
    /// The closing message, with its comment (possibly empty).
    Closed(String),
    /// A file sent: its name and size in bytes (the file itself needs Rocket.Chat's cookies).
    File {
        /// The file's name.
        name: String,
        /// Its size in bytes, when the server said.
        size: Option<u64>,
    },
}

/// One message of a conversation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChatMessage {
    /// The message's id.
    pub id: String,
    /// Its author's name, else username.
    pub author: String,
    /// When it was sent (ISO 8601).
    pub ts: String,
    /// What it holds.
    pub body: Body,
}

impl Keyed for ChatMessage {
    fn key(&self) -> &str {
        &self.id
    }
}

/// One of a Contact Center contact's channels.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Channel {
    /// Its name as Rocket.Chat lists it (the source's label, else its type).
    pub name: String,
    /// Where it came in.
    pub source: Source,
    /// Whether it is blocked.
    pub blocked: bool,
    /// Its label: the destination, the app's label, or none ("No app label provided").
    pub label: Option<String>,
    /// Whether the contact was verified through it.
    pub verified: bool,
    /// When its last chat started (ISO 8601).
    pub last_chat: Option<String>,
    /// The visitor it came through, as `contacts.block` takes it back (none: it cannot be
    /// blocked from here).
    pub visitor: Option<ChannelVisitor>,
}

/// A channel's visitor, as Rocket.Chat lists it and `contacts.block` matches it: the visitor's
/// id, the source type, and the source's id when the channel has one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChannelVisitor {
    /// The visitor's id.
    pub id: String,
    /// The source's type (`widget`, `sms`, …).
    pub kind: String,
    /// The source's id, when stored.
    pub source_id: Option<String>,
}

/// A file's size in the largest unit that keeps it at least 1: "17 KB", "2 MB", "512 B".
pub fn file_size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["B", "KB", "MB", "GB"];
    let mut unit = 0;
    let mut size = bytes;
    let mut scale = 1;
    while size >= 1024 && unit < UNITS.len() - 1 {
        size /= 1024;
        scale *= 1024;
        unit += 1;
    }
    // Rounded to the nearest whole unit.
    let rounded = (bytes + scale / 2) / scale;
    format!("{rounded} {}", UNITS[unit])
}

/// How long before `now_ms` the moment `then_ms` was (both epoch milliseconds), as a negative
/// count of the largest unit that fits and that unit's `Intl.RelativeTimeFormat` name: 2 hours
/// ago is `(-2, "hour")`. A moment ahead (a clock skewed ahead) counts as now.
pub fn ago(then_ms: f64, now_ms: f64) -> (i64, &'static str) {
    const UNITS: [(f64, &str); 6] = [
        (365.0 * 86_400.0, "year"),
        (30.0 * 86_400.0, "month"),
        (86_400.0, "day"),
        (3_600.0, "hour"),
        (60.0, "minute"),
        (1.0, "second"),
    ];
    let seconds = ((now_ms - then_ms) / 1000.0).max(0.0);
    for (size, unit) in UNITS {
        if seconds >= size {
            return (-((seconds / size) as i64), unit);
        }
    }
    (0, "second")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_round_to_the_largest_unit() {
        assert_eq!(file_size(512), "512 B");
        assert_eq!(file_size(17_466), "17 KB");
        assert_eq!(file_size(1_600), "2 KB");
        assert_eq!(file_size(5 * 1024 * 1024 + 1), "5 MB");
        assert_eq!(file_size(0), "0 B");
    }

    #[test]
    fn ago_takes_the_largest_unit_that_fits() {
        let now = 1_000_000_000_000.0;
        let before = |seconds: f64| ago(now - seconds * 1000.0, now);
        assert_eq!(before(0.0), (0, "second"));
        assert_eq!(before(42.0), (-42, "second"));
        assert_eq!(before(60.0), (-1, "minute"));
        assert_eq!(before(2.0 * 3600.0 + 59.0), (-2, "hour"));
        assert_eq!(before(86_400.0 * 3.0), (-3, "day"));
        assert_eq!(before(86_400.0 * 45.0), (-1, "month"));
        assert_eq!(before(86_400.0 * 800.0), (-2, "year"));
        assert_eq!(
            ago(now + 5_000.0, now),
            (0, "second"),
            "a moment ahead is now"
        );
    }
}

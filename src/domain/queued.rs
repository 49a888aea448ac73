//! Why a save waits instead of going now, and what the user is told meanwhile. Plain data, so
//! the form's state can hold it without depending on the code that queues (`retry`).

use crate::domain::catalogue::{Say, Texts};
use crate::domain::texts::Text;

/// Seconds to wait after a 429 that did not say how long.
pub const DEFAULT_WAIT_SECONDS: u64 = 60;

/// Why a save is waiting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Queued {
    /// The browser is offline; the save goes when it is back.
    Offline,
    /// The server asked to wait this many seconds (429).
    RateLimited {
        /// The wait.
        seconds: u64,
    },
}

impl Say for Queued {
    /// What the status region says while the save waits.
    fn say(&self, t: &Texts) -> String {
        match *self {
            Queued::Offline => t.get(Text::QueuedOffline).into(),
            Queued::RateLimited { seconds } => t.count(Text::QueuedWait, seconds, &[]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalogue::plain;

    fn english(queued: Queued) -> String {
        plain(&queued.say(&Texts::default()))
    }

    #[test]
    fn the_messages_say_what_happens_next() {
        assert!(english(Queued::Offline).contains("as soon as the connection is back"));
        let wait = english(Queued::RateLimited { seconds: 42 });
        assert!(wait.contains("wait 42 seconds"), "{wait}");
        assert!(wait.contains("sent again by itself"), "{wait}");
        assert!(english(Queued::RateLimited { seconds: 1 }).contains("1 second."));
    }
}

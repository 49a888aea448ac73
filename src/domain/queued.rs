//! Why a save waits instead of going now, and what the user is told meanwhile. Plain data, so
//! the form's state can hold it without depending on the code that queues (`retry`).

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

impl Queued {
    /// What the status region says while the save waits.
    pub fn message(&self) -> String {
        match self {
            Queued::Offline => "You are offline. The contact is not saved yet: it will be sent as soon as the connection is back. What you typed is kept.".into(),
            Queued::RateLimited { seconds } => {
                let unit = if *seconds == 1 { "second" } else { "seconds" };
                format!("Too many requests: the server asks to wait {seconds} {unit}. The contact will be sent again by itself then; what you typed is kept.")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_messages_say_what_happens_next() {
        assert!(Queued::Offline
            .message()
            .contains("as soon as the connection is back"));
        let wait = Queued::RateLimited { seconds: 42 }.message();
        assert!(wait.contains("wait 42 seconds"), "{wait}");
        assert!(wait.contains("sent again by itself"), "{wait}");
        assert!(Queued::RateLimited { seconds: 1 }
            .message()
            .contains("1 second."));
    }
}

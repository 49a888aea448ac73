//! Saving later instead of failing: a save made while the browser is offline waits for the
//! `online` event, and one refused with 429 waits out the server's time. Both resend with the
//! same token, so a save that did reach the server is never made twice.

use crate::form_state::FormState;
use crate::session::Session;
use crate::status::Status;
use leptos::prelude::*;
use std::time::Duration;

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

/// Whether the browser says it has no network (`navigator.onLine` is false).
pub fn is_offline() -> bool {
    web_sys::window().is_some_and(|w| !w.navigator().on_line())
}

/// Puts the save on hold and says so; after a 429 a timer raises `retry_due` when the wait
/// is over (the form listens to it, and to the `online` event).
pub fn queue(session: Session, state: FormState, why: Queued) {
    state.cancel_queue();
    state.queued.set(Some(why));
    session.status.set(Status::Busy(why.message()));
    if let Queued::RateLimited { seconds } = why {
        // A little after the server's reset, so the retry is not refused again for being early.
        let wait = Duration::from_millis(seconds * 1000 + 250);
        let due = move || {
            if !state.is_gone() {
                state.retry_due.update(|n| *n += 1);
            }
        };
        state.queue_timer.start(wait, due);
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

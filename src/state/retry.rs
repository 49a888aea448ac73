//! Saving later instead of failing: a save made while the browser is offline waits for the
//! `online` event, and one refused with 429 waits out the server's time. Both resend with the
//! same token, so a save that did reach the server is never made twice.

use crate::domain::queued::Queued;
use crate::state::form_state::FormState;
use crate::state::session::Session;
use crate::state::status::Status;
use leptos::prelude::*;
use std::time::Duration;

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

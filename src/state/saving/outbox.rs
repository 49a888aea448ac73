//! A save that waits to be sent again: why it waits, and the timer of a rate limit's wait. Its
//! fields are private; the pipeline holds and releases a save through its methods, and the
//! form asks whether a resend is due.

use crate::domain::queued::Queued;
use crate::web::timer::Timer;
use leptos::prelude::*;
use std::time::Duration;

/// The queued save, if any (cheap to copy).
#[derive(Debug, Clone, Copy)]
pub struct Outbox {
    waiting: RwSignal<Option<Queued>>,
    due: RwSignal<u32>,
    timer: Timer,
}

impl Outbox {
    /// Nothing waiting.
    pub fn new() -> Self {
        Outbox {
            waiting: RwSignal::new(None),
            due: RwSignal::new(0),
            timer: Timer::new(),
        }
    }

    /// Holds the save. After a 429 the wait's end is signalled (see [`Outbox::due`]) a little
    /// after the server's reset, so the resend is not refused again for being early.
    pub fn hold(&self, why: Queued) {
        self.release();
        self.waiting.set(Some(why));
        if let Queued::RateLimited { seconds } = why {
            let due = self.due;
            let wait = Duration::from_millis(seconds * 1000 + 250);
            // After an unmount the signal is gone and nothing is left to resend.
            self.timer.start(wait, move || {
                due.try_update(|n| *n += 1);
            });
        }
    }

    /// Takes the save off hold: it is being sent now, or given up.
    pub fn release(&self) {
        self.timer.clear();
        self.waiting.set(None);
    }

    /// Whether a save waits for a reason that `why` accepts.
    pub fn waits(&self, why: fn(&Queued) -> bool) -> bool {
        self.waiting.with_untracked(|q| q.as_ref().is_some_and(why))
    }

    /// Changes each time a rate limit's wait is over (a reactive source to resend on).
    pub fn due(&self) -> u32 {
        self.due.get()
    }
}

impl Default for Outbox {
    fn default() -> Self {
        Self::new()
    }
}

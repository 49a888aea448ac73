//! The job under way, as the sending keeps it: each row's outcome stored as it moves and
//! counted once it is done, the next row found without scanning every row each time, and the
//! contact managers looked up so far.

use crate::domain::import::job::{Job, Outcome};
use crate::state::importing::managers::Managers;
use crate::state::importing::sending::Sending;
use crate::state::importing::stored::JobStore;

/// The job under way and where it is kept: every row's outcome goes through [`Keeper::set`].
pub struct Keeper {
    /// The job, each row as it stands.
    pub job: Job,
    store: Option<JobStore>,
    sending: Sending,
    /// The contact managers looked up so far.
    pub managers: Managers,
    /// Rows before it are done: the next row is looked for from here, not from the top for
    /// every row (a file of 50,000 rows skipped without a call would scan 2.5 billion).
    from: usize,
    /// How many rows are in flight (a resumed run's, or one held by a failure).
    in_flight: usize,
}

impl Keeper {
    /// Keeps `job` in `store`, counted in `sending`.
    pub fn new(job: Job, store: Option<JobStore>, sending: Sending) -> Keeper {
        let in_flight = job.outcomes.iter().filter(|o| flying(o)).count();
        Keeper {
            job,
            store,
            sending,
            managers: Managers::default(),
            from: 0,
            in_flight,
        }
    }

    /// The next row to send: one in flight first, else the first waiting ([`Job::next`]).
    pub fn next_row(&mut self) -> Option<usize> {
        if self.in_flight > 0 {
            return self.job.next();
        }
        // None is in flight: every row before the first waiting one is done.
        let outcomes = &self.job.outcomes;
        let waiting = outcomes[self.from.min(outcomes.len())..]
            .iter()
            .position(|o| *o == Outcome::Waiting)?;
        self.from += waiting;
        Some(self.from)
    }

    /// Row `index` stands at `outcome` now: kept in the job, stored, and (once it is done)
    /// counted. A store that fails is said once, and the import goes on.
    pub async fn set(&mut self, index: usize, outcome: Outcome) {
        if let Some(store) = &self.store {
            if store.keep_row(index, &outcome).await.is_err() {
                self.sending.unstored(true);
                self.store = None;
            }
        }
        if !matches!(outcome, Outcome::Waiting | Outcome::InFlight { .. }) {
            self.sending.record(self.job.line(index), &outcome);
        }
        let was = self.job.outcome(index).is_some_and(flying);
        self.in_flight = self.in_flight - usize::from(was) + usize::from(flying(&outcome));
        self.job.set(index, outcome);
    }

    /// How many rows are left to send (waiting or in flight), as the counts stand.
    pub fn left(&self) -> usize {
        self.sending
            .counts_now()
            .map_or(0, |c| c.total.saturating_sub(c.done()))
    }

    /// The import is over (finished or cancelled): nothing is kept.
    pub async fn end(&self) {
        if let Some(store) = &self.store {
            store.end().await;
        }
    }
}

/// Whether a row stands in flight.
fn flying(outcome: &Outcome) -> bool {
    matches!(outcome, Outcome::InFlight { .. })
}

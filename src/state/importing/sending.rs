//! The import under way: where it stands (its run, paused or not, and why it paused), how many
//! rows went which way, each row not imported and why, and the wait Rocket.Chat asked for.

use crate::domain::import::job::{Job, Outcome};
use leptos::prelude::*;

/// Where the sending stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Run {
    /// Not started: the file and its checks are shown, with the start button.
    Ready,
    /// Sending, one row at a time.
    Running,
    /// Paused by the agent: the row under way finished, the next waits for **Resume**.
    Paused,
    /// Cancelled by the agent: what was saved stays saved and is counted.
    Cancelled,
    /// Every row sent.
    Finished,
}

/// How many rows went which way.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Rows to send.
    pub total: usize,
    /// Contacts made.
    pub created: usize,
    /// Contacts that existed, updated.
    pub updated: usize,
    /// Rows that changed nothing (the contact existed: skipped, or had everything already).
    pub skipped: usize,
    /// Rows sent and refused.
    pub failed: usize,
    /// Rows not sent at all: with errors, or repeated in the file.
    pub unsent: usize,
}

impl Counts {
    /// Rows sent so far, whatever came of them.
    pub fn done(&self) -> usize {
        self.created + self.updated + self.skipped + self.failed
    }

    /// Rows not imported: refused, or never sent.
    pub fn not_imported(&self) -> usize {
        self.failed + self.unsent
    }
}

/// The import under way (cheap to copy).
#[derive(Debug, Clone, Copy)]
pub struct Sending {
    run: RwSignal<Run>,
    counts: RwSignal<Counts>,
    waiting: RwSignal<Option<u64>>,
    failures: RwSignal<Vec<(usize, String)>>,
    held: RwSignal<Option<String>>,
    unstored: RwSignal<bool>,
    left_ms: RwSignal<Option<u64>>,
    listing: RwSignal<Option<(usize, usize)>>,
}

impl Sending {
    /// Not started.
    pub fn new() -> Self {
        Sending {
            run: RwSignal::new(Run::Ready),
            counts: RwSignal::new(Counts::default()),
            waiting: RwSignal::new(None),
            failures: RwSignal::new(Vec::new()),
            held: RwSignal::new(None),
            unstored: RwSignal::new(false),
            left_ms: RwSignal::new(None),
            listing: RwSignal::new(None),
        }
    }

    /// Where it stands (tracked).
    pub fn run(&self) -> Run {
        self.run.get()
    }

    /// Where it stands (untracked: for the flow). Gone with its view (signed out, unmounted),
    /// it reads as cancelled, so the flow ends there.
    pub fn run_now(&self) -> Run {
        self.try_run().unwrap_or(Run::Cancelled)
    }

    /// Where it stands (untracked); `None` once gone with its view (signed out, unmounted).
    pub fn try_run(&self) -> Option<Run> {
        self.run.try_get_untracked()
    }

    /// Back to not started (another file chosen after a run).
    pub fn reset(&self) {
        if matches!(self.run.get_untracked(), Run::Finished | Run::Cancelled) {
            self.run.set(Run::Ready);
        }
    }

    /// Starts sending `job`'s rows (or goes on with them, resumed): the rows done count as
    /// they went, the rows not to be sent as not imported, each listed with why.
    pub fn start(&self, job: &Job) {
        let tally = job.tally();
        self.counts.set(Counts {
            total: job.len() - tally.unsent,
            created: tally.created,
            updated: tally.updated,
            skipped: tally.skipped,
            failed: tally.failed,
            unsent: tally.unsent,
        });
        self.failures.set(job.failures());
        self.held.set(None);
        self.run.set(Run::Running);
    }

    /// **Pause** (while running) or **Resume** (while paused).
    pub fn toggle_pause(&self) {
        self.held.set(None);
        self.run.update(|run| {
            *run = match *run {
                Run::Running => Run::Paused,
                Run::Paused => Run::Running,
                other => other,
            }
        });
    }

    /// **Cancel import**: the row under way finishes, no other is sent.
    pub fn cancel(&self) {
        self.run.update(|run| {
            if matches!(run, Run::Running | Run::Paused) {
                *run = Run::Cancelled;
            }
        });
    }

    /// Every row sent (a cancelled run stays cancelled).
    pub fn finish(&self) {
        self.waiting.try_set(None);
        self.run.try_update(|run| {
            if *run != Run::Cancelled {
                *run = Run::Finished;
            }
        });
    }

    /// Paused by what the server or the network said (not by the row), in `reason`'s words:
    /// the agent resumes once it is put right (the same row goes again), or cancels.
    pub fn hold(&self, reason: String) {
        self.held.try_set(Some(reason));
        self.run.try_update(|run| {
            if *run == Run::Running {
                *run = Run::Paused;
            }
        });
    }

    /// The counts (tracked).
    pub fn counts(&self) -> Counts {
        self.counts.get()
    }

    /// The counts (untracked: for the flow); `None` once gone with its view.
    pub fn counts_now(&self) -> Option<Counts> {
        self.counts.try_get_untracked()
    }

    /// Row `line` came to `outcome`.
    pub fn record(&self, line: usize, outcome: &Outcome) {
        self.waiting.try_set(None);
        self.counts.try_update(|c| match outcome {
            Outcome::Created { .. } => c.created += 1,
            Outcome::Updated { .. } => c.updated += 1,
            Outcome::Skipped => c.skipped += 1,
            Outcome::Failed { .. } => c.failed += 1,
            Outcome::NotSent { .. } => c.unsent += 1,
            Outcome::Waiting | Outcome::InFlight { .. } => {}
        });
        if let Some(reason) = outcome.reason() {
            // In the file's order, among the rows never sent.
            self.failures.try_update(|f| {
                let at = f.partition_point(|(l, _)| *l < line);
                f.insert(at, (line, reason.to_owned()));
            });
        }
    }

    /// Rocket.Chat asked to wait `seconds` (`None`: it no longer does).
    pub fn wait(&self, seconds: Option<u64>) {
        self.waiting.try_set(seconds);
    }

    /// Why the run paused by itself, if it did (tracked).
    pub fn held(&self) -> Option<String> {
        self.held.get()
    }

    /// The import could not be stored (`true`): a reload would lose where it stands.
    pub fn unstored(&self, unstored: bool) {
        self.unstored.try_set(unstored);
    }

    /// Whether the import could not be stored (tracked).
    pub fn is_unstored(&self) -> bool {
        self.unstored.get()
    }

    /// About how long the rows left take at Rocket.Chat's pace, in milliseconds.
    pub fn time_left(&self, ms: u64) {
        self.left_ms.try_set(Some(ms));
    }

    /// About how many minutes the rows left take (at least one while any is left; tracked).
    pub fn minutes_left(&self) -> Option<u64> {
        let left = self.counts.with(|c| c.total > c.done());
        let ms = self.left_ms.get().filter(|_| left)?;
        Some(ms.div_ceil(60_000).max(1))
    }

    /// The server's contacts are being listed before the rows go: `(pages read, pages in
    /// all)`, or `None` once they are not.
    pub fn listing(&self, at: Option<(usize, usize)>) {
        self.listing.try_set(at);
    }

    /// How far the listing of the server's contacts is, while it runs (tracked).
    pub fn listed(&self) -> Option<(usize, usize)> {
        self.listing.get()
    }

    /// The wait Rocket.Chat asked for, in seconds (tracked).
    pub fn waiting(&self) -> Option<u64> {
        self.waiting.get()
    }

    /// Reads each row not imported, by line, with why (tracked).
    pub fn with_failures<R>(&self, read: impl FnOnce(&[(usize, String)]) -> R) -> R {
        self.failures.with(|f| read(f))
    }
}

impl Default for Sending {
    fn default() -> Self {
        Sending::new()
    }
}

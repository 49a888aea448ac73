//! The import under way: where it stands (its run, paused or not), how many rows went which
//! way, each row not imported and why, and the wait Rocket.Chat asked for.

use crate::domain::import::job::Outcome;
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
}

impl Sending {
    /// Not started.
    pub fn new() -> Self {
        Sending {
            run: RwSignal::new(Run::Ready),
            counts: RwSignal::new(Counts::default()),
            waiting: RwSignal::new(None),
            failures: RwSignal::new(Vec::new()),
        }
    }

    /// Where it stands (tracked).
    pub fn run(&self) -> Run {
        self.run.get()
    }

    /// Where it stands (untracked: for the flow). Gone with its view (signed out, unmounted),
    /// it reads as cancelled, so the flow ends there.
    pub fn run_now(&self) -> Run {
        self.run.try_get_untracked().unwrap_or(Run::Cancelled)
    }

    /// Back to not started (another file chosen after a run).
    pub fn reset(&self) {
        if matches!(self.run.get_untracked(), Run::Finished | Run::Cancelled) {
            self.run.set(Run::Ready);
        }
    }

    /// Starts sending `total` rows; `unsent` are the file's rows not to be sent, by line, with
    /// why (counted as not imported, and listed first).
    pub fn start(&self, total: usize, unsent: Vec<(usize, String)>) {
        self.counts.set(Counts {
            total,
            unsent: unsent.len(),
            ..Counts::default()
        });
        self.failures.set(unsent);
        self.run.set(Run::Running);
    }

    /// **Pause** (while running) or **Resume** (while paused).
    pub fn toggle_pause(&self) {
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

    /// Paused by what the server or the network said (not by the row): the agent resumes once
    /// it is put right, or cancels.
    pub fn hold(&self) {
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
            Outcome::Waiting | Outcome::InFlight { .. } => {}
        });
        if let Outcome::Failed { reason } = outcome {
            // In the file's order, among the rows never sent.
            self.failures.try_update(|f| {
                let at = f.partition_point(|(l, _)| *l < line);
                f.insert(at, (line, reason.clone()));
            });
        }
    }

    /// Rocket.Chat asked to wait `seconds` (`None`: it no longer does).
    pub fn wait(&self, seconds: Option<u64>) {
        self.waiting.try_set(seconds);
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

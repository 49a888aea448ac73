//! Lazy parts: code that only some agents open (a contact's conversations, later the import),
//! fetched the first time it is opened instead of with the first download.
//!
//! A part is one entry function marked as a split point (`#[cfg_attr(feature = "split",
//! wasm_split(...))]`, see `docs/architecture.md`). The release and `trunk serve` builds turn on
//! the `split` feature and run the splitter, which moves the entry and everything only it
//! reaches into a chunk of its own; `cargo test`, clippy and the browser suites build the same
//! code unsplit, where the entry is a plain call. [`LazyPart`] is what the form keeps of a part:
//! closed, its code being fetched, open, or unavailable (said in words with **Try again**).

use crate::state::session::Session;
use leptos::prelude::*;
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

/// A part's code could not be fetched: offline, a 404 after a redeploy, a timeout, or a chunk of
/// another release than the module (the names tie them, so an old module never runs a new
/// chunk). Nothing else in the widget is touched, and the next attempt fetches again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("this part of the form could not be loaded")]
pub struct Unfetched;

impl From<leptos::wasm_split::SplitLoaderError> for Unfetched {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        Unfetched
    }
}

/// Where a lazy part stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Not opened.
    Closed,
    /// Opened; its code is being fetched.
    Fetching,
    /// Opened and shown.
    Open,
    /// Opened, but its code could not be fetched (said with **Try again**).
    Unavailable,
}

/// A lazy part's state (cheap to copy).
#[derive(Debug, Clone, Copy)]
pub struct LazyPart {
    phase: RwSignal<Phase>,
}

impl Default for LazyPart {
    fn default() -> Self {
        Self::new()
    }
}

impl LazyPart {
    /// Closed.
    pub fn new() -> Self {
        LazyPart {
            phase: RwSignal::new(Phase::Closed),
        }
    }

    /// Where it stands (tracked).
    pub fn phase(&self) -> Phase {
        self.phase.get()
    }

    /// Whether it is opened, shown or not yet (tracked: `aria-expanded` follows it).
    pub fn is_open(&self) -> bool {
        self.phase.get() != Phase::Closed
    }

    /// Closes it: what it showed goes (opening it again starts it anew).
    pub fn close(&self) {
        self.phase.set(Phase::Closed);
    }

    /// Opens it: `fetch` brings its code (at once when it came before: a loaded chunk is kept),
    /// then it is shown; a failure is said with **Try again**, which calls this again. Closed
    /// meanwhile, it stays closed.
    pub fn open(
        &self,
        session: Session,
        fetch: impl Future<Output = Result<(), Unfetched>> + 'static,
    ) {
        let phase = self.phase;
        phase.set(Phase::Fetching);
        session.spawn(async move {
            let next = match fetch.await {
                Ok(()) => Phase::Open,
                Err(Unfetched) => Phase::Unavailable,
            };
            let _ = phase.try_update(|p| {
                if *p == Phase::Fetching {
                    *p = next;
                }
            });
        });
    }
}

/// The answer of a split entry whose code is already fetched: its wrapper is ready at the first
/// poll then (the loader keeps what it loaded), so the part is drawn in the same turn, under the
/// owner of the view that draws it. Not ready is taken as not fetched.
pub fn ready<T>(entry: impl Future<Output = Result<T, Unfetched>>) -> Result<T, Unfetched> {
    match pin!(entry).poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(answer) => answer,
        Poll::Pending => Err(Unfetched),
    }
}

/// Calls a lazy part's entry: in split builds a split point whose code [`LazyPart::open`]
/// fetched before (see [`ready`]), in others a plain call.
#[cfg(feature = "split")]
macro_rules! enter {
    ($entry:expr) => {
        $crate::view::lazy::ready($entry)
    };
}

#[cfg(not(feature = "split"))]
macro_rules! enter {
    ($entry:expr) => {
        $entry
    };
}

pub(crate) use enter;

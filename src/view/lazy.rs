//! Lazy parts: code that only some agents open (a contact's conversations, later the import),
//! fetched the first time it is opened instead of with the first download.
//!
//! A part is one or more entry functions declared with [`entry`] as split points (see
//! `docs/architecture.md`, "Lazy parts"). The release and `trunk serve` builds turn on
//! the `split` feature and run the splitter, which moves the entry and everything only it
//! reaches into a chunk of its own; `cargo test`, clippy and the browser suites build the same
//! code unsplit, where the entry is a plain call. [`LazyPart`] is what the form keeps of a part:
//! closed, its code being fetched, open, or unavailable (said in words with **Try again**).

use crate::domain::texts::Text;
use crate::state::widget::session::Session;
use leptos::prelude::*;
use std::future::Future;
use std::pin::{pin, Pin};
use std::task::{Context, Poll, Waker};
use std::time::Duration;

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

/// Fetches a part's code: every entry's preload (each entry keeps its own loader, which must
/// have its code before [`ready`] can draw it), at once in an unsplit build.
pub type Fetch = fn() -> Pin<Box<dyn Future<Output = Result<(), Unfetched>>>>;

/// A lazy part's state (cheap to copy).
#[derive(Clone, Copy)]
pub struct LazyPart {
    phase: RwSignal<Phase>,
    session: Session,
    fetch: Fetch,
}

impl LazyPart {
    /// Closed; `fetch` brings its code when it is first opened.
    pub fn new(session: Session, fetch: Fetch) -> Self {
        LazyPart {
            phase: RwSignal::new(Phase::Closed),
            session,
            fetch,
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

    /// Opens it: its code is fetched (at once when it came before: the loader keeps it), then
    /// it is shown; a failure is said with **Try again**, which opens it again. Closed
    /// meanwhile, it stays closed.
    pub fn open(&self) {
        let phase = self.phase;
        if phase.get_untracked() == Phase::Open {
            return;
        }
        phase.set(Phase::Fetching);
        let fetch = within((self.fetch)(), self.session.config().timeout_ms);
        self.session.spawn(async move {
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

/// `fetch`, given up after `ms` milliseconds (the requests' own timeout): a chunk request that
/// hangs is said like one that failed. The fetch itself goes on, and **Try again** waits for
/// it (the loader runs one attempt at a time).
async fn within(
    mut fetch: Pin<Box<dyn Future<Output = Result<(), Unfetched>>>>,
    ms: u32,
) -> Result<(), Unfetched> {
    let (up, mut time_up) = futures_channel::oneshot::channel::<()>();
    let timer = set_timeout_with_handle(
        move || {
            let _ = up.send(());
        },
        Duration::from_millis(u64::from(ms)),
    )
    .ok();
    let answer = std::future::poll_fn(|cx| match fetch.as_mut().poll(cx) {
        Poll::Ready(answer) => Poll::Ready(answer),
        Poll::Pending => Pin::new(&mut time_up).poll(cx).map(|_| Err(Unfetched)),
    })
    .await;
    if let Some(timer) = timer {
        timer.clear();
    }
    answer
}

/// What a part says while its code is not here: it is coming (`loading`, in the status), or it
/// could not come (in words, with **Try again**).
pub fn said(part: LazyPart, loading: Text) -> impl IntoView {
    let session = part.session;
    let when =
        move |phase: Phase, text: Text| move || (part.phase() == phase).then(|| session.text(text));
    view! {
        <p class="ocf-note" role="status">{when(Phase::Fetching, loading)}</p>
        <p class="ocf-note" role="alert">{when(Phase::Unavailable, Text::PartUnavailable)}</p>
        {move || (part.phase() == Phase::Unavailable).then(|| view! {
            <button type="button" class="ocf-secondary ocf-retry" on:click=move |_| part.open()>
                {session.text(Text::TryAgain)}
            </button>
        })}
    }
}

/// Declares `$name`, an entry of lazy part `$part`: a function drawing `$view`, which in split
/// builds is a split point (its code in the part's chunk, brought by `$fetch`, with a failure
/// returned as `Err` rather than a panic) and in others a plain call. Its arguments are
/// concrete types (no generics, no `impl Trait`).
macro_rules! entry {
    ($part:ident, $(#[$doc:meta])* $name:ident, $fetch:ident, ($($arg:ident: $ty:ty),*) => $view:expr) => {
        $(#[$doc])*
        #[cfg_attr(
            feature = "split",
            leptos::wasm_split::wasm_split(
                $part,
                wasm_split_path = ::leptos::wasm_split,
                fallible,
                preload(#[doc = concat!("Fetches the code of the lazy part `", stringify!($part), "` (once: a failure is tried again next time).")] $fetch)
            )
        )]
        pub fn $name($($arg: $ty),*) -> Result<AnyView, $crate::view::lazy::Unfetched> {
            Ok($view.into_any())
        }
    };
}

pub(crate) use entry;

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

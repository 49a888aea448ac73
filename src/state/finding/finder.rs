//! The "Find a contact" search's state and its flows: what the search has found (or why not),
//! the first page of a search and the next ones. Which answer is still wanted (a later search
//! replaces an earlier one) is the combobox's to say: the flows take it as `current`.

use crate::api::reply::ApiError;
use crate::api::search::Order;
use crate::domain::catalogue::Say;
use crate::domain::search::{Results, PAGE};
use crate::state::widget::session::Session;
use leptos::prelude::*;

/// Where the search stands.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Finding {
    /// Nothing asked (fewer than two characters typed).
    #[default]
    Idle,
    /// The server was asked; no answer yet.
    Searching,
    /// What it found (possibly nothing).
    Found(Results),
    /// Why the search failed, as said in the list area (the form is left as it is).
    Failed(String),
}

/// The search's results (cheap to copy).
#[derive(Debug, Clone, Copy)]
pub struct Finder {
    finding: RwSignal<Finding>,
    /// A "Show more" is under way (a second press asks nothing more).
    paging: StoredValue<bool>,
    /// The search lists unidentified contacts (Contact Center: `unknown=true`).
    unknown: StoredValue<bool>,
}

impl Finder {
    /// Nothing found yet.
    pub fn new() -> Self {
        Finder {
            finding: RwSignal::new(Finding::Idle),
            paging: StoredValue::new(false),
            unknown: StoredValue::new(false),
        }
    }

    /// Whether the search lists unidentified contacts (read by the handlers that search).
    pub fn with_unknown_now(&self) -> bool {
        self.unknown.get_value()
    }

    /// Lists unidentified contacts, or the known ones: what was found goes (it was the other
    /// list's).
    pub fn set_unknown(&self, unknown: bool) {
        self.unknown.set_value(unknown);
        self.clear();
    }

    /// Reads where the search stands (tracked).
    pub fn with<R>(&self, f: impl FnOnce(&Finding) -> R) -> R {
        self.finding.with(f)
    }

    /// Reads where the search stands, for a handler (untracked).
    pub fn with_now<R>(&self, f: impl FnOnce(&Finding) -> R) -> R {
        self.finding.with_untracked(f)
    }

    /// How many results are listed (untracked: for the keys).
    pub fn listed(&self) -> usize {
        self.with_now(|f| match f {
            Finding::Found(results) => results.found.len(),
            _ => 0,
        })
    }

    /// Forgets what was found (the text changed, or a contact was opened).
    pub fn clear(&self) {
        self.finding.set(Finding::Idle);
    }
}

impl Default for Finder {
    fn default() -> Self {
        Self::new()
    }
}

fn failed(session: Session, error: &ApiError) -> Finding {
    Finding::Failed(error.say(&session.texts_now()))
}

/// Asks the server for the first page of contacts matching `term`; the answer is shown only
/// while `current()` says it is still wanted.
pub async fn search(session: Session, finder: Finder, term: String, current: impl Fn() -> bool) {
    finder.finding.set(Finding::Searching);
    let page = match session.client() {
        Ok(client) => {
            let unknown = finder.unknown.get_value();
            client.find(&term, 0, PAGE, unknown, Order::Search).await
        }
        Err(e) => Err(e),
    };
    if !current() {
        return; // a later search (or a closed list) replaced this one
    }
    finder.finding.try_set(match page {
        Ok(page) => Finding::Found(Results::first(term, page.found, page.total)),
        Err(error) => failed(session, &error),
    });
}

/// "Show more": adds the next page of the search shown; a failure is said in the list area
/// in its place (typing again searches again).
pub async fn more(session: Session, finder: Finder, current: impl Fn() -> bool) {
    let Some((term, offset)) = finder.with_now(|f| match f {
        Finding::Found(r) if r.more() => Some((r.term.clone(), r.next_offset())),
        _ => None,
    }) else {
        return;
    };
    if finder.paging.get_value() {
        return;
    }
    finder.paging.set_value(true);
    let page = match session.client() {
        Ok(client) => {
            let unknown = finder.unknown.get_value();
            client
                .find(&term, offset, PAGE, unknown, Order::Search)
                .await
        }
        Err(e) => Err(e),
    };
    finder.paging.try_set_value(false);
    if !current() {
        return;
    }
    match page {
        Ok(page) => finder.finding.update(|f| {
            if let Finding::Found(results) = f {
                results.extend(page.found, page.total);
            }
        }),
        Err(error) => finder.finding.set(failed(session, &error)),
    }
}

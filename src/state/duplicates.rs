//! The duplicate notice's state: the stored contact a new one would collide with while the user
//! decides, and the one the user chose to register beside.

use crate::domain::duplicate::{Duplicate, Match};
use leptos::prelude::*;

/// The found duplicate and the accepted one (cheap to copy).
#[derive(Debug, Clone, Copy)]
pub struct Duplicates {
    found: RwSignal<Option<Duplicate>>,
    /// The id of a stored contact the user chose to register beside ("Register anyway"): a
    /// resend (after a 429, or offline) does not ask again.
    accepted: RwSignal<Option<String>>,
}

impl Duplicates {
    /// Nothing found, nothing accepted.
    pub fn new() -> Self {
        Duplicates {
            found: RwSignal::new(None),
            accepted: RwSignal::new(None),
        }
    }

    /// Shows the notice for `duplicate`.
    pub fn found(&self, duplicate: Duplicate) {
        self.found.set(Some(duplicate));
    }

    /// The duplicate the notice shows (tracked).
    pub fn shown(&self) -> Option<Duplicate> {
        self.found.get()
    }

    /// Hides the notice.
    pub fn hide(&self) {
        self.found.set(None);
    }

    /// The duplicate shown now, if any (untracked: for a choice's handler).
    pub fn current(&self) -> Option<Duplicate> {
        self.found.get_untracked()
    }

    /// "Go back": hides the notice and says which field matched.
    pub fn back(&self) -> Option<Match> {
        self.take().map(|d| d.by)
    }

    /// "Register anyway": the shown contact no longer counts as a duplicate.
    pub fn accept(&self) {
        let id = self.take().map(|d| d.record.id);
        self.accepted.set(id);
    }

    fn take(&self) -> Option<Duplicate> {
        let found = self.current();
        self.found.set(None);
        found
    }

    /// The id of the contact accepted with "Register anyway", if any.
    pub fn accepted(&self) -> Option<String> {
        self.accepted.get_untracked()
    }

    /// Forgets both ("New contact").
    pub fn clear(&self) {
        self.found.set(None);
        self.accepted.set(None);
    }
}

impl Default for Duplicates {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::record::ContactRecord;

    fn duplicate(id: &str, by: Match) -> Duplicate {
        Duplicate {
            record: ContactRecord {
                id: id.into(),
                token: Some("t".into()),
                name: "Ada".into(),
                ..ContactRecord::default()
            },
            by,
            takes_over: false,
        }
    }

    #[test]
    fn going_back_hides_the_notice_and_names_the_field_that_matched() {
        let d = Duplicates::new();
        d.found(duplicate("c1", Match::Phone));
        assert!(d.current().is_some());
        assert_eq!(d.back(), Some(Match::Phone));
        assert_eq!(d.current(), None);
        assert_eq!(d.accepted(), None, "going back accepts nothing");
    }

    #[test]
    fn registering_anyway_remembers_that_contact_until_a_new_one_is_started() {
        let d = Duplicates::new();
        d.found(duplicate("c1", Match::Phone));
        d.accept();
        assert_eq!(d.current(), None);
        assert_eq!(d.accepted().as_deref(), Some("c1"));
        d.clear();
        assert_eq!(d.accepted(), None);
        // With nothing shown, accepting accepts nothing.
        d.accept();
        assert_eq!(d.accepted(), None);
    }
}

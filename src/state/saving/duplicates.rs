//! The duplicate notice's state: the stored contact a save would collide with while the user
//! decides, and the ones the user chose to save beside.

use crate::domain::duplicate::Duplicate;
use leptos::prelude::*;

/// The found duplicate and the accepted one (cheap to copy).
#[derive(Debug, Clone, Copy)]
pub struct Duplicates {
    found: RwSignal<Option<Duplicate>>,
    /// The ids of stored contacts the user chose to save beside ("Register anyway", "Save
    /// anyway"): a resend (after a 429, or offline) does not ask again, nor does the next value
    /// checked of the same save.
    accepted: RwSignal<Vec<String>>,
}

impl Duplicates {
    /// Nothing found, nothing accepted.
    pub fn new() -> Self {
        Duplicates {
            found: RwSignal::new(None),
            accepted: RwSignal::new(Vec::new()),
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

    /// "Go back": hides the notice and gives what it showed (which value matched).
    pub fn back(&self) -> Option<Duplicate> {
        self.take()
    }

    /// "Register anyway" or "Save anyway": the shown contact no longer counts as a duplicate.
    pub fn accept(&self) {
        if let Some(d) = self.take() {
            self.accepted.update(|a| a.push(d.record.id));
        }
    }

    fn take(&self) -> Option<Duplicate> {
        let found = self.current();
        self.found.set(None);
        found
    }

    /// The ids of the contacts accepted with "Register anyway" or "Save anyway".
    pub fn accepted(&self) -> Vec<String> {
        self.accepted.get_untracked()
    }

    /// Forgets both ("New contact").
    pub fn clear(&self) {
        self.found.set(None);
        self.accepted.set(Vec::new());
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
    use crate::domain::duplicate::Match;
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
            value: "+4930123456".into(),
            updating: false,
        }
    }

    #[test]
    fn going_back_hides_the_notice_and_names_the_field_that_matched() {
        let d = Duplicates::new();
        d.found(duplicate("c1", Match::Phone));
        assert!(d.current().is_some());
        assert_eq!(d.back().map(|d| d.by), Some(Match::Phone));
        assert_eq!(d.current(), None);
        assert!(d.accepted().is_empty(), "going back accepts nothing");
    }

    #[test]
    fn registering_anyway_remembers_that_contact_until_a_new_one_is_started() {
        let d = Duplicates::new();
        d.found(duplicate("c1", Match::Phone));
        d.accept();
        assert_eq!(d.current(), None);
        d.found(duplicate("c2", Match::Phone));
        d.accept();
        assert_eq!(
            d.accepted(),
            ["c1", "c2"],
            "each contact saved beside counts"
        );
        d.clear();
        assert!(d.accepted().is_empty());
        // With nothing shown, accepting accepts nothing.
        d.accept();
        assert!(d.accepted().is_empty());
    }
}

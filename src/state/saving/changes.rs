//! What a colleague changed meanwhile, while the user chooses: the merge that found fields
//! changed on both sides, and the value picked for each (the flows are `merging`).

use crate::domain::merge::Merged;
use crate::state::resolving::conflicts::ConflictChoices;
use leptos::prelude::*;

/// A merge that asks, and what the user picked (cheap to copy). Value 0 of each clash is the
/// one typed here (picked at first), value 1 the server's.
#[derive(Debug, Clone, Copy)]
pub struct Changes {
    asked: RwSignal<Option<Merged>>,
    picks: ConflictChoices,
}

impl Changes {
    /// Nothing asked.
    pub fn new() -> Self {
        Changes {
            asked: RwSignal::new(None),
            picks: ConflictChoices::new(),
        }
    }

    /// Asks about `merged`'s clashes (the form's record is the server's copy by then).
    pub fn ask(&self, merged: Merged) {
        self.picks.clear();
        self.asked.set(Some(merged));
    }

    /// What is asked, if anything (tracked).
    pub fn asked(&self) -> Option<Merged> {
        self.asked.get()
    }

    /// Whether a choice is asked (tracked, without copying what is asked).
    pub fn is_asked(&self) -> bool {
        self.asked.with(Option::is_some)
    }

    /// The values picked, by clash.
    pub fn picks(&self) -> ConflictChoices {
        self.picks
    }

    /// Takes what was asked, with whether the server's value was picked for each clash
    /// ("Save these values").
    pub fn take(&self) -> Option<(Merged, Vec<bool>)> {
        let merged = self.asked.try_update(Option::take).flatten()?;
        let picked = self.picks.picked_now();
        let server_side = (0..merged.clashes.len())
            .map(|i| picked.get(i) == Some(&1))
            .collect();
        Some((merged, server_side))
    }

    /// Asks nothing more ("Cancel", another contact, or saved).
    pub fn clear(&self) {
        if self.asked.with_untracked(Option::is_some) {
            self.asked.set(None);
        }
    }
}

impl Default for Changes {
    fn default() -> Self {
        Self::new()
    }
}

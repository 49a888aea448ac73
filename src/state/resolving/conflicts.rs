//! The conflicting values of the Contact Center contact the form shows: which value the user
//! picked for each field (the flow that saves the choice is `resolve`).

use leptos::prelude::*;

/// The value picked for each field, by the choices' order (cheap to copy). Nothing picked is
/// the stored value.
#[derive(Debug, Clone, Copy)]
pub struct ConflictChoices {
    picked: RwSignal<Vec<usize>>,
}

impl ConflictChoices {
    /// Nothing picked.
    pub fn new() -> Self {
        ConflictChoices {
            picked: RwSignal::new(Vec::new()),
        }
    }

    /// Picks value `value` of field `field`.
    pub fn pick(&self, field: usize, value: usize) {
        self.picked.update(|p| {
            if p.len() <= field {
                p.resize(field + 1, 0);
            }
            p[field] = value;
        });
    }

    /// Whether value `value` of field `field` is the one picked (tracked).
    pub fn is_picked(&self, field: usize, value: usize) -> bool {
        self.picked
            .with(|p| p.get(field).copied().unwrap_or(0) == value)
    }

    /// The values picked, by field (untracked: for the flow that saves them).
    pub fn picked_now(&self) -> Vec<usize> {
        self.picked.get_untracked()
    }

    /// Forgets the picks (another contact, or resolved).
    pub fn clear(&self) {
        self.picked.set(Vec::new());
    }
}

impl Default for ConflictChoices {
    fn default() -> Self {
        Self::new()
    }
}

//! Whether "Delete <name>? This cannot be undone." is shown (the flow that deletes is
//! `delete`).

use leptos::prelude::*;

/// Whether "Delete <name>? This cannot be undone." is shown (cheap to copy).
#[derive(Debug, Clone, Copy)]
pub struct Deletion {
    asked: RwSignal<bool>,
}

impl Deletion {
    /// Nothing asked.
    pub fn new() -> Self {
        Deletion {
            asked: RwSignal::new(false),
        }
    }

    /// Shows or hides the confirmation.
    pub fn ask(&self, asked: bool) {
        self.asked.set(asked);
    }

    /// Whether the confirmation is shown (tracked).
    pub fn asked(&self) -> bool {
        self.asked.get()
    }
}

impl Default for Deletion {
    fn default() -> Self {
        Self::new()
    }
}

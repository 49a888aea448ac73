//! The note under the form when storage failed: the draft or the contact cannot be kept beyond
//! this page. The parts that write to storage share it.

use crate::domain::catalogue::{Say, Texts};
use crate::domain::texts::Text;
use crate::web::storage::StorageError;
use leptos::prelude::*;

/// The last storage failure, if any (cheap to copy).
#[derive(Debug, Clone, Copy)]
pub struct StorageNote(RwSignal<Option<StorageError>>);

impl StorageNote {
    /// A note of `problem`, if storage already failed.
    pub fn new(problem: Option<StorageError>) -> Self {
        StorageNote(RwSignal::new(problem))
    }

    /// Notes a failed write or read; a success changes nothing (one failure is enough to say
    /// that storage cannot be relied on).
    pub fn check(&self, result: Result<(), StorageError>) {
        if let Err(e) = result {
            // After an unmount there is nobody to tell.
            self.0.try_set(Some(e));
        }
    }

    /// The last failure (tracked).
    pub fn problem(&self) -> Option<StorageError> {
        self.0.get()
    }
}

impl Say for StorageError {
    fn say(&self, t: &Texts) -> String {
        t.get(match self {
            StorageError::Unavailable => Text::StorageUnavailable,
            StorageError::Full => Text::StorageFull,
        })
        .into()
    }
}

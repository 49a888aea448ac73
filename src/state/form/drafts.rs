//! Where what is typed is kept until it is saved: a draft in localStorage, written once typing
//! pauses, so a closed tab loses nothing.

use crate::domain::draft::{Draft, DEBOUNCE_MS};
use crate::state::form::storage_note::StorageNote;
use crate::web::storage::{self, StorageArea};
use crate::web::timer::Timer;
use leptos::prelude::*;
use std::time::Duration;

/// The draft's storage key, its pending write, whether the form started from one, and whether
/// anything typed is not saved yet (cheap to copy).
#[derive(Debug, Clone, Copy)]
pub struct DraftStore {
    key: StoredValue<String>,
    timer: Timer,
    restored: RwSignal<bool>,
    /// Something was typed (or restored from a draft) since the last save or "New contact".
    unsaved: StoredValue<bool>,
    note: StorageNote,
}

impl DraftStore {
    /// The store under `key`, and the draft an earlier page left there, if any.
    pub fn open(key: String, note: StorageNote) -> (Self, Option<Draft>) {
        let draft = match storage::read(StorageArea::Local, &key) {
            Ok(Some(stored)) => Draft::decode(&stored).filter(|d| !d.is_empty()),
            _ => None,
        };
        let store = DraftStore {
            key: StoredValue::new(key),
            timer: Timer::new(),
            restored: RwSignal::new(draft.is_some()),
            unsaved: StoredValue::new(draft.is_some()),
            note,
        };
        (store, draft)
    }

    /// Whether the form was filled from an earlier page's draft (tracked).
    pub fn restored(&self) -> bool {
        self.restored.get()
    }

    /// Writes `draft()` once typing pauses (each call restarts the wait). Unmounted meanwhile,
    /// nothing is written: the values are gone with the widget.
    pub fn later(&self, draft: impl FnOnce() -> Option<Draft> + 'static) {
        self.unsaved.set_value(true);
        let store = *self;
        self.timer
            .start(Duration::from_millis(DEBOUNCE_MS), move || {
                if let Some(draft) = draft() {
                    store.write(&draft);
                }
            });
    }

    /// Writes `draft` now (an empty form leaves none).
    pub fn write(&self, draft: &Draft) {
        let Some(key) = self.key.try_get_value() else {
            return; // unmounted: nothing to keep
        };
        self.note.check(if draft.is_empty() {
            storage::remove(StorageArea::Local, &key)
        } else {
            storage::write(StorageArea::Local, &key, &draft.encode())
        });
    }

    /// Whether something typed is not saved yet (opening another contact asks first).
    pub fn unsaved(&self) -> bool {
        self.unsaved.try_get_value() == Some(true)
    }

    /// Drops the draft: saved, given up with "New contact", or another contact opened.
    pub fn drop(&self) {
        self.unsaved.set_value(false);
        self.timer.clear();
        // A storage that cannot remove has nothing stored either: nothing to report.
        let _ = storage::remove(StorageArea::Local, &self.key.get_value());
        self.restored.set(false);
    }
}

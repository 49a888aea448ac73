//! The contact the form saves to, held as one [`Target`] in one signal, and where this browser
//! remembers it (the token and id, in localStorage, under a key of the server's).

use crate::domain::merge::Values;
use crate::domain::record::ContactRecord;
use crate::domain::target::Target;
use crate::domain::token::{token_from_bytes, StoredContact};
use crate::state::form::storage_note::StorageNote;
use crate::web::crypto::random_bytes;
use crate::web::storage::{self, StorageArea};
use leptos::prelude::*;

/// A fresh contact token from `crypto.getRandomValues`; `None` only where the browser has no
/// Web Crypto.
pub fn new_token() -> Option<String> {
    random_bytes().map(|bytes| token_from_bytes(&bytes))
}

/// The target contact and its storage key (cheap to copy).
#[derive(Debug, Clone, Copy)]
pub struct TargetContact {
    target: RwSignal<Target>,
    /// `None` until `api: "auto"` has settled which API (and so which key) is used.
    key: StoredValue<Option<String>>,
    note: StorageNote,
    /// When the first Contact Center create of the pending contact was sent (ISO 8601, a little
    /// early against clock skew): a resend looks for what that create made since then.
    since: StoredValue<Option<String>>,
}

impl TargetContact {
    /// The contact remembered under `key`, if any (no key yet: a new contact until
    /// [`TargetContact::settle`]); storage failures go to `note`.
    pub fn open(key: Option<String>, note: StorageNote) -> Self {
        let contact = TargetContact {
            target: RwSignal::new(Target::default()),
            key: StoredValue::new(None),
            note,
            since: StoredValue::new(None),
        };
        if let Some(key) = key {
            contact.settle(key);
        }
        contact
    }

    /// Reads the contact remembered under `key`, which is where it is kept from now on.
    pub fn settle(&self, key: String) {
        let read = storage::read(StorageArea::Local, &key);
        let remembered = read
            .as_ref()
            .ok()
            .and_then(|s| s.as_deref())
            .and_then(StoredContact::decode);
        self.note.check(read.map(drop));
        self.key.set_value(Some(key));
        if remembered.is_some() {
            self.target.set(Target::from_stored(remembered));
        }
    }

    /// Whether the key is still to be settled (`api: "auto"` before the server was asked).
    pub fn unsettled(&self) -> bool {
        self.key.with_value(Option::is_none)
    }

    /// Whether saving updates a remembered contact (tracked: the button's text follows it).
    pub fn is_existing(&self) -> bool {
        self.target.with(Target::is_existing)
    }

    /// Whether the contact shown is not identified yet (tracked: the form's note follows it).
    pub fn is_unknown(&self) -> bool {
        self.target.with(|t| t.record().is_some_and(|r| r.unknown))
    }

    /// Reads the target (tracked: a view made with it follows the contact).
    pub fn with_tracked<R>(&self, f: impl FnOnce(&Target) -> R) -> R {
        self.target.with(f)
    }

    /// Reads the target now (untracked).
    pub fn with<R>(&self, f: impl FnOnce(&Target) -> R) -> R {
        self.target.with_untracked(f)
    }

    /// The loaded record, if the target has one.
    pub fn record(&self) -> Option<ContactRecord> {
        self.with(|t| t.record().cloned())
    }

    /// The token a save sends from now on (a retry reuses it); `create` notes when the first
    /// Contact Center create went out.
    pub fn pending(&self, token: &str, create: bool) {
        self.target.update(|t| t.pending(token));
        if create && self.since.with_value(Option::is_none) {
            self.since
                .set_value(Some(crate::web::clock::iso_minutes_ago(2)));
        }
    }

    /// The last create was refused, so it made nothing: a resend need not look for it.
    pub fn not_created(&self) {
        self.since.set_value(None);
    }

    /// When the pending Contact Center create was first sent, if one was.
    pub fn since(&self) -> Option<String> {
        let pending = self.with(|t| t.pending_token().is_some());
        self.since.get_value().filter(|_| pending)
    }

    /// Remembers the contact the server just accepted, with what was sent (only now is the
    /// token written to storage).
    pub fn saved(&self, contact: StoredContact, record: ContactRecord) {
        self.since.set_value(None);
        if let Some(key) = self.key.get_value() {
            let kept = storage::write(StorageArea::Local, &key, &contact.encode());
            self.note.check(kept);
        }
        self.target.update(|t| t.saved(contact, record));
    }

    /// The record of contact `id` arrived; `false` when the form has moved on meanwhile (or
    /// the widget is gone).
    pub fn loaded(&self, id: &str, record: ContactRecord) -> bool {
        self.target.try_update(|t| t.loaded(id, record)) == Some(true)
    }

    /// A draft typed for contact `id` was typed over `values`: the base of its first merge.
    pub fn drafted_over(&self, id: &str, values: Values) {
        self.target.update(|t| t.drafted_over(id, values));
    }

    /// Contact `id` as the server has it now, with the base a merge left (`None`: the record
    /// itself); `false` when the form has moved on meanwhile.
    pub fn rebase(&self, id: &str, server: ContactRecord, base: Option<Values>) -> bool {
        self.target.try_update(|t| t.rebase(id, server, base)) == Some(true)
    }

    /// Contact `id` is gone from the server: it is forgotten here, its token kept as the
    /// pending one so the next save registers it again. `false` when the form has moved on.
    pub fn gone(&self, id: &str) -> bool {
        if self.target.try_update(|t| t.gone(id)) != Some(true) {
            return false;
        }
        self.unstore();
        true
    }

    /// Takes over a stored contact (a duplicate the user chose to update); `false` when it has
    /// no token to update it with. It is remembered in storage only once a save succeeds.
    pub fn adopt(&self, record: ContactRecord) -> bool {
        self.since.set_value(None);
        let Some(target) = Target::adopting(record) else {
            return false;
        };
        self.target.set(target);
        true
    }

    /// Forgets the contact here and in storage ("New contact").
    pub fn forget(&self) {
        self.since.set_value(None);
        self.target.set(Target::default());
        self.unstore();
    }

    fn unstore(&self) {
        if let Some(key) = self.key.get_value() {
            self.note.check(storage::remove(StorageArea::Local, &key));
        }
    }
}

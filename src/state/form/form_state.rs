//! The contact form's state, made of small parts that each keep their own signals: the inputs,
//! the target contact, the custom fields, the duplicate notice, the draft store, the outbox. It
//! lives in the widget, not in the form view, so that nothing typed is lost when the view makes
//! way for the sign-in form. The methods here are the steps that touch several parts at once.

use crate::domain::conflicts::Resolution;
use crate::domain::custom_fields::value_of;
use crate::domain::draft::{Base, Draft};
use crate::domain::field::{Field, Place};
use crate::domain::merge::{Part, Values};
use crate::domain::record::ContactRecord;
use crate::domain::token::StoredContact;
use crate::settings::config::{ApiChoice, Config};
use crate::state::deleting::deletion::Deletion;
use crate::state::finding::finder::Finder;
use crate::state::finding::unsaved::UnsavedPrompt;
use crate::state::form::contact::TargetContact;
use crate::state::form::custom::CustomFields;
use crate::state::form::drafts::DraftStore;
use crate::state::form::inputs::Inputs;
use crate::state::form::storage_note::StorageNote;
use crate::state::resolving::conflicts::ConflictChoices;
use crate::state::saving::changes::Changes;
use crate::state::saving::duplicates::Duplicates;
use crate::state::saving::outbox::Outbox;
use crate::web::storage::StorageError;
use leptos::prelude::*;

/// The parts of the contact form's state (cheap to copy).
#[derive(Debug, Clone, Copy)]
pub struct FormState {
    inputs: Inputs,
    contact: TargetContact,
    custom: CustomFields,
    duplicates: Duplicates,
    drafts: DraftStore,
    outbox: Outbox,
    storage: StorageNote,
    finder: Finder,
    unsaved: UnsavedPrompt,
    deletion: Deletion,
    conflicts: ConflictChoices,
    changes: Changes,
    /// Disposed with the widget: a draft written after that has nothing to write.
    alive: StoredValue<()>,
}

impl FormState {
    /// The contact remembered for `config`'s server, if any, and the draft an earlier page
    /// left, if any.
    pub fn load(config: &Config) -> Self {
        let storage = StorageNote::new(None);
        let settled = config.api != ApiChoice::Auto;
        let contact = TargetContact::open(settled.then(|| config.contact_key()), storage);
        let (drafts, draft) = DraftStore::open(config.draft_key(), storage);
        let Draft {
            fields,
            custom,
            base,
        } = draft.unwrap_or_default();
        // A draft typed over a saved contact is merged with it once it is loaded.
        if let Some(Base {
            contact: id,
            values,
        }) = base
        {
            contact.drafted_over(&id, values);
        }
        FormState {
            inputs: Inputs::new(fields),
            contact,
            custom: CustomFields::new(custom),
            duplicates: Duplicates::new(),
            drafts,
            outbox: Outbox::new(),
            storage,
            finder: Finder::new(),
            unsaved: UnsavedPrompt::new(),
            deletion: Deletion::new(),
            conflicts: ConflictChoices::new(),
            changes: Changes::new(),
            alive: StoredValue::new(()),
        }
    }

    /// The four contact inputs and their marks.
    pub fn inputs(&self) -> Inputs {
        self.inputs
    }

    /// The contact a save goes to.
    pub fn contact(&self) -> TargetContact {
        self.contact
    }

    /// The custom fields.
    pub fn custom(&self) -> CustomFields {
        self.custom
    }

    /// The duplicate notice's state.
    pub fn duplicates(&self) -> Duplicates {
        self.duplicates
    }

    /// The draft store.
    pub fn drafts(&self) -> DraftStore {
        self.drafts
    }

    /// The save waiting to be sent again, if any.
    pub fn outbox(&self) -> Outbox {
        self.outbox
    }

    /// The "Find a contact" search.
    pub fn finder(&self) -> Finder {
        self.finder
    }

    /// The question asked before unsaved changes would be dropped.
    pub fn unsaved(&self) -> UnsavedPrompt {
        self.unsaved
    }

    /// The delete confirmation.
    pub fn deletion(&self) -> Deletion {
        self.deletion
    }

    /// The values picked among conflicting ones.
    pub fn conflicts(&self) -> ConflictChoices {
        self.conflicts
    }

    /// What a colleague changed meanwhile, while the user chooses.
    pub fn changes(&self) -> Changes {
        self.changes
    }

    /// Whether something typed is not saved yet.
    pub fn has_unsaved_changes(&self) -> bool {
        self.drafts.unsaved()
    }

    /// Why storage cannot keep the contact or the draft (tracked), if it cannot.
    pub fn storage_problem(&self) -> Option<StorageError> {
        self.storage.problem()
    }

    /// Whether the state is still there (its widget not unmounted).
    pub fn is_alive(&self) -> bool {
        !self.alive.is_disposed()
    }

    /// Everything typed now, custom fields included, with what it is typed over.
    pub fn snapshot(&self) -> Draft {
        let base = self.contact.with(|t| {
            let contact = t.contact_id()?.to_owned();
            t.base().map(|values| Base { contact, values })
        });
        Draft {
            fields: self.inputs.draft(),
            custom: self.custom.values(),
            base,
        }
    }

    /// Shows `values` in the fields `parts` (what a merge took from the server, or the values
    /// picked); the others keep what is typed.
    pub fn show(&self, send: &Values, parts: &[Part]) {
        for part in parts {
            match part {
                Part::Field(Field::Name) => self.inputs.set(Field::Name, send.name.clone()),
                Part::Field(Field::ContactManager) => {
                    self.inputs.set(Field::ContactManager, send.manager.clone())
                }
                Part::Field(Field::Email) => self.inputs.set_all(Field::Email, &send.emails),
                Part::Field(Field::Phone) => self.inputs.set_all(Field::Phone, &send.phones),
                Part::Custom(id) => {
                    let value = value_of(&send.custom, id).unwrap_or_default();
                    self.custom.set(id, value.to_owned());
                }
            }
        }
    }

    /// An edit of a contact input: kept, re-checked if marked, and the draft written once
    /// typing pauses.
    pub fn typed(&self, place: Place, value: String) {
        self.inputs.set_at(place, value);
        self.inputs.recheck(place, self.contact.record().as_ref());
        self.edited();
    }

    /// "Add email" or "Add phone": an empty row, whose place is given (to focus it). An empty
    /// row is nothing typed, so the draft is left as it is.
    pub fn add_row(&self, field: Field) -> Place {
        self.inputs.add_row(field)
    }

    /// "Remove email 2" and the like: the row goes (with what it held), and the draft is
    /// written; gives the place the focus goes to.
    pub fn remove_row(&self, place: Place) -> Place {
        let next = self.inputs.remove_row(place);
        self.edited();
        next
    }

    /// An edit of custom field `id`: kept, re-checked if marked, and the draft written once
    /// typing pauses.
    pub fn typed_custom(&self, id: &str, value: String) {
        self.custom.set(id, value);
        self.edited();
    }

    fn edited(&self) {
        let state = *self;
        // Unmounted before the pause is over: the values are gone, nothing is written.
        self.drafts
            .later(move || state.is_alive().then(|| state.snapshot()));
    }

    /// Writes what is typed now as the draft.
    pub fn write_draft(&self) {
        self.drafts.write(&self.snapshot());
    }

    /// Fills the fields that are still empty from a stored record (what the user typed wins).
    pub fn prefill(&self, record: &ContactRecord) {
        self.custom.fill_empty(&record.custom_fields);
        self.inputs.fill_empty(record.draft());
    }

    /// Gives a new contact's empty custom fields their default values.
    pub fn apply_defaults(&self) {
        if !self.contact.with(|t| t.is_existing()) {
            self.custom.apply_defaults();
        }
    }

    /// The remembered contact `id` is gone from the server: forgotten (its questions too), and
    /// the form is ready to register it again. `false` when the form has moved on to another contact meanwhile.
    pub fn contact_gone(&self, id: &str) -> bool {
        let gone = self.contact.gone(id);
        if gone {
            self.leave();
            self.apply_defaults();
        }
        gone
    }

    /// "New contact" (or the contact deleted): forgets the remembered contact, its draft and a
    /// queued save, and empties the form; its questions go ([`FormState::leave`]).
    pub fn forget(&self) {
        self.empty();
        self.contact.forget();
        self.apply_defaults();
    }

    /// What leaving a contact for another (or for none) drops: its questions, the values picked,
    /// a waiting save, the draft, what is typed and the duplicates accepted.
    fn empty(&self) {
        self.leave();
        self.conflicts.clear();
        self.outbox.release();
        self.drafts.drop();
        self.inputs.clear();
        self.custom.clear();
        self.duplicates.clear();
    }

    /// Another contact opened: it becomes the contact this form saves to, and the one
    /// remembered for this server; its values replace the form's; the draft, a waiting save and
    /// every question about the contact before go ([`FormState::leave`]).
    pub fn open(&self, stored: StoredContact, record: ContactRecord) {
        self.empty();
        self.finder.clear();
        self.prefill(&record);
        self.contact.saved(stored, record);
    }

    /// The conflicts are resolved: the contact as it now is replaces the loaded record, and the
    /// fields show the values chosen (the others keep what is typed).
    pub fn resolved(&self, record: ContactRecord, chosen: &Resolution) {
        self.conflicts.clear();
        if chosen.name.is_some() {
            self.inputs.set(Field::Name, record.name.clone());
        }
        if chosen.manager.is_some() {
            let username = record.contact_manager.clone().unwrap_or_default();
            self.inputs.set(Field::ContactManager, username);
        }
        for (id, value) in &chosen.custom {
            self.custom.set(id, value.clone());
        }
        let id = record.id.clone();
        self.contact.loaded(&id, record);
    }

    /// "Update that contact": the duplicate shown becomes the contact this form updates, its
    /// details filling the fields left empty. Gives its name and id, or `None` when it cannot
    /// be updated (it has no token).
    pub fn adopt_duplicate(&self) -> Option<(String, String)> {
        let record = self.duplicates.current()?.record;
        let named = (record.name.clone(), record.id.clone());
        self.prefill(&record);
        if !self.contact.adopt(record) {
            return None;
        }
        self.duplicates.hide();
        Some(named)
    }
}

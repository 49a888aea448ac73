//! The contact form's state. It lives in the widget, not in the form view, so that nothing typed
//! is lost when the view makes way for the sign-in form.

use crate::api::reply::ApiError;
use crate::domain::custom_fields::{self, CustomField, CustomFieldError, Values};
use crate::domain::draft::{Draft, DEBOUNCE_MS};
use crate::domain::duplicate::Duplicate;
use crate::domain::record::ContactRecord;
use crate::domain::target::Target;
use crate::domain::token::StoredContact;
use crate::domain::validate::{ContactDraft, Field, FieldErrors};
use crate::settings::config::Config;
use crate::state::outbox::Outbox;
use crate::web::storage::{self, StorageArea, StorageError};
use crate::web::timer::Timer;
use leptos::prelude::*;
use std::time::Duration;

/// Signals behind the contact form.
#[derive(Debug, Clone, Copy)]
pub struct FormState {
    /// The "Name" input.
    pub name: RwSignal<String>,
    /// The "Email" input.
    pub email: RwSignal<String>,
    /// The "Phone" input.
    pub phone: RwSignal<String>,
    /// The "Contact manager" input.
    pub contact_manager: RwSignal<String>,
    /// Errors shown under the fields.
    pub errors: RwSignal<FieldErrors>,
    /// Which contact a save goes to: new (with a pending token) or remembered (with its record).
    pub target: RwSignal<Target>,
    /// A save is under way (a second submit is ignored).
    pub saving: RwSignal<bool>,
    /// The custom fields the form shows, once loaded.
    pub custom_fields: RwSignal<Option<Vec<CustomField>>>,
    /// Custom field values by id: what is typed, and the record's fields the form does not show.
    pub custom: RwSignal<Values>,
    /// Errors shown under custom fields, by id.
    pub custom_errors: RwSignal<Vec<(String, CustomFieldError)>>,
    /// Why the custom fields could not be loaded, if they could not.
    pub custom_problem: RwSignal<Option<ApiError>>,
    /// A stored contact the new one would collide with, while the user decides.
    pub duplicate: RwSignal<Option<Duplicate>>,
    /// The id of a stored contact the user chose to register beside ("Register anyway"): a
    /// resend (after a 429, or offline) does not ask again.
    pub accepted_duplicate: RwSignal<Option<String>>,
    /// Where the draft is kept.
    draft_key: StoredValue<String>,
    /// The pending draft write (typing restarts it).
    draft_timer: Timer,
    /// Whether the form was filled from a draft left by an earlier page.
    pub draft_restored: RwSignal<bool>,
    /// A save waiting for the network or for a rate limit's wait.
    pub outbox: Outbox,
    /// Set when storage failed: the contact cannot be remembered beyond this page.
    pub storage_problem: RwSignal<Option<StorageError>>,
}

impl FormState {
    /// Empty fields, and the contact remembered for `config`'s server, if any.
    pub fn load(config: &Config) -> Self {
        let (remembered, problem) = match storage::read(StorageArea::Local, &config.contact_key()) {
            Ok(stored) => (stored.as_deref().and_then(StoredContact::decode), None),
            Err(e) => (None, Some(e)),
        };
        let draft_key = config.draft_key();
        let draft = match storage::read(StorageArea::Local, &draft_key) {
            Ok(Some(stored)) => Draft::decode(&stored).filter(|d| !d.is_empty()),
            _ => None,
        };
        let restored = draft.is_some();
        let Draft { fields, custom } = draft.unwrap_or_default();
        FormState {
            name: RwSignal::new(fields.name),
            email: RwSignal::new(fields.email),
            phone: RwSignal::new(fields.phone),
            contact_manager: RwSignal::new(fields.contact_manager),
            errors: RwSignal::new(FieldErrors::default()),
            target: RwSignal::new(Target::from_stored(remembered)),
            saving: RwSignal::new(false),
            custom_fields: RwSignal::new(None),
            custom: RwSignal::new(custom),
            custom_errors: RwSignal::new(Vec::new()),
            custom_problem: RwSignal::new(None),
            duplicate: RwSignal::new(None),
            accepted_duplicate: RwSignal::new(None),
            draft_key: StoredValue::new(draft_key),
            draft_timer: Timer::new(),
            draft_restored: RwSignal::new(restored),
            outbox: Outbox::new(),
            storage_problem: RwSignal::new(problem),
        }
    }

    /// Whether the widget was unmounted (its signals disposed) while a request ran: the answer
    /// then has nowhere to go and must be dropped, since touching a disposed signal panics.
    pub fn is_gone(&self) -> bool {
        self.saving.is_disposed()
    }

    /// The signal of one field's input.
    pub fn value(&self, field: Field) -> RwSignal<String> {
        match field {
            Field::Name => self.name,
            Field::Email => self.email,
            Field::Phone => self.phone,
            Field::ContactManager => self.contact_manager,
        }
    }

    /// What is typed now.
    pub fn draft(&self) -> ContactDraft {
        ContactDraft {
            name: self.name.get_untracked(),
            email: self.email.get_untracked(),
            phone: self.phone.get_untracked(),
            contact_manager: self.contact_manager.get_untracked(),
        }
    }

    /// Everything typed now, custom fields included.
    pub fn snapshot(&self) -> Draft {
        Draft {
            fields: self.draft(),
            custom: self.custom.get_untracked(),
        }
    }

    /// Remembers the contact the server just accepted, with what was sent (only now is the
    /// token written).
    pub fn remember(&self, config: &Config, contact: StoredContact, record: ContactRecord) {
        if let Err(e) = storage::write(StorageArea::Local, &config.contact_key(), &contact.encode())
        {
            self.storage_problem.set(Some(e));
        }
        self.target.update(|t| t.saved(contact, record));
    }

    /// The value typed in the custom field `id`.
    pub fn custom_value(&self, id: &str) -> String {
        self.custom.with(|c| {
            custom_fields::value_of(c, id)
                .unwrap_or_default()
                .to_owned()
        })
    }

    /// Fills the fields that are still empty from a stored record (what the user typed wins).
    pub fn prefill(&self, record: &ContactRecord) {
        let values = record.draft();
        let by_field = [
            &values.name,
            &values.email,
            &values.phone,
            &values.contact_manager,
        ];
        self.custom.update(|typed| {
            for (id, value) in &record.custom_fields {
                custom_fields::fill_empty(typed, id, value.clone());
            }
        });
        for (field, value) in Field::ALL.into_iter().zip(by_field) {
            let signal = self.value(field);
            if signal.with_untracked(String::is_empty) {
                signal.set(value.clone());
            }
        }
    }

    /// Removes the remembered contact from storage only.
    pub fn forget_stored(&self, config: &Config) {
        if let Err(e) = storage::remove(StorageArea::Local, &config.contact_key()) {
            self.storage_problem.set(Some(e));
        }
    }

    /// Called after each edit: the draft is written once typing pauses.
    pub fn edited(&self) {
        let state = *self;
        let write = move || {
            if !state.is_gone() {
                state.write_draft();
            }
        };
        self.draft_timer
            .start(Duration::from_millis(DEBOUNCE_MS), write);
    }

    /// Writes what is typed now as the draft (an empty form leaves none).
    pub fn write_draft(&self) {
        let draft = self.snapshot();
        let key = self.draft_key.get_value();
        let written = if draft.is_empty() {
            storage::remove(StorageArea::Local, &key)
        } else {
            storage::write(StorageArea::Local, &key, &draft.encode())
        };
        if let Err(e) = written {
            self.storage_problem.set(Some(e));
        }
    }

    /// Drops the draft: saved, or given up with "New contact".
    pub fn drop_draft(&self) {
        self.draft_timer.clear();
        // A storage that cannot remove has nothing stored either: nothing to report.
        let _ = storage::remove(StorageArea::Local, &self.draft_key.get_value());
        self.draft_restored.set(false);
    }

    /// "New contact": forgets the remembered token and empties the form.
    pub fn forget(&self, config: &Config) {
        self.outbox.release();
        self.drop_draft();
        self.forget_stored(config);
        self.target.set(Target::default());
        for field in Field::ALL {
            self.value(field).set(String::new());
        }
        self.errors.set(FieldErrors::default());
        self.custom.set(Values::new());
        self.custom_errors.set(Vec::new());
        self.duplicate.set(None);
        self.accepted_duplicate.set(None);
        self.apply_defaults();
    }

    /// Makes a stored contact (a duplicate found before registering) the one this form updates:
    /// its token comes with it, and its details fill the fields left empty. It is remembered in
    /// storage only once a save succeeds.
    pub fn adopt(&self, record: ContactRecord) -> bool {
        self.prefill(&record);
        let Some(target) = Target::adopting(record) else {
            return false;
        };
        self.target.set(target);
        self.duplicate.set(None);
        true
    }

    /// Checks the custom fields as typed with the browser's RegExp; marks the errors and says
    /// how many there are.
    pub fn check_custom(&self) -> usize {
        let fields = self.custom_fields.get_untracked().unwrap_or_default();
        let errors = self.custom.with_untracked(|typed| {
            custom_fields::check_all(&fields, typed, crate::web::text::regexp_matches)
        });
        let count = errors.len();
        self.custom_errors.set(errors);
        count
    }

    /// Gives a new contact's empty custom fields their default values.
    pub fn apply_defaults(&self) {
        if self.target.with_untracked(Target::is_existing) {
            return;
        }
        let fields = self.custom_fields.get_untracked().unwrap_or_default();
        self.custom.update(|typed| {
            for field in fields {
                if let Some(default) = field.default_value {
                    custom_fields::fill_empty(typed, &field.id, default);
                }
            }
        });
    }
}

//! The contact inputs and the errors shown under them.

use crate::domain::agents::Agent;
use crate::domain::field::{Field, FieldError, FieldErrors, Place};
use crate::domain::record::{merge, ContactRecord};
use crate::domain::validate::holds;
use crate::domain::validate::ContactDraft;
use crate::state::form::rows::Rows;
use crate::web::text::lowercase;
use leptos::prelude::*;

/// What is typed in Name, Email, Phone and Contact manager and in the further email and phone
/// rows, and their marks (cheap to copy).
#[derive(Debug, Clone, Copy)]
pub struct Inputs {
    values: [RwSignal<String>; 4],
    rows: Rows,
    errors: RwSignal<FieldErrors>,
    /// The agents the picker lists (the last look-up's): a Contact Center save of one of them
    /// takes its id from here, with no look-up.
    listed: RwSignal<Vec<Agent>>,
}

impl Inputs {
    /// The inputs holding `draft`, unmarked.
    pub fn new(draft: ContactDraft) -> Self {
        let ContactDraft {
            name,
            email,
            phone,
            contact_manager,
            more_emails,
            more_phones,
        } = draft;
        Inputs {
            values: [name, email, phone, contact_manager].map(RwSignal::new),
            rows: Rows::new(more_emails, more_phones),
            errors: RwSignal::new(FieldErrors::default()),
            listed: RwSignal::new(Vec::new()),
        }
    }

    /// One input's value, for the view that shows it.
    pub fn value(&self, field: Field) -> Signal<String> {
        self.values[field as usize].into()
    }

    /// Replaces one input's value.
    pub fn set(&self, field: Field, value: String) {
        self.values[field as usize].set(value);
    }

    /// Replaces every value of `field`: the first input's, then its further rows (a merge took
    /// the server's).
    pub fn set_all(&self, field: Field, values: &[String]) {
        let (first, more) = values
            .split_first()
            .map_or((String::new(), &[][..]), |(f, m)| (f.clone(), m));
        self.set(field, first);
        if matches!(field, Field::Email | Field::Phone) {
            self.rows.replace(field, more.to_vec());
        }
    }

    /// Replaces the value of the input at `place`.
    pub fn set_at(&self, place: Place, value: String) {
        match place.row {
            0 => self.set(place.field, value),
            row => self.rows.set(place.field, row, value),
        }
    }

    /// The further email and phone rows.
    pub fn rows(&self) -> Rows {
        self.rows
    }

    /// Adds an empty row to `field`; gives its place.
    pub fn add_row(&self, field: Field) -> Place {
        let row = self.rows.add(field);
        Place { field, row }
    }

    /// Removes the row at `place` (not a first input) with its mark; gives the place the focus
    /// goes to: the row that moved up into its place, else the one above.
    pub fn remove_row(&self, place: Place) -> Place {
        let Place { field, row } = place;
        self.rows.remove(field, row);
        self.errors.update(|e| e.row_removed(field, row));
        let left = self.rows.values(field).len();
        Place {
            field,
            row: row.min(left),
        }
    }

    /// The input of `field` that holds `value` (as typed or as sent), else its first.
    pub fn place_of(&self, field: Field, value: &str) -> Place {
        let first = self.values[field as usize].get_untracked();
        let rows = self.rows.values(field);
        let row = std::iter::once(&first)
            .chain(&rows)
            .position(|raw| holds(field, raw, value, lowercase));
        Place {
            field,
            row: row.unwrap_or(0),
        }
    }

    /// What is typed now.
    pub fn draft(&self) -> ContactDraft {
        let [name, email, phone, contact_manager] = self.values.map(|v| v.get_untracked());
        ContactDraft {
            name,
            email,
            phone,
            contact_manager,
            more_emails: self.rows.values(Field::Email),
            more_phones: self.rows.values(Field::Phone),
        }
    }

    /// Fills the inputs that are still empty from `values` (what the user typed wins; further
    /// rows are filled when none holds anything).
    pub fn fill_empty(&self, values: ContactDraft) {
        let ContactDraft {
            name,
            email,
            phone,
            contact_manager,
            more_emails,
            more_phones,
        } = values;
        for (field, more) in [(Field::Email, more_emails), (Field::Phone, more_phones)] {
            if self.rows.blank(field) && !more.is_empty() {
                self.rows.replace(field, more);
            }
        }
        for (signal, value) in self
            .values
            .iter()
            .zip([name, email, phone, contact_manager])
        {
            if signal.with_untracked(String::is_empty) {
                signal.set(value);
            }
        }
    }

    /// The picker's new list of agents (a look-up's answer).
    pub fn list_agents(&self, agents: Vec<Agent>) {
        self.listed.set(agents);
    }

    /// Reads the agents the picker lists (tracked).
    pub fn with_agents<R>(&self, f: impl FnOnce(&Vec<Agent>) -> R) -> R {
        self.listed.with(f)
    }

    /// Reads the agents the picker lists, for a handler (untracked).
    pub fn with_agents_now<R>(&self, f: impl FnOnce(&Vec<Agent>) -> R) -> R {
        self.listed.with_untracked(f)
    }

    /// The user id of agent `username`, if the picker lists it.
    pub fn agent_id(&self, username: &str) -> Option<String> {
        self.listed.with_untracked(|listed| {
            let agent = listed.iter().find(|a| a.username == username)?;
            agent.id.clone()
        })
    }

    /// Empties every input and its mark.
    pub fn clear(&self) {
        for signal in self.values {
            signal.set(String::new());
        }
        self.rows.clear();
        self.errors.set(FieldErrors::default());
    }

    /// The error shown under `field`'s first input (tracked).
    pub fn error(&self, field: Field) -> Option<FieldError> {
        self.error_at(Place::first(field))
    }

    /// The error shown under the input at `place` (tracked).
    pub fn error_at(&self, place: Place) -> Option<FieldError> {
        self.errors.with(|e| e.at(place).copied())
    }

    /// Marks exactly `errors` (none: every mark goes).
    pub fn mark(&self, errors: FieldErrors) {
        self.errors.set(errors);
    }

    /// Marks one field, keeping the others' marks (a refusal from the server).
    pub fn mark_one(&self, field: Field, error: FieldError) {
        self.errors.update(|e| e.set(field, Some(error)));
    }

    /// After an edit: re-checks the input at `place` if it is marked, so the mark goes as soon
    /// as it is fixed (an unmarked input is not judged while it is being typed).
    pub fn recheck(&self, place: Place, record: Option<&ContactRecord>) {
        if self.errors.with_untracked(|e| e.at(place).is_none()) {
            return;
        }
        let errors = merge(record, &self.draft(), lowercase).err();
        let error = errors.and_then(|e| e.at(place).copied());
        self.errors.update(|e| e.set_at(place, error));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(name: &str, email: &str) -> Inputs {
        Inputs::new(ContactDraft {
            name: name.into(),
            email: email.into(),
            ..ContactDraft::default()
        })
    }

    #[test]
    fn a_marked_field_loses_its_mark_once_fixed_and_an_unmarked_one_is_not_judged() {
        let inputs = typed("", "not-an-email");
        inputs.mark(merge(None, &inputs.draft(), lowercase).unwrap_err());
        assert!(inputs.error(Field::Name).is_some());
        assert!(inputs.error(Field::Email).is_some());

        inputs.set(Field::Name, "Ada".into());
        inputs.recheck(Place::first(Field::Name), None);
        assert_eq!(inputs.error(Field::Name), None);
        // Email is still wrong and still marked: rechecking Name leaves it alone.
        assert!(inputs.error(Field::Email).is_some());

        inputs.mark(FieldErrors::default());
        inputs.set(Field::Phone, "12".into());
        inputs.recheck(Place::first(Field::Phone), None);
        assert_eq!(inputs.error(Field::Phone), None, "not judged while typed");
    }

    #[test]
    fn a_removed_row_takes_its_mark_along_and_the_focus_goes_to_a_neighbour() {
        let inputs = typed("Ada", "a@x.co");
        let email2 = inputs.add_row(Field::Email);
        let email3 = inputs.add_row(Field::Email);
        inputs.set_at(email2, "a@x.co".into());
        inputs.set_at(email3, "bad".into());
        inputs.mark(merge(None, &inputs.draft(), lowercase).unwrap_err());
        assert_eq!(inputs.error_at(email2), Some(FieldError::AlreadyListed));

        assert_eq!(inputs.place_of(Field::Email, "bad"), email3);
        assert_eq!(
            inputs.place_of(Field::Email, "zz@x.co"),
            Place::first(Field::Email)
        );
        assert_eq!(inputs.remove_row(email2), email2, "Email 3 moved up");
        assert_eq!(inputs.error_at(email2), Some(FieldError::EmailShape));
        assert_eq!(inputs.error_at(email3), None);
        inputs.set_at(email2, "b@x.co".into());
        inputs.recheck(email2, None);
        assert_eq!(inputs.error_at(email2), None);
        assert_eq!(inputs.draft().more_emails, ["b@x.co"]);
        assert_eq!(inputs.remove_row(email2), Place::first(Field::Email));
        assert!(inputs.draft().more_emails.is_empty());
    }

    #[test]
    fn filling_from_a_record_keeps_what_was_typed() {
        let inputs = typed("Typed", "");
        inputs.fill_empty(ContactDraft {
            name: "Stored".into(),
            email: "stored@example.com".into(),
            phone: "+4930123456".into(),
            contact_manager: String::new(),
            more_phones: vec!["+4930999".into()],
            ..Default::default()
        });
        let draft = inputs.draft();
        assert_eq!(draft.name, "Typed");
        assert_eq!(draft.email, "stored@example.com");
        assert_eq!(draft.phone, "+4930123456");
        assert_eq!(draft.more_phones, ["+4930999"]);
        inputs.clear();
        assert_eq!(inputs.draft(), ContactDraft::default());
    }
}

//! The four contact inputs and the errors shown under them.

use crate::domain::agents::Agent;
use crate::domain::field::{Field, FieldError, FieldErrors};
use crate::domain::record::{merge, ContactRecord};
use crate::domain::validate::ContactDraft;
use crate::web::text::lowercase;
use leptos::prelude::*;

/// What is typed in Name, Email, Phone and Contact manager, and their marks (cheap to copy).
#[derive(Debug, Clone, Copy)]
pub struct Inputs {
    values: [RwSignal<String>; 4],
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
        } = draft;
        Inputs {
            values: [name, email, phone, contact_manager].map(RwSignal::new),
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

    /// What is typed now.
    pub fn draft(&self) -> ContactDraft {
        let [name, email, phone, contact_manager] = self.values.map(|v| v.get_untracked());
        ContactDraft {
            name,
            email,
            phone,
            contact_manager,
        }
    }

    /// Fills the inputs that are still empty from `values` (what the user typed wins).
    pub fn fill_empty(&self, values: ContactDraft) {
        let ContactDraft {
            name,
            email,
            phone,
            contact_manager,
        } = values;
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
        self.errors.set(FieldErrors::default());
    }

    /// The error shown under `field` (tracked), as the sentence shown.
    pub fn error(&self, field: Field) -> Option<FieldError> {
        self.errors.with(|e| e.get(field).copied())
    }

    /// Marks exactly `errors` (none: every mark goes).
    pub fn mark(&self, errors: FieldErrors) {
        self.errors.set(errors);
    }

    /// Marks one field, keeping the others' marks (a refusal from the server).
    pub fn mark_one(&self, field: Field, error: FieldError) {
        self.errors.update(|e| e.set(field, Some(error)));
    }

    /// After an edit: re-checks `field` if it is marked, so the mark goes as soon as it is
    /// fixed (an unmarked field is not judged while it is being typed).
    pub fn recheck(&self, field: Field, record: Option<&ContactRecord>) {
        if self.errors.with_untracked(|e| e.get(field).is_none()) {
            return;
        }
        let errors = merge(record, &self.draft(), lowercase).err();
        let error = errors.and_then(|e| e.get(field).copied());
        self.errors.update(|e| e.set(field, error));
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
        inputs.recheck(Field::Name, None);
        assert_eq!(inputs.error(Field::Name), None);
        // Email is still wrong and still marked: rechecking Name leaves it alone.
        assert!(inputs.error(Field::Email).is_some());

        inputs.mark(FieldErrors::default());
        inputs.set(Field::Phone, "12".into());
        inputs.recheck(Field::Phone, None);
        assert_eq!(inputs.error(Field::Phone), None, "not judged while typed");
    }

    #[test]
    fn filling_from_a_record_keeps_what_was_typed() {
        let inputs = typed("Typed", "");
        inputs.fill_empty(ContactDraft {
            name: "Stored".into(),
            email: "stored@example.com".into(),
            phone: "+4930123456".into(),
            contact_manager: String::new(),
        });
        let draft = inputs.draft();
        assert_eq!(draft.name, "Typed");
        assert_eq!(draft.email, "stored@example.com");
        assert_eq!(draft.phone, "+4930123456");
        inputs.clear();
        assert_eq!(inputs.draft(), ContactDraft::default());
    }
}

//! The questions the form asks, each about the contact it shows: "Delete …?", "Open another
//! contact over unsaved changes?", the duplicate warning and a colleague's change. They all go
//! when the form no longer shows that contact, through one [`FormState::leave`], which every way
//! of leaving a contact calls (opening another, New contact or a delete, the contact gone from
//! the server, the form view gone at sign-out or unmount). Conflicting values are not a question
//! but a property of the record shown: they go with it.

use crate::state::form::form_state::FormState;

/// A question the form asks about the contact it shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Question {
    /// "Delete <name>? This cannot be undone."
    Delete,
    /// "You have unsaved changes. Open <name> anyway?"
    Unsaved,
    /// "This contact may already exist …"
    Duplicate,
    /// "<name> was changed on the server since you opened it."
    Changed,
}

impl Question {
    /// Every question: what [`FormState::leave`] drops, what the lazy part of the questions
    /// waits for, and what the transitions test asks before each way of leaving a contact.
    pub const ALL: [Question; 4] = [
        Question::Delete,
        Question::Unsaved,
        Question::Duplicate,
        Question::Changed,
    ];
}

impl FormState {
    /// Whether `question` is asked now (tracked).
    pub fn asks(&self, question: Question) -> bool {
        match question {
            Question::Delete => self.deletion().asked(),
            Question::Unsaved => self.unsaved().shown().is_some(),
            Question::Duplicate => self.duplicates().shown().is_some(),
            Question::Changed => self.changes().is_asked(),
        }
    }

    /// The form leaves the contact it shows: every question about it goes (an unsaved-changes
    /// question still waiting is answered "keep editing"). Nothing once the widget is gone.
    pub fn leave(&self) {
        if !self.is_alive() {
            return;
        }
        for question in Question::ALL {
            match question {
                Question::Delete => self.deletion().ask(false),
                Question::Unsaved => self.unsaved().answer(false),
                Question::Duplicate => self.duplicates().hide(),
                Question::Changed => self.changes().clear(),
            }
        }
    }
}

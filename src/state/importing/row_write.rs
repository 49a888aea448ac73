//! An import row as the destination of the one write (`saving::write`): a new contact, or the
//! contact on the server the row adds to ("Add what is new"), whose record as found is the base
//! of the three-way merge, so a colleague's change made meanwhile is kept. The row says nothing
//! in the status region (the import shows its own progress) and chose nothing beforehand.

use crate::domain::custom_fields;
use crate::domain::merge::{self, Merged, Values};
use crate::domain::record::ContactRecord;
use crate::domain::target::Target;
use crate::domain::texts::Text;
use crate::state::form::form_state::FormState;
use crate::state::saving::write::Destination;
use std::cell::RefCell;

/// One row's write.
pub struct RowWrite {
    form: FormState,
    target: RefCell<Target>,
    /// The record as found, for a row added to an existing contact.
    base: Option<Values>,
}

impl RowWrite {
    /// A row that makes a new contact; `form` knows the custom fields the import may send.
    pub fn new(form: FormState) -> Self {
        RowWrite {
            form,
            target: RefCell::new(Target::default()),
            base: None,
        }
    }

    /// A row added to `target`, the contact found on the server as `found`.
    pub fn adding(form: FormState, target: Target, found: &ContactRecord) -> Self {
        RowWrite {
            form,
            target: RefCell::new(target),
            base: Some(Values::of(found)),
        }
    }
}

impl Destination for RowWrite {
    fn target(&self) -> Target {
        self.target.borrow().clone()
    }

    fn since(&self) -> Option<String> {
        None
    }

    fn busy(&self, _step: Text) {}

    fn catch_up(&self, server: ContactRecord, here: &Values, center: bool) -> Option<Merged> {
        let merged = merge::over(self.base.clone(), &server, here, center);
        let id = server.id.clone();
        self.target
            .borrow_mut()
            .rebase(&id, server, Some(merged.base.clone()));
        Some(merged)
    }

    fn as_sent(&self, custom: custom_fields::Values, center: bool) -> custom_fields::Values {
        self.form.custom().as_sent(custom, center)
    }

    fn adopt(&self, found: ContactRecord) {
        if let Some(target) = Target::adopting(found) {
            *self.target.borrow_mut() = target;
        }
    }

    fn accepted(&self) -> Vec<String> {
        Vec::new()
    }

    fn listed_manager(&self, _username: &str) -> Option<String> {
        None
    }

    fn sending(&self, token: &str, _create: bool) {
        self.target.borrow_mut().pending(token);
    }

    fn not_created(&self) {}
}

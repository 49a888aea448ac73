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
use std::cell::{Cell, RefCell};

/// One row's write.
pub struct RowWrite {
    form: FormState,
    target: RefCell<Target>,
    /// The record as found, for a row added to an existing contact.
    base: Option<Values>,
    /// When this row's Contact Center create may first have gone, when it may have.
    since: RefCell<Option<String>>,
    /// Whether a create of this row's, whose answer was lost, was found and is updated now.
    adopted: Cell<bool>,
    /// A contact manager the import resolved before: username, agent id.
    manager: Option<(String, String)>,
    /// No contact on the server has the row's emails and phones, as the import listed them.
    looked_up: bool,
}

impl RowWrite {
    /// A row that makes a new contact with `token` (the same every try); `since` when it was
    /// sent before without an answer (a reload, the network), so the write first looks for
    /// the contact that send may have made. `form` knows the custom fields the import may send.
    pub fn new(form: FormState, token: &str, since: Option<String>) -> Self {
        let mut target = Target::default();
        target.pending(token);
        RowWrite {
            form,
            target: RefCell::new(target),
            base: None,
            since: RefCell::new(since),
            adopted: Cell::new(false),
            manager: None,
            looked_up: false,
        }
    }

    /// No contact on the server has the row's emails and phones: the import listed them all,
    /// so the write looks for none.
    pub fn looked_up(mut self) -> Self {
        self.looked_up = true;
        self
    }

    /// Agent `id` is user `username`, as the import found before (no look-up needed).
    pub fn knowing(mut self, username: &str, id: String) -> Self {
        self.manager = Some((username.to_owned(), id));
        self
    }

    /// A row added to `target`, the contact found on the server as `found`.
    pub fn adding(form: FormState, target: Target, found: &ContactRecord) -> Self {
        RowWrite {
            form,
            target: RefCell::new(target),
            base: Some(Values::of(found)),
            since: RefCell::new(None),
            adopted: Cell::new(false),
            manager: None,
            looked_up: false,
        }
    }

    /// Whether the contact written is one this row made before, its answer lost.
    pub fn adopted(&self) -> bool {
        self.adopted.get()
    }
}

impl Destination for RowWrite {
    fn target(&self) -> Target {
        self.target.borrow().clone()
    }

    fn since(&self) -> Option<String> {
        self.since.borrow().clone()
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
            self.adopted.set(true);
        }
    }

    fn accepted(&self) -> Vec<String> {
        Vec::new()
    }

    fn listed_manager(&self, username: &str) -> Option<String> {
        let (known, id) = self.manager.as_ref()?;
        (known == username).then(|| id.clone())
    }

    fn sending(&self, token: &str, _create: bool) {
        self.target.borrow_mut().pending(token);
    }

    fn not_created(&self) {
        self.since.replace(None);
    }

    fn looked_up(&self) -> bool {
        self.looked_up
    }
}

//! The form as the destination of the one write: the contact it shows (and remembers), the
//! choices its user made (a duplicate saved beside, an agent picked from the list), and the
//! status region where the write's steps are said.

use crate::api::reply::ApiError;
use crate::api::Client;
use crate::domain::custom_fields;
use crate::domain::draft::Draft;
use crate::domain::merge::{Merged, Values};
use crate::domain::record::ContactRecord;
use crate::domain::target::Target;
use crate::domain::texts::Text;
use crate::state::form::form_state::FormState;
use crate::state::saving::merging;
use crate::state::saving::write::{reread, Destination};
use crate::state::widget::session::Session;
use crate::state::widget::status::Status;
use std::cell::Cell;

/// The form as a write's destination: its contact, its choices, its status region.
pub struct FormWrite {
    session: Session,
    state: FormState,
    /// What the form held when the save went out.
    sent: Cell<Option<Draft>>,
}

impl FormWrite {
    /// The form of `state`, which says its steps in `session`'s status region.
    pub fn new(session: Session, state: FormState) -> Self {
        FormWrite {
            session,
            state,
            sent: Cell::new(None),
        }
    }

    /// What the form held when the save went out (empty before).
    pub fn sent(&self) -> Draft {
        self.sent.take().unwrap_or_default()
    }
}

impl Destination for FormWrite {
    fn target(&self) -> Target {
        self.state.contact().with(Target::clone)
    }

    fn since(&self) -> Option<String> {
        self.state.contact().since()
    }

    fn busy(&self, step: Text) {
        self.session.say(Status::Busy(self.session.text(step)));
    }

    fn catch_up(&self, server: ContactRecord, here: &Values, center: bool) -> Option<Merged> {
        merging::catch_up(self.session, self.state, server, here, center)
    }

    fn as_sent(&self, custom: custom_fields::Values, center: bool) -> custom_fields::Values {
        self.state.custom().as_sent(custom, center)
    }

    fn adopt(&self, found: ContactRecord) {
        self.state.contact().adopt(found);
    }

    fn accepted(&self) -> Vec<String> {
        self.state.duplicates().accepted()
    }

    fn listed_manager(&self, username: &str) -> Option<String> {
        self.state.inputs().agent_id(username)
    }

    fn sending(&self, token: &str, create: bool) {
        self.state.contact().pending(token, create);
        self.sent.set(Some(self.state.snapshot()));
    }

    fn not_created(&self) {
        self.state.contact().not_created();
    }
}

/// Before a write that does not send the form (Resolve, Delete): reads the contact again and
/// lays what is typed over it. `Some(true)` when it changed since the form last read it (the
/// write should ask again), `None` when the server no longer has it.
pub async fn recheck(
    session: Session,
    state: FormState,
    client: &Client,
) -> Result<Option<bool>, ApiError> {
    let conflicts = state
        .contact()
        .with(|t| t.record().map(|r| r.conflicts.clone()));
    let to = FormWrite::new(session, state);
    let Some(merged) = reread(client, &to, &merging::typed(state)).await? else {
        return Ok(None);
    };
    let now = state
        .contact()
        .with(|t| t.record().map(|r| r.conflicts.clone()));
    let asked = !merged.taken.is_empty() || !merged.clashes.is_empty();
    Ok(Some(asked || now != conflicts))
}

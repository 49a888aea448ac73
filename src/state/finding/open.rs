//! Opening a contact by its id, top to bottom: from a search result, or for the host page
//! (`contactId`, `handle.open`). The contact is loaded in full, the user is asked first when
//! what they typed would be dropped, and the form then saves to it.

use crate::api::reply::ApiError;
use crate::domain::texts::Text;
use crate::domain::token::StoredContact;
use crate::state::form::contact::new_token;
use crate::state::form::form_state::FormState;
use crate::state::form::loading;
use crate::state::saving::merging;
use crate::state::saving::submit::report;
use crate::state::widget::panel::Panel;
use crate::state::widget::session::Session;
use crate::state::widget::status::Status;
use futures_channel::oneshot;

/// How an open ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Opened {
    /// The form shows the contact and saves to it.
    Yes,
    /// The user chose "Keep editing": nothing changed.
    Kept,
    /// The server has no contact with that id: nothing changed.
    Missing,
    /// A save is under way: nothing changed.
    Busy,
    /// The contact could not be loaded (said in the status region, as a save's failure is).
    Failed(ApiError),
}

/// Opens contact `id`: loads it through the API the form saves with, asks before dropping
/// unsaved changes, then fills the form from it and remembers it for this server.
pub async fn open(session: Session, state: FormState, id: String) -> Opened {
    if session.writes().is_busy_now() {
        // Switching now would let the save's answer remember the old contact for the new one.
        session.say(Status::Busy(session.text(Text::WaitForSave)));
        return Opened::Busy;
    }
    session.say(Status::Busy(session.text(Text::Opening)));
    let loaded = match loading::settle_api(session, state).await {
        Ok(()) => match session.client() {
            Ok(client) => client.load(&id).await.map(|r| (r, client.contact_center())),
            Err(e) => Err(e),
        },
        Err(e) => Err(e),
    };
    let (record, center) = match loaded {
        Ok((Some(record), center)) => (record, center),
        Ok((None, _)) => {
            let said = session
                .texts_now()
                .fill(Text::NoSuchContact, &[("id", &id)]);
            session.say(Status::Failed(said));
            return Opened::Missing;
        }
        Err(error) => {
            report(session, state, &error);
            return Opened::Failed(error);
        }
    };
    // A legacy visitor is updated through its own token; a Contact Center contact has none and
    // gets the key this browser keeps it by.
    let token = if center {
        new_token()
    } else {
        record.token.clone()
    };
    let Some(token) = token else {
        let error = ApiError::Unexpected { status: 200 };
        report(session, state, &error);
        return Opened::Failed(error);
    };
    let name = record.shown_name(&session.texts_now()).to_owned();
    let unknown = record.unknown;
    // What is typed was typed for this very contact (a draft after a reload, the host page
    // naming it again): it is laid over the contact as it is now, nothing asked, nothing lost.
    let same = state
        .contact()
        .with(|t| t.contact_id() == Some(id.as_str()));
    if same && state.has_unsaved_changes() {
        let here = merging::typed(state);
        let merged = merging::catch_up(session, state, record, &here, center);
        let mut said = session
            .texts_now()
            .fill(Text::Opened, &[("name", &name), ("id", &id)]);
        if let Some(note) = merged.and_then(|m| merging::kept_note(session, state, &m.taken)) {
            said = format!("{said} {note}");
        }
        session.say(Status::Done(said));
        session.announce_opened(&id, unknown);
        return Opened::Yes;
    }
    if state.has_unsaved_changes() && !state.unsaved().ask(name.clone()).await {
        session.say(Status::Idle);
        return Opened::Kept;
    }
    let stored = StoredContact {
        token,
        contact_id: Some(record.id.clone()),
    };
    state.open(stored, record);
    let said = session
        .texts_now()
        .fill(Text::Opened, &[("name", &name), ("id", &id)]);
    session.say(Status::Done(said));
    session.announce_opened(&id, unknown);
    Opened::Yes
}

/// What the host page's `handle.open(id)` reaches: one widget's session and form (cheap to
/// copy; it outlives nothing, as its signals go with the widget).
#[derive(Debug, Clone, Copy)]
pub struct Opener {
    session: Session,
    state: FormState,
}

impl Opener {
    /// The opener of the widget whose parts these are.
    pub fn new(session: Session, state: FormState) -> Self {
        Opener { session, state }
    }

    /// Shows the import, when someone is signed in (`false` otherwise).
    pub fn open_import(&self) -> bool {
        let signed_in = self.session.is_signed_in_now();
        if signed_in {
            self.session.show(Panel::Import);
        }
        signed_in
    }

    /// Opens `id` as the widget's own task; the answer says how it ended (an error when the
    /// widget went first).
    pub fn request(&self, id: String) -> oneshot::Receiver<Opened> {
        let (sender, receiver) = oneshot::channel();
        let Opener { session, state } = *self;
        session.spawn(async move {
            let _ = sender.send(open(session, state, id).await);
        });
        receiver
    }
}

//! Deleting the Contact Center contact the form shows, top to bottom. A deleted contact is
//! forgotten here (its id, draft and queued save) and the form is ready for a new one.

use crate::api::reply::ApiError;
use crate::domain::texts::Text;
use crate::state::form::form_state::FormState;
use crate::state::form::loading::gone;
use crate::state::saving::form_write;
use crate::state::saving::merging;
use crate::state::saving::submit::report;
use crate::state::widget::session::Session;
use crate::state::widget::status::Status;

/// How a delete ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Deleted {
    /// Gone from the server, and forgotten here: the form is ready for a new contact.
    Yes,
    /// Nothing to delete (no saved contact), or a save under way.
    Nothing,
    /// The server has no `contacts.delete` (before Rocket.Chat's newest releases).
    Unsupported,
    /// Refused or failed, as a save's failure is said.
    Failed(ApiError),
    /// Changed on the server since it was read: the confirmation asks again, with its name now.
    Changed,
    /// Already gone from the server (deleted meanwhile): forgotten here, as a save finds it.
    Gone,
}

/// Deletes the contact the form shows (`contacts.delete`), then forgets it and empties the form.
/// Like a save, it runs alone: no save starts meanwhile, and none may be under way.
pub async fn delete(session: Session, state: FormState) -> Deleted {
    state.deletion().ask(false);
    let Some(id) = state.contact().with(|t| t.contact_id().map(str::to_owned)) else {
        return Deleted::Nothing;
    };
    let Some(writing) = session.writes().begin() else {
        return Deleted::Nothing;
    };
    // Read again first: a contact changed meanwhile is asked about again, with its name now.
    session.say(Status::Busy(session.text(Text::Deleting)));
    let result = match session.client() {
        Ok(client) => match form_write::recheck(session, state, &client).await {
            Ok(Some(false)) => client.center_delete(&id).await,
            Ok(Some(true)) => {
                drop(writing);
                session.say(Status::Failed(merging::changed_text(session, state)));
                state.deletion().ask(true);
                return Deleted::Changed;
            }
            Ok(None) => {
                drop(writing);
                gone(session, state, &id);
                return Deleted::Gone;
            }
            Err(e) => Err(e),
        },
        Err(e) => Err(e),
    };
    drop(writing);
    match result {
        Ok(()) => {
            state.forget();
            session.say(Status::Done(session.text(Text::Deleted)));
            session.announce_deleted(&id);
            Deleted::Yes
        }
        Err(ApiError::Unexpected { status: 404 }) => {
            session.say(Status::Failed(session.text(Text::CannotDelete)));
            Deleted::Unsupported
        }
        Err(error) => {
            report(session, state, &error);
            Deleted::Failed(error)
        }
    }
}

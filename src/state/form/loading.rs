//! What the form loads from the server before it can save safely: which API it has (with
//! `api: "auto"`: it decides where the contact is remembered), the custom field definitions (so
//! required fields are asked for) and the remembered contact (so an update sends back every
//! field it has).

use crate::api::detect;
use crate::api::reply::ApiError;
use crate::domain::target::Target;
use crate::domain::texts::Text;
use crate::state::form::form_state::FormState;
use crate::state::saving::merging;
use crate::state::widget::session::Session;
use crate::state::widget::status::Status;

/// Whether something the save depends on has not been loaded yet.
pub fn needs_loading(state: FormState) -> bool {
    state.contact().unsettled()
        || state.contact().with(Target::needs_record)
        || state.custom().needs_loading()
}

/// Loads whatever is missing (in a task of [`Session::spawn`], which ends at unmount). Custom
/// fields that cannot be loaded are noted under the form and do not stop a save (the server
/// still checks them); a record that cannot be loaded does, because an update without it would
/// wipe the fields the form does not show.
pub async fn load(session: Session, state: FormState) -> Result<(), ApiError> {
    settle_api(session, state).await?;
    if state.custom().needs_loading() {
        load_custom_fields(session, state).await?;
    }
    load_record(session, state).await
}

/// With `api: "auto"`, asks the server which API it has (once), which decides where the
/// contact is remembered and which routes find and save it.
pub async fn settle_api(session: Session, state: FormState) -> Result<(), ApiError> {
    if state.contact().unsettled() {
        let api = detect::choose(&session.config(), session.client().ok()).await?;
        session.use_api(api);
        state.contact().settle(session.config().contact_key());
    }
    Ok(())
}

async fn load_custom_fields(session: Session, state: FormState) -> Result<(), ApiError> {
    match session.client()?.load_custom_fields().await {
        Ok(fields) => {
            state.custom().loaded(fields);
            state.apply_defaults();
            Ok(())
        }
        Err(ApiError::SignedOut) => Err(ApiError::SignedOut),
        Err(other) => {
            state.custom().failed(other);
            Ok(())
        }
    }
}

/// Loads the remembered contact and fills the form's empty fields from it. A contact the server
/// no longer has is forgotten here (its token is kept, so the next save registers it again).
async fn load_record(session: Session, state: FormState) -> Result<(), ApiError> {
    let Some(id) = state
        .contact()
        .with(|t| t.needs_record().then(|| t.contact_id().map(str::to_owned)))
        .flatten()
    else {
        return Ok(());
    };
    let loaded = session.client()?.load(&id).await?;
    // "New contact" (or another save) may have changed the contact while this was loading: then
    // this answer belongs to a contact the form no longer shows, and the target ignores it.
    match loaded {
        // A draft typed over an older copy of this contact is laid over it as it is now.
        Some(record) if state.contact().with(Target::has_own_base) => {
            let center = session.client()?.contact_center();
            let here = merging::typed(state);
            if let Some(merged) = merging::catch_up(session, state, record, &here, center) {
                if let Some(note) = merging::kept_note(session, state, &merged.taken) {
                    session.say(Status::Done(note));
                }
            }
        }
        Some(record) => {
            let shown = record.clone();
            if state.contact().loaded(&id, record) {
                state.prefill(&shown);
            }
        }
        None => gone(session, state, &id),
    }
    Ok(())
}

/// What the status says when the remembered contact is gone from the server.
pub fn gone_text(session: Session, id: &str) -> String {
    session.texts_now().fill(Text::ContactGone, &[("id", id)])
}

/// The remembered contact `id` is gone from the server: forgotten (the next save registers it
/// again), and said, unless the form has moved on meanwhile.
pub fn gone(session: Session, state: FormState, id: &str) {
    if state.contact_gone(id) {
        session.say(Status::Failed(gone_text(session, id)));
    }
}

//! Loading the remembered contact from the server, so the form shows it and an update can send
//! back every field it has.

use crate::api;
use crate::form_state::FormState;
use crate::reply::ApiError;
use crate::session::Session;
use crate::status::Status;
use leptos::prelude::*;

/// Whether a remembered contact has not been loaded yet (an update must wait for it).
pub fn needs_loading(state: FormState) -> bool {
    state.remembered_id().is_some() && state.record.with_untracked(Option::is_none)
}

/// Loads the remembered contact and fills the form's empty fields from it. A contact the server
/// no longer has is forgotten here (its token is kept, so the next save registers it again).
pub async fn load(session: Session, state: FormState) -> Result<(), ApiError> {
    let remembered = state.remembered.get_untracked();
    let Some((token, id)) = remembered.and_then(|c| Some((c.token, c.contact_id?))) else {
        return Ok(());
    };
    let credentials = session
        .credentials
        .get_untracked()
        .ok_or(ApiError::SignedOut)?;
    let config = session.config.get_value();
    let loaded = api::load_contact(&config, &credentials, &id).await?;
    // "New contact" (or another save) may have changed the contact while this was loading: then
    // this answer belongs to a contact the form no longer shows.
    let still_shown = state.remembered_id().as_deref() == Some(id.as_str());
    if !still_shown {
        return Ok(());
    }
    match loaded {
        Some(record) => {
            state.prefill(&record.draft());
            state.record.set(Some(record));
        }
        None => {
            state.forget_remembered(&config);
            state.pending_token.set(Some(token));
            session.status.set(Status::Failed(format!(
                "The remembered contact (id {id}) no longer exists on the server; saving registers it again."
            )));
        }
    }
    Ok(())
}

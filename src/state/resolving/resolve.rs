//! Conflicting values, top to bottom: the choices the notice shows, and "Resolve", which saves
//! the values picked and empties the contact's conflicts.

use crate::api::wire::center::Resolve;
use crate::domain::conflicts::{self, Choice};
use crate::domain::texts::Text;
use crate::state::form::form_state::FormState;
use crate::state::form::loading::gone;
use crate::state::saving::form_write;
use crate::state::saving::merging;
use crate::state::saving::submit::report;
use crate::state::widget::session::Session;
use crate::state::widget::status::Status;

/// The choices of the contact the form shows (tracked: they follow the contact).
pub fn shown(state: FormState) -> Vec<Choice> {
    state
        .contact()
        .with_tracked(|t| t.record().map(conflicts::choices))
        .unwrap_or_default()
}

/// "Resolve": saves the values picked and empties the contact's conflicts; the form then shows
/// the values chosen. A save that does not resolve keeps the conflicts as they are. It is a
/// save: none other runs meanwhile (a second press does nothing).
pub async fn resolve(session: Session, state: FormState) -> bool {
    let Some(record) = state.contact().record() else {
        return false;
    };
    let Some(writing) = session.writes().begin() else {
        return false;
    };
    // A colleague may have changed the contact (or its conflicts) meanwhile: then the form and
    // the notice show it as it is now, and the user resolves again.
    session.say(Status::Busy(session.text(Text::LoadingContact)));
    let checked = match session.client() {
        Ok(client) => form_write::recheck(session, state, &client).await,
        Err(e) => Err(e),
    };
    match checked {
        Ok(Some(false)) => {}
        outcome => {
            drop(writing);
            match outcome {
                Ok(Some(_)) => session.say(Status::Failed(merging::changed_text(session, state))),
                Ok(None) => gone(session, state, &record.id),
                Err(error) => report(session, state, &error),
            }
            return false;
        }
    }
    let Some(record) = state.contact().record() else {
        drop(writing);
        return false;
    };
    let choices = conflicts::choices(&record);
    let picked = state.conflicts().picked_now();
    let chosen = conflicts::resolution(&choices, &picked);
    // Every custom field, the chosen values in place: an update (before 7.7) replaces the set.
    let mut custom = record.custom_fields.clone();
    for (key, value) in &chosen.custom {
        match custom.iter_mut().find(|(k, _)| k == key) {
            Some(pair) => pair.1 = value.clone(),
            None => custom.push((key.clone(), value.clone())),
        }
    }
    let body = Resolve {
        contact_id: &record.id,
        name: chosen.name.as_deref(),
        contact_manager: chosen.manager.as_deref(),
        custom_fields: (!chosen.custom.is_empty()).then_some(&custom),
        wipe_conflicts: true,
    };
    session.say(Status::Busy(session.text(Text::Resolving)));
    let result = match session.client() {
        Ok(client) => match client.center_resolve(&body).await {
            Ok(mut updated) => {
                client.name_managers(&mut updated).await;
                Ok(updated)
            }
            Err(e) => Err(e),
        },
        Err(e) => Err(e),
    };
    drop(writing);
    match result {
        Ok(updated) => {
            state.resolved(updated, &chosen);
            session.say(Status::Done(session.text(Text::Resolved)));
            true
        }
        Err(error) => {
            report(session, state, &error);
            false
        }
    }
}

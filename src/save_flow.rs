//! The save pipeline behind the contact form: check what is typed, look for a duplicate before
//! a new contact is registered, send, and show the outcome.

use crate::api;
use crate::config::Config;
use crate::contact::{field_error, request_body};
use crate::credentials::Credentials;
use crate::custom_fields;
use crate::custom_inputs;
use crate::duplicate::{Duplicate, Match};
use crate::form_state::FormState;
use crate::queued::{self, Queued};
use crate::record::{merge, ContactRecord};
use crate::reply::ApiError;
use crate::retry;
use crate::session::Session;
use crate::status::Status;
use crate::token::{new_token, StoredContact};
use crate::validate::{Field, FieldErrors, ValidContact};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// What to focus after a failed check.
pub enum Focus {
    /// A contact field.
    Field(Field),
    /// A custom field, by id.
    Custom(String),
}

/// Validates what is typed against the loaded record, marks the problems and focuses the first,
/// or sends the contact. A new contact with an email or phone is first looked up.
pub fn check_and_save(session: Session, state: FormState, focus: impl Fn(Focus)) {
    let record = state.record.get_untracked();
    let checked = merge(record.as_ref(), &state.draft());
    let custom_count = custom_inputs::check(state);
    let first_custom = state
        .custom_errors
        .with_untracked(|e| e.first().map(|(id, _)| id.clone()));
    match checked {
        Ok(contact) if custom_count == 0 => {
            state.errors.set(FieldErrors::default());
            let shown = state.custom_fields.get_untracked().unwrap_or_default();
            let stored = record.map(|r| r.custom_fields).unwrap_or_default();
            let custom = state
                .custom
                .with_untracked(|typed| custom_fields::to_send(&stored, &shown, typed));
            let is_new = state.remembered.with_untracked(Option::is_none);
            let searchable = contact.email.is_some() || contact.phone.is_some();
            state.duplicate.set(None);
            if retry::is_offline() {
                retry::queue(session, state, Queued::Offline);
            } else {
                match session.for_api() {
                    Err(error) => report(session, state, &error),
                    Ok(api) if is_new && searchable => {
                        look_for_duplicate(session, state, api, contact, custom)
                    }
                    Ok(api) => save(session, state, api, contact, custom),
                }
            }
        }
        checked => {
            let errors = checked.err().unwrap_or_default();
            let count = errors.count() + custom_count;
            let first = errors.first();
            state.errors.set(errors);
            session.status.set(Status::Failed(if count == 1 {
                "One field needs attention before saving.".into()
            } else {
                format!("{count} fields need attention before saving.")
            }));
            match (first, first_custom) {
                (Some(field), _) => focus(Focus::Field(field)),
                (None, Some(id)) => focus(Focus::Custom(id)),
                (None, None) => {}
            }
        }
    }
}

/// Shows a failure: under its field when it belongs to one, in the status region, and as a
/// `contact-error` event; a 401 brings the sign-in back with every value kept.
pub fn report(session: Session, state: FormState, error: &ApiError) {
    if let Some((field, field_error)) = field_error(error) {
        state.errors.update(|e| e.set(field, Some(field_error)));
    }
    let shown = state.custom_fields.get_untracked().unwrap_or_default();
    if let Some(refused) = custom_fields::refused_field(&shown, error) {
        state.custom_errors.update(|e| e.push(refused));
    }
    if *error == ApiError::SignedOut {
        session.forget_sign_in();
    }
    session.status.set(Status::Failed(error.to_string()));
    session.announce_error(error);
}

/// A failed save: offline and rate-limited saves are queued to be sent again; anything else
/// is reported.
pub fn fail_save(session: Session, state: FormState, error: &ApiError) {
    match error {
        ApiError::Network if retry::is_offline() => {
            retry::queue(session, state, Queued::Offline);
        }
        ApiError::RateLimited { wait_seconds } => {
            session.announce_error(error);
            let seconds = wait_seconds.unwrap_or(queued::DEFAULT_WAIT_SECONDS);
            retry::queue(session, state, Queued::RateLimited { seconds });
        }
        _ => report(session, state, error),
    }
}

/// Sends a valid contact and shows the outcome; on 401 the sign-in comes back, values kept.
fn save(
    session: Session,
    state: FormState,
    (config, credentials): (Config, Credentials),
    contact: ValidContact,
    custom_fields: Vec<(String, String)>,
) {
    let remembered = state.remembered.get_untracked();
    let token = remembered
        .as_ref()
        .map(|c| c.token.clone())
        .or_else(|| state.pending_token.get_untracked())
        .or_else(new_token);
    let Some(token) = token else {
        session.status.set(Status::Failed(
            "This browser cannot make a secure random token (no Web Crypto), so the contact cannot be saved.".into(),
        ));
        return;
    };
    if remembered.is_none() {
        state.pending_token.set(Some(token.clone()));
    }
    let body = request_body(&token, &contact, &custom_fields);
    let sent = state.snapshot();
    state.saving.set(true);
    session.status.set(Status::Busy("Saving…".into()));
    spawn_local(async move {
        let result = api::save_contact(&config, &credentials, body).await;
        if state.is_gone() {
            return;
        }
        state.saving.set(false);
        match result {
            Ok(id) => {
                let verb = if remembered.is_some() {
                    "updated"
                } else {
                    "registered"
                };
                session
                    .status
                    .set(Status::Done(format!("Contact {verb} (id {id}).")));
                session.announce_saved(&id, &token, remembered.is_none());
                state.record.set(Some(ContactRecord::saved(
                    id.clone(),
                    token.clone(),
                    &contact,
                    custom_fields,
                )));
                // Typing that went on during the save is not saved yet: it stays a draft.
                if state.snapshot() == sent {
                    state.drop_draft();
                } else {
                    state.write_draft();
                }
                // The agent sees the phone as it was stored, unless it was edited meanwhile.
                if let Some(phone) = &contact.phone {
                    if state.phone.get_untracked() == sent.fields.phone {
                        state.phone.set(phone.clone());
                    }
                }
                state.remember(
                    &config,
                    StoredContact {
                        token,
                        contact_id: Some(id),
                    },
                );
            }
            Err(error) => fail_save(session, state, &error),
        }
    });
}

/// Looks the new contact's email, then phone, up; saves when nobody has them, else shows the
/// duplicate and waits for the user's choice.
fn look_for_duplicate(
    session: Session,
    state: FormState,
    (config, credentials): (Config, Credentials),
    contact: ValidContact,
    custom_fields: Vec<(String, String)>,
) {
    let pending = state.pending_token.get_untracked();
    let accepted = state.accepted_duplicate.get_untracked();
    state.saving.set(true);
    session.status.set(Status::Busy(
        "Checking whether this contact already exists…".into(),
    ));
    spawn_local(async move {
        let (pending, accepted) = (pending.as_deref(), accepted.as_deref());
        let found = find_duplicate(&config, &credentials, &contact, pending, accepted).await;
        if state.is_gone() {
            return;
        }
        state.saving.set(false);
        match found {
            Ok(None) => save(
                session,
                state,
                (config, credentials),
                contact,
                custom_fields,
            ),
            Ok(Some(duplicate)) => {
                session.status.set(Status::Failed(
                    "Not saved: this contact may already exist. Choose below what to do.".into(),
                ));
                state.duplicate.set(Some(duplicate));
            }
            Err(error) => fail_save(session, state, &error),
        }
    });
}

async fn find_duplicate(
    config: &Config,
    credentials: &Credentials,
    contact: &ValidContact,
    pending_token: Option<&str>,
    accepted: Option<&str>,
) -> Result<Option<Duplicate>, ApiError> {
    let checks = [
        (Match::Email, "email", contact.email.as_deref()),
        (Match::Phone, "phone", contact.phone.as_deref()),
    ];
    for (by, key, value) in checks {
        let Some(value) = value else { continue };
        if let Some(record) = api::search_contact(config, credentials, key, value).await? {
            if let Some(duplicate) = Duplicate::of(record, by, pending_token, accepted) {
                return Ok(Some(duplicate));
            }
        }
    }
    Ok(None)
}

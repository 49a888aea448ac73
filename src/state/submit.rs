//! The one save pipeline. A press of "Register contact" or "Update contact", "Register anyway",
//! and every resend (the network is back, a rate limit's wait is over) run [`submit`], which
//! reads top to bottom: load what the save depends on, check what is typed, look for a
//! duplicate, save. It returns an [`Outcome`]; [`apply`] shows it. [`start`] runs the two as one
//! task owned by the widget, so unmounting cancels it and no answer reaches a disposed signal.

use crate::api::refusal::field_error;
use crate::api::reply::ApiError;
use crate::api::wire;
use crate::api::Client;
use crate::domain::custom_fields::Values;
use crate::domain::draft::Draft;
use crate::domain::duplicate::{Duplicate, Match};
use crate::domain::field::{Field, FieldErrors};
use crate::domain::queued::{self, Queued};
use crate::domain::record::{merge, ContactRecord};
use crate::domain::token::{new_token, StoredContact};
use crate::domain::validate::ValidContact;
use crate::state::form_state::FormState;
use crate::state::loading;
use crate::state::retry;
use crate::state::session::Session;
use crate::state::status::Status;

/// What to focus after a failed check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Focus {
    /// A contact field.
    Field(Field),
    /// A custom field, by id.
    Custom(String),
}

/// How a submit ended.
#[derive(Debug)]
pub enum Outcome {
    /// Fields need attention (already marked under them): how many, and which to focus.
    Invalid {
        /// Fields with an error, custom fields included.
        count: usize,
        /// The first of them.
        focus: Option<Focus>,
    },
    /// Not sent now: it waits for the network.
    Offline,
    /// A stored contact has this email or phone: nothing was saved, the user chooses.
    Duplicate(Duplicate),
    /// The server accepted the contact.
    Saved(Saved),
    /// The server or the network said no.
    Failed(ApiError),
    /// The browser cannot make a secure random token.
    NoToken,
}

/// A contact the server accepted, with what was sent.
#[derive(Debug)]
pub struct Saved {
    id: String,
    token: String,
    created: bool,
    contact: ValidContact,
    custom: Values,
    sent: Draft,
}

/// Starts a submit unless one is under way (a double click sends one request): [`submit`],
/// then [`apply`], as one task of the widget.
pub fn start(session: Session, state: FormState, focus: impl Fn(Focus) + 'static) {
    if !state.begin_save() {
        return;
    }
    state.outbox().release();
    session.spawn(async move {
        let outcome = submit(session, state).await;
        apply(session, state, outcome, focus);
    });
}

/// Everything one submit does before its outcome is shown.
pub async fn submit(session: Session, state: FormState) -> Outcome {
    // An update must carry every stored field, so the record is loaded first.
    if loading::needs_loading(state) {
        if retry::is_offline() {
            return Outcome::Offline;
        }
        session.say(Status::Busy("Loading the contact…".into()));
        if let Err(error) = loading::load(session, state).await {
            return Outcome::Failed(error);
        }
    }

    let record = state.contact().record();
    let (custom_count, first_custom) = state.custom().check();
    let contact = match merge(record.as_ref(), &state.inputs().draft()) {
        Ok(contact) if custom_count == 0 => contact,
        checked => {
            let errors = checked.err().unwrap_or_default();
            let count = errors.count() + custom_count;
            let focus = errors
                .first()
                .map(Focus::Field)
                .or(first_custom.map(Focus::Custom));
            state.inputs().mark(errors);
            return Outcome::Invalid { count, focus };
        }
    };
    state.inputs().mark(FieldErrors::default());
    state.duplicates().hide();
    let stored = record.map(|r| r.custom_fields).unwrap_or_default();
    let custom = state.custom().to_send(&stored);
    if retry::is_offline() {
        return Outcome::Offline;
    }
    let client = match session.client() {
        Ok(client) => client,
        Err(error) => return Outcome::Failed(error),
    };

    let (existing, pending) = state
        .contact()
        .with(|t| (t.is_existing(), t.pending_token().map(str::to_owned)));
    if !existing && (contact.email.is_some() || contact.phone.is_some()) {
        session.say(Status::Busy(
            "Checking whether this contact already exists…".into(),
        ));
        let accepted = state.duplicates().accepted();
        let found =
            find_duplicate(&client, &contact, pending.as_deref(), accepted.as_deref()).await;
        match found {
            Ok(None) => {}
            Ok(Some(duplicate)) => return Outcome::Duplicate(duplicate),
            Err(error) => return Outcome::Failed(error),
        }
    }

    // The same token for every try, so a save whose answer was lost never makes two contacts.
    let token = state
        .contact()
        .with(|t| t.token().map(str::to_owned))
        .or_else(new_token);
    let Some(token) = token else {
        return Outcome::NoToken;
    };
    state.contact().pending(&token);
    let body = wire::contact_body(&token, &contact, &custom);
    let sent = state.snapshot();
    session.say(Status::Busy("Saving…".into()));
    match client.save_contact(body).await {
        Ok(id) => Outcome::Saved(Saved {
            id,
            token,
            created: !existing,
            contact,
            custom,
            sent,
        }),
        Err(error) => Outcome::Failed(error),
    }
}

/// Shows an outcome: the status, the marks, the events, and what is remembered.
pub fn apply(session: Session, state: FormState, outcome: Outcome, focus: impl Fn(Focus)) {
    state.end_save();
    match outcome {
        Outcome::Invalid { count, focus: first } => {
            session.say(Status::Failed(if count == 1 {
                "One field needs attention before saving.".into()
            } else {
                format!("{count} fields need attention before saving.")
            }));
            if let Some(first) = first {
                focus(first);
            }
        }
        Outcome::Offline => retry::queue(session, state, Queued::Offline),
        Outcome::Duplicate(duplicate) => {
            session.say(Status::Failed(
                "Not saved: this contact may already exist. Choose below what to do.".into(),
            ));
            state.duplicates().found(duplicate);
        }
        Outcome::Saved(saved) => remember(session, state, saved),
        Outcome::Failed(error) => fail(session, state, &error),
        Outcome::NoToken => session.say(Status::Failed(
            "This browser cannot make a secure random token (no Web Crypto), so the contact cannot be saved.".into(),
        )),
    }
}

fn remember(session: Session, state: FormState, saved: Saved) {
    let Saved {
        id,
        token,
        created,
        contact,
        custom,
        sent,
    } = saved;
    let verb = if created { "registered" } else { "updated" };
    session.say(Status::Done(format!("Contact {verb} (id {id}).")));
    session.announce_saved(&id, &token, created);
    let record = ContactRecord::saved(id.clone(), token.clone(), &contact, custom);
    // Typing that went on during the save is not saved yet: it stays a draft.
    if state.snapshot() == sent {
        state.drafts().drop();
    } else {
        state.write_draft();
    }
    // The agent sees the phone as it was stored, unless it was edited meanwhile.
    if let Some(phone) = &contact.phone {
        if state.inputs().draft().phone == sent.fields.phone {
            state.inputs().set(Field::Phone, phone.clone());
        }
    }
    let stored = StoredContact {
        token,
        contact_id: Some(id),
    };
    state.contact().saved(stored, record);
}

/// A failed save: offline and rate-limited saves wait to be sent again; anything else is
/// reported.
fn fail(session: Session, state: FormState, error: &ApiError) {
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

/// Shows a failure: under its field when it belongs to one, in the status region, and as a
/// `contact-error` event; a 401 brings the sign-in back with every value kept.
pub fn report(session: Session, state: FormState, error: &ApiError) {
    if let Some((field, field_error)) = field_error(error) {
        state.inputs().mark_one(field, field_error);
    }
    state.custom().mark_refused(error);
    if *error == ApiError::SignedOut {
        session.forget_sign_in();
    }
    session.say(Status::Failed(error.to_string()));
    session.announce_error(error);
}

/// The stored contact that has the new one's email, else its phone, if any.
async fn find_duplicate(
    client: &Client,
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
        if let Some(record) = client.search_contact(key, value).await? {
            if let Some(duplicate) = Duplicate::of(record, by, pending_token, accepted) {
                return Ok(Some(duplicate));
            }
        }
    }
    Ok(None)
}

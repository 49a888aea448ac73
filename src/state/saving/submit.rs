//! The one save pipeline. A press of "Register contact" or "Update contact", "Register anyway",
//! and every resend (the network is back, a rate limit's wait is over) run [`submit`], which
//! reads top to bottom: load what the save depends on, check what is typed, look for a
//! duplicate, save. It returns an [`Outcome`]; [`apply`] shows it. [`start`] runs the two as one
//! task owned by the widget, so unmounting cancels it and no answer reaches a disposed signal.

use crate::api::refusal::field_error;
use crate::api::reply::ApiError;
use crate::domain::catalogue::Say;
use crate::domain::draft::Draft;
use crate::domain::duplicate::{self, Duplicate};
use crate::domain::field::{Field, FieldError, FieldErrors, Place};
use crate::domain::merge::{Merged, Part, Values};
use crate::domain::queued::{self, Queued};
use crate::domain::record::{merge, ContactRecord};
use crate::domain::texts::Text;
use crate::domain::token::StoredContact;
use crate::settings::config::ApiChoice;
use crate::state::form::contact::new_token;
use crate::state::form::form_state::FormState;
use crate::state::form::loading;
use crate::state::saving::lookups::{self, Manager, Save};
use crate::state::saving::merging;
use crate::state::saving::retry;
use crate::state::widget::session::Session;
use crate::state::widget::status::Status;
use crate::web::text::lowercase;

/// What to focus after a failed check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Focus {
    /// A contact input: a field's first, or a further email or phone row.
    Input(Place),
    /// A custom field, by id.
    Custom(String),
}

impl Focus {
    /// The first input of `field`.
    pub fn field(field: Field) -> Self {
        Focus::Input(Place::first(field))
    }
}

/// How a submit ended.
// One at a time, shown at once: boxing the larger outcomes would cost code for no memory saved.
#[allow(clippy::large_enum_variant)]
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
    /// The remembered contact (this id) is gone from the server: the form registers it again.
    Gone(String),
    /// Someone else changed fields this save changes too: nothing was sent, the user chooses.
    Changed(Merged),
}

/// A contact the server accepted, with what was sent.
#[derive(Debug)]
pub struct Saved {
    /// The legacy token (the Contact Center has none).
    token: Option<String>,
    created: bool,
    /// The phone as sent (normalised).
    phone: Option<String>,
    /// The record as the server now holds it.
    record: ContactRecord,
    /// What the form held when it was sent.
    sent: Draft,
    /// The API it was saved through.
    api: ApiChoice,
    /// The fields someone else changed meanwhile, whose values were kept.
    taken: Vec<Part>,
}

/// Starts a submit unless one is under way (a double click sends one request): [`submit`],
/// then [`apply`], as one task of the widget.
pub fn start(session: Session, state: FormState, focus: impl Fn(Focus) + 'static) {
    let Some(writing) = session.writes().begin() else {
        return;
    };
    state.outbox().release();
    session.spawn(async move {
        let outcome = submit(session, state).await;
        drop(writing);
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
        session.say(Status::Busy(session.text(Text::LoadingContact)));
        if let Err(error) = loading::load(session, state).await {
            return Outcome::Failed(error);
        }
    }

    let mut record = state.contact().record();
    let (custom_count, first_custom) = state.custom().check();
    let mut contact = match merge(record.as_ref(), &state.inputs().draft(), lowercase) {
        Ok(contact) if custom_count == 0 => contact,
        checked => {
            let errors = checked.err().unwrap_or_default();
            let count = errors.count() + custom_count;
            let focus = errors
                .first()
                .map(Focus::Input)
                .or(first_custom.map(Focus::Custom));
            state.inputs().mark(errors);
            return Outcome::Invalid { count, focus };
        }
    };
    state.inputs().mark(FieldErrors::default());
    state.duplicates().hide();
    if retry::is_offline() {
        return Outcome::Offline;
    }
    let client = match session.client() {
        Ok(client) => client,
        Err(error) => return Outcome::Failed(error),
    };
    let center = client.contact_center();
    let (mut existing, pending) = state
        .contact()
        .with(|t| (t.is_existing(), t.pending_token().map(str::to_owned)));
    let mut custom = merging::custom_here(state);

    // A colleague may have changed the contact since it was opened: it is read again, and
    // what is typed here is laid over it; a field both sides changed is asked about first.
    let mut taken = Vec::new();
    if let Some(id) = record.as_ref().filter(|_| existing).map(|r| r.id.clone()) {
        session.say(Status::Busy(session.text(Text::LoadingContact)));
        let here = Values::sent(&contact, &custom);
        match merging::reread(session, state, &client, &here).await {
            Ok(Some(merged)) if merged.clashes.is_empty() => {
                contact = merged.send.contact();
                custom = merged.send.custom;
                taken = merged.taken;
                record = state.contact().record();
            }
            Ok(Some(merged)) => return Outcome::Changed(merged),
            Ok(None) => return Outcome::Gone(id),
            Err(error) => return Outcome::Failed(error),
        }
    }
    // What the server keeps: every custom field; what is sent: the Contact Center takes only
    // the shown ones (it keeps the others itself).
    let kept = custom.clone();
    let custom = state.custom().as_sent(custom, center);
    // A Contact Center create is not idempotent: one whose answer was lost may have made the
    // contact, which this save then updates instead of making a second.
    if let (false, Some(token), Some(since)) = (existing, &pending, state.contact().since()) {
        session.say(Status::Busy(session.text(Text::CheckingLastSave)));
        match lookups::lost_create(&client, &contact, token, &since).await {
            Ok(Some(found)) => {
                state.contact().adopt(found.clone());
                record = Some(found);
                existing = true;
            }
            Ok(None) => {}
            Err(error) => return Outcome::Failed(error),
        }
    }
    let updated = record.as_ref().filter(|_| existing);
    let values = duplicate::new_values(&contact, updated, center);
    if !values.is_empty() {
        session.say(Status::Busy(session.text(Text::CheckingDuplicate)));
        let accepted = state.duplicates().accepted();
        let found =
            lookups::find_duplicate(&client, &values, updated, pending.as_deref(), &accepted).await;
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
    let listed = contact
        .contact_manager
        .as_deref()
        .and_then(|username| state.inputs().agent_id(username));
    let manager_id = match lookups::manager_id(&client, &contact, record.as_ref(), listed).await {
        Ok(id) => id,
        Err(Manager::Unknown) => {
            let errors = FieldErrors {
                contact_manager: Some(FieldError::ManagerUnknown),
                ..FieldErrors::default()
            };
            state.inputs().mark(errors);
            let focus = Some(Focus::field(Field::ContactManager));
            return Outcome::Invalid { count: 1, focus };
        }
        Err(Manager::Failed(error)) => return Outcome::Failed(error),
    };
    state.contact().pending(&token, center && !existing);
    let sent = state.snapshot();
    session.say(Status::Busy(session.text(Text::Saving)));
    let save = Save {
        token: &token,
        contact: &contact,
        record: record.as_ref(),
        custom: &custom,
        manager_id: manager_id.as_deref(),
    };
    match lookups::save(&client, &save).await {
        Ok(id) => {
            let before = record.as_ref();
            let saved = ContactRecord::saved(id, token.clone(), &contact, kept, before, manager_id);
            Outcome::Saved(Saved {
                token: (!center).then_some(token),
                created: !existing,
                phone: contact.phone,
                record: saved,
                sent,
                api: client.config().api,
                taken,
            })
        }
        // The Contact Center's answer to an update of a contact deleted meanwhile.
        Err(ApiError::Rejected { message, .. })
            if existing && message == "error-contact-not-found" =>
        {
            Outcome::Gone(record.map(|r| r.id).unwrap_or_default())
        }
        Err(error) => {
            if error.refused() {
                state.contact().not_created();
            }
            Outcome::Failed(error)
        }
    }
}

/// Shows an outcome: the status, the marks, the events, and what is remembered.
pub fn apply(session: Session, state: FormState, outcome: Outcome, focus: impl Fn(Focus)) {
    match outcome {
        Outcome::Invalid {
            count,
            focus: first,
        } => {
            let said = session
                .texts_now()
                .count(Text::NeedAttention, count as u64, &[]);
            session.say(Status::Failed(said));
            if let Some(first) = first {
                focus(first);
            }
        }
        Outcome::Offline => retry::queue(session, state, Queued::Offline),
        Outcome::Duplicate(duplicate) => {
            session.say(Status::Failed(session.text(Text::MayExist)));
            state.duplicates().found(duplicate);
        }
        Outcome::Saved(saved) => remember(session, state, saved),
        Outcome::Failed(error) => fail(session, state, &error),
        Outcome::Gone(id) => loading::gone(session, state, &id),
        Outcome::NoToken => session.say(Status::Failed(session.text(Text::NoCrypto))),
        Outcome::Changed(merged) => {
            session.say(Status::Failed(merging::changed_text(session, state)));
            state.changes().ask(merged);
        }
    }
}

fn remember(session: Session, state: FormState, saved: Saved) {
    let Saved {
        token,
        created,
        phone,
        record,
        sent,
        api,
        taken,
    } = saved;
    let id = record.id.clone();
    let said = if created {
        Text::Registered
    } else {
        Text::Updated
    };
    let mut said = session.texts_now().fill(said, &[("id", &id)]);
    if let Some(note) = merging::kept_note(session, state, &taken) {
        said = format!("{said} {note}");
    }
    session.say(Status::Done(said));
    session.announce_saved(&id, token.as_deref(), created, api);
    // Typing that went on during the save is not saved yet: it stays a draft.
    if state.snapshot() == sent {
        state.drafts().drop();
    } else {
        state.write_draft();
    }
    // The agent sees the phone as it was stored, unless it was edited meanwhile.
    if let Some(phone) = phone {
        if state.inputs().draft().phone == sent.fields.phone {
            state.inputs().set(Field::Phone, phone);
        }
    }
    let stored = StoredContact {
        token: record.token.clone().unwrap_or_default(),
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
    session.say(Status::Failed(error.say(&session.texts_now())));
    session.announce_error(error);
}

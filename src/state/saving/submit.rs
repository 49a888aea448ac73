//! The form's save. A press of "Register contact" or "Update contact", "Register anyway", and
//! every resend (the network is back, a rate limit's wait is over) run [`submit`], which reads
//! top to bottom: load what the save depends on, check and mark what is typed, then the one
//! [`write`] every writer shares, with the form as its destination ([`FormWrite`]). It returns an
//! [`Outcome`]; [`apply`] shows it. [`start`] runs the two as one task owned by the widget, so
//! unmounting cancels it and no answer reaches a disposed signal.

use crate::api::refusal::field_error;
use crate::api::reply::ApiError;
use crate::domain::catalogue::Say;
use crate::domain::draft::Draft;
use crate::domain::field::{Field, FieldError, FieldErrors, Place};
use crate::domain::queued::{self, Queued};
use crate::domain::record::merge;
use crate::domain::texts::Text;
use crate::domain::token::StoredContact;
use crate::settings::config::ApiChoice;
use crate::state::form::form_state::FormState;
use crate::state::form::loading;
use crate::state::saving::form_write::FormWrite;
use crate::state::saving::merging;
use crate::state::saving::retry;
use crate::state::saving::write::{write, Accepted, Written};
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
    /// Loading what the save depends on failed: nothing was written.
    Failed(ApiError),
    /// How the one write ended, with what the form sent.
    Written(Written, Sent),
}

/// What the form held when the save went out, and the API it went through.
#[derive(Debug)]
pub struct Sent {
    draft: Draft,
    api: ApiChoice,
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

    let record = state.contact().record();
    let (custom_count, first_custom) = state.custom().check();
    let contact = match merge(record.as_ref(), &state.inputs().draft(), lowercase) {
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
    let custom = merging::custom_here(state);
    let to = FormWrite::new(session, state);
    // Boxed, the write's state machine is one function of its own instead of inlined into the
    // submit's: 0.3 KB less of the first load (docs/size.md).
    let written = Box::pin(write(&client, &to, contact, custom)).await;
    let sent = Sent {
        draft: to.sent(),
        api: client.config().api,
    };
    Outcome::Written(written, sent)
}

/// Shows an outcome: the status, the marks, the events, and what is remembered.
pub fn apply(session: Session, state: FormState, outcome: Outcome, focus: impl Fn(Focus)) {
    let written = match outcome {
        Outcome::Invalid {
            count,
            focus: first,
        } => return invalid(session, count, first, focus),
        Outcome::Offline => return retry::queue(session, state, Queued::Offline),
        Outcome::Failed(error) => return fail(session, state, &error),
        Outcome::Written(written, sent) => (written, sent),
    };
    match written {
        (Written::Saved(accepted), sent) => remember(session, state, accepted, sent),
        (Written::Duplicate(duplicate), _) => {
            session.say(Status::Failed(session.text(Text::MayExist)));
            state.duplicates().found(duplicate);
        }
        (Written::Changed(merged), _) => {
            session.say(Status::Failed(merging::changed_text(session, state)));
            state.changes().ask(merged);
        }
        (Written::Gone(id), _) => loading::gone(session, state, &id),
        (Written::ManagerUnknown, _) => {
            let errors = FieldErrors {
                contact_manager: Some(FieldError::ManagerUnknown),
                ..FieldErrors::default()
            };
            state.inputs().mark(errors);
            invalid(session, 1, Some(Focus::field(Field::ContactManager)), focus);
        }
        (Written::NoToken, _) => session.say(Status::Failed(session.text(Text::NoCrypto))),
        (Written::Failed(error), _) => fail(session, state, &error),
    }
}

/// "`count` fields need attention", and the first of them focused.
fn invalid(session: Session, count: usize, first: Option<Focus>, focus: impl Fn(Focus)) {
    let said = session
        .texts_now()
        .count(Text::NeedAttention, count as u64, &[]);
    session.say(Status::Failed(said));
    if let Some(first) = first {
        focus(first);
    }
}

fn remember(session: Session, state: FormState, accepted: Accepted, sent: Sent) {
    let Accepted {
        token,
        created,
        phone,
        record,
        taken,
    } = accepted;
    let Sent { draft: sent, api } = sent;
    let id = record.id.clone();
    let said = if created {
        Text::Registered
    } else {
        Text::Updated
    };
    let t = session.texts_now();
    let mut said = t.fill(said, &[("id", &id)]);
    if let Some(note) = merging::kept_note(session, state, &taken) {
        said = format!("{said} {note}");
    }
    // Said from the server's answer: an unidentified contact identified (8.x leaves one that
    // did not change), a manager a server before 8.2 kept although the field was emptied.
    if state
        .contact()
        .with(|t| t.record().is_some_and(|r| r.unknown))
    {
        let note = if record.unknown {
            Text::StillUnidentified
        } else {
            Text::NowIdentified
        };
        said = format!("{said} {}", t.get(note));
    }
    let kept_manager = record
        .contact_manager
        .clone()
        .filter(|_| sent.fields.contact_manager.trim().is_empty());
    if let Some(kept) = &kept_manager {
        said = format!("{said} {}", t.fill(Text::ManagerKept, &[("name", kept)]));
    }
    session.say(Status::Done(said));
    session.announce_saved(&id, token.as_deref(), created, api);
    // Typing that went on during the save is not saved yet: it stays a draft.
    if state.snapshot() == sent {
        state.drafts().drop();
    } else {
        state.write_draft();
    }
    // The agent sees the phone, and a manager the server kept, as stored, unless edited
    // meanwhile.
    if let Some(phone) = phone {
        if state.inputs().draft().phone == sent.fields.phone {
            state.inputs().set(Field::Phone, phone);
        }
    }
    if let Some(kept) = kept_manager {
        if state.inputs().draft().contact_manager == sent.fields.contact_manager {
            state.inputs().set(Field::ContactManager, kept);
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

//! Sending the rows, top to bottom: one at a time through the one write (the same bodies, the
//! same refusals in words, the same lost-create rule as the form's save), holding the session's
//! write lock per row so that a form save never races a row; at Rocket.Chat's pace (ten calls
//! a minute per route: ten rows a minute), and after a 429 waiting what the server says before
//! going on by itself with the same row. A row whose email or phone belongs to a contact on the
//! server is skipped, or adds what is new to that contact ([`add_new`]), as the agent chose.

use crate::api::reply::ApiError;
use crate::api::Client;
use crate::domain::catalogue::Say;
use crate::domain::import::add_new::add_new;
use crate::domain::import::job::{Existing, Outcome};
use crate::domain::import::pace::{Pace, CALLS, WINDOW_MS};
use crate::domain::sheet::check::Ready;
use crate::domain::target::Target;
use crate::domain::texts::Text;
use crate::domain::token::StoredContact;
use crate::state::form::contact::new_token;
use crate::state::form::form_state::FormState;
use crate::state::importing::row_write::RowWrite;
use crate::state::importing::sending::{Run, Sending};
use crate::state::saving::write::{write, Written};
use crate::state::widget::session::Session;
use crate::state::widget::writes::Writing;
use crate::web::timer::{now_ms, wait};

/// Sends `rows` of `file` (each with the line it starts on), as `existing` says for contacts
/// that exist; `unsent` are the file's other rows, by line, with why they are not sent. The host
/// page hears `contacts-imported` at the end.
pub async fn send(
    session: Session,
    form: FormState,
    sending: Sending,
    file: String,
    rows: Vec<(usize, Ready)>,
    unsent: Vec<(usize, String)>,
    existing: Existing,
) {
    sending.start(rows.len(), unsent);
    let mut pace = Pace::new(CALLS, WINDOW_MS);
    let mut next = 0;
    while next < rows.len() {
        match sending.run_now() {
            Run::Running => {}
            Run::Paused => {
                wait(200).await;
                continue;
            }
            _ => break,
        }
        // Waits a second at a time, so that Pause and Cancel are heard meanwhile.
        let due = pace.wait_ms(now_ms());
        if due > 0 {
            wait(due.min(1000)).await;
            continue;
        }
        let Some(writing) = lock(session, sending).await else {
            break;
        };
        pace.sent(now_ms());
        let (line, ready) = &rows[next];
        let outcome = row(session, form, ready, existing).await;
        drop(writing);
        match outcome {
            Err(ApiError::RateLimited { wait_seconds }) => {
                let seconds = wait_seconds.unwrap_or(WINDOW_MS / 1000);
                pace.told_to_wait(now_ms(), seconds);
                sending.wait(Some(seconds));
            }
            // Not about the row (signed out, no permission, the network or the server down):
            // the row is said, and the run pauses rather than fail every row after it.
            Err(error) => {
                let reason = error.say(&session.texts_now());
                sending.record(*line, &Outcome::Failed { reason });
                sending.hold();
                next += 1;
            }
            Ok(outcome) => {
                sending.record(*line, &outcome);
                next += 1;
            }
        }
    }
    sending.finish();
    if let Some(c) = sending.counts_now() {
        session.announce_imported(&file, [c.created, c.updated, c.skipped, c.not_imported()]);
    }
}

/// The session's write lock, once the form's save (if one is under way) gives it back; `None`
/// when the agent cancelled meanwhile.
async fn lock(session: Session, sending: Sending) -> Option<Writing> {
    loop {
        if sending.run_now() == Run::Cancelled {
            return None;
        }
        if let Some(writing) = session.writes().begin() {
            return Some(writing);
        }
        wait(100).await;
    }
}

/// One row, written; what is not about the row (a 429, a sign-in refused, the network) comes
/// back as the error: a 429 is waited out and the row sent again, anything else pauses the run.
async fn row(
    session: Session,
    form: FormState,
    ready: &Ready,
    existing: Existing,
) -> Result<Outcome, ApiError> {
    let client = session.client()?;
    let to = RowWrite::new(form);
    // Boxed, as the form's submit boxes it: the write's one state machine, in the first download,
    // serves both (awaited in place it would be copied into this part).
    let written = Box::pin(write(
        &client,
        &to,
        ready.contact.clone(),
        ready.custom.clone(),
    ))
    .await;
    let duplicate = match written {
        Written::Duplicate(duplicate) => duplicate,
        other => return outcome(session, other),
    };
    if existing == Existing::Skip {
        return Ok(Outcome::Skipped);
    }
    let id = duplicate.record.id.clone();
    let Some(found) = client.load(&id).await? else {
        return outcome(session, Written::Gone(id));
    };
    let Some((contact, custom)) = add_new(&found, &ready.contact, &ready.custom) else {
        return Ok(Outcome::Skipped);
    };
    let Some(target) = target_of(&client, &found) else {
        return outcome(session, Written::NoToken);
    };
    let to = RowWrite::adding(form, target, &found);
    match Box::pin(write(&client, &to, contact, custom)).await {
        // A field the row fills was filled by someone else meanwhile: theirs is kept.
        Written::Changed(_) => {
            let t = session.texts_now();
            let name = found.shown_name(&t).to_owned();
            let reason = t.fill(Text::ChangedOnServer, &[("name", &name)]);
            Ok(Outcome::Failed { reason })
        }
        written => outcome(session, written),
    }
}

/// The contact `found` as a write's target: a legacy visitor by its own token, a Contact Center
/// contact by its id (with a key of this browser's, as the form opens one).
fn target_of(client: &Client, found: &crate::domain::record::ContactRecord) -> Option<Target> {
    let token = match client.contact_center() {
        true => new_token()?,
        false => found.token.clone()?,
    };
    let stored = StoredContact {
        token,
        contact_id: Some(found.id.clone()),
    };
    Some(Target::Existing {
        stored,
        record: Some(found.clone()),
        base: None,
    })
}

/// What a row's write came to, as the import counts it.
fn outcome(session: Session, written: Written) -> Result<Outcome, ApiError> {
    let t = session.texts_now();
    let reason = match written {
        Written::Saved(accepted) => {
            let id = accepted.record.id;
            return Ok(match accepted.created {
                true => Outcome::Created { id },
                false => Outcome::Updated { id },
            });
        }
        // The server refused this row: said on its row, and the run goes on.
        Written::Failed(error @ ApiError::Rejected { .. }) => error.say(&t),
        Written::Failed(error) => return Err(error),
        Written::Duplicate(duplicate) => duplicate.message(&t),
        Written::Changed(_) => t.get(Text::HasConflicts).to_owned(),
        Written::Gone(id) => t.fill(Text::NoSuchContact, &[("id", &id)]),
        Written::ManagerUnknown => t.get(Text::ManagerUnknown).to_owned(),
        Written::NoToken => t.get(Text::NoCrypto).to_owned(),
    };
    Ok(Outcome::Failed { reason })
}

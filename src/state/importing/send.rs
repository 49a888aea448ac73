//! Sending the rows, top to bottom: one at a time through the one write (the same bodies, the
//! same refusals in words, the same lost-create rule as the form's save), holding the session's
//! write lock per row so that a form save never races a row; at Rocket.Chat's pace (ten calls
//! a minute per route: ten rows a minute), and after a 429 waiting what the server says before
//! going on by itself with the same row. A row whose email or phone belongs to a contact on the
//! server is skipped, or adds what is new to that contact ([`add_new`]), as the agent chose.
//! The job is stored as it goes ([`JobStore`]): each row is marked in flight, with the token it
//! is sent with, before it goes, so a row sent again after a reload or a lost answer is looked
//! for on the server first and never made twice.

use crate::api::reply::ApiError;
use crate::api::Client;
use crate::domain::catalogue::Say;
use crate::domain::field::Field;
use crate::domain::import::add_new::add_new;
use crate::domain::import::job::{Existing, Job, Outcome};
use crate::domain::import::pace::{Pace, CALLS, WINDOW_MS};
use crate::domain::sheet::check::{self, Checked, Ready, Verdict};
use crate::domain::sheet::columns::Column;
use crate::domain::sheet::said::reason;
use crate::domain::target::Target;
use crate::domain::texts::Text;
use crate::domain::token::StoredContact;
use crate::state::form::contact::new_token;
use crate::state::form::form_state::FormState;
use crate::state::importing::keeper::Keeper;
use crate::state::importing::listing;
use crate::state::importing::managers::Known;
use crate::state::importing::pacing::{rate_limited, turn};
use crate::state::importing::prepare::Checks;
use crate::state::importing::row_write::RowWrite;
use crate::state::importing::sending::{Run, Sending};
use crate::state::importing::stored::JobStore;
use crate::state::saving::write::{write, Written};
use crate::state::widget::session::Session;
use crate::state::widget::writes::Writing;
use crate::web::clock::iso_minutes_ago;
use crate::web::timer::{now_ms, wait};

/// Sends `job`'s rows not done yet (all of them, or the rest of a resumed one), each checked
/// as `checked` says (in the job's order), keeping the job in `store`. The host page hears
/// `contacts-imported` at the end. Signed out meanwhile, the run ends and the job stays stored.
pub async fn send(
    session: Session,
    form: FormState,
    sending: Sending,
    store: Option<JobStore>,
    job: Job,
    checked: Vec<Checked>,
) {
    sending.start(&job);
    let store = match store {
        Some(store) => match store.keep(&job).await {
            Ok(()) => Some(store),
            Err(_) => None,
        },
        None => None,
    };
    sending.unstored(store.is_none());
    let existing = job.existing;
    let checks = Checks::now(session, form);
    let columns = job.mapping();
    let rules = checks.rules(&columns);
    let mut kept = Keeper::new(job, store, sending);
    // The server's contacts listed first, when that saves calls: a row's emails and phones
    // are then looked for among them (an estimate of the look-ups: a value a column).
    let left = kept.left();
    let values = |c: &&Column| matches!(c, Column::Field(Field::Email | Field::Phone));
    let per_row = columns.iter().filter(values).count();
    let listed = listing::list(session, sending, left * per_row, left).await;
    let mut pace = Pace::new(CALLS, WINDOW_MS);
    sending.time_left(pace.time_left_ms(left, now_ms()));
    while let Some(index) = kept.next_row() {
        match sending.run_now() {
            Run::Running => {}
            Run::Paused => {
                wait(200).await;
                continue;
            }
            _ => break,
        }
        // The contact is made from its row as it is sent, by the rules it was checked by: the
        // checks keep only each row's verdict.
        let verdict = match checked.get(index).map(|c| &c.verdict) {
            Some(Verdict::Ready) => kept.job.table.row(index).map(|row| {
                let ready = check::ready(&row, &rules);
                ready.map_err(Verdict::Invalid)
            }),
            other => other.cloned().map(Err),
        };
        let ready = match verdict {
            Some(Ok(ready)) => ready,
            // Checked again on resume, the row no longer passes (the custom fields changed).
            other => {
                let t = session.texts_now();
                let verdict = other.and_then(Result::err);
                let line = kept.job.line(index);
                let said = verdict.and_then(|verdict| reason(&Checked { line, verdict }, &t));
                let reason = said.unwrap_or_default();
                kept.set(index, Outcome::Failed { reason }).await;
                continue;
            }
        };
        // A row sent before (its answer lost) goes the way it went; another's contact is the
        // one the listing found, if it was listed.
        let sent_before = matches!(kept.job.outcome(index), Some(Outcome::InFlight { .. }));
        let found = match listed.as_ref().filter(|_| !sent_before) {
            None => Found::NotListed,
            Some(listed) => match listed.holding(&ready.contact) {
                Some(id) => Found::Contact {
                    alone: !listed.held_by_other(&ready.contact, id),
                    id: id.to_owned(),
                },
                None => Found::Nobody,
            },
        };
        // Skipped without a call.
        if existing == Existing::Skip && matches!(found, Found::Contact { .. }) {
            kept.set(index, Outcome::Skipped).await;
            continue;
        }
        if !turn(sending, &pace).await {
            break;
        }
        let Some(writing) = lock(session, sending).await else {
            break;
        };
        // Marked in flight before it goes: a row in flight already was sent before, its answer
        // never read, so its contact is looked for first.
        let flight = match kept.job.outcome(index).cloned() {
            Some(Outcome::InFlight {
                token,
                since,
                adding,
            }) => Flight {
                token,
                since,
                adding,
                again: true,
                found,
            },
            _ => match new_token() {
                Some(token) => Flight {
                    token,
                    since: Some(iso_minutes_ago(2)),
                    adding: None,
                    again: false,
                    found,
                },
                None => {
                    let reason = session.texts_now().get(Text::NoCrypto).to_owned();
                    kept.set(index, Outcome::Failed { reason }).await;
                    continue;
                }
            },
        };
        kept.set(index, flight.outcome(None)).await;
        pace.sent(now_ms());
        let outcome = row(session, form, &ready, existing, &flight, &mut kept, index).await;
        drop(writing);
        match outcome {
            // Refused before anything was made: the row goes again once the wait is over.
            Err(ApiError::RateLimited { wait_seconds }) => {
                rate_limited(sending, &mut pace, wait_seconds);
                if !flight.again {
                    kept.set(index, Outcome::Waiting).await;
                }
            }
            // Not about the row (signed out, no permission, the network or the server down):
            // the run pauses, saying why, rather than fail every row after it; the row stays
            // in flight, so Resume sends it again after looking for what it may have made.
            Err(error) => sending.hold(error.say(&session.texts_now())),
            Ok(outcome) => kept.set(index, outcome).await,
        }
        sending.time_left(pace.time_left_ms(kept.left(), now_ms()));
    }
    // Gone with its view (signed out, unmounted): the job stays stored, to be resumed.
    if sending.try_run().is_none() {
        return;
    }
    kept.end().await;
    sending.finish();
    if let Some(c) = sending.counts_now() {
        let file = &kept.job.file;
        session.announce_imported(file, [c.created, c.updated, c.skipped, c.not_imported()]);
    }
}

/// A row as it is sent: its token (the same every try), when it was first sent, the contact it
/// adds to, whether it was sent before without an answer, and what the listing of the
/// server's contacts found for it.
struct Flight {
    token: String,
    since: Option<String>,
    adding: Option<String>,
    again: bool,
    found: Found,
}

/// What the listing of the server's contacts said of a row.
enum Found {
    /// They were not listed (the legacy API, or looking each row up was fewer calls): the
    /// write looks the row's emails and phones up itself.
    NotListed,
    /// No contact has its emails and phones: it is created without a look-up.
    Nobody,
    /// The contact with id `id` has one of them; `alone`: no other contact has any.
    Contact {
        /// The contact's id.
        id: String,
        /// No other contact holds one of the row's emails and phones.
        alone: bool,
    },
}

impl Flight {
    /// The row in flight, adding to contact `adding` (if it does).
    fn outcome(&self, adding: Option<String>) -> Outcome {
        Outcome::InFlight {
            token: self.token.clone(),
            since: self.since.clone(),
            adding: adding.or_else(|| self.adding.clone()),
        }
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
    flight: &Flight,
    kept: &mut Keeper,
    index: usize,
) -> Result<Outcome, ApiError> {
    let client = session.client()?;
    let since = flight.again.then(|| flight.since.clone()).flatten();
    let mut to = RowWrite::new(form, &flight.token, since);
    match (
        kept.managers.of(&ready.contact),
        &ready.contact.contact_manager,
    ) {
        (Known::Nobody, _) => return outcome(session, Written::ManagerUnknown),
        (Known::Agent(id), Some(username)) => to = to.knowing(username, id),
        _ => {}
    }
    let id = match &flight.found {
        Found::Contact { id, .. } => id.clone(),
        found => {
            if matches!(found, Found::Nobody) {
                to = to.looked_up();
            }
            // Boxed, as the form's submit boxes it: the write's one state machine, in the first
            // download, serves both (awaited in place it would be copied into this part).
            let written = Box::pin(write(
                &client,
                &to,
                ready.contact.clone(),
                ready.custom.clone(),
            ))
            .await;
            kept.managers.learn(&ready.contact, &written);
            match written {
                Written::Duplicate(duplicate) => duplicate.record.id,
                Written::Saved(accepted) if to.adopted() => {
                    return Ok(Outcome::Created {
                        id: accepted.record.id,
                    })
                }
                other => return outcome(session, other),
            }
        }
    };
    if existing == Existing::Skip {
        return Ok(Outcome::Skipped);
    }
    // Added to before its answer was lost: what is new was added then.
    let added_before = flight.adding.as_deref() == Some(&id);
    let Some(found) = client.load(&id).await? else {
        return outcome(session, Written::Gone(id));
    };
    let Some((contact, custom)) = add_new(&found, &ready.contact, &ready.custom) else {
        return Ok(match added_before {
            true => Outcome::Updated { id },
            false => Outcome::Skipped,
        });
    };
    let Some(target) = target_of(&client, &found) else {
        return outcome(session, Written::NoToken);
    };
    kept.set(index, flight.outcome(Some(id))).await;
    let mut to = RowWrite::adding(form, target, &found);
    if matches!(flight.found, Found::Contact { alone: true, .. }) {
        to = to.looked_up(); // no other contact has what the row adds
    }
    let written = Box::pin(write(&client, &to, contact.clone(), custom)).await;
    kept.managers.learn(&contact, &written);
    match written {
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

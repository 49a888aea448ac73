//! An import stored by an earlier page (a reload, a closed tab, a crash, a sign-out): found when
//! the import's part comes, it is offered ("Resume importing contacts.csv? 312 of 960 done."),
//! and **Resume** goes on from where it stopped, its rows checked again by the same rules, the
//! row that was in flight looked for on the server before it is sent again; **Discard**
//! forgets it.

use crate::domain::import::file::Sheet;
use crate::domain::import::job::Job;
use crate::domain::sheet::delimiter::Delimiter;
use crate::state::form::form_state::FormState;
use crate::state::importing::import_state::ImportState;
use crate::state::importing::prepare::check_rows;
use crate::state::importing::send::send;
use crate::state::importing::sending::{Run, Sending};
use crate::state::importing::stored::JobStore;
use crate::state::widget::session::Session;
use leptos::prelude::*;
use std::sync::Arc;

/// A stored import waiting for the agent's answer (cheap to copy).
#[derive(Debug, Clone, Copy)]
pub struct Resumable {
    job: RwSignal<Option<Job>>,
}

impl Resumable {
    /// None found yet.
    pub fn new() -> Self {
        Resumable {
            job: RwSignal::new(None),
        }
    }

    /// A new import started: it replaces the stored one, which is no longer offered.
    pub fn replaced(&self) {
        self.job.set(None);
    }

    /// The stored import's file, its rows done and its rows to send, while one waits
    /// (tracked).
    pub fn offered(&self) -> Option<(String, usize, usize)> {
        self.job.with(|job| {
            let job = job.as_ref()?;
            let t = job.tally();
            let total = job.len() - t.unsent;
            Some((job.file.clone(), total - t.left, total))
        })
    }
}

impl Default for Resumable {
    fn default() -> Self {
        Resumable::new()
    }
}

/// Looks for the signed-in agent's stored import, and offers it unless an import already runs
/// here.
pub async fn look(session: Session, sending: Sending, resumable: Resumable) {
    let Some(store) = JobStore::of(session).filter(JobStore::waits) else {
        return;
    };
    if let Some(job) = store.load().await {
        if sending.try_run() == Some(Run::Ready) {
            resumable.job.try_set(Some(job));
        }
    }
}

/// **Resume**: the stored import goes on where it stopped, its file and checks shown as they
/// were.
pub async fn resume(
    session: Session,
    form: FormState,
    import: ImportState,
    sending: Sending,
    resumable: Resumable,
) {
    let Some(job) = resumable.job.try_update(Option::take).flatten() else {
        return;
    };
    let delimiter = Delimiter::of_char(job.delimiter).unwrap_or(Delimiter::Comma);
    let sheet = Sheet::stored(job.file.clone(), delimiter, job.table.clone());
    let columns = job.mapping();
    let checked = check_rows(session, form, &sheet.table, &columns).await;
    import.read(Arc::new(sheet), columns, checked.clone());
    import.choose_existing(job.existing);
    let store = JobStore::of(session);
    send(session, form, sending, store, job, checked).await;
}

/// **Discard**: the stored import is forgotten (what it saved stays saved).
pub fn discard(session: Session, resumable: Resumable) {
    resumable.job.set(None);
    if let Some(store) = JobStore::of(session) {
        session.spawn(async move { store.end().await });
    }
}

//! Where an import is kept while it runs, for the agent signed in: the job in IndexedDB (see
//! `web::job_store`), and a mark in localStorage under the same key, so that the first download
//! can tell one waits (and fetch the import's part to ask about it) without opening IndexedDB.

use crate::domain::import::job::{decode_outcome, encode_outcome, Job, Outcome};
use crate::state::widget::session::Session;
use crate::web::job_store::{forget_job, keep_job, keep_row, stored_job, NotStored};
use crate::web::storage::{self, StorageArea};

/// The signed-in agent's stored import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobStore {
    key: String,
}

impl JobStore {
    /// The store of the agent signed in to `session` (none signed out).
    pub fn of(session: Session) -> Option<JobStore> {
        Some(JobStore {
            key: session.import_key()?,
        })
    }

    /// Whether an import waits to be resumed (read without opening IndexedDB).
    pub fn waits(&self) -> bool {
        matches!(storage::read(StorageArea::Local, &self.key), Ok(Some(_)))
    }

    /// Keeps `job` as it stands now (as it starts or resumes).
    pub async fn keep(&self, job: &Job) -> Result<(), NotStored> {
        keep_job(&self.key, &job.encode()).await?;
        // Without its mark it would never be offered again: then it is not kept at all.
        if storage::write(StorageArea::Local, &self.key, &job.file).is_err() {
            let _ = forget_job(&self.key).await;
            return Err(NotStored);
        }
        Ok(())
    }

    /// Keeps where row `index` stands.
    pub async fn keep_row(&self, index: usize, outcome: &Outcome) -> Result<(), NotStored> {
        keep_row(&self.key, index, &encode_outcome(outcome)).await
    }

    /// The stored import, with each row as it last stood; `None` when there is none. The mark
    /// of one the store no longer has, or that cannot be read, is removed, so it is not asked
    /// about again; when the store cannot be asked (its JS not fetched, IndexedDB refused) the
    /// mark stays, and the next sign-in asks again.
    pub async fn load(&self) -> Option<Job> {
        let stored = stored_job(&self.key).await.ok()?;
        let job = stored.and_then(|(job, rows)| {
            let mut job = Job::decode(&job)?;
            for (index, outcome) in rows {
                if let Some(outcome) = decode_outcome(&outcome) {
                    job.set(index, outcome);
                }
            }
            Some(job)
        });
        if job.is_none() {
            let _ = storage::remove(StorageArea::Local, &self.key);
        }
        job
    }

    /// The import is over (finished, cancelled or discarded): nothing is kept.
    pub async fn end(&self) {
        let _ = storage::remove(StorageArea::Local, &self.key);
        let _ = forget_job(&self.key).await;
    }
}

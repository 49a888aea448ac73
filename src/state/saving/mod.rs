//! The one save pipeline and what it needs: the submit, its per-API look-ups, the re-read and merge
//! before every write with the question a clash asks, the duplicate warning, and the save that
//! waits (the outbox) with its resend.

pub mod changes;
pub mod duplicates;
pub mod lookups;
pub mod merging;
pub mod outbox;
pub mod retry;
pub mod submit;

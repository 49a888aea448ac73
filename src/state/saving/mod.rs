//! The one write pipeline and what it needs: the write every writer shares, with its per-API
//! look-ups; the form's submit that checks what is typed and calls it; the re-read and merge
//! before every write with the question a clash asks, the duplicate warning, and the save that
//! waits (the outbox) with its resend.

pub mod changes;
pub mod duplicates;
pub mod form_write;
pub mod lookups;
pub mod merging;
pub mod outbox;
pub mod retry;
pub mod submit;
pub mod write;

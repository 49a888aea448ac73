//! Importing contacts from a spreadsheet: the file read and checked before anything is sent
//! (`import_state`, with its flows in `prepare`), then its rows sent (`sending`, with its flow
//! in `send`, each row through the one write as a `row_write`, the job kept by a `keeper`; the
//! server's contacts listed first by `listing` when that saves calls; both at the pace of
//! `pacing`), the job stored as it
//! goes (`stored`) and taken up again after a reload (`resume`). Its views are a lazy part, fetched
//! the first time an agent opens the import, or when a stored one waits.

pub mod import_state;
pub mod keeper;
pub mod listing;
pub mod managers;
pub mod pacing;
pub mod prepare;
pub mod resume;
pub mod row_write;
pub mod send;
pub mod sending;
pub mod stored;

//! Importing contacts from a spreadsheet: the file read and checked before anything is sent
//! (`import_state`, with its flows in `prepare`). Its views are a lazy part, fetched the first
//! time an agent opens the import.

pub mod import_state;
pub mod prepare;

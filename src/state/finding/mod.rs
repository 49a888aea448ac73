//! Finding and opening a contact: the search's results, opening one, and the unsaved-changes
//! question asked first.

pub mod finder;
pub mod open;
pub mod unsaved;

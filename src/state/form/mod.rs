//! The contact form's state and its parts: the inputs and their further rows, the target contact,
//! custom fields, drafts, the storage note, loading the remembered contact, and the questions the
//! form asks about the contact it shows.

pub mod contact;
pub mod custom;
pub mod drafts;
pub mod form_state;
pub mod inputs;
pub mod loading;
pub mod questions;
pub mod rows;
pub mod storage_note;

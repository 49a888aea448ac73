//! The widget's reactive state and what changes it: the form's state and its parts (inputs,
//! target contact, custom fields, duplicates, drafts, outbox, storage note), the session shared
//! by the views, the sign-in, the one save pipeline (`submit`), loading, saving later, finding
//! and opening a contact, the status region and the events the host page hears.

pub mod changes;
pub mod conflicts;
pub mod contact;
pub mod conversations;
pub mod custom;
pub mod delete;
pub mod deletion;
pub mod drafts;
pub mod duplicates;
pub mod events;
pub mod finder;
pub mod form_state;
pub mod inputs;
pub mod language;
pub mod loading;
pub mod lookups;
pub mod merging;
pub mod open;
pub mod outbox;
pub mod questions;
pub mod resolve;
pub mod retry;
pub mod rows;
pub mod session;
pub mod signin;
pub mod status;
pub mod storage_note;
pub mod submit;
pub mod unsaved;

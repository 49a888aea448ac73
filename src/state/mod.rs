//! The widget's reactive state and what changes it, one folder per feature, each state beside
//! its flows: what every view shares (`widget`: the session, the sign-in, the language, the
//! status, the events), the contact form (`form`), the one save pipeline (`saving`), finding
//! and opening a contact (`finding`), conflicting values (`resolving`), deleting (`deleting`),
//! a contact's conversations (`conversations`) and blocking one of its channels (`blocking`).

pub mod blocking;
pub mod conversations;
pub mod deleting;
pub mod finding;
pub mod form;
pub mod importing;
pub mod resolving;
pub mod saving;
pub mod widget;
